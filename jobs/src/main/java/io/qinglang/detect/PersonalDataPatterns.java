package io.qinglang.detect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal-data candidates in text by pattern and validates them, without looking at context
 * (that is {@link PersonalDataRecognizer}'s job). Used by the detector, which keeps only validated
 * candidates, and by {@link PersonalDataMasker}, which masks every candidate that could be real
 * (an ID number with a wrong check digit is still masked: it may be a typo of a real one).
 *
 * <p>Text is first folded (full-width digits and letters to ASCII, dash variants to '-'), which
 * keeps every offset, so spans refer to the original text. All methods are thread-safe.
 */
public final class PersonalDataPatterns {
  private PersonalDataPatterns() {}

  /**
   * One candidate: kind, span in the original text, a normalised value (digits only for numbers,
   * lower case for e-mail; used to recognise the same number elsewhere), the masked form shown to
   * people, whether it passed the strict validation, and a short note on the validation.
   */
  public record Candidate(PersonalDataKind kind, int start, int end, String value, String masked,
      boolean validated, String note) {}

  /** Note of an address given down to building, unit or room: a home rather than a business. */
  public static final String ADDRESS_RESIDENTIAL = "street address down to building or room";

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = "10X98765432".toCharArray();

  /** GB/T 2260 province-level codes (first two digits of a resident ID), with 81-83 for residence permits. */
  static final Map<String, String> PROVINCES = Map.ofEntries(
      Map.entry("11", "北京"), Map.entry("12", "天津"), Map.entry("13", "河北"), Map.entry("14", "山西"),
      Map.entry("15", "内蒙古"), Map.entry("21", "辽宁"), Map.entry("22", "吉林"), Map.entry("23", "黑龙江"),
      Map.entry("31", "上海"), Map.entry("32", "江苏"), Map.entry("33", "浙江"), Map.entry("34", "安徽"),
      Map.entry("35", "福建"), Map.entry("36", "江西"), Map.entry("37", "山东"), Map.entry("41", "河南"),
      Map.entry("42", "湖北"), Map.entry("43", "湖南"), Map.entry("44", "广东"), Map.entry("45", "广西"),
      Map.entry("46", "海南"), Map.entry("50", "重庆"), Map.entry("51", "四川"), Map.entry("52", "贵州"),
      Map.entry("53", "云南"), Map.entry("54", "西藏"), Map.entry("61", "陕西"), Map.entry("62", "甘肃"),
      Map.entry("63", "青海"), Map.entry("64", "宁夏"), Map.entry("65", "新疆"), Map.entry("71", "台湾"),
      Map.entry("81", "香港"), Map.entry("82", "澳门"), Map.entry("83", "台湾"));

  private static final Pattern RESIDENT_ID = Pattern.compile(
      "(?<![0-9A-Za-z])([0-9]{6})[ -]?([0-9]{4})([0-9]{2})([0-9]{2})[ -]?([0-9]{3})([0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile(
      "(?<![0-9.])(?:(?:\\+|00)?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9Xx])");
  private static final Pattern HOTLINE = Pattern.compile(
      "(?<![0-9])([48]00)[- ]?([0-9]{3})[- ]?([0-9]{4})(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile(
      "(?<![0-9])\\(?(0(?:10|2[0-9]|[3-9][0-9]{2}))(\\)|-| )?([2-9][0-9]{6,7})(?:-[0-9]{1,5})?(?![0-9])");
  private static final Pattern BANK_CARD = Pattern.compile(
      "(?<![0-9])([0-9]{4}(?:[- ][0-9]{4}){3}(?:[- ]?[0-9]{1,3})?|[0-9]{16,19})(?![0-9])");
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\\.)+"
          + "[A-Za-z]{2,10})(?![A-Za-z0-9-])");
  private static final Pattern LICENCE_PLATE = Pattern.compile(
      "([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Z])[·•. -]?([A-HJ-NP-Z0-9]{5,6})"
          + "(?![A-Za-z0-9])");
  private static final Pattern PASSPORT = Pattern.compile(
      "(?<![A-Za-z0-9])(E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|[GDSP][0-9]{8})(?![A-Za-z0-9])");
  /** Road + house number, optionally building / unit / room. */
  private static final Pattern ROAD_ADDRESS = Pattern.compile(
      "([\\u4e00-\\u9fa5]{1,14}?(?:路|街|大道|大街|巷|弄|胡同))([0-9]{1,5})(?:号|弄)"
          + "((?:[0-9]{1,4}(?:号楼|栋|幢|座))?(?:[0-9]{1,3}单元)?(?:[0-9]{1,5}(?:室|号房|房))?)");
  /** Residential compound + building + unit or room. */
  private static final Pattern ESTATE_ADDRESS = Pattern.compile(
      "([\\u4e00-\\u9fa5]{2,12}?(?:小区|花园|公寓|家园|苑|新村|大厦|社区))([0-9]{1,4}(?:号楼|栋|幢|座))"
          + "((?:[0-9]{1,3}单元)?(?:[0-9]{1,5}(?:室|号房|房|号))?)");
  /** Words that introduce an address; a match is trimmed to start after the last of them. */
  private static final Pattern ADDRESS_LEAD_IN = Pattern.compile(
      "住在|家住|住址|地址|位于|搬到|就在|在|是|为|到|于|:");
  private static final Pattern ADMIN_LEVEL = Pattern.compile("[省市区县旗镇乡]");
  /** A named school, then (a few characters on) a grade and class, or a kindergarten class. */
  private static final Pattern SCHOOL_CLASS = Pattern.compile(
      "([\\u4e00-\\u9fa5]{1,8}?(小学|中学|初中|高中|幼儿园|附小|附中|实验学校))[^，。,.!！?？;；\\n]{0,6}?"
          + "((?:[一二三四五六1-6]年级?|初[一二三]|高[一二三])[一二三四五六七八九十0-9]{1,2}班|[一二三四五六1-6]年级|大班|中班|小班)");
  /** An airline code and flight number (MU5633, 3U8888, CA 1234). */
  private static final Pattern FLIGHT = Pattern.compile(
      "(?<![A-Za-z0-9])([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]) ?([0-9]{3,4})(?![A-Za-z0-9])");
  /** Words that make a code a flight: without one within {@link #FLIGHT_WINDOW} characters it is a model number. */
  private static final Pattern FLIGHT_WORD = Pattern.compile("航班|落地|起飞|降落|登机|机场|航站楼|飞往|飞抵|值机|经停");
  private static final int FLIGHT_WINDOW = 12;
  private static final Pattern CLASS_NUMERAL = Pattern.compile("[一二三四五六七八九十0-9]");
  /** Words before a school's name that are not part of it; a match starts after the last of them. */
  private static final Pattern SCHOOL_LEAD_IN = Pattern.compile("在|读|上|是|去|到|的|了|里|进");
  /**
   * A medical detail told in words, one group per shape: a department (胰腺外科), a ward or bed (12床, 三号病房),
   * intensive care, an operation or treatment (第二次手术, 化疗; not 动手术, a figure of speech), a serious
   * diagnosis (确诊肺癌).
   */
  private static final Pattern MEDICAL = Pattern.compile(
      "(?<department>(?<head>[\\u4e00-\\u9fa5]{1,6}?)(?:外科|内科|肿瘤科|妇科|产科|骨科|泌尿科|精神科|心内科|神经科|血液科"
          + "|肝胆科|病区))"
          + "|(?<bed>(?<![0-9])[0-9]{1,4}号?(?:病房|病床|床)|[一二三四五六七八九十]{1,3}号(?:病房|病床|床)"
          + "|[一二三四五六七八九十]{1,3}(?:病房|病床))"
          + "|(?<intensive>ICU|重症监护室?|抢救室)"
          + "|(?<treatment>(?:第[一二两三四五六七八九十0-9]{1,2}次)?(?<![动大])(?:手术|化疗|放疗|透析))"
          + "|(?<diagnosis>(?:确诊|查出|患有|患上|罹患|得了)[\\u4e00-\\u9fa5]{0,6}?(?:癌|肿瘤|白血病|艾滋病|抑郁症|精神病|尿毒症"
          + "|心脏病|肝硬化|脑梗|中风))");
  /** The shapes of {@link #MEDICAL} by group name, and how evidence names each. */
  private static final String[][] MEDICAL_SHAPES = {{"department", "department"}, {"bed", "ward or bed"},
      {"intensive", "intensive care"}, {"treatment", "operation or treatment"}, {"diagnosis", "diagnosis"}};
  /** Words naming a boss: a medical detail is an entrepreneur's personal data only with one of them close by. */
  private static final Pattern BOSS_WORD = Pattern.compile(
      "董事长|总裁|创始人|老板|企业家|实控人|实际控制人|总经理|ceo|CEO|董事|高管|掌门人|老总|副总|合伙人");
  private static final int MEDICAL_WINDOW = 40;
  /** Words before a department's name that are not part of it. */
  private static final Pattern MEDICAL_LEAD_IN = Pattern.compile("在|是|的|了|去|到|住|转|进|看|挂");
  /** How every medical detail is shown: the detail is the private fact, so none of it stays. */
  static final String MEDICAL_MASK = "**病情**";

  /** Full-width ASCII to ASCII, ideographic space to space, dash variants to '-'; keeps length and offsets. */
  public static String fold(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= '\uFF01' && ch <= '\uFF5E') {
        c[i] = (char) (ch - 0xFEE0);
      } else if (ch == '\u3000') {
        c[i] = ' ';
      } else if (ch == '\u2010' || ch == '\u2011' || ch == '\u2012' || ch == '\u2013' || ch == '\u2014'
          || ch == '\u2212') {
        c[i] = '-';
      }
    }
    return new String(c);
  }

  /** Cheap test: text without one of these characters holds no medical detail (see {@link #MEDICAL}). */
  static boolean mayHoldMedical(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '科', '床', '术', '疗', '析', '癌', '瘤', '病', '症', '抢', 'C':
          return true;
        default:
          break;
      }
    }
    return false;
  }

  /** Cheap test: text without a digit, '@' or 班 (a school class) holds no other candidate. */
  static boolean mayContain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if ((ch >= '0' && ch <= '9') || (ch >= '\uFF10' && ch <= '\uFF19') || ch == '@' || ch == '\uFF20'
          || ch == '班') {
        return true;
      }
    }
    return false;
  }

  /**
   * Every candidate in {@code text}, overlaps resolved: validated candidates first, then by kind
   * order (resident ID, bank card, passport, e-mail, mobile, landline, hotline, plate, address, school class,
   * flight, medical).
   * Sorted by start offset.
   */
  public static List<Candidate> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    boolean numbers = mayContain(text);
    boolean medical = mayHoldMedical(text);
    if (!numbers && !medical) {
      return List.of();
    }
    String t = fold(text);
    List<Candidate> all = new ArrayList<>();
    if (numbers) {
      residentIds(t, all);
      bankCards(t, all);
      passports(t, all);
      emails(t, all);
      mobiles(t, all);
      landlines(t, all);
      hotlines(t, all);
      plates(t, all);
      addresses(t, all);
      schoolClasses(t, all);
      flights(t, all);
    }
    if (medical) {
      medical(t, all);
    }
    all.sort(Comparator.comparing((Candidate c) -> !c.validated())
        .thenComparing(c -> c.kind().ordinal())
        .thenComparingInt(Candidate::start));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : all) {
      boolean overlaps = false;
      for (Candidate k : kept) {
        if (c.start() < k.end() && k.start() < c.end()) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(Candidate::start));
    return kept;
  }

  // ---- resident ID (GB 11643) ----

  private static void residentIds(String t, List<Candidate> out) {
    Matcher m = RESIDENT_ID.matcher(t);
    while (m.find()) {
      String id = (m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6))
          .toUpperCase(Locale.ROOT);
      LocalDate birth = birthDate(m.group(2), m.group(3), m.group(4));
      if (birth == null) {
        continue; // an 18-digit number without a birth date in it is not an ID number
      }
      String region = regionProblem(m.group(1));
      boolean check = checkDigit(id) == id.charAt(17);
      boolean validated = check && region == null;
      String province = PROVINCES.get(id.substring(0, 2));
      String note = validated ? "check digit valid, birth date plausible, region " + id.substring(0, 2) + " " + province
          : !check ? "check digit does not match" : region;
      out.add(new Candidate(PersonalDataKind.RESIDENT_ID, m.start(), m.end(), id, maskResidentId(id), validated, note));
    }
  }

  /** The GB 11643-1999 check character of the first 17 digits of {@code id}. */
  public static char checkDigit(String id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11];
  }

  /** A birth date between 1900 and today, at most 120 years ago; null when implausible. */
  static LocalDate birthDate(String year, String month, String day) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      LocalDate today = LocalDate.now();
      if (d.getYear() < 1900 || d.isAfter(today) || d.isBefore(today.minusYears(120))) {
        return null;
      }
      return d;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Null when the six-digit region code is plausible, else why not. */
  static String regionProblem(String region) {
    String province = region.substring(0, 2);
    if (!PROVINCES.containsKey(province)) {
      return "region " + province + " is not a province code";
    }
    boolean permit = province.equals("81") || province.equals("82") || province.equals("83");
    if (permit && region.endsWith("0000")) {
      return null;
    }
    if (region.substring(2, 4).equals("00") || region.substring(4, 6).equals("00")) {
      return "region " + region + " is not a county-level code";
    }
    return null;
  }

  static String maskResidentId(String id) {
    return id.substring(0, 6) + "********" + id.substring(14);
  }

  // ---- bank cards ----

  private static void bankCards(String t, List<Candidate> out) {
    Matcher m = BANK_CARD.matcher(t);
    while (m.find()) {
      String digits = digits(m.group());
      if (digits.length() < 16 || digits.length() > 19) {
        continue;
      }
      boolean luhn = luhn(digits);
      boolean issuer = plausibleIssuer(digits);
      boolean grouped = m.group().indexOf(' ') >= 0 || m.group().indexOf('-') >= 0;
      if (!luhn && !grouped) {
        continue; // a bare digit string failing Luhn is an order or serial number
      }
      boolean validated = luhn && issuer;
      String note = validated ? "Luhn check passes, issuer prefix " + digits.substring(0, 2)
          : !luhn ? "grouped like a card but fails the Luhn check" : "Luhn passes but no card issuer starts with "
              + digits.charAt(0);
      out.add(new Candidate(PersonalDataKind.BANK_CARD, m.start(), m.end(), digits, maskCard(digits), validated, note));
    }
  }

  /** The Luhn (mod 10) check used by payment cards. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** UnionPay (62, 60, 65), Visa (4), Mastercard (51-55, 22-27), JCB (35) and old domestic cards (9). */
  static boolean plausibleIssuer(String digits) {
    int two = Integer.parseInt(digits.substring(0, 2));
    char first = digits.charAt(0);
    return first == '4' || first == '9' || two == 62 || two == 60 || two == 65 || (two >= 51 && two <= 55)
        || (two >= 22 && two <= 27) || two == 35;
  }

  static String maskCard(String digits) {
    return digits.substring(0, 4) + "*".repeat(digits.length() - 8) + digits.substring(digits.length() - 4);
  }

  // ---- phones ----

  private static void mobiles(String t, List<Candidate> out) {
    Matcher m = MOBILE.matcher(t);
    while (m.find()) {
      String digits = m.group(1) + m.group(2) + m.group(3);
      out.add(new Candidate(PersonalDataKind.MOBILE, m.start(), m.end(), digits,
          digits.substring(0, 3) + "****" + digits.substring(7), true, "mobile number " + digits.substring(0, 3)));
    }
  }

  private static void landlines(String t, List<Candidate> out) {
    Matcher m = LANDLINE.matcher(t);
    while (m.find()) {
      String area = m.group(1);
      String local = m.group(3);
      boolean separated = m.group(2) != null || t.charAt(m.start()) == '(';
      String masked = area + "-" + "*".repeat(local.length() - 4) + local.substring(local.length() - 4);
      out.add(new Candidate(PersonalDataKind.LANDLINE, m.start(), m.end(), area + local, masked, true,
          "landline, area code " + area + (separated ? "" : " (written without separator)")));
    }
  }

  private static void hotlines(String t, List<Candidate> out) {
    Matcher m = HOTLINE.matcher(t);
    while (m.find()) {
      String digits = m.group(1) + m.group(2) + m.group(3);
      out.add(new Candidate(PersonalDataKind.HOTLINE, m.start(), m.end(), digits, m.group(), true,
          m.group(1) + " service number"));
    }
  }

  // ---- e-mail, plates, passports ----

  private static void emails(String t, List<Candidate> out) {
    Matcher m = EMAIL.matcher(t);
    while (m.find()) {
      String local = m.group(1);
      String domain = m.group(2).toLowerCase(Locale.ROOT);
      String masked = local.charAt(0) + "***@" + domain;
      out.add(new Candidate(PersonalDataKind.EMAIL, m.start(), m.end(),
          local.toLowerCase(Locale.ROOT) + "@" + domain, masked, true, "e-mail at " + domain));
    }
  }

  private static void plates(String t, List<Candidate> out) {
    Matcher m = LICENCE_PLATE.matcher(t);
    while (m.find()) {
      String rest = m.group(3);
      boolean hasDigit = rest.chars().anyMatch(Character::isDigit);
      if (!hasDigit) {
        continue;
      }
      String value = m.group(1) + m.group(2) + rest;
      String masked = m.group(1) + m.group(2) + "*".repeat(rest.length() - 1) + rest.charAt(rest.length() - 1);
      out.add(new Candidate(PersonalDataKind.LICENCE_PLATE, m.start(), m.end(), value, masked, true,
          rest.length() == 6 ? "new-energy plate" : "licence plate"));
    }
  }

  private static void passports(String t, List<Candidate> out) {
    Matcher m = PASSPORT.matcher(t);
    while (m.find()) {
      String v = m.group(1);
      out.add(new Candidate(PersonalDataKind.PASSPORT, m.start(), m.end(), v,
          v.charAt(0) + "*".repeat(v.length() - 3) + v.substring(v.length() - 2), true, "passport number pattern"));
    }
  }

  // ---- addresses ----

  private static void addresses(String t, List<Candidate> out) {
    Matcher m = ROAD_ADDRESS.matcher(t);
    while (m.find()) {
      address(t, m.start(), m.group(1), m.end(), !m.group(3).isEmpty(), out);
    }
    Matcher e = ESTATE_ADDRESS.matcher(t);
    while (e.find()) {
      address(t, e.start(), e.group(1), e.end(), true, out);
    }
  }

  private static void address(String t, int start, String head, int end, boolean residential, List<Candidate> out) {
    int cut = afterLastLeadIn(ADDRESS_LEAD_IN, head, 2);
    String kept = head.substring(cut);
    int s = start + cut;
    // The administrative prefix (…省…市…区) stays readable; the road, number and rooms are masked.
    int adminEnd = -1;
    Matcher admin = ADMIN_LEVEL.matcher(kept);
    while (admin.find()) {
      if (admin.end() < kept.length() - 1) {
        adminEnd = admin.end();
      }
    }
    boolean hasAdmin = adminEnd > 0;
    String masked = (hasAdmin ? kept.substring(0, adminEnd) : "") + "****";
    String value = t.substring(s, end);
    String note = residential ? ADDRESS_RESIDENTIAL : hasAdmin ? "street address with district"
        : "road and house number";
    out.add(new Candidate(PersonalDataKind.ADDRESS, s, end, value, masked, hasAdmin || residential, note));
  }

  /**
   * Where a name in {@code head} starts: after the last of the {@code leadIn} words that leaves at least
   * {@code keep} characters of it (0 when there is none).
   */
  private static int afterLastLeadIn(Pattern leadIn, String head, int keep) {
    int cut = 0;
    Matcher lead = leadIn.matcher(head);
    while (lead.find()) {
      if (lead.end() <= head.length() - keep) {
        cut = lead.end();
      }
    }
    return cut;
  }

  // ---- whereabouts ----

  private static void schoolClasses(String t, List<Candidate> out) {
    Matcher m = SCHOOL_CLASS.matcher(t);
    while (m.find()) {
      String name = m.group(1).substring(0, m.group(1).length() - m.group(2).length());
      int start = m.start() + afterLastLeadIn(SCHOOL_LEAD_IN, name, 1);
      // The school's type and the class's shape stay readable, its name and numbers do not: **小学*年*班.
      String masked = "**" + m.group(2) + CLASS_NUMERAL.matcher(m.group(3)).replaceAll("*");
      out.add(new Candidate(PersonalDataKind.SCHOOL_CLASS, start, m.end(), t.substring(start, m.end()),
          masked, true, "school and class"));
    }
  }

  private static void flights(String t, List<Candidate> out) {
    Matcher m = FLIGHT.matcher(t);
    while (m.find()) {
      if (!wordNear(FLIGHT_WORD, t, m.start(), m.end(), FLIGHT_WINDOW)) {
        continue;
      }
      String value = m.group(1) + m.group(2);
      out.add(new Candidate(PersonalDataKind.FLIGHT, m.start(), m.end(), value,
          m.group(1) + "*".repeat(m.group(2).length()), true, "flight number"));
    }
  }

  // ---- an entrepreneur's health ----

  private static void medical(String t, List<Candidate> out) {
    if (!BOSS_WORD.matcher(t).find()) {
      return;
    }
    Matcher m = MEDICAL.matcher(t);
    while (m.find()) {
      if (!wordNear(BOSS_WORD, t, m.start(), m.end(), MEDICAL_WINDOW)) {
        continue;
      }
      String note = null;
      for (String[] shape : MEDICAL_SHAPES) {
        if (m.group(shape[0]) != null) {
          note = "medical detail: " + shape[1];
          break;
        }
      }
      int start = m.start();
      if (m.group("head") != null) {
        start += afterLastLeadIn(MEDICAL_LEAD_IN, m.group("head"), 0);
      }
      out.add(new Candidate(PersonalDataKind.MEDICAL, start, m.end(), t.substring(start, m.end()), MEDICAL_MASK, true,
          note));
    }
  }

  /** True when one of {@code words} lies within {@code window} characters either side of [start, end). */
  private static boolean wordNear(Pattern words, String t, int start, int end, int window) {
    return words.matcher(t).region(Math.max(0, start - window), Math.min(t.length(), end + window)).find();
  }

  static String digits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
