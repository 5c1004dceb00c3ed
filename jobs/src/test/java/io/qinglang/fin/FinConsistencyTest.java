package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FinConsistencyTest {
  private static final FinAnalyzer ANALYZER = FinAnalyzer.defaults();

  private static FinAnalysis article(String title, String body) {
    FinAnalysis a = ANALYZER.analyze("article", title, body);
    assertTrue(a.applies(), "a results article: " + title);
    return a;
  }

  private static double feature(FinAnalysis a, String name) {
    return a.features()[FinConsistency.FEATURES.indexOf(name)];
  }

  private static List<String> kinds(FinAnalysis a) {
    return a.evidence().stream().map(FinEvidence::kind).toList();
  }

  @Test
  void inflatedMagnitudeNamesBothFigures() {
    FinAnalysis a = article("某公司净利润暴跌90%",
        "某公司发布2023年年度报告，全年营业收入34.5亿元，同比下降1.8%；净利润同比下降3.2%。");
    FinEvidence e = a.evidence().stream().filter(x -> x.kind().equals("magnitude_inflation")).findFirst().orElseThrow();
    assertEquals("title: 净利润暴跌90%; body: 净利润同比下降3.2%", e.detail());
    assertEquals("净利润暴跌90%", e.span());
    assertEquals("某公司".length(), e.start());
    assertTrue(feature(a, "magnitude_inflation") > 4, "log2(90/3.2)");
  }

  @Test
  void accurateBadNewsIsConsistent() {
    FinAnalysis a = article("青禾食品一季度营收同比下降3.1% 净利润减少近一成",
        "青禾食品发布2024年第一季度报告。一季度实现营业收入8.62亿元，同比下降3.1%；归母净利润6420万元，同比下降9.6%。");
    assertTrue(a.evidence().isEmpty(), a.evidence().toString());
    assertEquals(1.0, feature(a, "supported_fraction"));
    assertTrue(feature(a, "title_direction") < 0, "bad news");
    FinAnalysis loss = article("南钢股份上半年由盈转亏 归母净利润亏损2.3亿元",
        "南钢股份披露半年报，上半年营业收入356.4亿元，同比下降8.7%；归属于上市公司股东的净利润为-2.31亿元，"
            + "上年同期为盈利5.6亿元，由盈转亏。");
    assertTrue(loss.evidence().isEmpty(), loss.evidence().toString());
    FinAnalysis halved = article("远澜科技2023年净利润腰斩",
        "远澜科技发布2023年年报，全年营业收入21.7亿元，同比增长4.2%；归母净利润1.86亿元，同比下降51.3%。");
    assertTrue(halved.evidence().isEmpty(), "腰斩 for -51.3% is accurate: " + halved.evidence());
  }

  @Test
  void flippedDirection() {
    FinAnalysis a = article("振华重工：上半年净利润同比下降8.3%",
        "振华重工半年报显示，上半年实现营业收入159.1亿元，同比增长6.6%；归母净利润2.1亿元，同比增长8.3%。");
    assertEquals(List.of("direction_mismatch"), kinds(a));
    assertEquals("title: 净利润同比下降8.3%; body: 归母净利润2.1亿元，同比增长8.3%", a.evidence().get(0).detail());
  }

  @Test
  void slowerGrowthIsNotADecline() {
    FinAnalysis a = article("特发信息营收下滑",
        "特发信息年报显示，全年营业收入45.6亿元，同比增长4.1%，增速较上年的15.3%有所放缓。");
    assertTrue(kinds(a).contains("direction_mismatch"));
    assertTrue(kinds(a).contains("slowdown_as_decline"));
  }

  @Test
  void singleQuarterPresentedAsTheYear() {
    FinAnalysis a = article("恒星化工2023年净利润下降65%",
        "恒星化工年报显示，2023年全年归母净利润8.4亿元，同比增长12.3%。其中第四季度单季归母净利润1.1亿元，同比下降65.2%。");
    assertTrue(kinds(a).contains("period_scope"), kinds(a).toString());
  }

  @Test
  void singlePeriodPresentedAsTrend() {
    FinAnalysis a = article("软通动力净利润持续下滑",
        "软通动力一季度报告显示，2024年一季度归母净利润0.39亿元，同比下降62.5%。2023年全年归母净利润5.4亿元，同比增长7.9%。");
    assertEquals(1.0, feature(a, "trend_unsupported"));
    FinAnalysis real = article("北辰纺织营收连续三年下滑",
        "北辰纺织2023年营业收入11.8亿元，同比下降9.1%。这是公司营收连续第三年下降：2021年、2022年营收分别同比下降4.5%和6.8%。");
    assertEquals(0.0, feature(real, "trend_unsupported"));
  }

  @Test
  void minorMetricPresentedAsRevenue() {
    FinAnalysis a = article("瑞丰家居营收大跌40%",
        "瑞丰家居全年营业收入48.7亿元，同比增长6.3%；归母净利润3.1亿元，同比增长9.8%。海外业务收入同比下降40.3%。");
    assertTrue(kinds(a).contains("minor_as_headline"));
    String detail = a.evidence().stream().filter(e -> e.kind().equals("minor_as_headline")).findFirst().orElseThrow()
        .detail();
    assertEquals("title: 营收大跌40%; body: 海外业务收入同比下降40.3%", detail);
  }

  @Test
  void catastropheWordsNeedSupport() {
    String body = "天健集团前三季度实现营业收入142.6亿元，同比增长3.4%；归母净利润6.2亿元，同比下降8.1%。";
    FinAnalysis a = article("天健集团爆雷？三季度净利润下降 濒临破产", body);
    assertEquals(2.0, feature(a, "catastrophe_unsupported"));
    assertEquals(1.0, feature(a, "question"));
    FinAnalysis supported = article("华信地产濒临破产：上半年亏损扩大",
        "华信地产半年报显示，上半年营业收入12亿元，同比下降40%；归母净利润亏损8亿元，亏损同比扩大。公司已向法院申请破产重整。");
    assertEquals(0.0, feature(supported, "catastrophe_unsupported"));
    assertEquals(1.0, feature(supported, "catastrophe_supported"));
    FinAnalysis negated = article("光庭信息利润下降",
        "光庭信息前三季度营收4.3亿，同比-3.2%，归母净利3200万，同比下降28%。不算暴雷，就是增长停了。");
    assertEquals(0.0, feature(negated, "catastrophe_unsupported"));
  }

  @Test
  void lossTheBodyDoesNotReport() {
    FinAnalysis a = article("金穗农业上半年巨亏",
        "金穗农业发布半年度业绩预告，预计2024年上半年归母净利润为1.2亿元至1.5亿元，同比减少30%至44%。");
    assertEquals(List.of("loss_unsupported"), kinds(a));
  }

  @Test
  void inflatedLossAmount() {
    FinAnalysis a = article("北斗新材巨亏20亿",
        "北斗新材2023年营业收入12.4亿元，同比下降18.5%；归母净利润亏损2.03亿元，上年同期盈利0.4亿元。");
    assertTrue(kinds(a).contains("magnitude_inflation"), kinds(a).toString());
  }

  @Test
  void notResultsArticles() {
    assertFalse(ANALYZER.analyze("article", "3月社会消费品零售总额同比增长10.6%",
        "国家统计局数据显示，3月份社会消费品零售总额同比增长10.6%，其中餐饮收入同比增长26.3%。").applies());
    assertFalse(ANALYZER.analyze("article", "招聘：财务分析经理",
        "岗位职责：负责编制公司季度财务报告，分析营业收入、净利润等经营指标变化，协助完成年报审计。").applies());
    assertFalse(ANALYZER.analyze("comment", null, "年报不错，营收增长18%，继续持有").applies());
    assertFalse(ANALYZER.analyze("post", "今天又跌了5%",
        "茅台今天盘中一度跌超5%，收盘跌4.2%，成交额明显放大。我的成本在1900，现在有点慌。").applies());
    FinAnalysis none = ANALYZER.analyze("account", "某公司", "营收同比增长5%，净利润同比增长8%，2023年年报");
    assertFalse(none.applies());
    assertEquals(FinConsistency.SIZE, none.features().length);
  }

  @Test
  void postsWithoutTitleUseTheirOpening() {
    FinAnalysis a = ANALYZER.analyze("post", null, "【康源化学净利润暴跌80%！】康源化学发布2023年年报，全年营收32.8亿元，"
        + "同比增长1.2%；归母净利润1.9亿元，同比下降8.1%。");
    assertTrue(a.applies());
    assertEquals("bracket", a.article().headlineSource());
    assertEquals("康源化学净利润暴跌80%！", a.article().headline());
    assertTrue(kinds(a).contains("magnitude_inflation"));
    FinEvidence e = a.evidence().get(0);
    assertEquals("净利润暴跌80%", e.span());
    FinAnalysis opening = ANALYZER.analyze("post", null, "北辰重工三季报：净利润同比暴增300%！北辰要起飞了 （前三季度营收412亿元"
        + "同比增长4.1%，归母净利润21.3亿元同比增长30.2%）");
    assertEquals("first_sentence", opening.article().headlineSource());
    assertTrue(kinds(opening).contains("magnitude_inflation"));
    FinAnalysis data = ANALYZER.analyze("post", null, "鹿鸣咖啡三季度：营收22.8亿元，同比+24%；净利润1.6亿元，同比+51%；"
        + "门店净增410家。同店销售同比-1.5%，新店摊薄效应明显。");
    assertTrue(data.applies());
    assertTrue(data.evidence().isEmpty(), "a post of figures is its own body: " + data.evidence());
  }

  @Test
  void aChangeImpliedByTwoLevelsSupportsTheHeadline() {
    FinAnalysis a = article("赤岭光电：2023年净利润同比暴跌62%",
        "赤岭光电披露年报，全年营收158.3亿元，同比下降11.8%；归母净利润3.71亿元，上年同期为9.87亿元。"
            + "公司称全年计提存货跌价准备约3.1亿元。");
    assertTrue(a.evidence().isEmpty(), "3.71 against 9.87 is -62.4%: " + a.evidence());
    assertEquals(1.0, feature(a, "supported_fraction"));
    assertTrue(feature(a, "body_max_decline") > 0.6, "the derived decline counts as the body's");
    FinAnalysis inflated = article("赤岭光电：2023年净利润同比暴跌62%",
        "赤岭光电披露年报，全年营收158.3亿元，同比下降11.8%；归母净利润9.02亿元，上年同期为9.87亿元。");
    FinEvidence e = inflated.evidence().stream().filter(x -> x.kind().equals("magnitude_inflation")).findFirst()
        .orElseThrow(() -> new AssertionError(inflated.evidence().toString()));
    assertTrue(e.detail().endsWith("归母净利润9.02亿元，上年同期为9.87亿元 [-8.6% computed from the two levels]"), e.detail());
    FinAnalysis flipped = article("赤岭光电：2023年净利润同比下降",
        "赤岭光电披露年报，全年营收158.3亿元，同比增长3.8%；归母净利润10.5亿元，上年同期为9.87亿元。");
    assertEquals(List.of("direction_mismatch"), kinds(flipped));
  }

  @Test
  void aStatedChangeWinsOverLevelsAndALossHasNoPercentage() {
    FinAnalysis stated = article("赤岭光电：2023年净利润同比暴跌62%",
        "赤岭光电披露年报，全年营收158.3亿元，同比下降11.8%；归母净利润3.71亿元，同比下降8.1%，上年同期为9.87亿元。");
    assertTrue(kinds(stated).contains("magnitude_inflation"), "the body's own -8.1% is the change: " + stated.evidence());
    FinAnalysis turn = article("赤岭光电：2023年净利润同比暴增300%",
        "赤岭光电披露年报，全年营收158.3亿元，同比增长1.8%；归母净利润3.71亿元，上年同期亏损9.87亿元。");
    assertTrue(kinds(turn).contains("unsupported_number"), "no percentage from a loss to a profit: " + turn.evidence());
  }

  @Test
  void aHeadlineNumberTheBodyRepeatsWithoutAMetricIsSupported() {
    FinAnalysis a = article("赤岭光电净利润暴跌62%，这家公司是不是不行了？",
        "利益相关：持有少量。62.4%的跌幅是真的，年报里白纸黑字。大头是3.1亿的存货跌价准备，加回去同比降幅在三成左右。"
            + "分季度看，Q3单季净利0.36亿，Q4回到1.42亿。");
    assertTrue(a.evidence().isEmpty(), "the body confirms the headline's 62%: " + a.evidence());
    FinAnalysis worded = article("赤岭光电净利润暴跌62%，这家公司是不是不行了？",
        "利益相关：持有少量。2023年全年归母净利润3.71亿元，大幅下滑。62.4%的跌幅是真的，年报里白纸黑字。");
    assertTrue(worded.evidence().isEmpty(),
        "a metric-less 62.4% is not a minor metric's figure, also beside a profit decline in words: " + worded.evidence());
    FinAnalysis other = article("赤岭光电净利润暴跌62%，这家公司是不是不行了？",
        "利益相关：持有少量。股价一年62.4%的跌幅是真的。全年归母净利润3.71亿元，同比下降8.1%。");
    assertTrue(kinds(other).contains("magnitude_inflation") || kinds(other).contains("minor_as_headline"),
        "a share-price fall is not the profit's: " + other.evidence());
  }

  @Test
  void aLossTheBodyOnlyRepeatsInWordsIsNotSupportedAgainstAStatedProfit() {
    FinAnalysis a = article("中岚能源巨亏！上半年净利润蒸发两百亿",
        "中岚能源日前发布半年报，归母净利润405亿元，而去年同期是612亿元，两百多亿没了！油价回落，如此巨亏，下半年还能扭转吗？");
    assertTrue(kinds(a).contains("loss_unsupported"), "405亿 is a profit, whatever the body calls it: " + a.evidence());
    FinAnalysis real = article("中岚能源上半年巨亏",
        "中岚能源发布半年报，上半年归母净利润-12.4亿元，上年同期盈利3.2亿元，如此巨亏，主要因油价回落。");
    assertFalse(kinds(real).contains("loss_unsupported"), real.evidence().toString());
  }
}
