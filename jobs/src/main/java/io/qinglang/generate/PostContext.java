package io.qinglang.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The state of one post while its templates expand: the post's own random stream, the run's split,
 * and the values bound on first use (the enterprise, its boss, a competitor, a place, personal data,
 * a financial report) so that a post names one enterprise and one ID number consistently.
 */
final class PostContext implements Expansion {
  private static final int MAX_DEPTH = 24;
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = "abcdefghijkmnpqrstuvwxyz23456789";

  final PostGenerator gen;
  final SplittableRandom rng;
  final FormSplit mode;
  final Form form;
  final LocalDateTime published;
  /** Categories this post may be about; decides how likely a registry enterprise is. */
  final int category;
  final Set<String> pii = new LinkedHashSet<>();
  final Set<String> enterpriseIds = new LinkedHashSet<>();
  /** Slot values used, as "slot#index" (only when tracing). */
  final List<String> trace;
  String platform;
  Entity ent;
  Entity rival;
  FinancialReport fin;
  private Person person;
  private PersonalData.Region region;
  private String event;
  private String idcard;
  private String mobile;
  private String bankcard;
  private String address;
  private String plate;
  private String email;
  private String wechat;
  private String qq;
  private String fakeName;
  private String fakeSite;
  private String fakeHotline;
  private String shortUrl;
  private int depth;
  private java.util.Map<String, String> bound;
  private Slot lastSlot;
  private int lastIndex = -1;

  PostContext(PostGenerator gen, SplittableRandom rng, Form form, LocalDateTime published, boolean trace) {
    this(gen, rng, form, published, trace, gen.options.forms());
  }

  PostContext(PostGenerator gen, SplittableRandom rng, Form form, LocalDateTime published, boolean trace,
      FormSplit mode) {
    this.gen = gen;
    this.rng = rng;
    this.mode = mode;
    this.form = form;
    this.published = published;
    this.category = form.category();
    this.trace = trace ? new ArrayList<>() : null;
  }

  @Override
  public SplittableRandom rng() {
    return rng;
  }

  @Override
  public boolean appendBound(String name, StringBuilder out) {
    String v = bound == null ? null : bound.get(name);
    if (v == null) {
      return false;
    }
    out.append(v);
    return true;
  }

  @Override
  public void bind(String name, String value) {
    if (bound == null) {
      bound = new java.util.HashMap<>(4);
    }
    bound.put(name, value);
  }

