package io.qinglang.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.aggregate.HandlingTimeliness;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.ClueReferralsTable;
import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.EvidenceSchema;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny warehouse routed for the province 广东 (E1 is there, E2 in 北京): runs route once, then
 * exports twice, and checks the clues, their destinations, repeat offenders, the disposals, the
 * files and (last) what a re-scored post does.
 *
 * <pre>
 * post    platform account  cat conf  enterprise  notes
 * p1      weibo    u1       2   0.90  E1          disposal k1: removed after 10 h
 * p2      weibo    u2       8   0.95  E2          disposal k2: pending
 * p3      douyin   v1       3   0.85  E1          phone and ID in the text, account name and evidence span
 * i1, i2  weibo    fake1    1   0.97  E2          impersonating account: one clue
 * c1..c3  weibo/douyin/kuaishou x1..x3 9          attack cluster cc-...aa, 25 accounts in coordination_clusters
 * c4, c5  weibo/douyin y1, y2  9                  attack cluster cc-...bb, 2 accounts
 * r1, r2  weibo    rep      10  0.80  E1          2023Q2 and 2023Q3: repeat offender
 * n1      weibo    n        10  0.80  E1          same as r1 but a first offence
 * q1      weibo    q        0                     not flagged
 * q2      weibo    q        5   0.70              needs_review: not routed
 * </pre>
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteJobTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String PHONE = "13812345678";
  static final String ID_NUMBER = "110105199003071234";
  static final String CLUSTER_A = "cc-00000000000000aa";
  static final String CLUSTER_B = "cc-00000000000000bb";
  static final Instant RUN1 = Instant.parse("2024-01-10T00:00:00Z");
  static final Instant EXPORT1 = Instant.parse("2024-01-12T00:00:00Z");
  static final Instant EXPORT2 = Instant.parse("2024-01-13T00:00:00Z");

  Path dir;
  QinglangConfig config;
  Warehouse warehouse;
  EnterpriseRegistry registry;
  RoutingSettings settings;
  List<Row> first;
  List<Row> exported;
  Path exportA;
  Path exportB;

  record Post(String id, String platform, String type, String account, String name, String local, int category,
      double confidence, boolean review, List<String> enterprises, long reach, List<Row> evidence, String text) {}

  static Row classifier(double p) {
    return EvidenceSchema.of("classifier", "probability", "top class", null, null, null, p);
  }

  static Row member(String cluster) {
    return EvidenceSchema.of("coordination", "attack_cluster", "member of cluster " + cluster
        + " (3 near-duplicate posts): negative", null, null, null, 0.9);
  }

  static List<Post> posts() {
    Row leak = EvidenceSchema.of("personal_data", "mobile", "mobile number " + PHONE + " with private context",
        PHONE, 7, 18, 0.97);
    Row imp = EvidenceSchema.of("impersonation", "account_name", "E2 丙丁能源 similarity 0.92", "丙丁能源官方客服",
        null, null, 0.92);
    return List.of(
        new Post("p1", "weibo", "post", "u1", "用户一", "2023-05-01T10:00", 2, 0.90, false, List.of("E1"), 100,
            List.of(classifier(0.9)), "民营企业都是卖国的，甲乙科技就是例子"),
        new Post("p2", "weibo", "post", "u2", "用户二", "2023-05-02T10:00", 8, 0.95, false, List.of("E2"), 10,
            List.of(classifier(0.95)), "丙丁能源不给钱就继续发负面"),
        new Post("p3", "douyin", "post", "v1", "爆料" + PHONE, "2023-05-03T10:00", 3, 0.85, false, List.of("E1"), 50,
            List.of(leak), "甲乙科技老板手机" + PHONE + "，身份证" + ID_NUMBER),
        new Post("i1", "weibo", "account", "fake1", "丙丁能源官方客服", "2023-05-04T10:00", 1, 0.97, false,
            List.of("E2"), 0, List.of(imp), "丙丁能源官方客服，退款请加微信"),
        new Post("i2", "weibo", "post", "fake1", "丙丁能源官方客服", "2023-05-05T10:00", 1, 0.93, false,
            List.of("E2"), 5, List.of(imp), "丙丁能源官方退款通道"),
        new Post("c1", "weibo", "post", "x1", "路人甲", "2023-06-01T10:00", 9, 0.9, false, List.of("E1"), 10,
            List.of(member(CLUSTER_A)), "甲乙科技产品爆炸了快退货"),
        new Post("c2", "douyin", "post", "x2", "路人乙", "2023-06-01T10:05", 9, 0.9, false, List.of("E1"), 10,
            List.of(member(CLUSTER_A)), "甲乙科技产品爆炸了快退货！"),
        new Post("c3", "kuaishou", "post", "x3", "路人丙", "2023-06-01T10:10", 9, 0.92, false, List.of("E1"), 10,
            List.of(member(CLUSTER_A)), "甲乙科技产品爆炸了，快退货"),
        new Post("c4", "weibo", "post", "y1", "某甲", "2023-06-02T10:00", 9, 0.9, false, List.of("E1"), 1,
            List.of(member(CLUSTER_B)), "甲乙科技要倒闭了"),
        new Post("c5", "douyin", "post", "y2", "某乙", "2023-06-02T10:05", 9, 0.9, false, List.of("E1"), 1,
            List.of(member(CLUSTER_B)), "甲乙科技要倒闭了！"),
        new Post("r1", "weibo", "post", "rep", "惯犯", "2023-05-10T10:00", 10, 0.80, false, List.of("E1"), 100,
            List.of(classifier(0.8)), "甲乙科技的产品都是假的"),
        new Post("r2", "weibo", "post", "rep", "惯犯", "2023-07-10T10:00", 10, 0.80, false, List.of("E1"), 100,
            List.of(classifier(0.8)), "甲乙科技又在造假"),
        new Post("n1", "weibo", "post", "n", "新人", "2023-05-10T11:00", 10, 0.80, false, List.of("E1"), 100,
            List.of(classifier(0.8)), "甲乙科技的产品都是假的吗"),
        new Post("q1", "weibo", "post", "q", "普通用户", "2023-05-11T10:00", 0, 0.95, false, List.of(), 0,
            List.of(), "甲乙科技客服态度一般"),
        new Post("q2", "weibo", "post", "q", "普通用户", "2023-05-12T10:00", 5, 0.70, true, List.of("E1"), 0,
            List.of(classifier(0.7)), "甲乙科技财报亏损"));
  }

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  static Row violation(Post p, int category) {
    Instant published = at(p.local());
    return RowFactory.create(p.id(), p.platform(), p.type(), p.account(), p.name(), Timestamp.from(published),
        Date.valueOf(published.atZone(SHANGHAI).toLocalDate()), category, "c" + category, p.confidence(), null,
        p.review(), seq(p.enterprises()), seq(p.evidence()), null, null, p.reach(), "m1", "score-1",
        Timestamp.from(Instant.parse("2023-12-01T00:00:00Z")));
  }

  static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  static Row post(Post p) {
    Instant published = at(p.local());
    Timestamp seen = Timestamp.from(Instant.parse("2023-11-01T00:00:00Z"));
    return RowFactory.create(p.id(), p.platform(), p.type(), p.account(), p.name(), Timestamp.from(published),
        Date.valueOf(published.atZone(SHANGHAI).toLocalDate()), null, p.text(), null, null, null, null, null, null,
        null, "fixture.jsonl", "ingest-1", seen, seen, "hash-" + p.id());
  }

  static Row disposal(String clue, String platform, String post, String referred, String handled, String action) {
    Instant r = at(referred);
    Timestamp seen = Timestamp.from(Instant.parse("2023-11-01T00:00:00Z"));
    return RowFactory.create(clue, platform, post, Timestamp.from(r), Date.valueOf(r.atZone(SHANGHAI).toLocalDate()),
        handled == null ? null : Timestamp.from(at(handled)), action, null, "d.jsonl", "ingest-d", seen, seen,
        "hash-" + clue);
  }

  static Row cluster(String id, long accounts, List<String> platforms, String local) {
    Timestamp t = Timestamp.from(at(local));
    return RowFactory.create(id, seq(List.of("E1")), accounts, seq(platforms), 3L, t, t, 3, platforms.size(), t, t,
        1.0, "甲乙科技产品爆炸了快退货 联系" + PHONE, seq(List.of("weibo:x1")), true, "negative", 3L, "detect-1",
        t);
  }

  @BeforeAll
  void setUp(SparkSession spark, @TempDir Path tmp) throws IOException {
    dir = tmp;
    config = TestConfigs.withWarehouse(dir.resolve("warehouse"));
    warehouse = new Warehouse(config.warehouse());
    Path csv = TestFiles.write(dir.resolve("enterprises.csv"), List.of(
        "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts",
        "E1,甲乙科技股份有限公司,甲乙科技,甲乙,private,电子,广东,weibo:jiayi_official",
        "E2,丙丁能源集团有限公司,丙丁能源,,state_owned,能源,北京,"));
    registry = EnterpriseRegistry.load(InputResource.file(csv), config.platforms());
    settings = RoutingSettings.of(config).withProvinces(Set.of("广东"));
    List<Row> violations = new ArrayList<>();
    List<Row> postRows = new ArrayList<>();
    for (Post p : posts()) {
      violations.add(violation(p, p.category()));
      postRows.add(post(p));
    }
    new PostViolationsTable().merge(spark, warehouse, spark.createDataFrame(violations, PostViolationsTable.SCHEMA));
    new PostsTable().merge(spark, warehouse, spark.createDataFrame(postRows, PostsTable.SCHEMA));
    new DisposalsTable().merge(spark, warehouse, spark.createDataFrame(List.of(
        disposal("k1", "weibo", "p1", "2023-05-02T10:00", "2023-05-02T20:00", "removed"),
        disposal("k2", "weibo", "p2", "2023-05-03T10:00", null, "pending")), DisposalsTable.SCHEMA));
    new CoordinationClustersTable().replace(spark, warehouse, spark.createDataFrame(List.of(
        cluster(CLUSTER_A, 25, List.of("douyin", "kuaishou", "weibo"), "2023-06-01T10:00"),
        cluster(CLUSTER_B, 2, List.of("douyin", "weibo"), "2023-06-02T10:00")), CoordinationClustersTable.SCHEMA),
        null, null);

    first = route(spark, "route-1", RUN1, null);
    exportA = dir.resolve("export-a");
    exportB = dir.resolve("export-b");
    exported = route(spark, "route-3", EXPORT1, exportA);
    route(spark, "route-4", EXPORT2, exportB);
  }

  List<Row> route(SparkSession spark, String runId, Instant now, Path export) {
    RouteJob.run(spark, config, registry, settings, new RouteJob.Request(null, null, null, export), runId, now,
        line -> {});
    return new ClueReferralsTable().read(spark, warehouse).collectAsList();
  }

  static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getAs("clue_id") + "/" + r.getAs("destination"), r);
    }
    return out;
  }

  /** For each clue (named by its sorted post ids), its destinations with their rule. */
  static Map<String, Map<String, String>> destinations(List<Row> rows) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(String.join(",", r.<String>getList(r.fieldIndex("post_ids"))), k -> new TreeMap<>())
          .put(r.getAs("destination"), r.getAs("rule"));
    }
    return out;
  }

  static Row only(List<Row> rows, String postKey, String destination) {
    List<Row> found = rows.stream().filter(r -> r.<String>getList(r.fieldIndex("post_ids")).contains(postKey)
        && r.getAs("destination").equals(destination)).toList();
    assertEquals(1, found.size(), postKey + " -> " + destination);
    return found.get(0);
  }

  @Test
  @Order(1)
  void oneCluePerClusterPerImpersonatingAccountAndPerOtherPost() {
    Map<String, Map<String, String>> d = destinations(first);
    assertEquals(new TreeSet<>(List.of("weibo:p1", "weibo:p2", "douyin:p3", "weibo:i1,weibo:i2",
            "douyin:c2,kuaishou:c3,weibo:c1", "douyin:c5,weibo:c4", "weibo:r1", "weibo:r2", "weibo:n1")),
        d.keySet(), "q1 (category 0) and q2 (needs_review) make no clue");
    Row cluster = only(first, "weibo:c1", "platform");
    assertEquals(Clues.CLUSTER, cluster.getAs("clue_kind"));
    assertEquals(CLUSTER_A, cluster.getAs("cluster_id"));
    assertEquals(9, (int) cluster.getAs("category"));
    assertEquals(3L, (long) cluster.getAs("posts"));
    assertEquals(25L, (long) cluster.getAs("accounts"), "accounts from coordination_clusters");
    assertEquals(List.of("douyin", "kuaishou", "weibo"), cluster.getList(cluster.fieldIndex("platforms")));
    assertNull(cluster.getAs("account_id"));
    Row account = only(first, "weibo:i1", "governance_bureau");
    assertEquals(Clues.ACCOUNT, account.getAs("clue_kind"));
    assertEquals("fake1", account.getAs("account_id"));
    assertEquals(0.97, (double) account.getAs("confidence"), 1e-9);
    assertEquals(List.of("E2"), account.getList(account.fieldIndex("enterprise_ids")));
    assertEquals(List.of("丙丁能源集团有限公司"), account.getList(account.fieldIndex("enterprise_names")));
    assertTrue((boolean) account.getAs("outside"), "E2 is in 北京, outside 广东");
    Row p1 = only(first, "weibo:p1", "local_office");
    assertEquals(Clues.POST, p1.getAs("clue_kind"));
    assertEquals("c2", p1.getAs("category_name").equals("c2") ? "c2" : "c2", "category_name is set");
    assertEquals(config.categoryName(2), p1.getAs("category_name"));
    assertTrue(((String) p1.getAs("clue_id")).matches("cl-[0-9a-f]{16}"));
  }

  @Test
  @Order(2)
  void destinationsFollowTheRulesForTheProvince() {
    Map<String, Map<String, String>> d = destinations(first);
    String all = "platform-handles-all";
    assertEquals(Map.of("platform", all, "local_office", "local-enterprise"), d.get("weibo:p1"));
    assertEquals(Map.of("platform", all, "reporting_centre", "cross-region", "police", "extortion-or-doxxing"),
        d.get("weibo:p2"));
    assertEquals(Map.of("platform", all, "local_office", "local-enterprise"), d.get("douyin:p3"),
        "a leak at 0.85 stays below the police threshold 0.9");
    assertEquals(Map.of("platform", all, "reporting_centre", "cross-region", "governance_bureau",
        "impersonating-account"), d.get("weibo:i1,weibo:i2"));
    assertEquals(Map.of("platform", all, "police", "large-coordinated-attack"), d.get("douyin:c2,kuaishou:c3,weibo:c1"));
    assertEquals(Map.of("platform", all, "local_office", "local-enterprise"), d.get("douyin:c5,weibo:c4"));
  }

  @Test
  @Order(3)
  void theNationalViewHasNoCrossRegionClues(SparkSession spark) {
    RoutingSettings national = settings.withProvinces(Set.of());
    var scored = new PostViolationsTable().read(spark, warehouse).selectExpr(RouteJob.SCORED_COLUMNS);
    var members = Clues.withClue(scored, false);
    var clues = Clues.build(members, null, RouteJob.registryFrame(spark, registry), null, national);
    List<Row> routed = Router.route(clues, national.rules()).collectAsList();
    assertTrue(routed.stream().noneMatch(r -> r.getAs("destination").equals("reporting_centre")));
    assertEquals(Map.of("platform", "platform-handles-all", "governance_bureau", "impersonating-account"),
        destinations(routed).get("weibo:i1,weibo:i2"));
    assertEquals(Map.of("platform", "platform-handles-all", "police", "extortion-or-doxxing"),
        destinations(routed).get("weibo:p2"));
  }

  @Test
  @Order(4)
  void repeatOffendersGoUpOnePriorityLevel() {
    Row r1 = only(first, "weibo:r1", "platform");
    Row r2 = only(first, "weibo:r2", "platform");
    Row n1 = only(first, "weibo:n1", "platform");
    assertTrue((boolean) r1.getAs("repeat_offender"));
    assertTrue((boolean) r2.getAs("repeat_offender"));
    assertFalse((boolean) n1.getAs("repeat_offender"));
    assertEquals(List.of("weibo:rep"), r1.getList(r1.fieldIndex("offender_accounts")));
    assertEquals((double) n1.getAs("priority_score"), (double) r1.getAs("priority_score"), 1e-9,
        "same category, confidence and reach");
    // 1.5 (severity of 10) + 0.8 + log10(101)/5 + 1/20 = 2.7509: priority 3; the repeat offender's is 2.
    assertEquals(2.7509, (double) n1.getAs("priority_score"), 1e-4);
    assertEquals(3, (int) n1.getAs("priority"));
    assertEquals(2, (int) r1.getAs("priority"));
    Row p2 = only(first, "weibo:p2", "police");
    assertEquals(4.2083, (double) p2.getAs("priority_score"), 1e-4, "extortion: 3 + 0.95 + log10(11)/5 + 1/20");
    assertEquals(2, (int) p2.getAs("priority"));
    Row attack = only(first, "weibo:c1", "police");
    assertEquals(4.2182, (double) attack.getAs("priority_score"), 1e-4, "attack: 2 + 0.92 + log10(31)/5 + 1");
    assertEquals(2, (int) attack.getAs("priority"));
  }

  @Test
  @Order(5)
  void disposalsMarkPlatformCluesHandled() {
    Row p1 = only(first, "weibo:p1", "platform");
    assertEquals("handled", p1.getAs("status"));
    assertEquals(Timestamp.from(at("2023-05-02T10:00")), p1.getAs("referred_at"));
    assertEquals(Timestamp.from(at("2023-05-02T20:00")), p1.getAs("handled_at"));
    assertEquals("removed", p1.getAs("disposal_action"));
    Row p1Local = only(first, "weibo:p1", "local_office");
    assertEquals("new", p1Local.getAs("status"), "a platform's disposal does not handle the local office's referral");
    Row p2 = only(first, "weibo:p2", "platform");
    assertEquals("referred", p2.getAs("status"));
    assertEquals("pending", p2.getAs("disposal_action"));
    assertNull(p2.getAs("handled_at"));
    assertEquals("new", only(first, "douyin:p3", "platform").getAs("status"));
  }

  @Test
  @Order(6)
  void reRunsKeepIdsCreationTimesAndContent() {
    Map<String, Row> a = byKey(first);
    Map<String, Row> b = byKey(exported);
    assertEquals(a.keySet(), b.keySet());
    for (Map.Entry<String, Row> e : a.entrySet()) {
      Row x = e.getValue();
      Row y = b.get(e.getKey());
      assertEquals(Timestamp.from(RUN1), y.getAs("created_at"), e.getKey());
      for (String column : List.of("rule", "priority", "priority_score", "evidence", "excerpt", "post_ids",
          "handled_at", "disposal_action")) {
        assertEquals(String.valueOf(x.<Object>getAs(column)), String.valueOf(y.<Object>getAs(column)),
            e.getKey() + " " + column);
      }
    }
  }

  @Test
  @Order(7)
  void exportMarksCluesReferredAndKeepsEarlierReferrals() {
    for (Row r : exported) {
      assertTrue(Set.of("referred", "handled").contains(r.<String>getAs("status")), r.toString());
    }
    assertEquals(Timestamp.from(EXPORT1), only(exported, "douyin:p3", "local_office").getAs("referred_at"));
    assertEquals(Timestamp.from(at("2023-05-03T10:00")), only(exported, "weibo:p2", "platform").getAs("referred_at"),
        "the disposal's earlier referral counts");
  }

  @Test
  @Order(8)
  void exportFilesHaveTheDestinationsColumnsABomAndAreReproducible() throws IOException {
    Map<String, Row> byKey = byKey(exported);
    for (Destination d : Destination.values()) {
      Path csv = exportA.resolve(d.id() + ".csv");
      Path xlsx = exportA.resolve(d.id() + ".xlsx");
      assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(exportB.resolve(d.id() + ".csv")), d.id());
      assertArrayEquals(Files.readAllBytes(xlsx), Files.readAllBytes(exportB.resolve(d.id() + ".xlsx")), d.id());
      byte[] bytes = Files.readAllBytes(csv);
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
          d.id() + " starts with the UTF-8 byte order mark");
      List<CSVRecord> records;
      try (CSVParser p = CSVParser.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
          CSVFormat.RFC4180)) {
        records = p.getRecords();
      }
      assertEquals(ClueExport.columns(d), records.get(0).toList(), d.id());
      long expected = byKey.values().stream().filter(r -> r.getAs("destination").equals(d.id())).count();
      assertEquals(expected, records.size() - 1, d.id());
      try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
        Sheet sheet = wb.getFirstSheet();
        assertEquals(d.id(), sheet.getName());
        List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
        assertEquals(records.size(), rows.size(), d.id());
        for (int i = 0; i < rows.size(); i++) {
          for (int c = 0; c < records.get(i).size(); c++) {
            String text = rows.get(i).getCellText(c);
            String expectedText = records.get(i).get(c);
            if (ClueExport.isNumber(ClueExport.columns(d).get(c)) && i > 0) {
              assertEquals(Double.parseDouble(expectedText), Double.parseDouble(text), 1e-9, d.id() + " " + i + "," + c);
            } else {
              assertEquals(expectedText, text == null ? "" : text, d.id() + " " + i + "," + c);
            }
          }
        }
      }
    }
    List<CSVRecord> police;
    byte[] bytes = Files.readAllBytes(exportA.resolve("police.csv"));
    try (CSVParser p = CSVParser.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setHeader().get())) {
      police = p.getRecords();
    }
    // Both priority 2; the attack (4.2182) before the extortion post (4.2083).
    assertEquals(List.of("2", "2"), police.stream().map(r -> r.get("priority")).toList());
    assertEquals("douyin:c2; kuaishou:c3; weibo:c1", police.get(0).get("post_ids"));
    assertEquals("weibo:p2", police.get(1).get("post_ids"));
  }

  @Test
  @Order(9)
  void noRawPersonalValueInAnyExportFile() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(exportA)) {
      files = s.sorted().collect(Collectors.toList());
    }
    assertEquals(10, files.size());
    boolean sawMasked = false;
    for (Path f : files) {
      String text;
      if (f.toString().endsWith(".xlsx")) {
        StringBuilder b = new StringBuilder();
        try (InputStream in = Files.newInputStream(f); ReadableWorkbook wb = new ReadableWorkbook(in)) {
          for (org.dhatim.fastexcel.reader.Row r : wb.getFirstSheet().read()) {
            for (int c = 0; c < r.getCellCount(); c++) {
              b.append(r.getCellText(c)).append('\t');
            }
          }
        }
        text = b.toString();
      } else {
        text = Files.readString(f);
      }
      assertFalse(text.contains(PHONE), f + " holds the raw phone number");
      assertFalse(text.contains(ID_NUMBER), f + " holds the raw ID number");
      sawMasked |= text.contains("138****5678");
    }
    assertTrue(sawMasked, "the leak is there, masked");
    for (Row r : exported) {
      assertFalse(String.valueOf(r.<Object>getAs("evidence")).contains(PHONE), "evidence in the table is masked");
      assertFalse(String.valueOf(r.<Object>getAs("excerpt")).contains(PHONE), "excerpt in the table is masked");
    }
  }

  @Test
  @Order(10)
  void timelinessCountsFromTheReferral(SparkSession spark) {
    var referrals = HandlingTimeliness.platformReferrals(new ClueReferralsTable().read(spark, warehouse), SHANGHAI);
    var flagged = new PostViolationsTable().read(spark, warehouse).filter("category > 0").select("platform", "post_id");
    List<Row> q2 = HandlingTimeliness.compute(referrals, flagged, "m1", "platform")
        .filter("quarter = '2023Q2' AND platform = 'weibo'").collectAsList();
    assertEquals(1, q2.size());
    Row r = q2.get(0);
    assertEquals(2L, (long) r.getAs("clues_referred"), "p1 and p2, referred in May 2023 (disposals)");
    assertEquals(1L, (long) r.getAs("clues_handled"));
    assertEquals(1L, (long) r.getAs("clues_pending"));
    assertEquals(10.0, (double) r.getAs("median_hours_to_handle"), 1e-9);
    long exportedQuarter = HandlingTimeliness.compute(referrals, flagged, "m1", "platform")
        .filter("quarter = '2024Q1'").agg(org.apache.spark.sql.functions.sum("clues_referred")).first().getLong(0);
    assertEquals(7L, exportedQuarter, "the other 7 platform clues were referred by the export in January 2024");
  }

  @Test
  @Order(11)
  void aClueNoLongerFoundIsClosedButAHandledOneStays(SparkSession spark) {
    Post p1 = posts().get(0);
    Post n1 = posts().stream().filter(p -> p.id().equals("n1")).findFirst().orElseThrow();
    new PostViolationsTable().merge(spark, warehouse, spark.createDataFrame(List.of(violation(p1, 0),
        violation(n1, 0)), PostViolationsTable.SCHEMA));
    List<Row> after = route(spark, "route-5", Instant.parse("2024-01-14T00:00:00Z"), null);
    assertEquals("handled", only(after, "weibo:p1", "platform").getAs("status"));
    assertEquals("closed", only(after, "weibo:p1", "local_office").getAs("status"));
    assertEquals("closed", only(after, "weibo:n1", "platform").getAs("status"));
    assertEquals(byKey(exported).size(), after.size(), "nothing is deleted");
    assertNotNull(only(after, "weibo:n1", "platform").getAs("referred_at"));
  }
}
