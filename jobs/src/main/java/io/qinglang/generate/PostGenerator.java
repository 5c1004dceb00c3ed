package io.qinglang.generate;

import io.qinglang.registry.Enterprise;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates post {@code i} of a run as a pure function of the options and {@code i}: every post has
 * its own random stream seeded from (seed, i), and everything shared between posts (campaigns, fan
 * clusters, enterprises, accounts) is itself derived from its own index. One instance serves one
 * task; instances hold caches only.
 */
final class PostGenerator {
  static final long S_POST = 1;
  static final long S_DIRTY = 2;
  static final long S_DIRTY_KIND = 3;
  static final long S_GROUP = 4;
  static final long S_CAMPAIGN_ID = 5;
  static final long S_CAMPAIGN = 6;
  static final long S_FAN_ID = 7;
  static final long S_FAN = 8;
  static final long S_ENTITY = 9;
  static final long S_ACCOUNT = 10;
  static final long S_DISPOSAL = 11;
  static final long S_REGISTRY = 12;

  /** Kinds of record; the dirty ones are counted in the manifest by kind. */
  enum Kind {
    REGULAR, CAMPAIGN, FAN, MALFORMED_JSON, MISSING_FIELD, BAD_TIMESTAMP, UNKNOWN_PLATFORM, DUPLICATE,
    EDITED_REPOST, EMOJI_ONLY;

    boolean dirty() {
      return ordinal() >= MALFORMED_JSON.ordinal();
    }

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Kind[] DIRTY_KINDS = {Kind.MALFORMED_JSON, Kind.MISSING_FIELD, Kind.BAD_TIMESTAMP,
      Kind.UNKNOWN_PLATFORM, Kind.DUPLICATE, Kind.EDITED_REPOST, Kind.EMOJI_ONLY};
  private static final double[] DIRTY_WEIGHTS = {18, 16, 16, 10, 15, 15, 10};
  private static final int[] HOUR_WEIGHTS = {30, 18, 10, 6, 4, 5, 12, 28, 48, 60, 66, 70, 78, 70, 62, 62, 64, 66,
      72, 84, 96, 100, 88, 58};
  /** Shares of platforms per shape, in Platform order. */
  private static final Map<Form.Shape, int[]> PLATFORM_SHARES = Map.of(
      // weibo douyin kuaishou wechat zhihu toutiao xhs bili tieba baidu appstore web
      Form.Shape.SHORT, new int[] {30, 10, 6, 4, 7, 9, 10, 8, 8, 0, 0, 4},
      Form.Shape.LONG, new int[] {5, 0, 0, 28, 18, 24, 7, 4, 8, 0, 0, 8},
      Form.Shape.VIDEO, new int[] {5, 40, 25, 0, 0, 0, 10, 20, 0, 0, 0, 0},
      Form.Shape.ACCOUNT, new int[] {25, 20, 10, 10, 5, 10, 12, 8, 0, 0, 0, 0},
      Form.Shape.APP, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0},
      Form.Shape.SUGGESTION, new int[] {28, 10, 0, 0, 0, 0, 0, 0, 0, 62, 0, 0},
      Form.Shape.FIN, new int[] {8, 0, 0, 36, 6, 34, 0, 0, 0, 0, 0, 16});
  private static final Platform[] CAMPAIGN_PLATFORMS = {Platform.WEIBO, Platform.WEIBO, Platform.DOUYIN,
      Platform.DOUYIN, Platform.TOUTIAO, Platform.TOUTIAO, Platform.XIAOHONGSHU, Platform.XIAOHONGSHU,
      Platform.ZHIHU, Platform.BILIBILI, Platform.KUAISHOU, Platform.TIEBA};
  private static final Platform[] FAN_PLATFORMS = {Platform.WEIBO, Platform.WEIBO, Platform.WEIBO, Platform.DOUYIN,
      Platform.XIAOHONGSHU, Platform.BILIBILI, Platform.TOUTIAO, Platform.KUAISHOU};
  private static final long ID_MODULUS = 9_000_000_000L;
  private static final long ID_MULTIPLIER = 982_451_653L;

  final GeneratorOptions options;
  final Grammar grammar;
  final Tables tables;
  final RealText real;
  final boolean trace;
  private final List<Entity> registry = new ArrayList<>();
  private final List<Entity> registryOfficial = new ArrayList<>();
  private final Map<Integer, List<Entity>> registryByIndustry = new HashMap<>();
  private final long campaigns;
  private final long fans;
  private final long inventedPool;
  private final long userPool;
  private final double[] regularCumulative;
  private final double campaignRate;
  private final double fanRate;
  private final long startEpoch;
  private final long days;
  private final long idOffset;
  private final Map<Long, Group> campaignCache = new HashMap<>();
  private final Map<Long, Group> fanCache = new HashMap<>();
  private final Form nameForm;

