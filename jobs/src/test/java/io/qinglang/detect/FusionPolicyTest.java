package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fusion on evidence produced by the real detectors where possible, so the figures are not invented. */
class FusionPolicyTest {
  static final FusionPolicy F = new FusionPolicy(DetectFixtures.SETTINGS.fusion());
  static final PersonalDataDetector PD = new PersonalDataDetector(
      DetectFixtures.RESOURCES.personalDataRecognizer(), DetectFixtures.REG);
  static final ImpersonationDetector IMP = DetectFixtures.impersonation();

  static double[] probs(int top, double p) {
    double[] a = new double[11];
    double rest = (1 - p) / 10;
    for (int i = 0; i < 11; i++) {
      a[i] = i == top ? p : rest;
    }
    return a;
  }

  /** The classifier's category withheld: 0, for review, and a fusion entry of the evidence's kind saying so. */
  static void assertWithheldForReview(FusionPolicy.Decision d, String kind, String classifier) {
    assertEquals(0, d.category());
    assertTrue(d.needsReview(), "withheld, but a reviewer sees it");
    assertTrue(d.evidence().stream().anyMatch(e -> e.source().equals("fusion") && e.kind().equals(kind)
        && e.detail().contains(classifier + " withheld")), d.evidence()::toString);
  }

  static List<Evidence> pd(String platform, String account, String content) {
    return PD.detect(platform, account, null, content, Set.of());
  }

  static Evidence attack() {
    return new Evidence(Evidence.COORDINATION, "attack_cluster", "member of cluster cc-0123456789abcdef", null, null,
        null, CampaignDetector.ATTACK_SCORE);
  }

  @Test
  void aValidatedIdWithPrivateContextIsALeakWhateverTheWording() {
    List<Evidence> ev = pd("weibo", "u1", "这位老板人不错，身份证110105198503071230，家住朝阳区，祝他生意兴隆");
    FusionPolicy.Decision d = F.decide(probs(0, 0.9), 0, 0.9, false, ev);
    assertEquals(3, d.category());
    assertEquals("personal_data", d.rule());
    assertTrue(d.confidence() >= 0.8);
    Evidence why = d.evidence().get(d.evidence().size() - 1);
    assertEquals("fusion", why.source());
    assertTrue(why.detail().startsWith("category 3 from personal_data/resident_id"), why.detail());
    // Even over a specific classifier category.
    assertEquals(3, F.decide(probs(7, 0.8), 7, 0.8, false, ev).category());
  }

  @Test
  void anImpersonatingAccountIsCategoryOne() {
    List<Evidence> ev = IMP.detect("weibo", "u_77", "比亚迪官方客服", "account", null, "售后退款请私信", null);
    FusionPolicy.Decision d = F.decide(probs(0, 0.7), 0, 0.7, false, ev);
    assertEquals(1, d.category());
    assertEquals("impersonation", d.rule());
  }

  @Test
  void theClassifiersImpersonationIsWithheldOnARegisteredOfficialAccount() {
    // The enterprise's own bio, which a classifier easily reads as a fake "official" account.
    List<Evidence> ev = IMP.detect("weibo", "byd_official", "比亚迪", "account", null,
        "比亚迪官方微博｜售后请拨打包装上的服务热线，官方客服不会要求添加个人微信", null);
    FusionPolicy.Decision d = F.decide(probs(1, 0.9), 1, 0.9, false, ev);
    assertEquals(0, d.category());
    assertFalse(d.needsReview());
    assertTrue(d.evidence().stream().anyMatch(e -> e.source().equals("fusion") && e.kind().equals("official_account")
        && e.detail().contains("classifier 1 (0.90) withheld")), d.evidence()::toString);
    // Any other category of the classifier stands: an official account can still, say, leak data.
    assertEquals(7, F.decide(probs(7, 0.9), 7, 0.9, false, ev).category());
    // The same bio from an unregistered account keeps the classifier's 1.
    List<Evidence> other = IMP.detect("weibo", "u_88", "某用户", "account", null,
        "比亚迪官方微博｜售后请拨打包装上的服务热线，官方客服不会要求添加个人微信", null);
    assertEquals(1, F.decide(probs(1, 0.9), 1, 0.9, false, other).category());
  }

