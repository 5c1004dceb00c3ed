package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuoteContextDetectorTest {
  static final QuoteContextDetector D = DetectFixtures.RESOURCES.quoteContextDetector();

  private static String reason(String title, String content) {
    return D.find(title, content).map(QuoteContextDetector.Finding::reason).orElse("none");
  }

  @Test
  void aDroppedConditionIsStrongEvidence() {
    Optional<QuoteContextDetector.Finding> f = D.find("付远航：青梧物流撑不过三年",
        "在昨天的供应链论坛上，付远航说：“行业都在打价格战，要是只拼低价，青梧物流撑不过三年，所以我们押注冷链。”");
    assertTrue(f.isPresent());
    assertEquals("conditional", f.get().reason());
    assertEquals("要是", f.get().marker());
    assertTrue(f.get().strong());
  }

  @Test
  void eachWayOfChangingTheSense() {
    assertEquals("disbelief", reason("岑曦：外卖骑手赚得太多了",
        "岑曦在节目里的原话是：“我从不认为外卖骑手赚得太多了，平台应该把补贴给到他们。”"));
    assertEquals("disagreement", reason("柏舟能源董事长：光伏行业要完了",
        "他在年会上说：“网上都说光伏行业要完了，我不认同，装机量还在涨。”"));
    assertEquals("contrast", reason("戚宁：客户不是上帝",
        "采访中戚宁说：“客户不是上帝，而是朋友，朋友之间要讲诚信。”"));
    assertEquals("follow_up", reason("禾岭乳业总经理：今年要裁掉一半人",
        "他在会上算了一笔账：“按现在的亏损，今年要裁掉一半人。”随后强调，这只是说明降本有多急，公司不会裁员。"));
  }

  @Test
  void whatOthersSayIsOnlyReviewLevel() {
    Optional<QuoteContextDetector.Finding> f = D.find("鲁岩：钢铁行业没有未来",
        "鲁岩在峰会上说：“有人说钢铁行业没有未来，这个问题值得讨论。”");
    assertTrue(f.isPresent());
    assertEquals("attributed", f.get().reason());
    assertFalse(f.get().strong());
    List<Evidence> evidence = D.detect("鲁岩：钢铁行业没有未来", "鲁岩在峰会上说：“有人说钢铁行业没有未来，这个问题值得讨论。”");
    assertEquals(QuoteContextDetector.REVIEW, evidence.get(0).score());
    assertEquals(Evidence.QUOTE_CONTEXT, evidence.get(0).source());
  }

  @Test
  void faithfulQuotesAndHeadlinesThatKeepTheContextAreNotFlagged() {
    assertEquals("none", reason("易澄：明年门店数量翻一番",
        "易澄在发布会上说：“明年门店数量翻一番，重点在西南市场。”"), "a plain quote");
    assertEquals("none", reason("易澄：如果原料继续涨，明年会提价",
        "易澄在发布会上说：“如果原料继续涨，明年会提价，但现在没有计划。”"), "the headline keeps the condition");
    assertEquals("none", reason("易澄：明年会提价吗？",
        "易澄在发布会上说：“如果原料继续涨，明年会提价。”"), "a question commits to nothing");
    assertEquals("none", reason("易澄：明年会提价",
        "评论区有人问明年会不会提价，如果原料继续涨，明年会提价也不奇怪。"), "no quotation, no reported speech");
    assertEquals("none", reason("易澄：利润会下滑",
        "易澄说：“如果说去年是打基础，今年利润会下滑是预料之中的。”"), "如果说 is rhetoric, not a condition");
    assertEquals("none", reason(null, "易澄说：“如果原料继续涨，明年会提价。”"), "no headline");
    assertEquals("none", reason("易澄：明年门店数量会翻一番", "易澄在发布会上表示：明年门店数量会翻一番。我不这么看，租金太贵了。"),
        "the writer disagreeing after reported speech does not change what the speaker said");
    assertEquals("disagreement", reason("易澄：明年门店数量会翻一番",
        "易澄在发布会上表示：有人说明年门店数量会翻一番，我不这么看，开店要看租金。"));
    assertEquals("none", reason("易澄：提价", "易澄说：“如果原料继续涨，我们会提价。”"), "claim too short");
    String longClaim = "明年所有门店的所有产品都会因为原材料和人工成本的持续上涨而统一上调价格并取消全部会员折扣";
    assertTrue(longClaim.length() > QuoteContextDetector.MAX_CLAIM_CHARS);
    assertEquals("none", reason("易澄：" + longClaim, "易澄说：“如果原料继续涨，" + longClaim + "。”"),
        "a whole headline is not a quoted claim");
  }

  @Test
  void aHeadlineThatRewordsTheQuoteALittleStillMatches() {
    Optional<QuoteContextDetector.Finding> f = D.find("邵启明：澜拓空调明年一定涨价",
        "邵启明在经销商大会上说：“如果铜价继续上涨，空调明年一定涨价。”");
    assertTrue(f.isPresent());
    assertEquals("空调明年一定涨价", f.get().claim());
    assertEquals("conditional", f.get().reason());
    assertEquals("none", reason("邵启明：澜拓明年涨价", "邵启明说：“如果铜价继续上涨，空调明年可能要涨一点价。”"),
        "too little of the claim in the body");
    assertEquals("none", reason("邵启明：如果铜价上涨，空调一定涨价",
        "邵启明说：“如果问我怎么看，那么如果铜价上涨，空调一定涨价。”"), "the headline carries the condition itself");
  }

  @Test
  void aLeadingBracketHeadingServesAsTheHeadline() {
    assertEquals("conditional", reason("",
        "【苇风科技CEO：我们明年会裁员】苇风科技CEO接受采访时表示：“万一订单继续下滑，我们明年会裁员，但目前订单饱满。”"));
    assertEquals("conditional", reason(null,
        " \u3000【苇风科技CEO：我们明年会裁员】苇风科技CEO表示：“万一订单继续下滑，我们明年会裁员。”"), "leading spaces");
    assertEquals("none", reason(null, "苇风科技CEO表示：“万一订单继续下滑，我们明年会裁员。”【我们明年会裁员】"),
        "a bracket that does not open the post is no heading");
  }

  @Test
  void anUntitledPostThatOpensWithASpeakerServesAsTheHeadline() {
    assertEquals("conditional", reason(null,
        "澜杉物流老总亲口承认：快递员工资要降 😮 原话是在年会上说的：“如果件量继续往下掉，快递员工资要降，所以我们先把分拣自动化做起来。”"));
    assertEquals("none", reason(null,
        "今天路过澜杉物流：快递员工资要降 原话是在年会上说的：“如果件量继续往下掉，快递员工资要降。”"),
        "an opening clause without a speaker word is no headline");
    assertEquals("none", reason(null,
        "澜杉物流老总：快递员工资要降？ 原话是在年会上说的：“如果件量继续往下掉，快递员工资要降。”"),
        "an opening clause that asks commits to nothing");
    assertEquals("none", reason(null,
        "澜杉物流老总：快递员工资要降 他在年会上说：“快递员工资要降，但会补上绩效。”"), "a faithful opening clause");
  }

  @Test
  void theHeadingItselfIsNotSearchedSoAPartialQuoteInTheBodyCounts() {
    // The heading holds the whole claim; the quotation only most of it, followed by a rejection.
    assertEquals("disagreement", reason(null,
        "【枫泾纺织总经理：工厂可以不交社保】他在论坛上的原话：“有的老板以为雇临时工就可以不交社保，这是误解，法定义务一项都少不了。”"));
  }

  @Test
  void aClaimSpreadOverTheQuotationStillMatchesWhenCompact() {
    Optional<QuoteContextDetector.Finding> f = D.find("岚桥航运高管：公司没有明天",
        "副总经理在年会上谈到船队更新：“假如我们在三年内完成不了新能源船的替换，公司在远洋航线上就没有明天。”");
    assertTrue(f.isPresent(), "the condition sits more than one window before the claim, in the same sentence");
    assertEquals("conditional", f.get().reason());
    assertEquals("公司在远洋航线上就没有明天", f.get().claim());
    assertEquals("none", reason("岚桥航运高管：公司没有明天",
        "副总经理说：“假如运价回落，公司的船队更新计划会推迟，到时再看有没有合适的明天去谈。”"),
        "the claim's characters scattered over a long stretch are no match");
  }

  @Test
  void subsequenceSpanIsTheShortestCompactSpan() {
    String body = "甲公司乙在丙航线上就没有未来丁";
    int[] span = QuoteContextDetector.subsequenceSpan(body, 0, body.length(), "公司没有未来", 6, 6 + 8);
    assertEquals("公司乙在丙航线上就没有未来", body.substring(span[0], span[1]));
    assertEquals(null, QuoteContextDetector.subsequenceSpan(body, 0, body.length(), "公司没有未来", 6, 6 + 2));
    assertEquals(null, QuoteContextDetector.subsequenceSpan(body, 0, body.length(), "公司没有明天", 6, 20));
  }

  @Test
  void aDenialRightBeforeTheClaimIsStrong() {
    assertEquals("disbelief", reason("沅汀茶饮老板：年轻人不配喝好茶",
        "老板在发布会上说：“不是年轻人不配喝好茶，是我们的价格还没做到让年轻人喝得起。”"));
  }

  @Test
  void theWriterAdmittingTheCutIsStrong() {
    assertEquals("cut_admitted", reason("棠溪家居老板：装修就该多花钱",
        "视频里他的原话：“装修就该多花钱”。前面主持人问了什么不用管，听这一句就行。"));
    assertEquals("cut_admitted", reason(null,
        "棠溪家居CEO原话：“装修就该多花钱。”这话也说得出口？前后他说啥不重要，我只截了这一句。"));
    assertEquals("none", reason(null, "棠溪家居CEO原话：“装修就该多花钱。”这话也说得出口？"),
        "a quoted opening clause alone shows no cut");
    assertEquals("none", reason("棠溪家居老板：装修就该多花钱", "他在访谈里说：“装修就该多花钱，省下的都会在后期补回来。”"),
        "a faithful quote");
  }

  @Test
  void fullWidthAndSpacesDoNotHideTheMatch() {
    assertEquals("conditional", reason("韦川：汽车 价格 还会再降",
        "韦川说：“假如电池成本继续下降，汽车价格还会再降。”"));
  }

  @Test
  void personalDataInTheClaimIsMasked() {
    List<Evidence> evidence = D.detect("林知远：我的电话是13912345678",
        "林知远说：“假如有人冒充客服，我的电话是13912345678这种话你们别信。”");
    assertEquals(1, evidence.size());
    assertFalse(evidence.get(0).detail().contains("13912345678"));
    assertFalse(evidence.get(0).span().contains("13912345678"));
  }

  @Test
  void wordsTheFullQuoteDoesNotHoldAreReviewLevel() {
    String title = "岚溪家居老板：买不起沙发的人别进店";
    String body = "周末的家居论坛上，岚溪家居创始人提到门店定位。原话是：“我们的门店主打中高端，"
        + "预算有限的朋友可以看看线上的基础款，一样包配送安装。”";
    Optional<QuoteContextDetector.Finding> f = D.find(title, body);
    assertTrue(f.isPresent());
    assertEquals("not_in_quote", f.get().reason());
    assertEquals("原话", f.get().marker());
    assertFalse(f.get().strong());
    List<Evidence> evidence = D.detect(title, body);
    assertEquals(QuoteContextDetector.REVIEW, evidence.get(0).score());
    assertTrue(evidence.get(0).detail().contains("without it"), evidence.get(0).detail());
  }

  @Test
  void notInQuoteNamesTheBodysFirstFullQuote() {
    Optional<QuoteContextDetector.Finding> f = D.find("岚溪家居老板：买不起沙发的人别进店",
        "发言稿原文：“门店主打中高端。”会后他又补了一句，原话是：“线上也有基础款。”");
    assertTrue(f.isPresent());
    assertEquals("原文", f.get().marker(), "the earlier quotation, whatever the lexicon's order");
  }

  @Test
  void notInQuoteNeedsANamedSpeakerAFullQuoteAndAClaimTheBodyLacks() {
    String quote = "原话是：“我们的门店主打中高端，预算有限的朋友可以看看线上的基础款。”";
    assertEquals("none", reason("岚溪家居：买不起沙发的人别进店", "周末的家居论坛上，岚溪家居创始人谈到门店定位。" + quote),
        "the headline names no speaker, only the company");
    assertEquals("none", reason("岚溪家居老板：买不起沙发的人别进店",
        "周末的家居论坛上，岚溪家居创始人谈到门店定位。他说：“我们的门店主打中高端，预算有限的朋友可以看看线上的基础款。”"),
        "a plain speech word does not present the quotation as the whole of what was said");
    assertEquals("none", reason("岚溪家居老板：门店主打中高端，预算有限看线上",
        "周末的家居论坛上，岚溪家居创始人谈到门店定位。" + quote), "the quotation holds most of the claim");
    assertEquals("none", reason("岚溪家居老板：买不起沙发的人别进店",
        "周末的家居论坛上，岚溪家居创始人谈到门店定位，原话不长，大意是门店主打中高端。"), "no quotation follows the word");
  }

  @Test
  void aHeadlineReportingHearsayAddsAnUnscoredEntry() {
    List<Evidence> ev = D.detect("网传“岚溪家居要倒闭”？我去门店看了", "岚溪家居各门店正常营业，新品刚上架。");
    assertEquals(1, ev.size());
    assertEquals(HearsayHeadline.KIND, ev.get(0).kind());
    assertEquals("网传", ev.get(0).span());
    assertEquals(null, ev.get(0).score(), "it decides nothing by itself");
    assertEquals(-1, FusionPolicy.categoryOf(ev.get(0)));
    assertEquals(List.of(), D.detect("岚溪家居要倒闭？我去门店看了", "岚溪家居各门店正常营业，新品刚上架。"));
    // The section is optional: a lexicon without it loads and finds no hearsay.
    Lexicon withoutHearsay = Lexicon.parse("older.txt", QuoteContextDetector.SECTIONS.stream()
        .map(s -> "[" + s + "]\n如果\n").reduce("", String::concat));
    assertEquals(List.of(), new QuoteContextDetector(withoutHearsay, 20, 6).detect("网传岚溪家居要倒闭", "正常营业"));
  }

  @Test
  void aPostCitingTheEnterprisesOwnAdmissionAddsAnUnscoredEntry() {
    List<Evidence> ev = D.detect(null, "岚溪家居官方已经承认那批板材甲醛超标，我家衣柜就是那批的，孩子房间都不敢住了。");
    assertEquals(List.of(OwnAdmission.KIND), ev.stream().map(Evidence::kind).toList());
    assertEquals("官方已经承认", ev.get(0).span());
    assertEquals(null, ev.get(0).score(), "it decides nothing by itself");
    assertEquals(-1, FusionPolicy.categoryOf(ev.get(0)));
    assertEquals(List.of(), D.detect(null, "岚溪家居官方已经承认那批板材甲醛超标，想要环保板材的来我们店看看。"),
        "the shipped lexicon's pitch words");
    assertEquals(List.of(), D.detect(null, "岚溪家居官方一直不承认板材甲醛超标。"));
  }

  @Test
  void aLexiconWithoutTheSectionsIsRejected() {
    Lexicon partial = Lexicon.parse("partial.txt", "[conditional]\n如果\n");
    assertThrows(ConfigException.class, () -> new QuoteContextDetector(partial, 20, 6));
  }
}
