package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.PostsTable;
import io.qinglang.testing.SparkExtension;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignDetectorTest {
  static final Instant T0 = Instant.parse("2023-06-01T02:00:00Z");
  static final String[] PLATFORMS = {"weibo", "douyin", "toutiao", "zhihu"};

  /** A row of the posts table (columns the detector does not use are null or defaults). */
  static Row post(String id, String platform, String account, double hours, String content) {
    Timestamp at = Timestamp.from(T0.plusSeconds((long) (hours * 3600)));
    return RowFactory.create(id, platform, "post", account, null, at, Date.valueOf("2023-06-01"), null, content, null,
        null, null, null, null, null, null, "test.jsonl", "ingest-1", at, at, "h" + id);
  }

  /** Hand-made posts, one cluster per situation, plus short and unrelated posts. */
  static List<Row> fixture() {
    List<Row> rows = new ArrayList<>();
    // A: seven trolls on three platforms within 2.4 hours, negative toward 比亚迪.
    String[] attack = {
        "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！",
        "比亚迪的车质量太垃圾了！刹车失灵还不给退，大家千万别买，黑心企业",
        "比亚迪的车质量太垃圾了，刹车失灵还不给退款，大家千万别买，黑心企业！！",
        "转发：比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！",
        "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！[怒]",
        "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！ https://t.cn/x1",
        "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！"};
    for (int i = 0; i < attack.length; i++) {
      rows.add(post("a" + i, PLATFORMS[i % 3], "troll_" + i, i * 0.4, attack[i]));
    }
    // The same text posted once ten days earlier: in the cluster, outside the burst, so no evidence.
    rows.add(post("old", "weibo", "troll_early", -240, attack[0]));
    // B: fans reposting an official announcement.
    rows.add(post("f0", "weibo", "byd_official", -1, "比亚迪第500万辆新能源汽车今天正式下线，感谢每一位用户的支持与信任！"));
    for (int i = 1; i <= 6; i++) {
      rows.add(post("f" + i, PLATFORMS[i % 4], "fan_" + i, i * 0.5,
          (i % 2 == 0 ? "恭喜！" : "") + "比亚迪第500万辆新能源汽车今天正式下线，感谢每一位用户的支持与信任！"));
    }
    // C: the same complaint copied by five accounts, one a week: no coordination.
    for (int i = 0; i < 5; i++) {
      rows.add(post("s" + i, PLATFORMS[i % 2], "user_" + i, i * 24 * 7,
          "美的空调用了两年就坏了，售后太垃圾了，修了三次还是不制冷，别买美的"));
    }
    // D: coordinated and negative, but naming nobody.
    for (int i = 0; i < 6; i++) {
      rows.add(post("n" + i, PLATFORMS[i % 3], "bot_" + i, i * 0.2, "这家店的外卖太垃圾了，吃完拉肚子，大家别买，黑心商家"));
    }
    // E: coordinated, lexicon-negative, but the classifier gave these posts a category that is not
    // hostile (6, false suggestions).
    for (int i = 0; i < 6; i++) {
      rows.add(post("e" + i, PLATFORMS[i % 3], "poster_" + i, i * 0.3,
          "美的集团的产品全是垃圾，售后就是骗子，大家抵制美的，黑心企业！"));
    }
    // F: coordinated attack on a person (an entrepreneur named by title, no registry enterprise).
    for (int i = 0; i < 5; i++) {
      rows.add(post("p" + i, PLATFORMS[i % 2], "acct_" + i, i * 0.5,
          "某集团董事长卷款跑路，骗子企业家不得好死，大家转发曝光他！" + (i == 2 ? "！！" : "")));
    }
    // G: one smear posted by two campaigns two months apart (one text, so one component): five accounts
    // on two platforms in April, six on three in June. Each burst is an attack of its own.
    String smear = "星澜手机电池会自燃，已经烧伤好几个人了，星澜科技一直隐瞒不报，黑心企业，大家千万别买！";
    for (int i = 0; i < 5; i++) {
      rows.add(post("g" + i, PLATFORMS[i % 2], "april_" + i, -60 * 24 + i * 0.5, smear));
    }
    for (int i = 0; i < 6; i++) {
      rows.add(post("k" + i, PLATFORMS[i % 3], "june_" + i, 48 + i * 0.5, smear));
    }
    // H: the same for an enterprise outside the registry, named by its name ending.
    String rumour = "青禾乳业的奶粉被查出有致癌物，厂里一直在偷偷销毁库存，黑心企业，大家千万别再买了！";
    for (int i = 0; i < 5; i++) {
      rows.add(post("m" + i, PLATFORMS[i % 2], "spring_" + i, -90 * 24 + i * 0.5, rumour));
    }
    for (int i = 0; i < 6; i++) {
      rows.add(post("q" + i, PLATFORMS[i % 3], "autumn_" + i, 72 + i * 0.5, rumour));
    }
    // Short posts and unrelated texts are never clustered.
    for (int i = 0; i < 8; i++) {
      rows.add(post("x" + i, PLATFORMS[i % 4], "short_" + i, i * 0.1, "垃圾，别买"));
    }
    rows.add(post("u1", "weibo", "u1", 1, "今天去公园散步，看到湖边的柳树发芽了，春天真的来了，心情很好。"));
    rows.add(post("u2", "zhihu", "u2", 2, "看了一季报，营收同比增长4.5%，净利润同比下降2.1%，谈不上暴雷。"));
    rows.add(post("u3", "douyin", "u3", 3, "实测新能源SUV冬季续航，零下五度打了七折，数据都在视频里。"));
    return rows;
  }

  Dataset<Row> posts;
  CampaignDetector detector;
  CampaignDetector.Result result;
  List<Row> clusters;
  List<String> progress = new ArrayList<>();

  @BeforeAll
  void detect(SparkSession spark) {
    posts = spark.createDataFrame(fixture(), PostsTable.SCHEMA)
        // The classifier let the attack's posts pass one by one (0): the lexicon judges them.
        .withColumn("category", when(col("post_id").startsWith("e"), lit(6))
            // The two campaigns of one text: the classifier read them as smears (10).
            .when(col("post_id").rlike("^[gkmq][0-9]$"), lit(10))
            .when(col("post_id").startsWith("a"), lit(0)));
    detector = new CampaignDetector(DetectFixtures.SETTINGS.coordination(), DetectFixtures.RESOURCES.stanceLexicon(),
        DetectFixtures.impersonation());
    result = detector.detect(posts, "run-1", Instant.parse("2023-06-02T00:00:00Z"), progress::add);
    clusters = result.clusters().collectAsList();
  }

  @AfterAll
  void release() {
    result.release();
  }

  Row cluster(String postIdPrefix) {
    // Cluster ids come from the smallest member key; the fixture's prefixes identify the situations.
    List<Row> hits = clusters.stream().filter(c -> ((List<?>) c.getList(c.fieldIndex("sample_accounts"))).stream()
        .anyMatch(a -> a.toString().contains(postIdPrefix))).toList();
    assertEquals(1, hits.size(), () -> postIdPrefix + " in " + clusters);
    return hits.get(0);
  }

  @Test
  void oneClusterPerSituation() {
    assertEquals(10, clusters.size(), clusters.toString());
    Map<Boolean, Long> attacks = clusters.stream().collect(Collectors.partitioningBy(c -> c.getAs("is_attack"),
        Collectors.counting()));
    assertEquals(6L, attacks.get(true));
    assertEquals(6L, result.counts().get("attack_clusters"));
  }

  @Test
  void theAttackOnAnEnterprise() {
    Row a = cluster("troll_");
    assertTrue((boolean) a.getAs("is_attack"));
    // The row describes the attack's own posts: not the copy posted ten days earlier.
    assertEquals(7L, (long) a.getAs("posts"));
    assertEquals(7L, (long) a.getAs("accounts"));
    assertEquals(List.of("douyin", "toutiao", "weibo"), a.getList(a.fieldIndex("platforms")));
    assertEquals(List.of("E0002"), a.getList(a.fieldIndex("enterprise_ids")));
    assertEquals(1.0, (double) a.getAs("negative_share"));
    assertEquals(7, (int) a.getAs("window_accounts"));
    String reason = a.getAs("reason");
    assertTrue(reason.startsWith("coordinated attack: 7 accounts on 3 platforms within 2.4 h"), reason);
    assertTrue(reason.contains("lexicon: 垃圾") && reason.contains("target E0002;"), reason);
    assertTrue(reason.endsWith("7 directly similar posts from 7 accounts on 3 platforms"), reason);
    assertTrue(((String) a.getAs("cluster_id")).matches("cc-[0-9a-f]{16}"));
    assertEquals(Timestamp.from(T0), a.getAs("first_at"));
    assertEquals(Timestamp.from(T0.plusSeconds(24 * 360)), a.getAs("last_at"));
    assertEquals(Timestamp.from(T0), a.getAs("window_start"));
    assertFalse(((List<?>) a.getList(a.fieldIndex("sample_accounts"))).contains("weibo:troll_early"));
  }

  @Test
  void twoCampaignsFromOneTextAreTwoAttacks() {
    Row april = cluster("april_");
    Row june = cluster("june_");
    for (Row r : List.of(april, june)) {
      assertTrue((boolean) r.getAs("is_attack"), (String) r.getAs("reason"));
      assertEquals(List.of("E0005"), r.getList(r.fieldIndex("enterprise_ids")));
      assertEquals(1.0, (double) r.getAs("negative_share"));
      assertEquals(0L, (long) r.getAs("similar_pairs"), "one text");
    }
    assertNotEquals((String) april.getAs("cluster_id"), (String) june.getAs("cluster_id"));
    assertEquals(5L, (long) april.getAs("posts"));
    assertEquals(List.of("douyin", "weibo"), april.getList(april.fieldIndex("platforms")));
    assertEquals(Timestamp.from(T0.minusSeconds(60 * 24 * 3600)), april.getAs("first_at"));
    assertEquals(6L, (long) june.getAs("posts"));
    assertEquals(Timestamp.from(T0.plusSeconds(48 * 3600)), june.getAs("first_at"));
    assertTrue(((String) june.getAs("reason")).startsWith("coordinated attack: 6 accounts on 3 platforms"),
        (String) june.getAs("reason"));
    assertTrue(((String) april.getAs("reason")).startsWith("coordinated attack: 5 accounts on 2 platforms"),
        (String) april.getAs("reason"));
    assertTrue(((String) april.getAs("reason")).contains("100% of them negative (classifier; a later window"),
        (String) april.getAs("reason"));
    Map<String, String> clusterOf = result.memberEvidence().collectAsList().stream()
        .filter(e -> ((String) e.getAs("post_id")).matches("[gk][0-9]"))
        .collect(Collectors.toMap(e -> e.getAs("post_id"), e -> ((Row) e.getList(2).get(0)).getAs("detail")));
    assertEquals(11, clusterOf.size(), "every member of both bursts");
    assertTrue(clusterOf.get("g0").contains((String) april.getAs("cluster_id")), clusterOf.get("g0"));
    assertTrue(clusterOf.get("k0").contains((String) june.getAs("cluster_id")), clusterOf.get("k0"));
  }

  @Test
  void aLaterCampaignAgainstAnEnterpriseOutsideTheRegistryIsFoundToo() {
    Row spring = cluster("spring_");
    assertTrue((boolean) spring.getAs("is_attack"), (String) spring.getAs("reason"));
    assertTrue(((String) spring.getAs("reason")).contains("target an enterprise outside the registry (青禾乳业)"),
        (String) spring.getAs("reason"));
    assertEquals(5L, (long) spring.getAs("posts"));
    assertTrue((boolean) cluster("autumn_").getAs("is_attack"));
  }

  @Test
  void clustersHaveTheTablesTypes() {
    // Column by column, array element nullability included: a Delta write refuses an array that may hold nulls.
    for (StructField f : CoordinationClustersTable.SCHEMA.fields()) {
      assertEquals(f.dataType(), result.clusters().schema().apply(f.name()).dataType(), f.name());
    }
    assertEquals(CoordinationClustersTable.SCHEMA.size(), result.clusters().schema().size());
  }

  @Test
  void theAttackOnAPerson() {
    Row p = cluster("acct_");
    assertTrue((boolean) p.getAs("is_attack"), (String) p.getAs("reason"));
    assertTrue(((String) p.getAs("reason")).contains("a person (董事长)"));
  }

  @Test
  void harmlessClustersSayWhy() {
    assertTrue(((String) cluster("fan_").getAs("reason")).contains("first post comes from an official account"));
    assertTrue(((String) cluster("fan_").getAs("representative_text")).startsWith("比亚迪第500万辆"));
    Row slow = cluster("user_");
    assertEquals(5L, (long) slow.getAs("posts"));
    assertTrue(((String) slow.getAs("reason")).startsWith("not coordinated: at most 1 accounts"),
        (String) slow.getAs("reason"));
    assertTrue(((String) cluster("bot_").getAs("reason")).contains("names no enterprise or person"));
    Row cleared = cluster("poster_");
    assertEquals(0.0, (double) cleared.getAs("negative_share"));
    assertTrue(((String) cleared.getAs("reason")).contains("classifier on 6 of 6 posts"),
        (String) cleared.getAs("reason"));
  }

  @Test
  void membersOfAttacksGetCategoryNineEvidence() {
    List<Row> evidence = result.memberEvidence().collectAsList();
    assertEquals(34, evidence.size());
    assertTrue(evidence.stream().allMatch(e -> ((String) e.getAs("post_id")).matches("[apgkmq][0-9]")),
        "members of the burst only (not the post ten days earlier)");
    Row a0 = evidence.stream().filter(e -> e.getAs("post_id").equals("a0")).findFirst().orElseThrow();
    Row ev = (Row) a0.getList(2).get(0);
    assertEquals("coordination", ev.getAs("source"));
    assertEquals("attack_cluster", ev.getAs("kind"));
    assertEquals(CampaignDetector.ATTACK_SCORE, (double) ev.getAs("score"));
    assertTrue(((String) ev.getAs("detail")).contains((String) cluster("troll_").getAs("cluster_id")));
  }

  @Test
  void stagesAreTimedAndCounted() {
    assertEquals(List.of("prepare", "signatures", "candidates", "verify", "reworded", "components", "clusters"),
        result.timings().stream().map(CampaignDetector.StageTiming::stage).toList());
    assertEquals(7, progress.size());
    assertTrue(result.counts().get("candidate_pairs") >= result.counts().get("similar_pairs"));
    assertTrue(result.counts().get("similar_pairs") > 0);
    assertEquals(fixture().size() - 8, result.counts().get("eligible_posts"), "short posts are left out");
  }

  @Test
  void clusterIdsAreStableAcrossRunsAndPartitionings() {
    CampaignDetector.Result again = detector.detect(posts.repartition(3).orderBy(functions.rand(5)), "run-2", T0,
        x -> { });
    try {
      List<String> ids = clusters.stream().map(c -> (String) c.getAs("cluster_id")).sorted().toList();
      assertEquals(ids, again.clusters().select("cluster_id").collectAsList().stream().map(x -> x.getString(0))
          .sorted().toList());
    } finally {
      again.release();
    }
  }
}
