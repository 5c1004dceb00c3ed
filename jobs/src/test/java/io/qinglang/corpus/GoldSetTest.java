package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.detect.PersonalDataPatterns;
import io.qinglang.ingest.ArchiveFields;
import io.qinglang.ingest.ArchiveFormat;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.ArchiveRecord;
import io.qinglang.ingest.RecordValidator;
import io.qinglang.ingest.TextArchiveReader;
import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the hand-written gold training set (classpath {@code qinglang/corpus/gold/}): posts and labels
 * correspond one to one, every post is accepted by the ingest validator, the categories have their
 * minimum sizes, {@code fin_clickbait} marks exactly the financial-results articles, synthetic
 * personal data is valid-looking, campaigns form clusters, and no category is a template (no character
 * 4-gram in more than a third of a category's posts).
 */
class GoldSetTest {
  static final String DIR = "qinglang/corpus/gold/";
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 4, 24);
  static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);
  static final int MIN_PER_VIOLATION_CATEGORY = 45;
  static final int MIN_HARD_NEGATIVES = 150;
  static final int MIN_ORDINARY = 60;
  static final int MIN_FAITHFUL_FINANCIAL = 25;
  /** Kinds of hard negative the set must teach, each with at least a few examples. */
  static final List<String> HARD_KINDS = List.of("complaint", "review", "finance", "court", "recall", "job_ad",
      "official", "search", "fan_repost", "debate", "debunk", "anti_fraud", "journalism");
  static final Set<String> FINANCIAL_KINDS = Set.of("hard:finance", "v:fin_clickbait");

  record Label(int category, Integer finClickbait) {}

  static QinglangConfig config;
  static List<ArchiveRecord> records;
  static Map<String, ArchiveRecord> posts;
  static Map<String, Label> labels;
  static Map<String, String> kinds;

  @BeforeAll
  static void load(@TempDir Path dir) throws IOException {
    config = ConfigLoader.load(null);
    Path file = TestFiles.resource(DIR + "posts.jsonl", dir);
    RecordValidator validator = RecordValidator.of(config, Instant.now());
    records = new ArrayList<>();
    Iterator<ArchiveRecord> it = TextArchiveReader.records(
        new ArchiveInputs.ArchiveFile(file.toString(), ArchiveFormat.JSON_LINES), new Configuration(), validator);
    it.forEachRemaining(records::add);
    posts = new LinkedHashMap<>();
    for (ArchiveRecord r : records) {
      if (r.postId() != null) {
        posts.putIfAbsent(r.postId(), r);
      }
    }
    labels = new LinkedHashMap<>();
    List<String> duplicateLabels = new ArrayList<>();
    for (CSVRecord row : csv("labels.csv", List.of("post_id", "category", "fin_clickbait"))) {
      String fin = row.get("fin_clickbait");
      Label label = new Label(Integer.parseInt(row.get("category")), fin.isEmpty() ? null : Integer.valueOf(fin));
      if (labels.put(row.get("post_id"), label) != null) {
        duplicateLabels.add(row.get("post_id"));
      }
    }
    assertEquals(List.of(), duplicateLabels, "post ids labelled more than once");
    kinds = new LinkedHashMap<>();
    List<String> duplicateKinds = new ArrayList<>();
    for (CSVRecord row : csv("kinds.csv", List.of("post_id", "kind"))) {
      if (kinds.put(row.get("post_id"), row.get("kind")) != null) {
        duplicateKinds.add(row.get("post_id"));
      }
    }
    assertEquals(List.of(), duplicateKinds, "post ids with more than one kind");
  }

  static List<CSVRecord> csv(String name, List<String> header) throws IOException {
    InputStream in = GoldSetTest.class.getClassLoader().getResourceAsStream(DIR + name);
    assertNotNull(in, "classpath resource " + DIR + name + " is missing");
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      assertEquals(header, parser.getHeaderNames(), name + " header");
      return parser.getRecords();
    }
  }

  static String text(ArchiveRecord r) {
    return (r.title() == null ? "" : r.title() + "\n") + r.content() + (r.query() == null ? "" : "\n" + r.query());
  }

  static int category(ArchiveRecord r) {
    return labels.get(r.postId()).category();
  }

  static Map<Integer, List<ArchiveRecord>> byCategory() {
    return posts.values().stream().collect(Collectors.groupingBy(GoldSetTest::category, TreeMap::new,
        Collectors.toList()));
  }

  @Test
  void everyRecordIsAcceptedByTheIngestValidator() {
    List<String> rejected = records.stream().filter(r -> !r.accepted())
        .map(r -> "line " + r.recordNo() + " (" + r.postId() + "): " + r.reason() + " - " + r.detail())
        .toList();
    assertEquals(List.of(), rejected, "records the ingest job would quarantine");
    List<String> outOfRange = records.stream()
        .filter(r -> r.publishedDate().isBefore(FIRST_DAY) || r.publishedDate().isAfter(LAST_DAY))
        .map(r -> r.postId() + " " + r.publishedDate()).toList();
    assertEquals(List.of(), outOfRange, "published_at must lie between " + FIRST_DAY + " and " + LAST_DAY);
  }

  @Test
  void postsAndLabelsCorrespondOneToOne() {
    Set<String> seen = new HashSet<>();
    List<String> repeated = records.stream().map(ArchiveRecord::postId).filter(id -> !seen.add(id)).toList();
    assertEquals(List.of(), repeated, "post ids that occur more than once in posts.jsonl");
    assertEquals(new TreeSet<>(posts.keySet()), new TreeSet<>(labels.keySet()), "posts without labels or labels without posts");
    assertEquals(new TreeSet<>(posts.keySet()), new TreeSet<>(kinds.keySet()), "posts and kinds.csv differ");
    for (Map.Entry<String, Label> e : labels.entrySet()) {
      int c = e.getValue().category();
      assertTrue(c >= 0 && c <= 10, e.getKey() + ": category " + c + " is not 0..10");
      Integer fin = e.getValue().finClickbait();
      assertTrue(fin == null || fin == 0 || fin == 1, e.getKey() + ": fin_clickbait must be 1, 0 or empty");
      String kind = kinds.get(e.getKey());
      assertTrue(c == 0 ? kind.startsWith("hard:") || kind.equals("ordinary") : kind.startsWith("v:"),
          e.getKey() + ": kind '" + kind + "' does not fit category " + c);
    }
  }

  @Test
  void everyCategoryHasItsMinimumSize() {
    Map<Integer, List<ArchiveRecord>> cats = byCategory();
    for (int c = 1; c <= 10; c++) {
      int n = cats.getOrDefault(c, List.of()).size();
      assertTrue(n >= MIN_PER_VIOLATION_CATEGORY, "category " + c + " has " + n + " examples");
    }
    Map<String, Long> zeroKinds = cats.get(0).stream()
        .collect(Collectors.groupingBy(r -> kinds.get(r.postId()), TreeMap::new, Collectors.counting()));
    long hard = zeroKinds.entrySet().stream().filter(e -> e.getKey().startsWith("hard:"))
        .mapToLong(Map.Entry::getValue).sum();
    assertTrue(hard >= MIN_HARD_NEGATIVES, "hard negatives: " + hard + " " + zeroKinds);
    long ordinary = zeroKinds.getOrDefault("ordinary", 0L);
    assertTrue(ordinary >= MIN_ORDINARY, "ordinary category-0 posts: " + ordinary);
    for (String k : HARD_KINDS) {
      assertTrue(zeroKinds.getOrDefault("hard:" + k, 0L) >= 5, "too few hard negatives of kind " + k + ": " + zeroKinds);
    }
  }

  private static final Pattern PERIOD = Pattern.compile("季度|半年|中期|年报|年度|中报|季报|财季|上半年|H1|Q[1-4]");
  private static final Pattern REVENUE = Pattern.compile("营收|营业收入|收入");
  private static final Pattern PROFIT = Pattern.compile("利润|净利|净亏|溢利|亏损");
  private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?%");

  /** What a financial-results article states: a period, revenue, profit or loss, and a percentage change. */
  static boolean statesPeriodicResults(String text) {
    return PERIOD.matcher(text).find() && REVENUE.matcher(text).find() && PROFIT.matcher(text).find()
        && PERCENT.matcher(text).find();
  }

  @Test
  void finClickbaitIsSetExactlyOnFinancialResultsArticles() {
    int faithful = 0;
    int distorted = 0;
    List<String> wrong = new ArrayList<>();
    for (ArchiveRecord r : posts.values()) {
      Label label = labels.get(r.postId());
      boolean financial = FINANCIAL_KINDS.contains(kinds.get(r.postId()));
      boolean looksFinancial = statesPeriodicResults(text(r));
      if (financial != (label.finClickbait() != null) || financial != looksFinancial) {
        wrong.add(r.postId() + " kind=" + kinds.get(r.postId()) + " fin=" + label.finClickbait()
            + " statesResults=" + looksFinancial);
      } else if (financial) {
        if (label.finClickbait() == 1 && label.category() == 5) {
          distorted++;
        } else if (label.finClickbait() == 0 && label.category() == 0) {
          faithful++;
        } else {
          wrong.add(r.postId() + ": fin_clickbait=" + label.finClickbait() + " in category " + label.category());
        }
      }
    }
    assertEquals(List.of(), wrong, "fin_clickbait must be set on financial-results articles and only there "
        + "(1 in category 5, 0 in category 0)");
    assertTrue(faithful >= MIN_FAITHFUL_FINANCIAL, "faithful financial-results articles: " + faithful);
    assertTrue(distorted >= 15, "distorted financial-results articles: " + distorted);
  }

  /** Letters and digits only, lower case, as code points. */
  static int[] normalised(String text) {
    return text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
  }

  static Set<String> grams(String text, int n, boolean skipNumbers) {
    int[] cps = normalised(text);
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= cps.length; i++) {
      String g = new String(cps, i, n);
      if (!skipNumbers || !g.chars().allMatch(Character::isDigit)) {
        grams.add(g);
      }
    }
    return grams;
  }

  @Test
  void noCharacterFourGramAppearsInMoreThanAThirdOfACategory() {
    List<String> templated = new ArrayList<>();
    for (Map.Entry<Integer, List<ArchiveRecord>> e : byCategory().entrySet()) {
      Map<String, Integer> documentFrequency = new HashMap<>();
      for (ArchiveRecord r : e.getValue()) {
        for (String g : grams(text(r), 4, true)) {
          documentFrequency.merge(g, 1, Integer::sum);
        }
      }
      int n = e.getValue().size();
      documentFrequency.entrySet().stream().filter(g -> g.getValue() * 3 > n)
          .forEach(g -> templated.add("category " + e.getKey() + ": '" + g.getKey() + "' in " + g.getValue() + "/" + n));
    }
    assertEquals(List.of(), templated, "4-grams shared by more than a third of a category");
  }

  static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  /** An 18-character resident ID whose birth date is real and whose GB 11643 check character is right. */
  static boolean validResidentId(String s) {
    if (!s.matches("[1-9]\\d{16}[\\dX]")) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(s.substring(6, 14), BIRTH);
      if (birth.getYear() < 1900 || birth.isAfter(LAST_DAY)) {
        return false;
      }
    } catch (DateTimeParseException e) {
      return false;
    }
    return PersonalDataPatterns.checkDigit(s) == s.charAt(17);
  }

  static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9])[0-9]{15,19}X?(?![0-9X])");
  static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

  @Test
  void personalDataValuesLookValid() {
    List<String> invalid = new ArrayList<>();
    int ids = 0;
    int cards = 0;
    int mobiles = 0;
    for (ArchiveRecord r : posts.values()) {
      Matcher m = LONG_NUMBER.matcher(text(r));
      while (m.find()) {
        String s = m.group();
        boolean id = validResidentId(s);
        boolean card = s.chars().allMatch(Character::isDigit) && s.length() >= 16 && PersonalDataPatterns.luhn(s);
        if (!id && !card) {
          invalid.add(r.postId() + ": " + s);
        } else if (category(r) == 3) {
          ids += id ? 1 : 0;
          cards += id ? 0 : 1;
        }
      }
      if (category(r) == 3) {
        Matcher phone = MOBILE.matcher(text(r));
        while (phone.find()) {
          mobiles++;
        }
      }
    }
    assertEquals(List.of(), invalid, "long numbers that are neither a valid resident ID nor a Luhn-valid card");
    assertTrue(ids >= 10, "category 3 resident IDs: " + ids);
    assertTrue(cards >= 4, "category 3 bank cards: " + cards);
    assertTrue(mobiles >= 8, "category 3 mobile numbers: " + mobiles);
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return union.isEmpty() ? 0 : (double) common.size() / union.size();
  }

  @Test
  void coordinatedCampaignsAreNearDuplicatesFromManyAccountsWithinHours() {
    Map<String, List<ArchiveRecord>> campaigns = posts.values().stream()
        .filter(r -> kinds.get(r.postId()).startsWith("v:campaign:"))
        .collect(Collectors.groupingBy(r -> kinds.get(r.postId()), TreeMap::new, Collectors.toList()));
    assertTrue(campaigns.size() >= 4, "campaigns: " + campaigns.keySet());
    for (Map.Entry<String, List<ArchiveRecord>> e : campaigns.entrySet()) {
      List<ArchiveRecord> c = e.getValue();
      String name = e.getKey();
      assertTrue(c.size() >= 5, name + " has " + c.size() + " posts");
      assertTrue(c.stream().allMatch(r -> category(r) == 9), name + " posts must be category 9");
      assertEquals(c.size(), c.stream().map(r -> r.platform() + ":" + r.accountId()).distinct().count(),
          name + ": one post per account");
      assertTrue(c.stream().map(ArchiveRecord::platform).distinct().count() >= 4, name + ": fewer than 4 platforms");
      Instant first = c.stream().map(ArchiveRecord::publishedAt).min(Instant::compareTo).orElseThrow();
      Instant last = c.stream().map(ArchiveRecord::publishedAt).max(Instant::compareTo).orElseThrow();
      assertTrue(Duration.between(first, last).compareTo(Duration.ofHours(6)) <= 0, name + " spans more than 6 hours");
      for (ArchiveRecord r : c) {
        double best = c.stream().filter(o -> o != r)
            .mapToDouble(o -> jaccard(grams(text(r), 2, false), grams(text(o), 2, false))).max().orElse(0);
        assertTrue(best >= 0.3, name + ": " + r.postId() + " is not a near-duplicate of any other post (" + best + ")");
      }
    }
  }

  @Test
  void coversEveryPlatformContentTypeAndSomeAliases() throws IOException {
    Set<String> platforms = posts.values().stream().map(ArchiveRecord::platform).collect(Collectors.toSet());
    assertEquals(new TreeSet<>(config.platforms().known()), new TreeSet<>(platforms), "platforms");
    Set<String> types = posts.values().stream().map(ArchiveRecord::contentType).collect(Collectors.toSet());
    assertEquals(new TreeSet<>(ArchiveFields.CONTENT_TYPES), new TreeSet<>(types), "content types");
    ObjectMapper json = new ObjectMapper();
    int aliases = 0;
    for (ArchiveRecord r : posts.values()) {
      JsonNode raw = json.readTree(r.rawRecord());
      aliases += raw.get("platform").asText().equals(r.platform()) ? 0 : 1;
    }
    assertTrue(aliases >= 10, "records that spell their platform with an alias: " + aliases);
    Map<Integer, List<ArchiveRecord>> cats = byCategory();
    assertTrue(cats.get(1).stream().filter(r -> r.contentType().equals("account")).count() >= 5, "category 1 accounts");
    assertTrue(cats.get(1).stream().filter(r -> r.contentType().equals("app")).count() >= 5, "category 1 apps");
    assertTrue(cats.get(1).stream().allMatch(r -> r.accountName() != null), "category 1 records name the imitation");
    for (int c : new int[] {0, 6}) {
      long suggestions = cats.get(c).stream()
          .filter(r -> r.contentType().equals("search_suggestion") && r.query() != null).count();
      assertTrue(suggestions >= 15, "category " + c + " search suggestions with a query: " + suggestions);
    }
  }

  @Test
  void registryEnterprisesAreSpreadOverCategoriesAndOfficialAccountsAreNeverViolations() {
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    List<String> wrong = new ArrayList<>();
    for (ArchiveRecord r : posts.values()) {
      if (registry.isOfficialAccount(r.platform(), r.accountId()) && category(r) != 0) {
        wrong.add(r.postId() + " from official account " + r.platform() + ":" + r.accountId());
      }
    }
    assertEquals(List.of(), wrong, "posts of registry official accounts must be category 0");
    int named = 0;
    for (Enterprise e : registry.enterprises()) {
      Map<Integer, Integer> cats = new TreeMap<>();
      for (ArchiveRecord r : posts.values()) {
        String t = (r.title() == null ? "" : r.title()) + r.content();
        if (e.allNames().stream().anyMatch(t::contains)) {
          cats.merge(category(r), 1, Integer::sum);
        }
      }
      int n = cats.values().stream().mapToInt(Integer::intValue).sum();
      if (n >= 8) {
        named++;
        int largest = cats.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(cats.size() >= 3 && cats.containsKey(0) && largest <= 0.6 * n,
            e.name() + " would predict a category: " + cats);
      }
    }
    assertTrue(named >= 4, "registry enterprises named in at least 8 posts: " + named);
    // Violations must not be tied to registry names: at least a third of them name none.
    long unnamed = posts.values().stream().filter(r -> category(r) != 0)
        .filter(r -> registry.enterprises().stream().flatMap(e -> e.allNames().stream())
            .noneMatch(n -> text(r).contains(n))).count();
    long violations = posts.values().stream().filter(r -> category(r) != 0).count();
    assertFalse(unnamed * 3 < violations, "violations naming no registry enterprise: " + unnamed + "/" + violations);
  }

  @Test
  void inventedEnterprisesFormARegistryThatTheConfiguredOneDoesNotOverlap(@TempDir Path dir) throws IOException {
    EnterpriseRegistry invented = EnterpriseRegistry.load(
        io.qinglang.config.InputResource.file(TestFiles.resource(DIR + "enterprises.csv", dir)), config.platforms());
    EnterpriseRegistry configured = EnterpriseRegistry.load(config);
    // Training adds them to the configured registry: ids and names must not clash with it.
    EnterpriseRegistry both = configured.with(invented);
    Map<String, List<String>> names = both.namesToIds();
    List<String> shared = invented.enterprises().stream().flatMap(e -> e.allNames().stream())
        .filter(n -> names.get(n).size() > 1).distinct().toList();
    assertEquals(List.of(), shared, "names given to more than one enterprise");
    String all = records.stream().map(GoldSetTest::text).collect(java.util.stream.Collectors.joining("\n"));
    List<String> unnamed = invented.enterprises().stream()
        .filter(e -> e.allNames().stream().noneMatch(all::contains)).map(Enterprise::enterpriseId).toList();
    assertEquals(List.of(), unnamed, "invented enterprises that no post names");
  }
}
