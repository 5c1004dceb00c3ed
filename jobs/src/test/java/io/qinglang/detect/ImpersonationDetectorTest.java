package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImpersonationDetectorTest {
  static final ImpersonationDetector D = DetectFixtures.impersonation();
  static final double FLAG = DetectFixtures.SETTINGS.fusion().flagScore();

  static List<Evidence> account(String platform, String accountId, String name) {
    return D.detect(platform, accountId, name, "account", null, "简介", null);
  }

  static Evidence flagged(List<Evidence> evidence, String enterpriseId, String kind) {
    List<Evidence> hits = evidence.stream()
        .filter(e -> e.detail().startsWith(enterpriseId + " ") && e.kind().equals(kind)).toList();
    assertEquals(1, hits.size(), () -> "expected " + kind + " for " + enterpriseId + " in " + evidence);
    assertTrue(hits.get(0).score() >= FLAG, () -> "expected a flag-level score: " + hits.get(0));
    return hits.get(0);
  }

  static void clean(List<Evidence> evidence) {
    assertTrue(evidence.isEmpty(), () -> "expected no evidence but got " + evidence);
  }

  static void reviewOnly(List<Evidence> evidence) {
    assertTrue(!evidence.isEmpty() && evidence.stream().allMatch(e -> e.score() < FLAG),
        () -> "expected review-level evidence only but got " + evidence);
  }

  // ---- impersonators ----

  @Test
  void nameWithOfficialAddition() {
    Evidence e = flagged(account("weibo", "u_901", "比亚迪官方客服"), "E0002", "account_name");
    assertTrue(e.detail().contains("exact_name") && e.detail().contains("官方客服"), e.detail());
    assertTrue(e.detail().contains("weibo:u_901 is not an official account"), e.detail());
    flagged(account("wechat", "u_902", "茅台官方旗舰店"), "E0001", "account_name");
    flagged(account("weibo", "u_903", "美的客服中心"), "E0004", "account_name");
    flagged(account("weibo", "u_904", "【比亚迪】售后退款中心 01"), "E0002", "account_name");
  }

  @Test
  void homophonesConfusablesAndLatinSpellings() {
    assertTrue(flagged(account("weibo", "u_1", "比亚笛汽车售后"), "E0002", "account_name").detail().contains("homophone"));
    assertTrue(flagged(account("weibo", "u_2", "小夭鹅官方旗舰店"), "E0004", "account_name").detail()
        .contains("confusable_characters"));
    assertTrue(flagged(account("weibo", "u_3", "MaoTai官方客服"), "E0001", "account_name").detail()
        .contains("latin_spelling"));
    assertTrue(flagged(account("weibo", "u_4", "茅臺官方"), "E0001", "account_name").detail().contains("exact_name"),
        "traditional characters are converted first");
    flagged(account("weibo", "u_5", "ＢＹＤ_Official"), "E0002", "account_name");
  }

  @Test
  void editDistanceOnLongNames() {
    Evidence e = flagged(account("weibo", "u_6", "贵州茅台酒股分有限公司"), "E0001", "account_name");
    assertTrue(e.detail().contains("E0001"), e.detail());
    Evidence s = flagged(account("weibo", "u_7", "星澜科枝官方"), "E0005", "account_name");
    assertTrue(s.detail().contains("edit_distance"), s.detail());
  }

  @Test
  void legalNamesClaimNothingButOfficialClaimsInsideANameDo() {
    // A registered company name with the brand and other words may be a subsidiary: review, not a flag.
    reviewOnly(account("web", "recruiter_1", "比亚迪汽车工业有限公司"));
    Evidence e = flagged(D.detect("appstore", "dev_9", "某维修平台", "app", "星澜维修师傅-星澜官方售后", "上门快", null),
        "E0005", "app_name");
    assertTrue(e.detail().contains("name_with_official_claim"), e.detail());
  }

  // ---- exact names where the registry knows no official account on the platform ----

  static Evidence reviewLevel(List<Evidence> evidence, String enterpriseId, String kind) {
    List<Evidence> hits = evidence.stream()
        .filter(e -> e.detail().startsWith(enterpriseId + " ") && e.kind().equals(kind)).toList();
    assertEquals(1, hits.size(), () -> "expected " + kind + " for " + enterpriseId + " in " + evidence);
    Evidence e = hits.get(0);
    assertTrue(e.score() >= DetectFixtures.SETTINGS.fusion().reviewScore() && e.score() < FLAG,
        () -> "expected a review-level score: " + e);
    return e;
  }

  @Test
  void exactNamesWithoutARegisteredAccountOnThePlatformAreOnlyReviewed() {
    // 茅台 lists weibo and wechat accounts, none on douyin or in the app store: the genuine account
    // there and a fake under the same name cannot be told apart by the name.
    Evidence e = reviewLevel(account("douyin", "u_60", "茅台官方旗舰店"), "E0001", "account_name");
    assertTrue(e.detail().contains("exact_name"), e.detail());
    assertTrue(e.detail().contains("no official douyin account of E0001 is registered, so an exact name cannot be"
        + " told from the genuine one"), e.detail());
    // A genuine-looking app listing: title and developer both name the enterprise exactly.
    List<Evidence> app = D.detect("appstore", "moutai_official", "茅台官方", "app", "茅台",
        "贵州茅台酒股份有限公司官方出品。新品预约、在线客服、订单查询一站式服务。客服热线400-123-4567。", null);
    reviewOnly(app);
    reviewLevel(app, "E0001", "app_name");
    reviewLevel(app, "E0001", "app_developer");
    // Names spelled exactly with other words around them: also unverifiable here.
    Evidence claim = reviewLevel(D.detect("appstore", "dev_9", "某维修平台", "app", "美的维修师傅-美的官方售后", "上门快",
        null), "E0004", "app_name");
    assertTrue(claim.detail().contains("name_with_official_claim")
        && claim.detail().contains("no official appstore account of E0004"), claim.detail());
    // The same names on a platform where the registry lists the enterprise's account are flags.
    flagged(account("weibo", "u_61", "茅台官方旗舰店"), "E0001", "account_name");
    Evidence strong = flagged(D.detect("appstore", "dev_10", "星澜科技", "app", "星澜手机", "官方应用", null), "E0005",
        "app_name");
    assertTrue(!strong.detail().contains("no official"), strong.detail());
  }

  @Test
  void lookalikeNamesAreFlaggedWithoutARegisteredAccountToo() {
    // Genuine accounts do not misspell their own name: the platform's registry entries do not matter.
    assertTrue(flagged(account("douyin", "u_62", "小夭鹅官方旗舰店"), "E0004", "account_name").detail()
        .contains("confusable_characters"));
    assertTrue(flagged(account("kuaishou", "u_63", "比亚笛汽车售后"), "E0002", "account_name").detail()
        .contains("homophone"));
    assertTrue(flagged(account("douyin", "u_64", "MaoTai官方客服"), "E0001", "account_name").detail()
        .contains("latin_spelling"));
    assertTrue(flagged(account("douyin", "u_65", "星澜科枝官方"), "E0005", "account_name").detail()
        .contains("edit_distance"));
    Evidence inside = flagged(D.detect("appstore", "dev_11", "某维修平台", "app", "家电维修师傅-小夭鹅官方售后", "上门快",
        null), "E0004", "app_name");
    assertTrue(inside.detail().contains("name_with_official_claim") && !inside.detail().contains("no official"),
        inside.detail());
    // A post promoting a contact channel under the exact name is still promotion.
    flagged(D.detect("kuaishou", "u_66", "热心网友", "post", null, "茅台官方客服微信：mt_kf888 ，可以办理退款", null),
        "E0001", "promoted_name");
  }

  @Test
  void appsAndTheirDevelopers() {
    List<Evidence> app = D.detect("appstore", "dev_77", "星澜手机助手官方版", "app", "星澜手机官方", "一键清理", null);
    flagged(app, "E0005", "app_name");
    officialOnly(D.detect("appstore", "xinglan_dev", "星澜科技", "app", "星澜手机官方", "官方应用", null), "E0005");
  }

  @Test
  void postsOfAnImpersonatingAccount() {
    flagged(D.detect("weibo", "u_8", "比亚迪官方售后", "post", null, "今天天气不错", null), "E0002", "author_name");
  }

  @Test
  void postsPromotingAFakeServiceChannel() {
    Evidence e = flagged(D.detect("weibo", "u_9", "热心网友", "post", null,
        "车子有问题的添加比亚迪官方客服微信：byd_kf888 ，可以办理退款", null), "E0002", "promoted_name");
    assertEquals("比亚迪官方客服", e.span());
    assertEquals(8, e.start());
    assertTrue(e.detail().contains("微信 id"), e.detail());
    flagged(D.detect("douyin", "u_10", "省钱小妙招", "video", "茅台旗舰店内部渠道", "扫码进群领取", null),
        "E0001", "promoted_name");
    Evidence phone = flagged(D.detect("weibo", "u_11", "路人", "post", null,
        "美的售后维修，电话13812345678，上门快", null), "E0004", "promoted_name");
    assertTrue(phone.detail().contains("phone number"), phone.detail());
  }

  @Test
  void aGroupOrAPrivateAddIsAChannelToo() {
    Evidence group = flagged(D.detect("xiaohongshu", "u_12", "票务小助手", "post", null,
        "星澜手机官方售后群开放啦，进群备注型号就行", null), "E0005", "promoted_name");
    assertTrue(group.detail().contains("进群"), group.detail());
    flagged(D.detect("xiaohongshu", "u_13", "小铂", "post", null,
        "我是美的售后组的小美，平台工单太慢，直接加我薇走内部换新通道", null), "E0004", "promoted_name");
    // The same words in a warning, or without a claim after the name, promote nothing.
    clean(D.detect("xiaohongshu", "u_14", "路人", "post", null, "美的售后不会让你加我薇，谨防冒充", null));
    clean(D.detect("xiaohongshu", "u_15", "路人", "post", null, "用美的空调的业主请进群一起维权", null));
  }

  @Test
  void aRepostNamesTheAccountItCameFromWithoutClaimingIt() {
    String repost = "转发微博//@星澜手机官方账号:【星澜新品发布】本周六正式开启，详情见 www.xl-shop.cn";
    clean(D.detect("weibo", "u_fan1", "熊猫酱", "post", null, repost, null));
    clean(D.detect("weibo", "u_fan2", "熊猫酱", "post", null, "蹲一个 转发自@星澜手机官方账号：新品详情见 www.xl-shop.cn", null));
    // The same words as the poster's own claim are promotion.
    flagged(D.detect("weibo", "u_fan3", "熊猫酱", "post", null, "星澜手机官方账号:【星澜新品发布】详情见 www.xl-shop.cn",
        null), "E0005", "promoted_name");
  }

  @Test
  void aMentionAddressesTheAccountWithoutClaimingIt() {
    // A shop owner's complaint tagging the enterprise's account; 扫码点餐 is how the shop takes orders.
    String complaint = "@美的官方 晚高峰收银系统直接崩了，扫码点餐一直转圈，客服电话打了四十分钟没人接";
    clean(D.detect("weibo", "u_shop1", "长沙小面馆老板", "post", null, complaint, null));
    clean(D.detect("weibo", "u_shop2", "长沙小面馆老板", "post", null, complaint.replace('@', '＠'), null));
    // Without the @ the same words are the poster's own claim, with a lure.
    flagged(D.detect("weibo", "u_shop3", "路人", "post", null, complaint.substring(1), null), "E0004", "promoted_name");
  }

  @Test
  void aLatinContactWordInsideAnotherWordIsNoChannel() {
    // "tg" + "resql" inside PostgreSQL read as a Telegram id; the post names the brand with 官方.
    String app = "星澜官方数据工具的社区版：支持PostgreSQL协议，SQL编辑、ER图";
    clean(D.detect("weibo", "u_dev1", "开源社区", "post", null, app, null));
    // A Telegram id on its own still is one.
    flagged(D.detect("weibo", "u_dev2", "开源社区", "post", null, app + "，售后tg: xl_kf2023", null), "E0005",
        "promoted_name");
  }

  @Test
  void aLinkToTheEnterprisesOwnNameIsNoImpersonatorsChannel() {
    clean(D.detect("bilibili", "u_fan4", "追光者", "post", null, "【星澜手机官方售后延保】本月正式开启，详情见官网 www.xinglan.com",
        null));
    flagged(D.detect("bilibili", "u_fan5", "追光者", "post", null, "【星澜手机官方售后延保】本月正式开启，详情见 www.xinglan-kefu.com",
        null), "E0005", "promoted_name");
    flagged(D.detect("bilibili", "u_fan6", "追光者", "post", null, "星澜手机官方售后，加微信 xl_kf2023 办理，官网 www.xinglan.com",
        null), "E0005", "promoted_name");
    clean(D.detect("bilibili", "u_fan7", "追光者", "post", null, "【星澜手机官方售后延保】详情见 xinglan.com.cn", null));
    flagged(D.detect("bilibili", "u_fan8", "追光者", "post", null, "【星澜手机官方售后延保】详情见 www.xinglan.top", null),
        "E0005", "promoted_name");
  }

  @Test
  void lookalikeDomains() {
    Evidence e = flagged(D.detect("web", "site_1", null, "post", null, "退款请登录 http://byd-kefu.com/refund 办理", null),
        "E0002", "lookalike_domain");
    assertEquals("byd-kefu.com", e.span());
    flagged(D.detect("web", "site_2", null, "post", null, "详情见链接", "https://www.maotai-vip.top/a"), "E0001",
        "lookalike_domain");
    clean(D.detect("web", "site_3", null, "post", null, "官网 https://service.byd.com/help", null));
    // A host holding two spellings of one enterprise (guizhoumaotai, maotai) names the longer, on every JVM.
    Evidence both = flagged(D.detect("web", "site_4", null, "post", null, "详情见链接",
        "https://www.guizhoumaotai-kefu.top/a"), "E0001", "lookalike_domain");
    assertTrue(both.detail().contains("combines 'gu") && both.detail().contains("zhoumaota"), both.detail());
  }

  // ---- the other side: official, fans, news, resellers, warnings, everyday words ----

  @Test
  void officialAccountsAreNeverFlagged() {
    officialOnly(account("weibo", "byd_official", "比亚迪"), "E0002");
    officialOnly(account("wechat", "gh_moutai", "茅台官方旗舰店"), "E0001");
    officialOnly(D.detect("weibo", "byd_official", "比亚迪", "post", null,
        "比亚迪官方客服微信：byd_service 已开通，售后电话13812345678", null), "E0002");
    // The same account id on a platform where it is not registered is no official account.
    assertTrue(D.detect("douyin", "byd_official", "比亚迪", "post", null, "新车到店", null).stream()
        .noneMatch(e -> e.source().equals(Evidence.REGISTRY)));
  }

  /** Only the registry's note that the account is an official account of {@code enterpriseId}, unscored. */
  static void officialOnly(List<Evidence> evidence, String enterpriseId) {
    assertEquals(1, evidence.size(), () -> "expected only the official-account note but got " + evidence);
    Evidence e = evidence.get(0);
    assertEquals(Evidence.REGISTRY, e.source());
    assertEquals(ImpersonationDetector.OFFICIAL_ACCOUNT, e.kind());
    assertTrue(e.detail().startsWith(enterpriseId + " ") && e.detail().contains("registered official account"),
        e.detail());
    assertEquals(null, e.score());
    assertEquals(-1, FusionPolicy.categoryOf(e));
  }

  @Test
  void fansNewsAndCommentary() {
    clean(account("weibo", "u_20", "茅台爱好者"));
    clean(account("weibo", "u_21", "比亚迪车友会"));
    clean(account("weibo", "u_22", "比亚迪新闻资讯"));
    clean(account("weibo", "u_23", "美的空调测评"));
    clean(account("weibo", "u_24", "茅台打假"));
    reviewOnly(account("weibo", "u_25", "比亚迪官方资讯"));
    // An account that says it is not the enterprise's, although its name holds 官方 (inside 非官方).
    List<Evidence> notOwn = account("weibo", "u_26", "美的打折情报站(非官方)");
    assertEquals(List.of(ImpersonationDetector.DECLARED_NOT_OWN), notOwn.stream().map(Evidence::kind).toList(),
        "no name match; only the declaration, which fusion reads as not category 1");
    reviewOnly(account("weibo", "u_27", "美的打折情报站(官方)"));
  }

  @Test
  void resellersAreReviewedNeverFlagged() {
    List<Evidence> e = account("weibo", "u_30", "比亚迪授权经销商（深圳宝安店）");
    reviewOnly(e);
    assertEquals("reseller_claim", e.get(0).kind());
    reviewOnly(account("douyin", "u_31", "比亚迪4S店"));
  }

  @Test
  void everydayWordsAndOtherEnterprises() {
    clean(account("weibo", "u_40", "美的生活小技巧"));
    clean(account("weibo", "u_41", "仰望星空"));
    clean(account("weibo", "u_42", "中国石油"));
    clean(account("weibo", "u_43", "茅台镇老酒坊"));
    clean(account("weibo", "u_44", "张三"));
    reviewOnly(account("weibo", "u_45", "美的"));
  }

  @Test
  void warningsAndHonestExperiencesAreNotPromotion() {
    clean(D.detect("weibo", "u_50", "反诈中心", "post", null,
        "警惕冒充比亚迪官方客服的诈骗，添加微信 byd_kf888 的都是骗子", null));
    clean(D.detect("weibo", "u_51", "车主老王", "post", null, "今天联系了比亚迪官方客服，问题很快解决了", null));
    clean(D.detect("weibo", "u_52", "车主老王", "post", null, "比亚迪官方微信公众号发布了召回公告", null));
    clean(D.detect("weibo", "u_53", "车主老王", "post", null, "比亚迪官方客服热线400-123-4567，态度不错", null));
    // A near-victim quoting the fake site to warn others; the same site promoted is flagged (lookalikeDomains).
    clean(D.detect("xiaohongshu", "u_54", "买车记", "post", null,
        "差点被骗！搜到的“官网”是 byd-kefu.com，页面一模一样，让交定金对私转账，门店说根本没这活动", null));
  }

  @Test
  void theIndexIsBuiltOncePerJvm() {
    ImpersonationDetector other = DetectFixtures.impersonation();
    assertTrue(other.index() == D.index(), "same registry and lexicons share one index");
  }

  @Test
  void levenshteinStopsAtTheLimit() {
    assertEquals(1, ImpersonationIndex.levenshtein("星澜科枝", "星澜科技", 2));
    assertEquals(3, ImpersonationIndex.levenshtein("abcdef", "uvwxyz", 2));
  }

  // ---- a post that says it is not the enterprise's own ----

  static String declared(String accountName, String content) {
    return D.detect("douyin", "u_dn", accountName, "post", null, content, null).stream()
        .filter(e -> e.kind().equals(ImpersonationDetector.DECLARED_NOT_OWN)).map(Evidence::span).findFirst()
        .orElse(null);
  }

  @Test
  void aDealerOrFanPageSayingItIsNotTheEnterprisesOwnIsRecorded() {
    assertEquals("非厂家", declared("美的空调长沙授权经销商", "美的空调长沙授权经销商（非厂家），授权书可在主页查看"));
    assertEquals("非品牌官方", declared(null, "本号为经销商账号，非品牌官方账号，授权编号见门店公示"));
    assertEquals("非比亚迪官方", declared(null, "车主自发｜非比亚迪官方账号｜只聊用车充电"), "across the enterprise's name");
    assertEquals("不是星澜官方", declared(null, "学生自发的摄影社｜不是星澜官方，不代收任何费用"));
    assertEquals("非官方", declared("比亚迪车友会（非官方）", "周末自驾约伴"), "the account name counts");
    assertEquals("非官方", declared(null, "个人号，非官方客服，理赔请拨打公司热线"));
    assertEquals("非官方", declared(null, "非官方！纯自费，好喝难喝都直说"));
  }

  @Test
  void negationsAboutOthersQuestionsAndFakesAreNotDeclarations() {
    assertEquals(null, declared("比亚迪官方客服", "工作时间9:00-21:00，其他号码均非官方"));
    assertEquals(null, declared(null, "内部员工渠道，官方直供有防伪码～不是官方的都是假的哦"));
    assertEquals(null, declared(null, "退费统一在此办理，其他渠道均为非官方，谨防上当"));
    assertEquals(null, declared(null, "这个网址是不是官方的？"));
    assertEquals(null, declared(null, "非官方渠道？我们是一级代理，授权书可私发"));
    assertEquals(null, declared(null, "总部直营维保中心 全国上门 非官方勿扰"));
    assertEquals(null, declared(null, "理赔统一登记 非官方人员勿扰"));
    assertEquals(null, declared(null, "换新请拨打400 0056 8899（非官方400热线）登记"), "digits stay digits");
    assertEquals(null, declared(null, "除非官方出面回应，否则别信"));
    assertEquals(null, declared(null, "有人非法冒用官方名义收费"), "非法 is no negation of 官方");
    assertEquals(null, declared(null, "非官方，和美的同厂同线，吊牌换了而已"), "a fake sold as such");
  }
}
