package io.qinglang.aggregate;

import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.DeltaTableSpec;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.EvidenceSchema;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A tiny warehouse whose statistics are computed by hand in the tests: 13 posts on weibo and douyin
 * around the 2023Q2/Q3 boundary (Asia/Shanghai), scored by model m1 (and 2 of them earlier by m0),
 * 6 disposal records and a registry of three enterprises.
 *
 * <pre>
 * post  platform local time              account cat review enterprises reach conf
 * w1    weibo    2023-05-01 10:00        a1      2   no     E1          100   0.90
 * w2    weibo    2023-05-01 11:00        a1      2   no     E1 E2       1000  0.95
 * w3    weibo    2023-05-01 12:00        a2      0   yes    -           -     0.60
 * w4    weibo    2023-05-01 13:00        a3      0   no     -           -     0.99
 * w5    weibo    2023-06-30 23:30 (Q2!)  a4      1   no     E2          0     0.99  impersonation evidence
 * d1    douyin   2023-06-15 09:00        b1      0   no     -           -     0.97
 * d2    douyin   2023-06-15 10:00        b2      3   no     E1          50    0.80  leaks a phone and an ID
 * w6    weibo    2023-07-01 00:10 (Q3!)  a5      0   no     -           -     0.95
 * w7    weibo    2023-07-02 09:00        a6      5   no     E3          20    0.85
 * d3-d5 douyin   2023-07-03 08:00-08:02  b4-b6   0   no     -           -     0.90
 * d6    douyin   2023-07-03 09:00        b3      9   no     E1          5     0.70
 * </pre>
 */
final class StatsFixture {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant M1_SCORED = Instant.parse("2023-10-01T00:00:00Z");
  static final Instant M0_SCORED = Instant.parse("2023-08-01T00:00:00Z");
  static final String LEAK = "张总的手机号13812345678，身份证110105199003071234，住在某小区";

  final QinglangConfig config;
  final Warehouse warehouse;
  final EnterpriseRegistry registry;
  final Path dir;

  StatsFixture(Path dir) throws IOException {
    this.dir = dir;
    this.config = TestConfigs.withWarehouse(dir.resolve("warehouse"));
    this.warehouse = new Warehouse(config.warehouse());
    Path csv = TestFiles.write(dir.resolve("enterprises.csv"), List.of(
        "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts",
        "E1,甲乙科技股份有限公司,甲乙科技,甲乙,private,电子,广东,weibo:jiayi_official",
        "E2,丙丁能源集团有限公司,丙丁能源,,state_owned,能源,北京,",
        "E3,戊己食品有限公司,戊己食品,,foreign,食品,上海,"));
    this.registry = EnterpriseRegistry.load(InputResource.file(csv), config.platforms());
  }

  /** One post_violations row (and its posts row). */
  record Scored(String id, String platform, String local, String account, int category, boolean review,
      List<String> enterprises, Long reach, double confidence, List<Row> evidence, String content) {}