  PostGenerator(GeneratorOptions options, RealText real, boolean trace) {
    this.options = options;
    this.grammar = Grammar.get();
    this.tables = Tables.get();
    this.real = real;
    this.trace = trace;
    long n = options.posts();
    campaignRate = options.campaignRate();
    fanRate = options.fanClusterRate();
    campaigns = campaignRate <= 0 ? 0 : Math.max(1, Math.round(n * campaignRate / 18.0));
    fans = fanRate <= 0 ? 0 : Math.max(1, Math.round(n * fanRate / 20.0));
    inventedPool = 2500 + n / 80;
    userPool = Math.max(3000, n / 3);
    startEpoch = options.start().atStartOfDay().toEpochSecond(ZoneOffset.ofHours(8));
    days = options.end().toEpochDay() - options.start().toEpochDay() + 1;
    idOffset = Long.remainderUnsigned(Hashing.mix(options.seed()), ID_MODULUS);
    nameForm = new Form("name", 0, "ord.name", Form.Shape.SHORT, false, 1, Form.Persona.USER, List.of(), null, false,
        false, List.of(), List.of(Template.parse("")), List.of(), List.of());
    // regular posts: categories 1..10 (9 without campaigns), hard negatives (without fans), ordinary
    double[] w = new double[12];
    for (int c = 1; c <= 10; c++) {
      w[c - 1] = options.categoryRate(c) - (c == 9 ? campaignRate : 0);
    }
    w[10] = Math.max(0, options.hardNegativeRate() - fanRate);
    w[11] = Math.max(0, 1 - options.violationRate() - options.hardNegativeRate() - options.dirtyRate());
    regularCumulative = new double[12];
    double sum = 0;
    for (int k = 0; k < 12; k++) {
      sum += Math.max(0, w[k]);
      regularCumulative[k] = sum;
    }
    if (sum <= 0) {
      regularCumulative[11] = 1;
    }
    if (options.registry() != null) {
      for (Enterprise e : options.registry().enterprises()) {
        Entity ent = fromRegistry(e);
        registry.add(ent);
        registryByIndustry.computeIfAbsent(ent.industry, k -> new ArrayList<>()).add(ent);
        if (!ent.officialAccounts.isEmpty()) {
          registryOfficial.add(ent);
        }
      }
    }
  }

  // ================================================================ decisions

  Kind kindOf(long i) {
    if (isDirty(i)) {
      double u = Hashing.unit(Hashing.seed(options.seed(), S_DIRTY_KIND, i));
      Kind k = DIRTY_KINDS[pickWeighted(u, DIRTY_WEIGHTS)];
      boolean needsClean = k == Kind.DUPLICATE || k == Kind.EDITED_REPOST;
      if (!needsClean || (i > 0 && !isDirty(i - 1))) {
        return k;
      }
    }
    return groupKind(i);
  }

  private boolean isDirty(long i) {
    return Hashing.unit(Hashing.seed(options.seed(), S_DIRTY, i)) < options.dirtyRate();
  }

  private Kind groupKind(long i) {
    double g = Hashing.unit(Hashing.seed(options.seed(), S_GROUP, i));
    if (g < campaignRate) {
      return Kind.CAMPAIGN;
    }
    if (g < campaignRate + fanRate) {
      return Kind.FAN;
    }
    return Kind.REGULAR;
  }