  @Test
  void aDealerThatSaysItIsNotTheBrandIsNotMadeAnImpersonatorByTheClassifier() {
    String dealer = "美的空调长沙授权经销商（非厂家），授权编号可在美的官网经销商查询页核验。批量采购请私信，只走对公转账。";
    List<Evidence> ev = IMP.detect("douyin", "ms_dealer", "美的空调长沙授权经销商", "post", null, dealer, null);
    FusionPolicy.Decision d = F.decide(probs(1, 0.9), 1, 0.9, false, ev);
    assertWithheldForReview(d, "declared_not_own", "classifier 1 (0.90)");
    // Nor by corroboration, and another category of the classifier stands.
    List<Evidence> withReviewEvidence = new java.util.ArrayList<>(ev);
    withReviewEvidence.add(new Evidence(Evidence.IMPERSONATION, "promoted_name", "x", null, null, null, 0.6));
    assertEquals(0, F.decide(probs(1, 0.6), 0, 0.6, true, withReviewEvidence).category());
    assertEquals(8, F.decide(probs(8, 0.9), 8, 0.9, false, ev).category());
    // Strong impersonation evidence still decides: an account named as the official service is one.
    List<Evidence> fake = IMP.detect("weibo", "u_79", "比亚迪官方客服", "account", null, "本号非厂家，售后退款请私信", null);
    assertEquals(1, F.decide(probs(1, 0.9), 1, 0.9, false, fake).category());
    // The same dealer text without the declaration keeps the classifier's 1.
    List<Evidence> plain = IMP.detect("douyin", "ms_dealer", "美的空调长沙授权经销商", "post", null,
        dealer.replace("（非厂家）", ""), null);
    assertEquals(1, F.decide(probs(1, 0.9), 1, 0.9, false, plain).category());
  }

  @Test
  void anOfficialAccountsOwnLoudAnnouncementIsNotClickbait() {
    String launch = "官宣!!! 重磅来袭 新车今晚8点上市，到店试驾送好礼";
    List<Evidence> ev = IMP.detect("weibo", "byd_official", "比亚迪", "post", null, launch, null);
    FusionPolicy.Decision d = F.decide(probs(5, 0.95), 5, 0.95, false, ev);
    assertEquals(0, d.category());
    assertTrue(d.evidence().stream().anyMatch(e -> e.kind().equals("official_account")
        && e.detail().contains("classifier 5 (0.95) withheld")), d.evidence()::toString);
    // Nor by corroboration: quote-context evidence at review level leaning the same way.
    Evidence quote = new Evidence(Evidence.QUOTE_CONTEXT, "conditional_quote", "x", null, null, null, 0.6);
    List<Evidence> withQuote = new java.util.ArrayList<>(ev);
    withQuote.add(quote);
    assertEquals(0, F.decide(probs(5, 0.5), 0, 0.5, true, withQuote).category());
    // The same words from an unregistered account keep the classifier's 5, and corroboration works there.
    List<Evidence> other = IMP.detect("weibo", "u_90", "车迷小王", "post", null, launch, null);
    assertEquals(5, F.decide(probs(5, 0.95), 5, 0.95, false, other).category());
    List<Evidence> otherWithQuote = new java.util.ArrayList<>(other);
    otherWithQuote.add(quote);
    assertEquals(5, F.decide(probs(5, 0.5), 0, 0.5, true, otherWithQuote).category());
    // A category outside the list stands on an official account: riding a disaster for marketing is 9.
    assertEquals(9, F.decide(probs(9, 0.9), 9, 0.9, false, ev).category());
  }

  @Test
  void anOfficialAccountIsNotMadeCategoryOneByCorroborationEither() {
    // BYD's registered Douyin account under a name holding 茅台, which has no Douyin account registered:
    // review-level evidence that would otherwise corroborate the classifier's sub-threshold 1.
    List<Evidence> ev = IMP.detect("douyin", "byd_auto", "茅台官方旗舰店", "account", null, "联名礼盒", null);
    assertTrue(ev.stream().anyMatch(e -> FusionPolicy.categoryOf(e) == 1 && e.scoreOrZero() >= 0.5
        && e.scoreOrZero() < 0.8), ev::toString);
    FusionPolicy.Decision d = F.decide(probs(1, 0.5), 0, 0.5, false, ev);
    assertEquals(0, d.category());
    assertTrue(d.needsReview(), "the review-level evidence still asks for a look");
  }