  static List<Scored> posts() {
    Row impersonation = EvidenceSchema.of("impersonation", "account_name", "E2 丙丁能源 similarity 0.92",
        "丙丁能源官方客服", null, null, 0.92);
    Row leak = EvidenceSchema.of("personal_data", "mobile", "mobile number with private context", "138****5678",
        7, 18, 0.97);
    Row classifier = EvidenceSchema.of("classifier", "probability", "top class", null, null, null, 0.9);
    return List.of(
        new Scored("w1", "weibo", "2023-05-01T10:00", "a1", 2, false, List.of("E1"), 100L, 0.90,
            List.of(classifier), "所谓民营企业都是卖国的，甲乙科技就是例子"),
        new Scored("w2", "weibo", "2023-05-01T11:00", "a1", 2, false, List.of("E1", "E2"), 1000L, 0.95,
            List.of(classifier), "国进民退，甲乙科技和丙丁能源都该离场"),
        new Scored("w3", "weibo", "2023-05-01T12:00", "a2", 0, true, List.of(), null, 0.60, List.of(),
            "这家店的客服态度一般"),
        new Scored("w4", "weibo", "2023-05-01T13:00", "a3", 0, false, List.of(), null, 0.99, List.of(),
            "今天天气不错"),
        new Scored("w5", "weibo", "2023-06-30T23:30", "a4", 1, false, List.of("E2"), 0L, 0.99,
            List.of(impersonation), "丙丁能源官方客服，退款请加微信"),
        new Scored("d1", "douyin", "2023-06-15T09:00", "b1", 0, false, List.of(), null, 0.97, List.of(),
            "新能源车试驾体验"),
        new Scored("d2", "douyin", "2023-06-15T10:00", "b2", 3, false, List.of("E1"), 50L, 0.80, List.of(leak),
            LEAK),
        new Scored("w6", "weibo", "2023-07-01T00:10", "a5", 0, false, List.of(), null, 0.95, List.of(),
            "半夜睡不着"),
        new Scored("w7", "weibo", "2023-07-02T09:00", "a6", 5, false, List.of("E3"), 20L, 0.85,
            List.of(classifier), "戊己食品财报暴雷濒临破产"),
        new Scored("d3", "douyin", "2023-07-03T08:00", "b4", 0, false, List.of(), null, 0.90, List.of(), "美食"),
        new Scored("d4", "douyin", "2023-07-03T08:01", "b5", 0, false, List.of(), null, 0.90, List.of(), "旅行"),
        new Scored("d5", "douyin", "2023-07-03T08:02", "b6", 0, false, List.of(), null, 0.90, List.of(), "宠物"),
        new Scored("d6", "douyin", "2023-07-03T09:00", "b3", 9, false, List.of("E1"), 5L, 0.70,
            List.of(classifier), "大家一起去甲乙科技评论区刷差评"));
  }