  private static int pickWeighted(double u, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double r = u * sum;
    for (int k = 0; k < weights.length; k++) {
      r -= weights[k];
      if (r < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }

  /** A platform-prefixed id, unique per index (a bijection of i below 9e9, shifted by the seed). */
  String postId(Platform p, long i) {
    long n = Math.floorMod(Math.floorMod(i, ID_MODULUS) * ID_MULTIPLIER + idOffset, ID_MODULUS);
    String id = Long.toString(1_000_000_000L + n);
    return i < ID_MODULUS ? p.code + "-" + id : p.code + "-" + (i / ID_MODULUS) + id;
  }

  // ================================================================ records

  /** Record {@code i}: a clean post, or a dirty record built from one. */
  Post generate(long i) {
    Kind k = kindOf(i);
    return switch (k) {
      case REGULAR, CAMPAIGN, FAN -> clean(i, k);
      case DUPLICATE -> {
        Post p = clean(i - 1, kindOf(i - 1)).copy();
        p.kind = k.id();
        p.clean = false;
        p.copyOf = p.postId;
        yield p;
      }
      case EDITED_REPOST -> {
        Post p = clean(i - 1, kindOf(i - 1)).copy();
        SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_POST, i));
        p.content = Dirt.edit(this, rng, p.content, p.postId);
        p.kind = k.id();
        p.clean = false;
        p.copyOf = p.postId;
        yield p;
      }
      case EMOJI_ONLY -> {
        Post p = regular(i);
        SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_DIRTY_KIND, i) ^ 0x55);
        p.title = null;
        p.query = null;
        if (!"post".equals(p.contentType) && !"comment".equals(p.contentType) && !"video".equals(p.contentType)) {
          p.contentType = "comment";
        }
        p.content = Dirt.emojiOnly(rng, tables);
        p.category = 0;
        p.finClickbait = null;
        p.formId = "dirty.emoji_only";
        p.formKind = "ord.emoji_only";
        p.split = "-";
        p.kind = k.id();
        p.enterpriseIds = Set.of();
        p.pii = Set.of();
        p.impostor = false;
        p.clean = false;
        p.group = null;
        yield p;
      }
      default -> {
        Post p = regular(i);
        p.kind = k.id();
        p.clean = false;
        yield p;
      }
    };
  }

  Post clean(long i, Kind k) {
    return switch (k) {
      case CAMPAIGN -> campaignMember(i);
      case FAN -> fanMember(i);
      default -> regular(i);
    };
  }

  Post regular(long i) {
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_POST, i));
    double r = rng.nextDouble() * regularCumulative[11];
    int slot = 0;
    while (slot < 11 && r >= regularCumulative[slot]) {
      slot++;
    }
    LocalDateTime published = randomTime(rng);
    if (slot == 11 || slot == 10) {
      boolean ordinary = slot == 11;
      if (real != null && rng.nextDouble() < options.realTextShare() * (ordinary ? 1.0 : 0.35)) {
        Post p = RealPosts.post(this, rng, i, published, ordinary);
        if (p != null) {
          return p;
        }
      }
      Grammar.Selection sel = grammar.selection(ordinary ? "ord" : "neg", options.forms());
      return render(new PostContext(this, rng, sel.pick(rng), published, trace), i);
    }
    int category = slot + 1;
    Grammar.Selection sel = grammar.selection("cat:" + category, options.forms());
    if (sel.isEmpty()) {
      throw new IllegalStateException("the grammar has no " + options.forms().id() + " forms for category " + category);
    }
    return render(new PostContext(this, rng, sel.pick(rng), published, trace), i);
  }

  // ================================================================ rendering

  Post render(PostContext ctx, long i) {
    Form f = ctx.form;
    SplittableRandom rng = ctx.rng;
    Post p = new Post();
    p.formId = f.id();
    p.formKind = f.kind();
    p.split = f.split();
    p.category = f.category();
    p.kind = Kind.REGULAR.id();
    String[] account = null;
    Platform plat = null;
    if (f.persona() == Form.Persona.OFFICIAL) {
      Entity e = ctx.ent();
      String official = officialAccountFor(rng, e, f);
      if (official != null) {
        int colon = official.indexOf(':');
        plat = Platform.of(official.substring(0, colon));
        account = new String[] {official.substring(colon + 1), officialName(e, plat)};
      }
    }
    if (plat == null) {
      plat = choosePlatform(rng, f);
    }
    ctx.platform = plat.id();
    p.platform = plat;
    fill(ctx, p, plat);
    Register.decorate(ctx, p, plat);
    Noise.apply(ctx, p);
    if (account == null) {
      account = account(ctx, f.persona(), plat);
    }
    if (f.shape() == Form.Shape.ACCOUNT) {
      account[1] = ctx.expandOne(f.names());
    }
    p.accountId = account[0];
    p.accountName = account[1];
    finish(ctx, p, plat, i, ctx.published);
    p.impostor = f.persona() == Form.Persona.IMPOSTOR;
    p.official = f.persona() == Form.Persona.OFFICIAL;
    p.trace = ctx.trace;
    if (f.fin() != null) {
      p.finClickbait = f.fin().distorted() ? 1 : 0;
    }
    return p;
  }

  /** Title, content, query and content type by shape and platform. */
  private void fill(PostContext ctx, Post p, Platform plat) {
    Form f = ctx.form;
    SplittableRandom rng = ctx.rng;
    switch (f.shape()) {
      case SHORT -> {
        p.content = ctx.expandOne(f.bodies());
        p.contentType = switch (plat) {
          case DOUYIN, KUAISHOU -> "video";
          case BILIBILI -> rng.nextInt(5) == 0 ? "video" : "comment";
          case TIEBA -> rng.nextInt(5) < 3 ? "post" : "comment";
          case ZHIHU -> "comment";
          case WECHAT -> f.persona() == Form.Persona.OFFICIAL || f.persona() == Form.Persona.MEDIA ? "post" : "comment";
          case TOUTIAO -> rng.nextInt(10) < 7 ? "post" : "comment";
          case WEB -> rng.nextBoolean() ? "post" : "comment";
          default -> "post";
        };
        boolean titled = p.contentType.equals("video") || plat == Platform.XIAOHONGSHU
            || (plat == Platform.TIEBA && p.contentType.equals("post"));
        if (titled) {
          p.title = f.titles().isEmpty() ? Register.deriveTitle(p.content) : ctx.expandOne(f.titles());
        }
      }
      case VIDEO -> {
        p.contentType = "video";
        p.content = ctx.expandOne(f.bodies());
        p.title = f.titles().isEmpty() ? Register.deriveTitle(p.content) : ctx.expandOne(f.titles());
      }
      case LONG -> {
        p.contentType = switch (plat) {
          case WECHAT, TOUTIAO, WEB, BILIBILI, WEIBO -> "article";
          default -> "post";
        };
        p.title = ctx.expandOne(f.titles());
        p.content = ctx.expandOne(f.bodies());
      }
      case FIN -> {
        p.contentType = "article";
        p.title = ctx.expandOne(f.titles());
        p.content = f.bodies().isEmpty() ? ctx.finBody() : ctx.expandOne(f.bodies());
      }
      case ACCOUNT -> {
        p.contentType = "account";
        p.content = ctx.expandOne(f.bodies());
      }
      case APP -> {
        p.contentType = "app";
        p.title = ctx.expandOne(f.titles());
        p.content = ctx.expandOne(f.bodies());
      }
      case SUGGESTION -> {
        p.contentType = "search_suggestion";
        p.content = ctx.expandOne(f.bodies());
        p.query = f.queries().isEmpty() ? Register.deriveQuery(rng, p.content) : ctx.expandOne(f.queries());
      }
      default -> throw new IllegalStateException(f.shape().toString());
    }
  }

  /** Post id, time, counts, URL and IP region: the parts every record has. */
  void finish(PostContext ctx, Post p, Platform plat, long i, LocalDateTime published) {
    SplittableRandom rng = ctx.rng;
    p.postId = postId(plat, i);
    p.platformShown = plat.shown(rng);
    p.publishedEpoch = published.toEpochSecond(ZoneOffset.ofHours(8));
    p.publishedShown = plat.timestamp(rng, published);
    Form.Shape shape = ctx.form.shape();
    if (shape != Form.Shape.ACCOUNT && shape != Form.Shape.SUGGESTION && shape != Form.Shape.APP) {
      Register.counts(rng, p, ctx.form.persona(), plat);
    }
    if (plat.showsIpRegion && shape != Form.Shape.SUGGESTION && rng.nextInt(100) < 85) {
      p.ipRegion = shortProvince(tables.province(rng));
    }
    if (rng.nextInt(100) < 70 && shape != Form.Shape.SUGGESTION) {
      p.url = plat.url(rng, p.accountId, Long.parseLong(p.postId.substring(p.postId.indexOf('-') + 1)));
    }
    p.enterpriseIds = ctx.enterpriseIds.isEmpty() ? Set.of() : new LinkedHashSet<>(ctx.enterpriseIds);
    p.pii = ctx.pii.isEmpty() ? Set.of() : new LinkedHashSet<>(ctx.pii);
  }

  static String shortProvince(String p) {
    if (p.endsWith("省") || (p.endsWith("市") && p.length() == 3)) {
      return p.substring(0, p.length() - 1);
    }
    if (p.startsWith("内蒙古")) {
      return "内蒙古";
    }
    if (p.endsWith("自治区")) {
      return p.substring(0, 2);
    }
    return p;
  }

  Platform choosePlatform(SplittableRandom rng, Form f) {
    int[] shares = PLATFORM_SHARES.get(f.shape());
    Platform[] all = Platform.values();
    int total = 0;
    for (int k = 0; k < all.length; k++) {
      if (shares[k] > 0 && (f.platforms().isEmpty() || f.platforms().contains(all[k].id()))) {
        total += shares[k];
      }
    }
    if (total == 0) {
      // the form names platforms outside its shape's usual set: take them evenly
      List<String> named = f.platforms();
      return Platform.of(named.get(rng.nextInt(named.size())));
    }
    int r = rng.nextInt(total);
    for (int k = 0; k < all.length; k++) {
      if (shares[k] > 0 && (f.platforms().isEmpty() || f.platforms().contains(all[k].id()))) {
        r -= shares[k];
        if (r < 0) {
          return all[k];
        }
      }
    }
    return Platform.WEIBO;
  }

  LocalDateTime randomTime(SplittableRandom rng) {
    long day = rng.nextLong(days);
    int hour = pickHour(rng);
    long sec = startEpoch + day * 86400 + hour * 3600L + rng.nextInt(3600);
    return LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.ofHours(8));
  }

  private static int pickHour(SplittableRandom rng) {
    int total = 0;
    for (int w : HOUR_WEIGHTS) {
      total += w;
    }
    int r = rng.nextInt(total);
    for (int h = 0; h < 24; h++) {
      r -= HOUR_WEIGHTS[h];
      if (r < 0) {
        return h;
      }
    }
    return 23;
  }

  // ================================================================ enterprises

  private Entity fromRegistry(Enterprise e) {
    long key = Hashing.fnv("registry\u0001" + e.enterpriseId());
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_REGISTRY, key));
    int ind = grammar.matchIndustry(e.industry());
    if (ind < 0) {
      ind = grammar.matchIndustry(e.name());
    }
    if (ind < 0) {
      ind = (int) Long.remainderUnsigned(key, grammar.industries().size());
    }
    String province = null;
    for (String p : tables.provinces) {
      if (!e.region().isBlank() && (p.startsWith(e.region()) || e.region().startsWith(shortProvince(p)))) {
        province = p;
        break;
      }
    }
    PersonalData.Region region = tables.region(rng, province);
    String shortName = e.shortNames().isEmpty() ? e.name() : e.shortNames().get(0);
    List<String> brands = new ArrayList<>(e.brands());
    for (int k = 1; k < e.shortNames().size(); k++) {
      brands.add(e.shortNames().get(k));
    }
    Person boss = tables.person(rng);
    String hotline = "400-" + rng.nextInt(100, 1000) + "-" + Text.pad(rng.nextInt(10000), 4);
    return new Entity(e.enterpriseId(), e.name(), shortName, List.copyOf(brands), ind, region.province(),
        region.city(), e.officialAccounts(), boss, hotline, key);
  }

  private final Map<Long, Entity> inventedCache = new HashMap<>();

  /** An invented enterprise, the same for the same index in every task. */
  Entity invented(long k) {
    Entity cached = inventedCache.get(k);
    if (cached != null) {
      return cached;
    }
    if (inventedCache.size() >= 50_000) {
      inventedCache.clear();
    }
    Entity e = makeInvented(k);
    inventedCache.put(k, e);
    return e;
  }

  private Entity makeInvented(long k) {
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_ENTITY, k));
    PostContext names = nameContext(rng);
    int ind = rng.nextInt(grammar.industries().size());
    PersonalData.Region region = tables.region(rng, null);
    String city = PostContext.stripCity(region.city());
    String shortName;
    String full = null;
    if (real != null && !real.companies.isEmpty() && rng.nextInt(100) < 45) {
      RealText.Company c = real.companies.get(rng.nextInt(real.companies.size()));
      shortName = c.shortName();
      full = c.fullName();
      int matched = grammar.matchIndustry(c.industry());
      if (matched >= 0) {
        ind = matched;
      }
    } else {
      shortName = names.slotPlain("ent_core");
    }
    Grammar.Industry industry = grammar.industry(ind);
    String word = industry.nameWords().get(rng.nextInt(industry.nameWords().size()));
    if (full == null) {
      String suffix = tables.orgSuffixes.get(rng.nextInt(tables.orgSuffixes.size()));
      if (word.length() >= 2 && suffix.startsWith(word.substring(word.length() - 2))) {
        suffix = suffix.substring(2);
      }
      if (word.endsWith("集团") && suffix.startsWith("集团")) {
        suffix = suffix.substring(2);
      }
      String prefix = switch (rng.nextInt(5)) {
        case 0, 1 -> region.city();
        case 2 -> city;
        case 3 -> "";
        default -> shortProvince(region.province());
      };
      full = prefix + shortName + word + suffix;
    }
    String display = rng.nextInt(10) < 4 && shortName.length() <= 3 ? shortName + word : shortName;
    List<String> brands = new ArrayList<>();
    int b = rng.nextInt(10);
    if (b < 3) {
      brands.add(names.slotPlain("brand_core"));
    } else if (b < 5) {
      String latin = Pinyin.of(shortName);
      if (latin.length() >= 3) {
        brands.add(b == 3 ? latin.toUpperCase(java.util.Locale.ROOT)
            : Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
      }
    }
    if (!display.equals(shortName)) {
      brands.add(shortName);
    }
    Person boss = tables.person(rng);
    String hotline = "400-" + rng.nextInt(100, 1000) + "-" + Text.pad(rng.nextInt(10000), 4);
    return new Entity(null, full, display, List.copyOf(brands), ind, region.province(), region.city(), List.of(),
        boss, hotline, Hashing.mix(k + 0x1234567L));
  }

  /** A context for names of enterprises (which follow the run's split). */
  PostContext nameContext(SplittableRandom rng) {
    return new PostContext(this, rng, nameForm, LocalDateTime.ofEpochSecond(startEpoch, 0, ZoneOffset.ofHours(8)),
        false);
  }

  /** A context for account names: every value of the name slots, whatever the split (names are not text). */
  PostContext accountNameContext(SplittableRandom rng) {
    return new PostContext(this, rng, nameForm, LocalDateTime.ofEpochSecond(startEpoch, 0, ZoneOffset.ofHours(8)),
        false, FormSplit.ALL);
  }

  Entity chooseEntity(SplittableRandom rng, int category, Form.Persona persona) {
    double share = options.registryShare();
    if (persona == Form.Persona.OFFICIAL) {
      share = registryOfficial.isEmpty() ? share : Math.max(share, 0.75);
    } else if (category == 1 || category == 6) {
      share = Math.min(0.9, share * 1.6);
    }
    if (!registry.isEmpty() && rng.nextDouble() < share) {
      if (persona == Form.Persona.OFFICIAL && !registryOfficial.isEmpty() && rng.nextInt(10) < 9) {
        return registryOfficial.get(rng.nextInt(registryOfficial.size()));
      }
      return registry.get(rng.nextInt(registry.size()));
    }
    double u = rng.nextDouble();
    return invented((long) (u * u * inventedPool));
  }

  /** A competitor: another enterprise of the same industry (registry or invented). */
  Entity chooseRival(SplittableRandom rng, Entity ent) {
    if (!registry.isEmpty() && rng.nextDouble() < options.registryShare() * 0.7) {
      List<Entity> same = registryByIndustry.get(ent.industry);
      if (same != null && same.size() > 1) {
        for (int tries = 0; tries < 4; tries++) {
          Entity e = same.get(rng.nextInt(same.size()));
          if (e.key != ent.key) {
            return e;
          }
        }
      }
    }
    long[] pool = inventedByIndustry()[ent.industry];
    for (int tries = 0; tries < 4 && pool.length > 0; tries++) {
      long k = pool[rng.nextInt(pool.length)];
      Entity e = invented(k);
      if (e.key != ent.key) {
        return e;
      }
    }
    return invented(rng.nextLong(inventedPool));
  }

  private long[][] byIndustry;

  /** Indices of the first invented enterprises by industry (built once per task). */
  private long[][] inventedByIndustry() {
    if (byIndustry == null) {
      int n = grammar.industries().size();
      List<List<Long>> lists = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        lists.add(new ArrayList<>());
      }
      long scan = Math.min(inventedPool, 6000);
      for (long k = 0; k < scan; k++) {
        lists.get(invented(k).industry).add(k);
      }
      byIndustry = new long[n][];
      for (int k = 0; k < n; k++) {
        byIndustry[k] = lists.get(k).stream().mapToLong(Long::longValue).toArray();
      }
    }
    return byIndustry;
  }

  // ================================================================ accounts

  /** An official account of the enterprise that fits the form's shape, or null. */
  private String officialAccountFor(SplittableRandom rng, Entity e, Form f) {
    if (e.officialAccounts.isEmpty()) {
      return null;
    }
    int[] shares = PLATFORM_SHARES.get(f.shape());
    List<String> fitting = new ArrayList<>();
    for (String a : e.officialAccounts) {
      Platform p = Platform.of(a.substring(0, a.indexOf(':')));
      boolean named = f.platforms().isEmpty() || f.platforms().contains(p.id());
      if (named && (shares[p.ordinal()] > 0 || f.shape() == Form.Shape.SHORT || f.shape() == Form.Shape.ACCOUNT)) {
        fitting.add(a);
      }
    }
    return fitting.isEmpty() ? null : fitting.get(rng.nextInt(fitting.size()));
  }

  private String officialName(Entity e, Platform plat) {
    PostContext ctx = accountNameContext(new SplittableRandom(e.key ^ plat.ordinal()));
    ctx.bindEntity(e);
    return ctx.slotPlain("official_suffix");
  }

  String[] account(PostContext ctx, Form.Persona persona, Platform plat) {
    SplittableRandom rng = ctx.rng;
    return switch (persona) {
      case USER, FAN -> pooled(rng, plat, 1, userPool, "nick", "");
      case MEDIA -> pooled(rng, plat, 2, Math.max(150, options.posts() / 400), "media_name", "media");
      case KOL -> pooled(rng, plat, 3, Math.max(120, options.posts() / 500), "kol_name", "");
      case MARKETER -> pooled(rng, plat, 4, Math.max(80, options.posts() / 800), "marketer_name", "");
      case AUTHORITY -> pooled(rng, plat, 5, 300, "authority_name", "gov");
      case HR -> {
        Entity e = ctx.ent();
        PostContext names = accountNameContext(new SplittableRandom(e.key ^ 0x4852L));
        names.bindEntity(e);
        String name = names.slotPlain("hr_name");
        yield new String[] {plat.accountPrefix + "hr_" + e.initials() + Long.remainderUnsigned(e.key, 9973), name};
      }
      case OFFICIAL -> {
        Entity e = ctx.ent();
        String id = plat == Platform.WECHAT ? "gh_" + Long.toHexString(e.key & 0xffffffffffffL)
            : (e.latin().isEmpty() ? e.initials() : e.latin()) + "_official";
        yield new String[] {id, officialName(e, plat)};
      }
      case IMPOSTOR -> {
        Entity e = ctx.ent();
        String official = null;
        for (String a : e.officialAccounts) {
          if (a.startsWith(plat.id() + ":")) {
            official = a;
          }
        }
        String id = Impostor.accountId(rng, e, plat.accountPrefix, official);
        if (options.registry() != null && options.registry().isOfficialAccount(plat.id(), id)) {
          id = id + "_" + rng.nextInt(10, 99);
        }
        if (plat == Platform.APPSTORE) {
          yield new String[] {id.startsWith("dev_") ? id : "dev_" + id, ctx.slotPlain("fake_developer")};
        }
        yield new String[] {id, ctx.fakeName()};
      }
      case SYSTEM -> switch (plat) {
        case BAIDU -> new String[] {rng.nextInt(4) == 0 ? "baidu_related" : "baidu_suggest",
            rng.nextInt(4) == 0 ? "百度相关搜索" : "百度搜索联想"};
        case WEIBO -> new String[] {rng.nextBoolean() ? "weibo_hot_search" : "weibo_suggest",
            rng.nextBoolean() ? "微博热搜" : "微博搜索联想"};
        default -> new String[] {plat.id() + "_search", "搜索联想"};
      };
    };
  }

  private String[] pooled(SplittableRandom rng, Platform plat, int role, long pool, String nameSlot, String idWord) {
    double u = rng.nextDouble();
    long k = (long) (u * u * pool);
    SplittableRandom ar = new SplittableRandom(Hashing.seed(options.seed(), S_ACCOUNT, k * 131 + role * 17L
        + plat.ordinal()));
    String name = accountNameContext(ar).slotPlain(nameSlot);
    String id = plat.accountPrefix + idWord + Long.toString(1_000_000L + Long.remainderUnsigned(
        Hashing.mix(k * 31 + role), 8_999_999_999L));
    return new String[] {id, name};
  }

  // ================================================================ campaigns and fan clusters

  /** A coordinated campaign or a fan cluster: one text, many accounts, several platforms, a short window. */
  static final class Group {
    final long id;
    final Form form;
    final String text;
    final String title;
    final String topic;
    final LocalDateTime start;
    final long windowSeconds;
    final Platform[] platforms;
    final int accounts;
    final Set<String> enterpriseIds;
    final Set<String> pii;
    final String sourceName;
    final List<String> trace;

    Group(long id, Form form, String text, String title, String topic, LocalDateTime start, long windowSeconds,
        Platform[] platforms, int accounts, Set<String> enterpriseIds, Set<String> pii, String sourceName,
        List<String> trace) {
      this.id = id;
      this.form = form;
      this.text = text;
      this.title = title;
      this.topic = topic;
      this.start = start;
      this.windowSeconds = windowSeconds;
      this.platforms = platforms;
      this.accounts = accounts;
      this.enterpriseIds = enterpriseIds;
      this.pii = pii;
      this.sourceName = sourceName;
      this.trace = trace;
    }
  }

  Group campaign(long c) {
    return campaignCache.computeIfAbsent(c, id -> group(id, true));
  }

  Group fan(long f) {
    return fanCache.computeIfAbsent(f, id -> group(id, false));
  }

  private Group group(long id, boolean attack) {
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), attack ? S_CAMPAIGN : S_FAN, id));
    Grammar.Selection sel = grammar.selection(attack ? "campaign" : "fan", options.forms());
    if (sel.isEmpty()) {
      sel = grammar.selection(attack ? "cat:9" : "neg", options.forms());
    }
    Form form = sel.pick(rng);
    LocalDateTime start = randomTime(rng);
    long window = attack ? (long) (3600 * Math.exp(rng.nextDouble(Math.log(1.5), Math.log(14))))
        : (long) (3600 * Math.exp(rng.nextDouble(Math.log(2), Math.log(30))));
    Platform[] pool = attack ? CAMPAIGN_PLATFORMS : FAN_PLATFORMS;
    int np = attack ? rng.nextInt(2, 6) : rng.nextInt(2, 5);
    LinkedHashSet<Platform> chosen = new LinkedHashSet<>();
    while (chosen.size() < np) {
      chosen.add(pool[rng.nextInt(pool.length)]);
    }
    PostContext ctx = new PostContext(this, rng, form, start, trace);
    String source = null;
    if (!attack) {
      Entity e = chooseEntity(rng, 0, Form.Persona.OFFICIAL);
      ctx.bindEntity(e);
      source = officialName(e, Platform.WEIBO);
    }
    String text = ctx.expandOne(form.bodies());
    String title = form.titles().isEmpty() ? null : ctx.expandOne(form.titles());
    String topic = ctx.slotPlain(attack ? "camp_topic" : "fan_topic");
    int accounts = attack ? rng.nextInt(6, 41) : rng.nextInt(10, 80);
    return new Group(id, form, text, title, topic, start, window, chosen.toArray(new Platform[0]), accounts,
        ctx.enterpriseIds, ctx.pii, source, ctx.trace == null ? List.of() : List.copyOf(ctx.trace));
  }

  Post campaignMember(long i) {
    long c = (long) (Hashing.unit(Hashing.seed(options.seed(), S_CAMPAIGN_ID, i)) * campaigns);
    return member(i, campaign(c), true);
  }

  Post fanMember(long i) {
    long f = (long) (Hashing.unit(Hashing.seed(options.seed(), S_FAN_ID, i)) * fans);
    return member(i, fan(f), false);
  }

  private Post member(long i, Group g, boolean attack) {
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_POST, i));
    LocalDateTime published = g.start.plusSeconds(rng.nextLong(Math.max(1, g.windowSeconds)));
    int k = rng.nextInt(g.accounts);
    Platform plat = g.platforms[k % g.platforms.length];
    PostContext ctx = new PostContext(this, rng, g.form, published, trace);
    ctx.platform = plat.id();
    Post p = new Post();
    p.platform = plat;
    p.formId = g.form.id();
    p.formKind = attack ? g.form.kind() : "neg.fan_repost";
    p.split = g.form.split();
    p.category = attack ? 9 : 0;
    p.kind = attack ? Kind.CAMPAIGN.id() : Kind.FAN.id();
    p.group = (attack ? "camp-" : "fan-") + g.id;
    p.content = attack ? Dirt.lightEdit(ctx, g.text, g.topic, plat) : Dirt.fanRepost(ctx, g.text, g.topic, g.sourceName,
        plat);
    switch (plat) {
      case DOUYIN, KUAISHOU -> {
        p.contentType = "video";
        p.title = g.title != null ? g.title : Register.deriveTitle(p.content);
      }
      case XIAOHONGSHU -> {
        p.contentType = "post";
        p.title = g.title != null && rng.nextBoolean() ? g.title : Register.deriveTitle(p.content);
      }
      case TIEBA -> {
        p.contentType = "post";
        p.title = Register.deriveTitle(p.content);
      }
      case BILIBILI, ZHIHU -> p.contentType = "comment";
      default -> p.contentType = "post";
    }
    SplittableRandom ar = new SplittableRandom(Hashing.seed(options.seed(), attack ? S_CAMPAIGN : S_FAN,
        g.id * 1000 + k + 7));
    if (attack) {
      p.accountId = plat.accountPrefix + Long.toString(1_000_000L + Long.remainderUnsigned(ar.nextLong(), 8_999_999_999L));
      p.accountName = accountNameContext(ar).slotPlain("nick");
    } else {
      String[] a = pooled(ar, plat, 6, userPool, "nick", "");
      p.accountId = a[0];
      p.accountName = a[1];
    }
    finish(ctx, p, plat, i, published);
    if (attack) {
      // matrix accounts get little genuine engagement
      p.likes = rng.nextInt(0, 40);
      p.comments = rng.nextInt(0, 8);
      p.reposts = rng.nextInt(0, 15);
    }
    Set<String> ids = new LinkedHashSet<>(g.enterpriseIds);
    ids.addAll(p.enterpriseIds);
    p.enterpriseIds = ids;
    Set<String> pii = new LinkedHashSet<>(g.pii);
    pii.addAll(p.pii);
    p.pii = pii;
    if (trace) {
      p.trace = new ArrayList<>(g.trace);
      p.trace.addAll(ctx.trace);
    }
    return p;
  }

  long campaignCount() {
    return campaigns;
  }

  long fanClusterCount() {
    return fans;
  }

  // ================================================================ disposals

  /** The platform's handling of a clue referred about this post, or null when none was referred. */
  String disposal(Post p, long i) {
    if (!p.clean) {
      return null;
    }
    SplittableRandom rng = new SplittableRandom(Hashing.seed(options.seed(), S_DISPOSAL, i));
    boolean hardNegative = p.category == 0 && p.formKind.startsWith("neg.");
    double refer = p.category > 0 ? 0.35 : hardNegative ? 0.04 : 0.003;
    if (rng.nextDouble() >= refer) {
      return null;
    }
    return Disposals.line(rng, p, i, options);
  }
}
