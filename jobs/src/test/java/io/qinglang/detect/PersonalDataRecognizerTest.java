package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.InputResource;
import io.qinglang.detect.PersonalDataRecognizer.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataRecognizerTest {
  static final PersonalDataRecognizer R = new PersonalDataRecognizer(
      Lexicon.load(InputResource.classpath("conf/lexicons/personal_data.txt")), 24, 0.4);

  static List<Finding> find(String text) {
    return R.recognize(text, false, Set.of());
  }

  static Finding only(String text, PersonalDataKind kind) {
    List<Finding> f = find(text).stream().filter(x -> x.kind() == kind).toList();
    assertEquals(1, f.size(), () -> "expected one " + kind + " in '" + text + "' but got " + find(text));
    return f.get(0);
  }

  static void none(String text, PersonalDataKind kind) {
    assertTrue(find(text).stream().noneMatch(x -> x.kind() == kind),
        () -> "expected no " + kind + " in '" + text + "' but got " + find(text));
  }

  // ---- resident ID ----

  @Test
  void checkDigitFollowsGb11643() {
    assertEquals('X', PersonalDataPatterns.checkDigit("11010519491231002X"));
    assertEquals('4', PersonalDataPatterns.checkDigit("440524188001010014"));
    assertEquals('0', PersonalDataPatterns.checkDigit("110105198503071230"));
  }

  @Test
  void validResidentIdWithPrivateContextScoresHigh() {
    Finding f = only("曝光某集团董事长的身份证号110105198503071230，家住朝阳区", PersonalDataKind.RESIDENT_ID);
    assertEquals("110105********1230", f.masked());
    assertTrue(f.privateContext());
    assertTrue(f.score() >= 0.8, f.toString());
    assertEquals(13, f.start());
    assertEquals(31, f.end());
    Finding x = only("证件：32058319900101234x 已核实", PersonalDataKind.RESIDENT_ID);
    assertEquals("320583********234X", x.masked());
  }

  @Test
  void residentIdsWrittenInGroups() {
    Finding f = only("老板身份证 110105 19850307 1230，住址保密", PersonalDataKind.RESIDENT_ID);
    assertEquals("110105********1230", f.masked());
    none("老板身份证 110105 19850307 1230，住址保密", PersonalDataKind.MOBILE);
  }

  @Test
  void bareValidResidentIdIsReportedBelowTheFlagScore() {
    Finding f = only("110105198503071230", PersonalDataKind.RESIDENT_ID);
    assertEquals(0.7, f.score(), 1e-9);
    assertFalse(f.privateContext());
  }

  @Test
  void invalidResidentIdsAreNotFindings() {
    none("身份证号110105198503071234", PersonalDataKind.RESIDENT_ID); // wrong check digit
    none("身份证号11010519850307123", PersonalDataKind.RESIDENT_ID); // 17 digits
    none("身份证号1101051985030712301", PersonalDataKind.RESIDENT_ID); // 19 digits
    none("身份证号110105198513071235", PersonalDataKind.RESIDENT_ID); // month 13
    none("身份证号990105198503071230", PersonalDataKind.RESIDENT_ID); // no province 99
    none("身份证号110105209901011234", PersonalDataKind.RESIDENT_ID); // born in the future
    none("身份证号110105********1230", PersonalDataKind.RESIDENT_ID); // already masked
    assertTrue(find("身份证号110105198503071234").isEmpty(), "a wrong check digit is no card either");
  }

  @Test
  void publicContextLowersAResidentId() {
    Finding f = only("身份证号格式示例：110105198503071230", PersonalDataKind.RESIDENT_ID);
    assertTrue(f.score() < 0.8, f.toString());
  }

  // ---- mobiles and landlines ----

  @Test
  void mobilesInEveryWriting() {
    assertEquals("138****5678", only("他的手机号13812345678", PersonalDataKind.MOBILE).masked());
    assertEquals("138****5678", only("老板电话 138 1234 5678", PersonalDataKind.MOBILE).masked());
    assertEquals("138****5678", only("老板电话 138-1234-5678", PersonalDataKind.MOBILE).masked());
    assertEquals("138****5678", only("老板电话 +86 138 1234 5678", PersonalDataKind.MOBILE).masked());
    assertEquals("138****5678", only("老板电话１３８１２３４５６７８", PersonalDataKind.MOBILE).masked());
  }

  @Test
  void notMobiles() {
    none("他的手机号12812345678", PersonalDataKind.MOBILE); // no 12x numbers
    none("时间戳1683331200000", PersonalDataKind.MOBILE); // 13-digit timestamp
    none("时间戳1683331200", PersonalDataKind.MOBILE); // 10-digit timestamp
    none("订单138123456789012", PersonalDataKind.MOBILE); // inside a longer number
    none("他的手机号138****5678", PersonalDataKind.MOBILE); // masked in a news report
    none("价格1380元，原价13800元", PersonalDataKind.MOBILE);
  }

  @Test
  void businessContextDropsAMobile() {
    none("本店欢迎来电咨询13812345678", PersonalDataKind.MOBILE);
    assertEquals(0.45, only("13812345678", PersonalDataKind.MOBILE).score(), 1e-9);
  }

  @Test
  void landlines() {
    assertEquals("010-****5678", only("他家座机010-62345678", PersonalDataKind.LANDLINE).masked());
    assertEquals("0755-****5678", only("他家座机（0755）23455678", PersonalDataKind.LANDLINE).masked());
    none("日期2023-04-15", PersonalDataKind.LANDLINE);
    none("他家座机010-1234567", PersonalDataKind.LANDLINE); // local numbers do not start with 1
  }

  @Test
  void hotlinesAreNeverFindings() {
    assertTrue(find("客服热线400-123-4567，老板手机号也一样").isEmpty());
    assertTrue(find("服务电话 800 820 8820").isEmpty());
  }

  // ---- bank cards ----

  @Test
  void bankCards() {
    assertEquals("6217********1234", only("他的银行卡号6217 0000 1000 1234", PersonalDataKind.BANK_CARD).masked());
    assertEquals("6228***********0018", only("工资卡6228480402564890018", PersonalDataKind.BANK_CARD).masked());
    assertTrue(PersonalDataPatterns.luhn("4111111111111111"));
  }

  @Test
  void notBankCards() {
    none("银行卡号6217000010001235", PersonalDataKind.BANK_CARD); // Luhn fails
    none("银行卡号2023041512304513", PersonalDataKind.BANK_CARD); // Luhn passes, no issuer starts with 20
    none("订单号6217000010001234已发货", PersonalDataKind.BANK_CARD); // an order number that looks like a card
    none("银行卡号621700001000123", PersonalDataKind.BANK_CARD); // 15 digits
  }

  // ---- e-mail, plates, passports, addresses ----

  @Test
  void emails() {
    Finding f = only("老板的私人邮箱 zhangsan1985@163.com 大家都发", PersonalDataKind.EMAIL);
    assertEquals("z***@163.com", f.masked());
    none("简历请投 hr@example.com", PersonalDataKind.EMAIL);
    none("客服邮箱 service@byd.com", PersonalDataKind.EMAIL);
    none("zhangsan@163", PersonalDataKind.EMAIL);
  }

  @Test
  void licencePlates() {
    assertEquals("粤B****5", only("他开的车车牌粤B12345", PersonalDataKind.LICENCE_PLATE).masked());
    assertEquals("京A*****6", only("老板座驾京A·D12346天天停这", PersonalDataKind.LICENCE_PLATE).masked());
    none("车牌粤BABCDE", PersonalDataKind.LICENCE_PLATE); // no digit
    none("车牌粤b12345", PersonalDataKind.LICENCE_PLATE); // lower case is not a plate
  }

  @Test
  void passports() {
    assertEquals("E******78", only("他的护照号E12345678", PersonalDataKind.PASSPORT).masked());
    none("商品型号E12345678", PersonalDataKind.PASSPORT);
    none("编码E12345678", PersonalDataKind.PASSPORT); // no passport cue: below the report score
  }

  @Test
  void addresses() {
    Finding home = only("起底：他家住北京市朝阳区建国路88号3单元502室", PersonalDataKind.ADDRESS);
    assertEquals("北京市朝阳区****", home.masked());
    assertTrue(home.score() >= 0.8, home.toString());
    Finding estate = only("老板住在阳光花园3栋2单元1101室", PersonalDataKind.ADDRESS);
    assertEquals("****", estate.masked());
    none("中山路1号", PersonalDataKind.ADDRESS); // no district and no room: not an address of a person
    Finding office = only("公司地址：深圳市南山区科技园路9号", PersonalDataKind.ADDRESS);
    assertTrue(office.score() < 0.5, office.toString());
  }

  @Test
  void aChildsSchoolAndClassNamedWithTheirParentIsALeak() {
    Finding school = only("那个老板的闺女在滨江实验小学五年三班，每天四点放学他家司机来接", PersonalDataKind.SCHOOL_CLASS);
    assertEquals("**小学*年*班", school.masked());
    assertTrue(school.score() >= 0.5, "review-level at least: " + school);
    assertTrue(school.privateContext(), school.toString());
    // A parent's own everyday post, a school's notice and a news item about a grade stay below review.
    List<Finding> parent = find("女儿今天在滨江实验小学三年级的运动会上拿了跳绳第一");
    assertTrue(parent.stream().allMatch(x -> x.score() < 0.5), parent.toString());
    none("滨江实验小学三年级学生参加全市朗诵比赛获一等奖", PersonalDataKind.SCHOOL_CLASS);
    none("三年二班的家长请注意明天的春游安排", PersonalDataKind.SCHOOL_CLASS); // no school named
  }

  @Test
  void anEntrepreneursMedicalDetailsAreALeak() {
    List<Finding> ward = find("听护士说那位老板住在市一院12床，确诊胃癌晚期了，家属天天守着").stream()
        .filter(x -> x.kind() == PersonalDataKind.MEDICAL).toList();
    assertEquals(List.of("12床", "确诊胃癌"), ward.stream().map(Finding::value).toList());
    assertTrue(ward.stream().allMatch(x -> x.score() >= 0.5 && x.score() < 0.8), "review-level: " + ward);
    assertTrue(ward.stream().allMatch(x -> x.masked().equals("**病情**")), ward.toString());
    Finding dept = only("那位董事长这回挂的是心内科的号，大家懂的", PersonalDataKind.MEDICAL);
    assertEquals("心内科", dept.value(), "the words before the department are not part of it");
    assertEquals("medical detail: department", dept.detail().substring(0, "medical detail: department".length()));
    Finding exposed = only("扒一扒某集团董事长的病历：去年确诊肝癌，住院三个月", PersonalDataKind.MEDICAL);
    assertTrue(exposed.score() >= 0.8, "exposure makes it strong: " + exposed);
  }

  @Test
  void medicalWordsWithoutABossOrAsAFigureOfSpeechAreNothing() {
    none("我妈在骨科住院，第二次手术了，求推荐靠谱的护工", PersonalDataKind.MEDICAL);
    none("新老板上任，要对公司架构动大手术", PersonalDataKind.MEDICAL);
    none("董事长出席了今天上午的新品发布会并致辞，现场来了很多经销商和媒体朋友。另外说一句，我自己昨天去医院做了个小手术",
        PersonalDataKind.MEDICAL); // the boss is more than 40 characters away
    // A company's own notice is public: below the report score.
    none("公司公告：董事长因病接受手术治疗，期间由副董事长代行职责", PersonalDataKind.MEDICAL);
  }

  @Test
  void aFlightNamedWithAPersonAndACallToConfrontIsAStrongLeak() {
    Finding flight = only("听说那位董事长明早CA1357落地浦东，欠薪的兄弟们去堵他", PersonalDataKind.FLIGHT);
    assertEquals("CA****", flight.masked());
    assertTrue(flight.score() >= 0.8, "strong: " + flight);
    Finding news = only("公司董事长将乘CA1357航班抵达，出席签约仪式", PersonalDataKind.FLIGHT);
    assertTrue(news.score() < 0.8, news.toString());
    none("这款电机型号CA1357，功率大", PersonalDataKind.FLIGHT);
    none("航班延误了三个小时", PersonalDataKind.FLIGHT);
  }

  // ---- official accounts and contacts ----

  @Test
  void officialAuthorsAndOfficialContactsAreNotLeaks() {
    String text = "售后电话13812345678，地址深圳市坪山区比亚迪路3009号";
    assertFalse(R.recognize(text, false, Set.of()).isEmpty());
    assertTrue(R.recognize(text, true, Set.of()).isEmpty());
    assertTrue(R.recognize("售后电话13812345678", false, Set.of("13812345678")).isEmpty());
    // An official account posting someone's ID number is still reported.
    assertEquals(1, R.recognize("身份证110105198503071230", true, Set.of()).size());
  }

  @Test
  void aDossierRaisesEveryFinding() {
    List<Finding> f = find("老板张某 手机13812345678 身份证110105198503071230 家住北京市朝阳区建国路88号3单元502室");
    assertEquals(3, f.size(), f.toString());
    assertTrue(f.stream().allMatch(x -> x.score() >= 0.8), f.toString());
  }

  @Test
  void evidenceNeverHoldsTheRawValue() {
    for (Finding f : find("曝光老板手机13812345678 身份证110105198503071230 卡号6217000010001234 邮箱boss1985@163.com")) {
      Evidence e = f.toEvidence("content");
      String all = e.detail() + "|" + e.span();
      assertFalse(all.contains(f.value()), all);
      assertFalse(all.contains("12345678"), all);
    }
  }
}