  @Test
  void anExactNameWithoutARegisteredAccountOnThePlatformIsReviewedNotFlagged() {
    // 茅台 lists no app-store account: its genuine app and a fake one look the same to the detector.
    List<Evidence> app = IMP.detect("appstore", "moutai_official", "茅台官方", "app", "茅台",
        "贵州茅台酒股份有限公司官方出品。在线客服、订单查询一站式服务。客服热线400-123-4567。", null);
    FusionPolicy.Decision d = F.decide(probs(0, 0.9), 0, 0.9, false, app);
    assertEquals(0, d.category());
    assertTrue(d.needsReview(), app.toString());
    assertEquals("review", d.rule());
    // An account under the exact name on a platform where 比亚迪's own account is registered: flagged.
    List<Evidence> fake = IMP.detect("douyin", "u_78", "比亚迪官方客服", "account", null, "售后退款请私信", null);
    assertEquals(1, F.decide(probs(0, 0.9), 0, 0.9, false, fake).category());
  }

  @Test
  void attackMembershipIsNineUnlessThePostIsMoreSpecific() {
    assertEquals(9, F.decide(probs(0, 0.6), 0, 0.6, false, List.of(attack())).category());
    assertEquals(9, F.decide(probs(2, 0.7), 2, 0.7, false, List.of(attack())).category(), "a smear in a campaign");
    assertEquals(9, F.decide(probs(5, 0.7), 5, 0.7, false, List.of(attack())).category());
    FusionPolicy.Decision extortion = F.decide(probs(8, 0.7), 8, 0.7, false, List.of(attack()));
    assertEquals(8, extortion.category());
    assertEquals("classifier", extortion.rule());
    assertEquals(9, F.decide(probs(10, 0.7), 10, 0.7, false, List.of(attack())).category(),
        "a fabricated competitor smear posted by a campaign");
    // Strong detector categories still win over the campaign.
    List<Evidence> both = new java.util.ArrayList<>(pd("weibo", "u", "人肉：老板身份证110105198503071230"));
    both.add(attack());
    assertEquals(3, F.decide(probs(0, 0.9), 0, 0.9, false, both).category());
  }

  @Test
  void hardNegativesStayClean() {
    // An official account posting its service number and address: no evidence, no flag.
    List<Evidence> official = pd("weibo", "byd_official", "售后电话13812345678，地址深圳市坪山区比亚迪路3009号");
    assertTrue(official.isEmpty(), official.toString());
    FusionPolicy.Decision d = F.decide(probs(0, 0.95), 0, 0.95, false, official);
    assertEquals(0, d.category());
    assertFalse(d.needsReview());
    // A news report quoting a masked number and a hotline.
    List<Evidence> news = pd("toutiao", "media_1", "涉事车主手机号138****5678已被警方联系，客服热线400-123-4567");
    assertTrue(news.isEmpty(), news.toString());
    assertEquals(0, F.decide(probs(0, 0.9), 0, 0.9, false, news).category());
    // A shop's own mobile in an ad: weak evidence, neither flag nor review.
    List<Evidence> ad = pd("weibo", "shop_1", "新店开业，订餐请打13812345678");
    FusionPolicy.Decision adDecision = F.decide(probs(0, 0.9), 0, 0.9, false, ad);
    assertEquals(0, adDecision.category());
    assertFalse(adDecision.needsReview(), ad.toString());
    // A fan account and a reseller.
    assertTrue(IMP.detect("weibo", "u_8", "茅台爱好者", "account", null, "分享品鉴心得", null).isEmpty());
    List<Evidence> reseller = IMP.detect("weibo", "u_9", "比亚迪授权经销商（深圳宝安店）", "account", null, "欢迎试驾", null);
    FusionPolicy.Decision r = F.decide(probs(0, 0.8), 0, 0.8, false, reseller);
    assertEquals(0, r.category());
    assertTrue(r.needsReview());
  }

  @Test
  void reviewLevelEvidenceCorroboratesTheClassifiersTopClass() {
    List<Evidence> bareId = pd("weibo", "u", "110105198503071230");
    assertEquals(0.7, bareId.get(0).score(), 1e-9);
    // Alone: review, not a flag.
    FusionPolicy.Decision alone = F.decide(probs(0, 0.8), 0, 0.8, false, bareId);
    assertEquals(0, alone.category());
    assertTrue(alone.needsReview());
    // With the classifier leaning to 3 (top class, below its own threshold): 3.
    double[] p = probs(3, 0.4);
    FusionPolicy.Decision corroborated = F.decide(p, 0, 0.4, true, bareId);
    assertEquals(3, corroborated.category());
    assertEquals("corroborated", corroborated.rule());
    // Leaning elsewhere: no.
    assertEquals(0, F.decide(probs(5, 0.4), 0, 0.4, true, bareId).category());
  }

