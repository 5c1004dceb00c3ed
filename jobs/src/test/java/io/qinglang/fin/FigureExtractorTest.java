package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.fin.Figure.State;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FigureExtractorTest {

  private static List<Figure> body(String text) {
    return FigureExtractor.extract(text, FigureExtractor.Mode.BODY);
  }

  private static Figure only(List<Figure> figures, Predicate<Figure> p) {
    List<Figure> found = figures.stream().filter(p).toList();
    assertEquals(1, found.size(), () -> "expected one match in " + figures);
    return found.get(0);
  }

  private static Figure change(String text, Metric metric) {
    return only(body(text), f -> f.metric() == metric && f.pct() != null && !f.prior());
  }

  @Test
  void fullWidthDigitsAndPercentSign() {
    Figure f = change("营收同比增长１２．５％", Metric.REVENUE);
    assertEquals(12.5, f.pct(), 1e-9);
    assertEquals(Direction.UP, f.direction());
    assertEquals("营收同比增长１２．５％", f.text(), "spans refer to the text as given");
  }

  @Test
  void hedgedDecline() {
    Figure f = change("归母净利润同比下降约3%", Metric.NET_PROFIT);
    assertEquals(-3.0, f.pct(), 1e-9);
    assertEquals(Hedge.ABOUT, f.hedge());
    assertEquals(Hedge.OVER, change("净利润同比下滑逾五成", Metric.NET_PROFIT).hedge());
    assertEquals(Hedge.NEAR, change("净利润减少近一成", Metric.NET_PROFIT).hedge());
    assertEquals(Hedge.OVER, change("营收增长超过20%", Metric.REVENUE).hedge());
    assertEquals(Hedge.ABOUT, change("扣非净利润下降10%左右", Metric.DEDUCTED_PROFIT).hedge());
  }

  @Test
  void negativeGrowthWrittenAsGrowth() {
    Figure f = change("公司净利润增长-3.2%", Metric.NET_PROFIT);
    assertEquals(-3.2, f.pct(), 1e-9);
    assertEquals(Direction.DOWN, f.effectiveDirection());
    assertEquals(-4.6, change("营收6.8亿（-4.6%）", Metric.REVENUE).pct(), 1e-9);
    assertEquals(18.0, change("Q1营收同比+18%", Metric.REVENUE).pct(), 1e-9);
    assertEquals(Direction.DOWN, only(body("收入首次负增长"), f2 -> f2.metric() == Metric.REVENUE).direction());
  }

  @Test
  void chineseProportions() {
    assertEquals(-30.0, change("营收下降三成", Metric.REVENUE).pct(), 1e-9);
    assertEquals(-90.0, change("净利润同比降九成", Metric.NET_PROFIT).pct(), 1e-9);
    assertEquals(-80.0, change("营收暴跌8成", Metric.REVENUE).pct(), 1e-9);
    Figure half = change("净利润减少近半", Metric.NET_PROFIT);
    assertEquals(-50.0, half.pct(), 1e-9);
    assertEquals(Hedge.NEAR, half.hedge());
    Figure cut = change("净利润腰斩", Metric.NET_PROFIT);
    assertEquals(-50.0, cut.pct(), 1e-9);
    assertEquals(1, cut.intensity());
    Figure doubled = change("净利润同比翻番", Metric.NET_PROFIT);
    assertEquals(100.0, doubled.pct(), 1e-9);
    assertEquals(Hedge.OVER, doubled.hedge());
    Figure times = change("营收增长两倍", Metric.REVENUE);
    assertEquals(200.0, times.pct(), 1e-9);
    assertEquals(100.0, times.pctAlt(), 1e-9, "增长两倍 is also read as 'to twice'");
    Figure range = change("净利润预减三到四成", Metric.NET_PROFIT);
    assertEquals(-30.0, range.pctLow(), 1e-9);
    assertEquals(-40.0, range.pctHigh(), 1e-9);
    assertEquals(30.0, change("营收同比增长百分之三十", Metric.REVENUE).pct(), 1e-9);
  }

  @Test
  void ranges() {
    Figure f = change("预计上半年净利润同比增长10%-20%", Metric.NET_PROFIT);
    assertEquals(10.0, f.pctLow(), 1e-9);
    assertEquals(20.0, f.pctHigh(), 1e-9);
    assertEquals(15.0, f.pct(), 1e-9);
    Figure down = change("归母净利润同比减少45%至55%", Metric.NET_PROFIT);
    assertEquals(-45.0, down.pctLow(), 1e-9);
    assertEquals(-55.0, down.pctHigh(), 1e-9);
    Figure signed = change("归母净利润1.2-1.5亿元，同比-30%至-44%", Metric.NET_PROFIT);
    assertEquals(-30.0, signed.pctLow(), 1e-9);
    assertEquals(-44.0, signed.pctHigh(), 1e-9);
    Figure dash = change("预计全年净利润同比减少20%—30%", Metric.NET_PROFIT);
    assertEquals(-20.0, dash.pctLow(), 1e-9);
  }

  @Test
  void amountsWithUnits() {
    Figure revenue = only(body("实现营业收入1,234.56亿元"), f -> f.amount() != null);
    assertEquals(1.23456e11, revenue.amount(), 1);
    assertEquals(Metric.REVENUE, revenue.metric());
    Figure wan = only(body("归母净利润6420万元"), f -> f.amount() != null);
    assertEquals(6.42e7, wan.amount(), 1);
    Figure loss = only(body("归母净利润亏损3800万元"), f -> f.amount() != null);
    assertEquals(-3.8e7, loss.amount(), 1);
    assertEquals(State.LOSS, loss.effectiveState());
    Figure negative = only(body("归属于上市公司股东的净利润为-2.31亿元"), f -> f.amount() != null);
    assertEquals(State.LOSS, negative.effectiveState());
    Figure range = only(body("预计归母净利润亏损1.1亿元至1.5亿元"), f -> f.amount() != null);
    assertEquals(-1.1e8, range.amount(), 1);
    assertEquals(-1.5e8, range.amountHigh(), 1);
    assertTrue(body("新能源车销量302万辆").stream().noneMatch(f -> f.amount() != null), "302万辆 is a count");
  }

  @Test
  void turnsIntoLossAndProfit() {
    Figure turn = only(body("上半年由盈转亏"), f -> f.state() == State.LOSS);
    assertEquals(Direction.DOWN, turn.direction());
    assertEquals(Metric.NET_PROFIT, turn.metric());
    Figure back = only(body("一季度扭亏为盈"), f -> f.state() == State.PROFIT);
    assertEquals(Direction.UP, back.direction());
    Figure narrowed = only(body("归母净利润亏损0.46亿元，去年同期亏损0.71亿元，亏损有所收窄"),
        f -> f.direction() == Direction.UP);
    assertEquals(State.LOSS, narrowed.state());
    Figure widened = only(body("亏损同比扩大"), f -> f.state() == State.LOSS);
    assertEquals(Direction.DOWN, widened.direction());
    List<Figure> notLoss = body("利润大幅下降，但还是盈利的，没亏。").stream().filter(f -> f.state() != null).toList();
    assertFalse(notLoss.isEmpty());
    assertTrue(notLoss.stream().allMatch(f -> f.state() == State.PROFIT), notLoss.toString());
    assertEquals(State.LOSS, only(body("一季度继续亏损 扭亏无望"), f -> f.state() == State.PROFIT || f.text()
        .contains("扭亏")).state());
  }

  @Test
  void comparisonPeriodIsPrior() {
    List<Figure> figures = body("归母净利润2108万元，上年同期亏损1560万元，成功扭亏为盈");
    Figure prior = only(figures, f -> f.amount() != null && f.amount() < 0);
    assertTrue(prior.prior());
    assertFalse(only(figures, f -> f.amount() != null && f.amount() > 0).prior());
    Figure earlier = only(body("营业收入45.6亿元，同比增长4.1%，增速较上年的15.3%有所放缓"),
        f -> f.pct() != null && f.prior());
    assertEquals(15.3, earlier.pct(), 1e-9);
    assertTrue(body("营业收入45.6亿元，同比增长4.1%，增速较上年的15.3%有所放缓").stream()
        .anyMatch(f -> f.direction() == Direction.SLOW));
  }

  @Test
  void periods() {
    assertEquals(new Period(2023, "Q1", false), change("2023年第一季度营收增长5%", Metric.REVENUE).period());
    assertEquals("Q1-Q3", change("前三季度归母净利润同比下降8.1%", Metric.NET_PROFIT).period().code());
    assertEquals("H1", change("上半年营收同比增长6.6%", Metric.REVENUE).period().code());
    assertEquals(new Period(2024, "Q1", false), change("2024Q1营收同比+168.4%", Metric.REVENUE).period());
    Figure year = only(body("2023年全年营收增长6.4%；其中四季度单季营收同比下降41.2%"),
        f -> f.pct() != null && f.pct() > 0);
    assertEquals(new Period(2023, "FY", false), year.period());
    Figure single = only(body("2023年全年营收增长6.4%；其中四季度单季营收同比下降41.2%"),
        f -> f.pct() != null && f.pct() < 0);
    assertTrue(single.period().singleQuarter());
    assertEquals(4, change("2023年营收增长6.4%", Metric.REVENUE).period().quarters());
  }

  @Test
  void metricsCarryOverClausesButNotSentences() {
    Figure f = change("一季度实现营业收入8.62亿元，同比下降3.1%", Metric.REVENUE);
    assertEquals(-3.1, f.pct(), 1e-9);
    List<Figure> two = body("营业收入增长5%。同比下降3%");
    assertNull(only(two, x -> x.pct() != null && x.pct() < 0).metric());
  }

  @Test
  void segmentsInTheBody() {
    Figure segment = only(body("营业收入48.7亿元，同比增长6.3%；海外业务收入同比下降40.3%"),
        f -> f.pct() != null && f.pct() < 0);
    assertEquals(Metric.SEGMENT_REVENUE, segment.metric());
    assertEquals("海外业务收入", segment.metricText());
    Figure headline = only(FigureExtractor.extract("鸿利智汇收入暴跌近六成", FigureExtractor.Mode.HEADLINE),
        f -> f.pct() != null);
    assertEquals(Metric.REVENUE, headline.metric(), "a headline's revenue after the company name is the total");
  }

  @Test
  void pointsBelongToRates() {
    Figure margin = only(body("毛利率同比下降1.2个百分点"), f -> f.points() != null);
    assertEquals(Metric.GROSS_MARGIN, margin.metric());
    assertEquals(-1.2, margin.points(), 1e-9);
    Figure other = only(body("归母净利润18.7亿元，同比增长5.6%；不良率较年初下降0.04个百分点"), f -> f.points() != null);
    assertEquals(Metric.RATIO, other.metric());
  }

  @Test
  void traditionalCharacters() {
    Figure f = change("淨利潤同比下降５％", Metric.NET_PROFIT);
    assertEquals(-5.0, f.pct(), 1e-9);
    assertNotNull(only(body("業績預告顯示由盈轉虧"), x -> x.state() == State.LOSS));
  }

  @Test
  void chineseNumerals() {
    assertEquals(15.0, ChineseNumerals.parse("十五"));
    assertEquals(23.0, ChineseNumerals.parse("二十三"));
    assertEquals(120.0, ChineseNumerals.parse("一百二十"));
    assertEquals(2.0, ChineseNumerals.parse("两"));
    assertEquals(5.5, ChineseNumerals.parse("五点五"));
    assertEquals(30000.0, ChineseNumerals.parse("三万"));
    assertEquals(3.5, ChineseNumerals.parse("3.5"));
    assertNull(ChineseNumerals.parse("几"));
    assertNull(ChineseNumerals.parse(""));
  }

  @Test
  void nothingInOrdinaryText() {
    assertTrue(body("周末带娃去了乌镇，人不算多，晚上的水乡很美。").isEmpty());
    assertTrue(FigureExtractor.extract(null).isEmpty());
  }

  @Test
  void aChangeNounAfterThePercentageMakesItAChange() {
    List<Figure> down = body("62.4%的跌幅是真的，年报里白纸黑字。");
    Figure f = only(down, x -> x.pct() != null);
    assertEquals(-62.4, f.pct(), 1e-9);
    assertNull(f.level(), "a change, not a level");
    assertEquals(1, down.size(), "跌幅 is not read a second time as a bare direction: " + down);
    assertEquals(30.0, change("营收实现30%的增长", Metric.REVENUE).pct(), 1e-9);
    Figure margin = only(body("毛利率为33.2%的水平"), x -> x.level() != null);
    assertEquals(33.2, margin.level(), 1e-9);
  }
}
