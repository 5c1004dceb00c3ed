package io.qinglang.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quarters, periods and the interim masking, without Spark. */
class StatisticsUnitsTest {
  @Test
  void quartersFollowLocalDates() {
    assertEquals("2023Q2", Quarters.of(LocalDate.parse("2023-06-30")));
    assertEquals("2023Q3", Quarters.of(LocalDate.parse("2023-07-01")));
    assertEquals("2024Q1", Quarters.next("2023Q4"));
    assertEquals("2022Q4", Quarters.previous("2023Q1"));
    assertEquals(LocalDate.parse("2023-04-01"), Quarters.start("2023Q2"));
    assertEquals(LocalDate.parse("2023-06-30"), Quarters.end("2023Q2"));
    assertThrows(IllegalArgumentException.class, () -> Quarters.start("2023-Q2"));
  }

  @Test
  void periodsReplaceDatesWeeksAndQuarters() {
    AggregatePeriod p = new AggregatePeriod(LocalDate.parse("2023-05-03"), LocalDate.parse("2023-06-30"));
    assertEquals("published_date >= DATE'2023-05-03' AND published_date <= DATE'2023-06-30'",
        p.datePredicate("published_date"));
    // Wednesday May 3 is in the week of Monday May 1; Friday June 30 in the week of June 26.
    assertEquals("week_start >= DATE'2023-05-01' AND week_start <= DATE'2023-06-26'", p.weekPredicate("week_start"));
    // Q2, and Q3 whose change versus Q2 depends on it.
    assertEquals("quarter >= '2023Q2' AND quarter <= '2023Q3'", p.quarterPredicate("quarter"));
    AggregatePeriod open = new AggregatePeriod(LocalDate.parse("2023-12-31"), null);
    assertEquals("quarter >= '2023Q4'", open.quarterPredicate("quarter"));
    assertEquals("week_start >= DATE'2023-12-25'", open.weekPredicate("week_start"));
    assertNull(AggregatePeriod.ALL.datePredicate("published_date"));
    assertNull(AggregatePeriod.ALL.quarterPredicate("quarter"));
    assertThrows(IllegalArgumentException.class,
        () -> new AggregatePeriod(LocalDate.parse("2023-07-01"), LocalDate.parse("2023-06-30")));
  }

  @Test
  void quarterlySummaryFormatsAlignedColumnsWithWideChineseCharacters() {
    QuarterlySummary.Report report = new QuarterlySummary.Report("m1",
        List.of(new QuarterlySummary.PlatformQuarter("2023Q2", "weibo", 12000, 37, 30.83333, null, 1, 2, 4, 1, 0, 5,
                40.0, 0.6),
            new QuarterlySummary.PlatformQuarter("2023Q3", "douyin", 800, 2, 25.0, -5.83, 2, 2, 0, 0, 2, 0, null,
                null)),
        List.of(new QuarterlySummary.CategoryCount("2023Q2", 2, "炮制传播涉企错误论调", 30, 30.0 / 37),
            new QuarterlySummary.CategoryCount("2023Q2", 10, "fabricated", 7, 7.0 / 37)));
    assertEquals(String.join("\n",
        "Per-platform violations by quarter (model m1)",
        "  quarter platform posts violations per 10k vs prev rank review imperson. clusters clues median h   72h",
        "  2023Q2  weibo    12000         37   30.83       -  1/2      4         1        0     5    40.00 60.0%",
        "  2023Q3  douyin     800          2   25.00   -5.83  2/2      0         0        2     0        -     -",
        "",
        "Top categories by quarter (all platforms)",
        "  quarter cat category             violations share",
        "  2023Q2    2 炮制传播涉企错误论调         30 81.1%",
        "  2023Q2   10 fabricated                    7 18.9%",
        ""), report.format());
    assertEquals(20, QuarterlySummary.displayWidth("炮制传播涉企错误论调"));
    assertEquals(5, QuarterlySummary.displayWidth("ab，c"));
    String empty = new QuarterlySummary.Report(null, List.of(), List.of()).format();
    assertEquals("Per-platform violations by quarter (model -)\n  (no scored posts)\n\n"
        + "Top categories by quarter (all platforms)\n  (no violations)\n", empty);
  }

  @Test
  void interimMaskingHidesEveryPersonalValue() {
    assertEquals("身份证110105********1234，手机138****5678", InterimPersonalDataMasker.mask(
        "身份证110105199003071234，手机13812345678"));
    assertEquals("电话 138****5678 或 010-****5678", InterimPersonalDataMasker.mask("电话 138 1234 5678 或 010-12345678"));
    assertEquals("卡号6222***********0123", InterimPersonalDataMasker.mask("卡号6222021234567890123"));
    assertEquals("邮箱z***@example.com", InterimPersonalDataMasker.mask("邮箱zhang.san@example.com"));
    assertEquals("身份证110105********123X前", InterimPersonalDataMasker.mask("身份证11010519900307123X前"));
    assertEquals("订单2023年5月1日，价格1299元", InterimPersonalDataMasker.mask("订单2023年5月1日，价格1299元"));
    assertNull(InterimPersonalDataMasker.mask(null));
  }
}