  @Test
  void impersonationYieldsToTheClassifiersScamAndExtortion() {
    List<Evidence> ev = IMP.detect("weibo", "u_77", "比亚迪官方客服", "post", null, "交 200 元保证金即可领取", null);
    assertTrue(ev.stream().anyMatch(e -> FusionPolicy.categoryOf(e) == 1 && e.scoreOrZero() >= 0.8), ev::toString);
    // The classifier named the scam under the name: it stays 4, with the evidence and a note.
    FusionPolicy.Decision scam = F.decide(probs(4, 0.9), 4, 0.9, false, ev);
    assertEquals(4, scam.category());
    assertTrue(scam.evidence().stream().anyMatch(e -> "impersonation_yields".equals(e.kind())), scam::toString);
    assertTrue(scam.evidence().stream().anyMatch(e -> Evidence.IMPERSONATION.equals(e.source())));
    assertEquals(8, F.decide(probs(8, 0.9), 8, 0.9, false, ev).category());
    // Any other decision (here 10, and 0) still becomes 1.
    assertEquals(1, F.decide(probs(10, 0.9), 10, 0.9, false, ev).category());
    assertEquals(1, F.decide(probs(0, 0.9), 0, 0.9, false, ev).category());
  }

  @Test
  void suggestionEvidenceOnlyConfirmsTheClassifiersLeaningToSix() {
    List<Evidence> ev = DetectFixtures.RESOURCES.suggestionDetector()
        .detect("search_suggestion", "system", null, "星澜科技 老板跑路了吗");
    assertOnlyCorroborates(6, 0.5, ev);
  }

  /**
   * Review-level evidence for {@code category}: the classifier's top class {@code category} at {@code p}, below
   * its threshold, is corroborated; leaning to 0, the evidence alone never flags, it only asks for a look; top
   * class {@code category} under corroboration-probability gives nothing.
   */
  private static void assertOnlyCorroborates(int category, double p, List<Evidence> ev) {
    FusionPolicy.Decision d = F.decide(probs(category, p), 0, p, true, ev);
    assertEquals(category, d.category());
    assertEquals("corroborated", d.rule());
    FusionPolicy.Decision alone = F.decide(probs(0, 0.7), 0, 0.7, false, ev);
    assertEquals(0, alone.category());
    assertTrue(alone.needsReview());
    assertEquals(0, F.decide(probs(category, 0.3), 0, 0.3, false, ev).category());
  }

  @Test
  void hotEventEvidenceOnlyConfirmsTheClassifiersLeaningToNine() {
    List<Evidence> ev = DetectFixtures.RESOURCES.hotEventDetector()
        .detect(null, "#南江洪水# 家里备点净水片总没错，岚溪净水片今天下单立减30！");
    // Leaning to 0 (a shop open in the storm, say), the evidence only asks for a look.
    assertOnlyCorroborates(9, 0.6, ev);
    // It is not an attack cluster: a classifier's 10 stays 10.
    assertEquals(10, F.decide(probs(10, 0.9), 10, 0.9, false, ev).category());
  }

  @Test
  void tradeSecretEvidenceOnlyConfirmsTheClassifiersLeaningToThree() {
    List<Evidence> ev = DetectFixtures.RESOURCES.tradeSecretDetector()
        .detect(null, "岚溪给经销商的出厂价我这有一整张，热水器每台进货才六百出头");
    assertOnlyCorroborates(3, 0.6, ev);
  }

  @Test
  void theClassifierDecidesWhenDetectorsAreSilent() {
    FusionPolicy.Decision d = F.decide(probs(2, 0.85), 2, 0.85, false, List.of());
    assertEquals(2, d.category());
    assertEquals(0.85, d.confidence(), 1e-9);
    FusionPolicy.Decision none = F.decide(null, 0, 0.0, false, List.of());
    assertEquals(0, none.category());
    assertEquals("none", none.rule());
  }

  static final QuoteContextDetector QUOTE = DetectFixtures.RESOURCES.quoteContextDetector();