  static Instant instant(String local) {
    return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  static Row violationRow(Scored s, String model, Instant scoredAt, int category) {
    Instant published = instant(s.local());
    return RowFactory.create(s.id(), s.platform(), "post", s.account(), "账号" + s.account(),
        Timestamp.from(published), Date.valueOf(published.atZone(SHANGHAI).toLocalDate()), category,
        "c" + category, s.confidence(), null, s.review(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.enterprises()).toSeq(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.evidence()).toSeq(), null, null, s.reach(), model,
        "score-" + model, Timestamp.from(scoredAt));
  }

  static Row postRow(Scored s) {
    Instant published = instant(s.local());
    return RowFactory.create(s.id(), s.platform(), "post", s.account(), "账号" + s.account(),
        Timestamp.from(published), Date.valueOf(published.atZone(SHANGHAI).toLocalDate()), null, s.content(), null,
        null, null, null, null, null, null, "fixture.jsonl", "ingest-1", Timestamp.from(M0_SCORED),
        Timestamp.from(M0_SCORED), "hash-" + s.id());
  }

  /**
   * Writes posts, post_violations (m1 for all, m0 for w3 and w4 with category 7), the disposals and,
   * when asked, a coordination_clusters table. Plain appends: the ingest and score jobs are tested
   * elsewhere, and MERGE would only make the fixture slower.
   */
  StatsFixture write(SparkSession spark, boolean clusters) {
    List<Row> violations = new ArrayList<>();
    List<Row> posts = new ArrayList<>();
    for (Scored s : posts()) {
      violations.add(violationRow(s, "m1", M1_SCORED, s.category()));
      posts.add(postRow(s));
      if (s.id().equals("w3") || s.id().equals("w4")) {
        violations.add(violationRow(s, "m0", M0_SCORED, 7));
      }
    }
    append(spark, new PostsTable(), spark.createDataFrame(posts, PostsTable.SCHEMA));
    append(spark, new PostViolationsTable(), spark.createDataFrame(violations, PostViolationsTable.SCHEMA));
    append(spark, new DisposalsTable(), spark.createDataFrame(disposals(), DisposalsTable.SCHEMA));
    if (clusters) {
      writeClusters(spark);
    }
    return this;
  }

  private void append(SparkSession spark, DeltaTableSpec table, Dataset<Row> rows) {
    table.createIfNotExists(spark, warehouse);
    rows.write().format("delta").mode("append").save(table.path(warehouse));
  }

  void rescore(SparkSession spark, List<Row> rows) {
    new PostViolationsTable().merge(spark, warehouse, spark.createDataFrame(rows, PostViolationsTable.SCHEMA));
  }

  /**
   * Disposals (local times): weibo Q2: k1 w1 handled in 10 h, k2 w2 in 30 h, k3 w5 rejected after 80 h,
   * k4 w3 pending, k5 (a post nobody scored) labelled after 50 h; douyin: k6 d6 referred 2023-07-01
   * 00:30 (Q3, though June 30 in UTC) and removed 2 h later.
   */
  static List<Row> disposals() {
    return List.of(
        disposal("k1", "weibo", "w1", "2023-05-02T10:00", "2023-05-02T20:00", "removed"),
        disposal("k2", "weibo", "w2", "2023-05-02T10:00", "2023-05-03T16:00", "restricted"),
        disposal("k3", "weibo", "w5", "2023-06-30T20:00", "2023-07-04T04:00", "rejected"),
        disposal("k4", "weibo", "w3", "2023-05-03T10:00", null, "pending"),
        disposal("k5", "weibo", "x9", "2023-06-01T10:00", "2023-06-03T12:00", "labelled"),
        disposal("k6", "douyin", "d6", "2023-07-01T00:30", "2023-07-01T02:30", "removed"));
  }

  private static Row disposal(String clue, String platform, String post, String referred, String handled,
      String action) {
    Instant r = instant(referred);
    return RowFactory.create(clue, platform, post, Timestamp.from(r), Date.valueOf(r.atZone(SHANGHAI).toLocalDate()),
        handled == null ? null : Timestamp.from(instant(handled)), action, null, "fixture.jsonl", "ingest-d",
        Timestamp.from(M0_SCORED), Timestamp.from(M0_SCORED), "hash-" + clue);
  }

  /**
   * coordination_clusters as the detectors write it: c1 (attack on weibo and douyin, starting at 00:30
   * on July 1 in Shanghai: Q3), c2 (fans reposting an announcement in May: no attack), c3 (attack on
   * douyin in July).
   */
  void writeClusters(SparkSession spark) {
    String path = warehouse.tablePath(CoordinationClusters.TABLE);
    spark.sql("CREATE TABLE delta.`" + path + "` (cluster_id STRING, enterprise_ids ARRAY<STRING>, "
        + "accounts BIGINT, platforms ARRAY<STRING>, posts BIGINT, first_at TIMESTAMP, "
        + "last_at TIMESTAMP, representative_text STRING, is_attack BOOLEAN, reason STRING) USING delta");
    spark.sql("INSERT INTO delta.`" + path + "` VALUES "
        + "('c1', array('E1'), 2, array('douyin','weibo'), 2, TIMESTAMP'2023-06-30 16:30:00', "
        + "TIMESTAMP'2023-06-30 20:00:00', '刷差评', true, 'negative'), "
        + "('c2', array('E2'), 2, array('weibo'), 2, TIMESTAMP'2023-05-10 00:00:00', "
        + "TIMESTAMP'2023-05-10 01:00:00', '转发官方公告', false, 'not negative'), "
        + "('c3', array('E1'), 2, array('douyin'), 2, TIMESTAMP'2023-07-05 00:00:00', "
        + "TIMESTAMP'2023-07-05 03:00:00', '抹黑', true, 'negative')");
  }
}