  @Override
  public void pick(Slot slot, StringBuilder out) {
    int[] eligible = slot.eligible(mode);
    int i = eligible[rng.nextInt(eligible.length)];
    if (slot == lastSlot && i == lastIndex && eligible.length > 1) {
      // the same value twice in a row reads like a glitch ("一、X；二、X")
      i = eligible[rng.nextInt(eligible.length)];
    }
    lastSlot = slot;
    lastIndex = i;
    if (trace != null) {
      trace.add(slot.name() + "#" + i);
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    depth++;
    slot.value(i).expand(this, out);
    depth--;
  }

  @Override
  public int industry() {
    return ent().industry;
  }

  String expand(Template t) {
    StringBuilder b = new StringBuilder(96);
    t.expand(this, b);
    return b.toString();
  }

  String expandOne(List<Template> options) {
    return expand(options.get(rng.nextInt(options.size())));
  }

  /** One value of the named slot (industry-specific when {@code name.<industry>} exists). */
  String slot(String name) {
    StringBuilder b = new StringBuilder(48);
    Grammar g = gen.grammar;
    String specific = name + "." + gen.grammar.industry(industry()).key();
    if (g.hasSlot(specific) && (!g.hasSlot(name) || rng.nextInt(4) != 0)) {
      pick(g.slot(specific), b);
    } else {
      pick(g.slot(name), b);
    }
    return b.toString();
  }

  String slotPlain(String name) {
    StringBuilder b = new StringBuilder(48);
    pick(gen.grammar.slot(name), b);
    return b.toString();
  }

  Entity ent() {
    if (ent == null) {
      ent = gen.chooseEntity(rng, category, form.persona());
      noteEntity(ent);
    }
    return ent;
  }

  void bindEntity(Entity e) {
    ent = e;
    noteEntity(e);
  }

  private void noteEntity(Entity e) {
    if (e.registryId != null) {
      enterpriseIds.add(e.registryId);
    }
  }

  Entity rival() {
    if (rival == null) {
      rival = gen.chooseRival(rng, ent());
      noteEntity(rival);
    }
    return rival;
  }

  FinancialReport fin() {
    if (fin == null) {
      fin = new FinancialReport(rng, form.fin() == null ? Form.FinType.FAITHFUL : form.fin(), published.toLocalDate(),
          ent().inRegistry());
    }
    return fin;
  }

  PersonalData.Region region() {
    if (region == null) {
      region = gen.tables.region(rng, null);
    }
    return region;
  }

  String fakeName() {
    if (fakeName == null) {
      fakeName = Impostor.name(this, ent());
    }
    return fakeName;
  }

  String event() {
    if (event == null) {
      event = slotPlain("event");
    }
    return event;
  }

  @Override
  public void builtin(Builtin b, int lo, int hi, StringBuilder out) {
    switch (b) {
      case ENT -> out.append(mention(ent()));
      case ENT_FULL -> out.append(ent().full);
      case ENT_SHORT -> out.append(ent().shortName);
      case BRAND -> out.append(brand(ent()));
      case ENT_FAKE -> out.append(fakeName());
      case ENT_HOTLINE -> out.append(ent().hotline);
      case ENT_SITE -> out.append(Impostor.officialSite(ent()));
      case FAKE_SITE -> {
        if (fakeSite == null) {
          fakeSite = Impostor.site(rng, ent());
        }
        out.append(fakeSite);
      }
      case FAKE_HOTLINE -> {
        if (fakeHotline == null) {
          fakeHotline = rng.nextInt(3) == 0 ? hotline400() : PersonalData.formatMobile(rng, mobileRaw());
          pii.add(fakeHotline.startsWith("400") ? "hotline" : "mobile");
        }
        out.append(fakeHotline);
      }
      case INDUSTRY -> {
        Grammar.Industry ind = gen.grammar.industry(industry());
        out.append(ind.label());
      }
      case ENT_CITY -> out.append(stripCity(ent().city));
      case ENT_PROVINCE -> out.append(ent().province);
      case RIVAL -> out.append(mention(rival()));
      case RIVAL_FULL -> out.append(rival().full);
      case RIVAL_BRAND -> out.append(brand(rival()));
      case BOSS -> out.append(ent().boss.full());
      case BOSS_REF -> out.append(bossRef(ent().boss));
      case BOSS_TITLE -> out.append(pick("董事长", "创始人", "总裁", "CEO", "实控人", "老板", "掌门人", "董事长",
          "创始人兼CEO", "总经理"));
      case BOSS_SURNAME -> out.append(ent().boss.surname());
      case PERSON -> out.append(person().full());
      case PERSON_REF -> out.append(person().surname()).append(person().female() ? pick("女士", "小姐", "姐")
          : pick("先生", "先生", "哥"));
      case NICK -> out.append(slotPlain("nick"));
      case CITY -> out.append(stripCity(region().city()));
      case PROVINCE -> out.append(region().province());
      case DISTRICT -> out.append(region().district());
      case DATE -> {
        LocalDate d = published.toLocalDate().minusDays(rng.nextInt(0, 12));
        out.append(d.getMonthValue()).append('月').append(d.getDayOfMonth()).append(rng.nextInt(4) == 0 ? "号" : "日");
      }
      case TIME -> out.append(time());
      case MONTH -> out.append(published.getMonthValue()).append('月');
      case YEAR -> out.append(published.getYear());
      case EVENT -> out.append(event());
      case NUM -> out.append(rng.nextInt(lo, hi + 1));
      case DEC -> out.append(rng.nextInt(lo, hi)).append('.').append(rng.nextInt(1, 10));
      case IDCARD -> {
        if (idcard == null) {
          idcard = PersonalData.idNumber(rng, gen.tables.region(rng, ent == null ? null : ent.province));
        }
        pii.add("idcard");
        out.append(idcard);
      }
      case MOBILE -> {
        if (mobile == null) {
          mobile = PersonalData.formatMobile(rng, mobileRaw());
        }
        pii.add("mobile");
        out.append(mobile);
      }
      case BANKCARD -> {
        if (bankcard == null) {
          bankcard = PersonalData.formatCard(rng, PersonalData.bankCard(rng, gen.tables.bankBins));
        }
        pii.add("bankcard");
        out.append(bankcard);
      }
      case ADDRESS -> {
        if (address == null) {
          address = address();
        }
        pii.add("address");
        out.append(address);
      }
      case PLATE -> {
        if (plate == null) {
          plate = PersonalData.plate(rng, gen.tables.provinceAbbrev.get(region().province()));
        }
        pii.add("plate");
        out.append(plate);
      }
      case EMAIL -> {
        if (email == null) {
          email = Pinyin.of(person().full()) + (rng.nextBoolean() ? String.valueOf(rng.nextInt(60, 2000)) : "")
              + "@" + pick("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "hotmail.com");
        }
        pii.add("email");
        out.append(email);
      }
      case WECHAT -> {
        if (wechat == null) {
          wechat = wechatId();
        }
        out.append(wechat);
      }
      case QQ -> {
        if (qq == null) {
          qq = randomDigits(1, rng.nextInt(6, 11));
        }
        out.append(qq);
      }
      case ORDER_NO -> out.append(rng.nextBoolean() ? PersonalData.nonLuhnDigits(rng, rng.nextBoolean() ? 18 : 19)
          : published.getYear() + Text.pad(published.getMonthValue(), 2) + Text.pad(published.getDayOfMonth(), 2)
              + randomDigits(0, 10));
      case EXPRESS_NO -> out.append(pick("SF", "YT", "JT", "ZTO", "JD", "YD")).append(randomDigits(1, 13));
      case LANDLINE -> out.append(pick("010", "021", "020", "0755", "0571", "025", "027", "028", "023", "0512", "0731"))
          .append('-').append(randomDigits(2, 8));
      case HOTLINE400 -> out.append(hotline400());
      case SHORT_URL -> {
        if (shortUrl == null) {
          shortUrl = pick("t.cn/A6", "dwz.cn/", "url.cn/", "suo.im/", "m.tb.cn/h.") + randomAlnum(6);
        }
        out.append(shortUrl);
      }
      case URL -> out.append("https://").append(rng.nextBoolean() ? Impostor.officialSite(ent())
          : Impostor.site(rng, ent())).append('/').append(randomAlnum(6));
      default -> financial(b, out);
    }
  }

  private void financial(Builtin b, StringBuilder out) {
    FinancialReport f = fin();
    switch (b) {
      case FIN_PERIOD -> out.append(f.periodName(rng));
      case FIN_PERIOD_SHORT -> out.append(f.periodShort(rng));
      case FIN_REV -> out.append(FinancialReport.amount(f.revenue));
      case FIN_REV_PCT -> out.append(FinancialReport.pct(f.revenuePct));
      case FIN_REV_DIR -> out.append(FinancialReport.dir(rng, f.revenuePct));
      case FIN_REV_ROUGH -> out.append(FinancialReport.rough(rng, f.revenuePct));
      case FIN_NP -> out.append(FinancialReport.amount(f.netProfit));
      case FIN_NP_PCT -> out.append(f.loss ? "亏损" + FinancialReport.amount(f.netProfit)
          : FinancialReport.pct(f.netProfitPct));
      case FIN_NP_DIR -> out.append(f.loss ? "由盈转亏，" : FinancialReport.dir(rng, f.netProfitPct));
      case FIN_NP_ROUGH -> out.append(f.loss ? "由盈转亏" : FinancialReport.dir(rng, f.netProfitPct)
          + FinancialReport.rough(rng, f.netProfitPct));
      case FIN_NP_SIGNED -> out.append(f.netProfitPct >= 0 ? "+" : "-").append(FinancialReport.pct(f.netProfitPct));
      case FIN_NP_FLIP -> out.append(f.npUp() ? pick("下滑", "下降", "大幅下滑", "缩水", "下跌")
          : pick("增长", "大增", "逆势增长", "上涨", "猛增"));
      case FIN_NP_INFLATED -> out.append(FinancialReport.pct(f.inflatedPct));
      case FIN_CRASH -> out.append(pick("暴跌", "骤降", "跳水", "大跌", "崩盘式下滑", "血崩", "断崖式下跌", "狂跌", "巨亏式下滑"));
      case FIN_MINOR -> out.append(f.minorName);
      case FIN_MINOR_PCT -> out.append(FinancialReport.pct(f.minorPct));
      case FIN_Q -> out.append(f.quarterName == null ? "一季度" : f.quarterName);
      case FIN_Q_PCT -> out.append(FinancialReport.pct(Double.isNaN(f.quarterPct) ? f.netProfitPct : f.quarterPct));
      case FIN_Q_DIR -> out.append(FinancialReport.dir(rng, Double.isNaN(f.quarterPct) ? f.netProfitPct : f.quarterPct));
      case FIN_BODY -> out.append(finBody());
      default -> throw new IllegalStateException("unhandled built-in " + b);
    }
  }

  /** The article body: figures stated in sentences drawn from the grammar's fin_* slots. */
  String finBody() {
    FinancialReport f = fin();
    StringBuilder b = new StringBuilder(400);
    b.append(slotPlain("fin_open"));
    b.append(slotPlain("fin_rev"));
    b.append(slotPlain(f.loss ? "fin_np_loss" : f.netProfitPct >= 0 ? "fin_np_up" : "fin_np_down"));
    if (f.mentionQuarter) {
      b.append(slotPlain("fin_quarter"));
    }
    if (f.mentionMinor) {
      b.append(slotPlain("fin_minor"));
    }
    b.append('\n');
    b.append(slotPlain(f.npUp() ? "fin_reason_up" : "fin_reason_down"));
    if (rng.nextInt(10) < 6) {
      b.append('\n').append(slotPlain("fin_close"));
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- helpers

  String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }

  String mention(Entity e) {
    int r = rng.nextInt(100);
    if (r < 62 || (r < 90 && e.brands.isEmpty())) {
      return e.shortName;
    }
    if (r < 90) {
      return e.brands.get(rng.nextInt(e.brands.size()));
    }
    return e.full;
  }

  String brand(Entity e) {
    return e.brands.isEmpty() ? e.shortName : e.brands.get(rng.nextInt(e.brands.size()));
  }

  String bossRef(Person p) {
    return switch (rng.nextInt(8)) {
      case 0, 1 -> p.surname() + "总";
      case 2 -> p.surname() + "董";
      case 3 -> "老" + p.surname();
      case 4 -> p.surname() + "某";
      default -> p.full();
    };
  }

  Person person() {
    if (person == null) {
      person = gen.tables.person(rng);
    }
    return person;
  }

  static String stripCity(String city) {
    return city.length() > 2 && city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
  }

  private String time() {
    int h = rng.nextInt(24);
    int r = rng.nextInt(3);
    if (r == 0) {
      return h + ":" + Text.pad(rng.nextInt(12) * 5L, 2);
    }
    String part = h < 5 ? "凌晨" : h < 9 ? "早上" : h < 12 ? "上午" : h < 14 ? "中午" : h < 18 ? "下午" : "晚上";
    int h12 = h > 12 ? h - 12 : h;
    return part + h12 + "点" + (rng.nextInt(3) == 0 ? "半" : "");
  }

  String mobileRaw() {
    return PersonalData.mobile(rng, gen.tables.mobilePrefixes);
  }

  String hotline400() {
    return "400-" + randomDigits(1, 3) + "-" + randomDigits(0, 4);
  }

  private String address() {
    PersonalData.Region r = ent != null && ent.province != null && rng.nextBoolean()
        ? gen.tables.region(rng, ent.province) : region();
    StringBuilder b = new StringBuilder();
    if (rng.nextInt(3) > 0) {
      b.append(r.province());
    }
    if (!r.city().equals(r.province())) {
      b.append(r.city());
    }
    b.append(r.district()).append(slotPlain("road")).append(rng.nextInt(1, 999)).append('号');
    if (rng.nextInt(4) > 0) {
      b.append(slotPlain("community")).append(rng.nextInt(1, 30)).append('栋');
      if (rng.nextBoolean()) {
        b.append(rng.nextInt(1, 6)).append("单元");
      }
      b.append(rng.nextInt(1, 33)).append('0').append(rng.nextInt(1, 9)).append('室');
    }
    return b.toString();
  }

  private String wechatId() {
    return switch (rng.nextInt(4)) {
      case 0 -> "wxid_" + randomAlnum(10);
      case 1 -> Pinyin.of(person().full()) + randomDigits(0, rng.nextInt(2, 6));
      case 2 -> pick("kf", "vip", "fl", "hz", "zs", "pr", "sc") + randomAlnum(3) + randomDigits(0, 4);
      default -> randomAlnum(rng.nextInt(6, 10));
    };
  }

  String randomDigits(int firstMin, int n) {
    StringBuilder b = new StringBuilder(n);
    b.append((char) ('0' + rng.nextInt(firstMin, 10)));
    for (int i = 1; i < n; i++) {
      b.append(DIGITS.charAt(rng.nextInt(10)));
    }
    return b.toString();
  }

  String randomAlnum(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(ALNUM.charAt(rng.nextInt(ALNUM.length())));
    }
    return b.toString();
  }
}