  @Test
  void aQuoteCutOutOfContextIsClickbaitWhenTheClassifierSawNothing() {
    List<Evidence> ev = QUOTE.detect("贺川：芯片行业三年内会洗牌出局",
        "贺川在论坛上说：“倘若只做低端产品，芯片行业三年内会洗牌出局的就是我们，所以研发不能停。”");
    assertEquals(1, ev.size());
    FusionPolicy.Decision d = F.decide(probs(0, 0.8), 0, 0.8, false, ev);
    assertEquals(5, d.category());
    assertEquals("quote_context", d.rule());
    assertTrue(d.evidence().get(d.evidence().size() - 1).detail().startsWith("category 5 from quote_context/conditional"));
    // A more specific decision of the classifier stays.
    assertEquals(10, F.decide(probs(10, 0.8), 10, 0.8, false, ev).category());
  }

  @Test
  void aCustomerCitingTheEnterprisesOwnAdmissionIsNotMadeASmearByTheClassifier() {
    String admitted = "澜岳电器自己都发声明道歉了，那批取暖器确实会漏电。我家那台也是那批的，现在不敢开，赶紧给换吧。";
    List<Evidence> ev = QUOTE.detect(null, admitted);
    assertEquals(List.of(OwnAdmission.KIND), ev.stream().map(Evidence::kind).toList());
    FusionPolicy.Decision d = F.decide(probs(10, 0.7), 10, 0.7, false, ev);
    assertWithheldForReview(d, OwnAdmission.KIND, "classifier 10 (0.70)");
    // Another category of the classifier stands.
    assertEquals(9, F.decide(probs(9, 0.9), 9, 0.9, false, ev).category());
    // The same claim sold with the writer's own offer keeps the classifier's 10.
    List<Evidence> pitched = QUOTE.detect(null, admitted + "想要安全的来我们店，首单立减。");
    assertEquals(List.of(), pitched);
    assertEquals(10, F.decide(probs(10, 0.7), 10, 0.7, false, pitched).category());
  }

  @Test
  void aHeadlineReportingHearsayIsNotMadeClickbaitByTheClassifier() {
    String body = "查了一下是谣言，人家新品刚上线，门店都正常营业！";
    List<Evidence> heard = QUOTE.detect("听说新业餐饮倒闭了？", body);
    assertEquals(List.of(HearsayHeadline.KIND), heard.stream().map(Evidence::kind).toList());
    FusionPolicy.Decision d = F.decide(probs(5, 0.99), 5, 0.99, false, heard);
    assertWithheldForReview(d, HearsayHeadline.KIND, "classifier 5 (0.99)");
    // The same post stated as fact keeps the classifier's 5; another category of the classifier stands.
    assertEquals(5, F.decide(probs(5, 0.99), 5, 0.99, false, QUOTE.detect("新业餐饮倒闭了！", body)).category());
    assertEquals(10, F.decide(probs(10, 0.9), 10, 0.9, false, heard).category());
    // Not by corroboration either: review-level quote evidence beside the classifier's leaning to 5.
    List<Evidence> withQuote = new java.util.ArrayList<>(heard);
    withQuote.add(
        new Evidence(Evidence.QUOTE_CONTEXT, "attributed", "x", null, null, null, QuoteContextDetector.REVIEW));
    assertEquals(0, F.decide(probs(5, 0.4), 0, 0.4, true, withQuote).category());
    // Strong quote-context evidence still decides 5.
    List<Evidence> strong = new java.util.ArrayList<>(heard);
    strong.add(new Evidence(Evidence.QUOTE_CONTEXT, "conditional", "x", null, null, null, QuoteContextDetector.STRONG));
    assertEquals(5, F.decide(probs(0, 0.8), 0, 0.8, false, strong).category());
  }

  @Test
  void whatOthersSayOnlyCorroboratesOrSendsToReview() {
    List<Evidence> ev = QUOTE.detect("贺川：芯片行业三年内会洗牌",
        "贺川在论坛上说：“很多人说芯片行业三年内会洗牌，我们要做好准备。”");
    assertEquals(QuoteContextDetector.REVIEW, ev.get(0).score());
    FusionPolicy.Decision alone = F.decide(probs(0, 0.8), 0, 0.8, false, ev);
    assertEquals(0, alone.category());
    assertTrue(alone.needsReview());
    double[] leaning = probs(5, 0.4);
    assertEquals(5, F.decide(leaning, 0, 0.4, true, ev).category(), "the classifier's top class 5, confirmed");
  }
}
