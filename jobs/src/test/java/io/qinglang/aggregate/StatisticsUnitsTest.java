package io.qinglang.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
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
