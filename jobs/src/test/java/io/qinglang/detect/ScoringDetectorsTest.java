package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.table.EvidenceSchema;
import io.qinglang.table.PostsTable;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The detectors as scoring-pipeline steps, on a frame shaped like the scoring pipeline's. */
@ExtendWith(SparkExtension.class)
class ScoringDetectorsTest {
  static final Instant T0 = Instant.parse("2023-06-01T02:00:00Z");

  static Row post(String id, String platform, String type, String account, String name, double hours,
      String content) {
    Timestamp at = Timestamp.from(T0.plusSeconds((long) (hours * 3600)));
    return RowFactory.create(id, platform, type, account, name, at, Date.valueOf("2023-06-01"), null, content, null,
        null, null, null, null, null, null, "t.jsonl", "ingest-1", at, at, "h" + id);
  }

  /** What the classifier would hand on: its decision columns, probabilities and its own evidence. */
  static Dataset<Row> scored(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    rows.add(post("leak", "weibo", "post", "u1", "路人", 0,
        "扒出某集团董事长的身份证110105198503071230，家住北京市朝阳区建国路88号3单元502室"));
    rows.add(post("fake", "weibo", "account", "u2", "比亚迪官方客服", 0, "售后退款请私信"));
    rows.add(post("official", "weibo", "account", "byd_official", "比亚迪", 0, "比亚迪官方微博"));
    rows.add(post("clean", "weibo", "post", "u5", "吃瓜群众", 0, "今天天气不错，出去走走，公园里人很多"));
    rows.add(post("smear", "zhihu", "post", "u6", "评论员", 0, "民营企业都是卖国的，早该离场了，这种论调到处都是"));
    String[] platforms = {"weibo", "douyin", "toutiao"};
    for (int i = 0; i < 6; i++) {
      rows.add(post("a" + i, platforms[i % 3], "post", "troll_" + i, "网友" + i, i * 0.4,
          "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！" + "！".repeat(i % 2)));
    }
    Dataset<Row> posts = spark.createDataFrame(rows, PostsTable.SCHEMA);
    Column p0 = array(lit(0.9), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01),
        lit(0.01), lit(0.01), lit(0.01));
    Column p2 = array(lit(0.1), lit(0.0), lit(0.85), lit(0.0), lit(0.0), lit(0.0), lit(0.0), lit(0.0), lit(0.0),
        lit(0.05), lit(0.0));
    Column classifierEvidence = array(struct(lit("classifier").as("source"), lit("term").as("kind"),
        lit("卖国").as("detail"), lit("卖国").as("span"), lit(7).as("start"), lit(9).as("end"),
        lit(0.4).as("score"))).cast(EvidenceSchema.ARRAY);
    return posts
        .withColumn("text", col("content"))
        .withColumn(ScoringDetectors.CLASSIFIER_CATEGORY,
            when(col("post_id").equalTo("smear").or(col("post_id").startsWith("a")), lit(2)).otherwise(lit(0)))
        .withColumn(ScoringDetectors.CLASSIFIER_CONFIDENCE, lit(0.85))
        .withColumn(ScoringDetectors.CLASSIFIER_NEEDS_REVIEW, lit(false))
        .withColumn(ScoringDetectors.PROBABILITIES,
            when(col(ScoringDetectors.CLASSIFIER_CATEGORY).equalTo(2), p2).otherwise(p0))
        .withColumn(ScoringDetectors.EVIDENCE, when(col("post_id").equalTo("smear"), classifierEvidence)
            .otherwise(array().cast(EvidenceSchema.ARRAY)))
        .withColumn("category", col(ScoringDetectors.CLASSIFIER_CATEGORY))
        .withColumn("confidence", col(ScoringDetectors.CLASSIFIER_CONFIDENCE))
        .withColumn("needs_review", col(ScoringDetectors.CLASSIFIER_NEEDS_REVIEW));
  }

  @Test
  void contributorsAppendEvidenceAndFusionDecides(SparkSession spark) {
    Dataset<Row> in = scored(spark);
    List<String> columnsIn = Arrays.asList(in.columns());
    ScoringDetectors.PerPost perPost = new ScoringDetectors.PerPost(DetectFixtures.RESOURCES);
    List<String> progress = new ArrayList<>();
    ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(DetectFixtures.RESOURCES, progress::add);
    ScoringDetectors.Fused fusion = new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion());
    try {
      Dataset<Row> a = perPost.contribute(in, DetectFixtures.REG);
      assertEquals(columnsIn, Arrays.asList(a.columns()), "a contributor keeps the columns");
      Dataset<Row> b = campaigns.contribute(a, DetectFixtures.REG, "run-1", T0.plusSeconds(86_400));
      assertEquals(columnsIn, Arrays.asList(b.columns()));
      assertFalse(progress.isEmpty(), "stage figures are reported");
      assertEquals(1L, campaigns.result().clusters().filter(col("is_attack")).count());
      Dataset<Row> fused = fusion.fuse(b);
      assertEquals(columnsIn, Arrays.asList(fused.columns()));
      assertEquals(in.count(), fused.count(), "same rows in, same rows out");

      Map<String, Row> byId = new HashMap<>();
      for (Row r : fused.select("post_id", "category", "needs_review", "evidence", "classifier_category")
          .collectAsList()) {
        byId.put(r.getString(0), r);
      }
      assertEquals(11, byId.size());
      // A validated ID number with private context: 3 although the classifier saw nothing.
      assertEquals(3, byId.get("leak").getInt(1));
      String leakEvidence = byId.get("leak").getList(3).toString();
      assertTrue(leakEvidence.contains("110105********1230") && !leakEvidence.contains("19850307"), leakEvidence);
      assertTrue(leakEvidence.contains("fusion"), leakEvidence);
      assertEquals(1, byId.get("fake").getInt(1), "an impersonating account");
      assertEquals(0, byId.get("official").getInt(1), "an official account is never flagged");
      assertEquals(0, byId.get("clean").getInt(1));
      // The classifier's own decision and evidence survive.
      assertEquals(2, byId.get("smear").getInt(1));
      String smearEvidence = byId.get("smear").getList(3).toString();
      assertTrue(smearEvidence.contains("卖国") && smearEvidence.contains("classifier"), smearEvidence);
      // Attack members: 9 (2 is less specific than a campaign), with the cluster evidence.
      for (int i = 0; i < 6; i++) {
        Row r = byId.get("a" + i);
        assertEquals(9, r.getInt(1), "a" + i);
        assertEquals(2, r.getInt(4), "the classifier's decision is kept beside the fused one");
        assertTrue(r.getList(3).toString().contains("attack_cluster"), r.getList(3).toString());
      }
    } finally {
      campaigns.release();
    }
    assertEquals(null, campaigns.result());
  }

  /** Six accounts on three platforms post one rumour within two hours; the lexicon finds nothing hostile in it. */
  static Dataset<Row> rumourPassedByTheClassifier(SparkSession spark, double tenProbability) {
    String[] same = new String[6];
    for (int i = 0; i < 6; i++) {
      same[i] = "听说比亚迪新批次的电池用的是回收电芯，提车的朋友自己查一下批次号，4S店不会主动告诉你" + "。".repeat(i % 2);
    }
    return passedByTheClassifier(spark, same, tenProbability);
  }

  /** Six posts on three platforms within two hours (one account each), decided 0, leaning to 10 with the given probability. */
  static Dataset<Row> passedByTheClassifier(SparkSession spark, String[] texts, double tenProbability, Row... more) {
    List<Row> rows = new ArrayList<>(List.of(more));
    String[] platforms = {"weibo", "douyin", "toutiao"};
    for (int i = 0; i < texts.length; i++) {
      rows.add(post("r" + i, platforms[i % 3], "post", "poster_" + i, "网友" + i, i * 0.3, texts[i]));
    }
    double rest = (1 - 0.5 - tenProbability) / 9;
    Column p = array(lit(0.5), lit(rest), lit(rest), lit(rest), lit(rest), lit(rest), lit(rest), lit(rest), lit(rest),
        lit(rest), lit(tenProbability));
    // The extra posts read as plainly ordinary.
    Column ordinary = array(lit(0.9), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01),
        lit(0.01), lit(0.01), lit(0.01));
    return spark.createDataFrame(rows, PostsTable.SCHEMA)
        .withColumn("text", col("content"))
        .withColumn(ScoringDetectors.CLASSIFIER_CATEGORY, lit(0))
        .withColumn(ScoringDetectors.CLASSIFIER_CONFIDENCE, lit(0.5))
        .withColumn(ScoringDetectors.CLASSIFIER_NEEDS_REVIEW, lit(true))
        .withColumn(ScoringDetectors.PROBABILITIES, when(col("post_id").startsWith("r"), p).otherwise(ordinary))
        .withColumn(ScoringDetectors.EVIDENCE, array().cast(EvidenceSchema.ARRAY));
  }

  @Test
  void postsTheClassifierLeavesAtZeroButLeansHostileCanMakeAnAttack(SparkSession spark, @TempDir Path dir)
      throws IOException {
    assertFalse(DetectFixtures.RESOURCES.stanceLexicon().stance(
        "听说比亚迪新批次的电池用的是回收电芯，提车的朋友自己查一下批次号，4S店不会主动告诉你").isNegative());
    // Hostile bursts off: the hostile probability alone decides which near-copies count as negative.
    DetectorResources noBursts = DetectorResources.load(DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.burst-window-hours = 0")));
    double threshold = DetectFixtures.SETTINGS.coordination().hostileProbability();
    for (double ten : new double[] {threshold + 0.02, threshold - 0.02}) {
      ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(noBursts, x -> { });
      try {
        Dataset<Row> in = rumourPassedByTheClassifier(spark, ten);
        Dataset<Row> contributed = campaigns.contribute(in, DetectFixtures.REG, "run-1", T0.plusSeconds(86_400));
        assertEquals(Arrays.asList(in.columns()), Arrays.asList(contributed.columns()), "leaning column dropped");
        Dataset<Row> out = new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion()).fuse(contributed);
        long nines = out.filter(col("category").equalTo(9)).count();
        String reason = campaigns.result().clusters().first().getAs("reason");
        if (ten >= threshold) {
          assertEquals(6L, nines, reason);
          assertTrue(reason.startsWith("coordinated attack") && reason.contains("classifier on 6 of 6"), reason);
        } else {
          assertEquals(0L, nines, reason);
          assertTrue(reason.contains("0% of them negative"), reason);
        }
      } finally {
        campaigns.release();
      }
    }
  }

  /** One rumour about 比亚迪 reworded by six writers: no two share enough characters for a text link. */
  static final String[] REWORDED_RUMOUR = {
      "比亚迪资金链要断了，供应商的货款拖了半年没结，听说下个月就要停产，手里有车的赶紧卖",
      "朋友在比亚迪配套厂上班，说那边欠款好几个亿一直不给，工厂快撑不住，估计要出大事",
      "刚听做零部件的老同学讲，比亚迪账上没钱了，连续几个月拖欠结算，生产线随时可能停",
      "比亚迪是不是快不行了？上游几家厂都在传货款收不回来，有人说年底前会宣布减产",
      "内部消息：比亚迪给供应商开的都是远期票据，兑不了现，厂家都在观望，提车的朋友慎重",
      "供应链的人都知道了吧，比亚迪压着款不付，好多小厂被拖垮，新车质量还能保证吗"};
  /** Six owners on one real recall the same morning: they tell what happened to them. */
  static final String[] COMPLAINT_WAVE = {
      "收到比亚迪召回短信了，说是后视镜加热线束要换，约了周六去4S店，希望别排太久",
      "我的车也在召回名单里，4S店说工时一个小时，免费，还送一次保养，挺快的",
      "比亚迪这次召回的是去年三月到六月生产的批次，官网能查车架号，大家自己查一下",
      "上午去换了召回的线束，比亚迪4S店人不少，等了四十分钟，整体还算顺利",
      "有人知道比亚迪召回要不要预约吗？打了客服电话排队二十分钟，后来说直接去店里就行",
      "比亚迪召回那个线束我换完了，师傅说问题不大，就是冬天后视镜加热可能失灵"};

  @Test
  void rewordedPostsLeaningTowardASmearMakeABurstAndComplaintsDoNot(SparkSession spark) {
    double entry = DetectFixtures.SETTINGS.coordination().burstEntry();
    double mean = DetectFixtures.SETTINGS.coordination().burstMean();
    for (String[] texts : new String[][] {REWORDED_RUMOUR, COMPLAINT_WAVE}) {
      for (String t : texts) {
        assertFalse(DetectFixtures.RESOURCES.stanceLexicon().stance(t).isNegative(), t);
      }
    }
    // The rumour leans over the burst's mean; the same posts leaning under its entry, and the complaints, do not.
    Object[][] cases = {{REWORDED_RUMOUR, mean + 0.02, 6L}, {REWORDED_RUMOUR, entry - 0.02, 0L},
        {COMPLAINT_WAVE, entry - 0.02, 0L}};
    for (Object[] c : cases) {
      ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(DetectFixtures.RESOURCES, x -> { });
      try {
        Dataset<Row> in = passedByTheClassifier(spark, (String[]) c[0], (double) c[1]);
        Dataset<Row> out = new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion())
            .fuse(campaigns.contribute(in, DetectFixtures.REG, "run-b", T0.plusSeconds(86_400)));
        long nines = out.filter(col("category").equalTo(9)).count();
        String what = ((String[]) c[0] == REWORDED_RUMOUR ? "rumour" : "complaints") + " at " + c[1] + ": "
            + campaigns.result().counts();
        assertEquals((long) c[2], nines, what);
        if (nines > 0) {
          assertEquals(6L, campaigns.result().counts().get("burst_posts"), what);
          String reason = campaigns.result().clusters().filter(col("is_attack")).first().getAs("reason");
          assertTrue(reason.startsWith("coordinated attack"), reason);
          // The evidence says what linked them: not shared text.
          assertTrue(reason.endsWith("6 linked posts from 6 accounts on 3 platforms, 6 of them in a hostile burst "
              + "(alike in the classifier's smear leaning and in time, not in text)"), reason);
          List<Row> details = out.select(functions.explode(col("evidence")).as("e"))
              .filter(col("e.kind").equalTo("attack_cluster")).select("e.detail").collectAsList();
          assertEquals(6, details.size());
          assertTrue(details.stream().allMatch(d -> d.getString(0).contains("(6 linked posts): ")), details.toString());
          assertEquals(0L, campaigns.result().counts().get("reworded_pairs"), "no text link: " + what);
        }
      } finally {
        campaigns.release();
      }
    }
  }

  /** Two posts passing on 比亚迪's denial of the rumour above, which the classifier reads as leaning too. */
  static final String[] REBUTTALS = {
      "这两天好多号说比亚迪资金链要断、拖欠供应商货款，比亚迪官方已经说明了，生产和结算都正常，大家别再转了",
      "网上说比亚迪下个月停产，配套厂的朋友说货款都按时结了，比亚迪也发了情况说明，这种话先别转"};

  @Test
  void postsRebuttingTheRumourInItsBurstAreNotMembers(SparkSession spark) {
    String[] texts = new String[REWORDED_RUMOUR.length + REBUTTALS.length];
    System.arraycopy(REWORDED_RUMOUR, 0, texts, 0, REWORDED_RUMOUR.length);
    System.arraycopy(REBUTTALS, 0, texts, REWORDED_RUMOUR.length, REBUTTALS.length);
    ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(DetectFixtures.RESOURCES, x -> { });
    try {
      // All eight lean toward a smear within two and a half hours; the last two rebut it.
      Dataset<Row> in = passedByTheClassifier(spark, texts, DetectFixtures.SETTINGS.coordination().burstMean() + 0.02);
      Dataset<Row> out = new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion())
          .fuse(campaigns.contribute(in, DetectFixtures.REG, "run-r", T0.plusSeconds(86_400)));
      String what = campaigns.result().counts().toString();
      assertEquals(6L, campaigns.result().counts().get("burst_posts"), what);
      List<String> nines = out.filter(col("category").equalTo(9)).select("post_id").orderBy("post_id")
          .as(Encoders.STRING()).collectAsList();
      assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5"), nines, what);
    } finally {
      campaigns.release();
    }
  }

  @Test
  void onlyTheEnterprisesOwnAnnouncementStopsABurst(SparkSession spark) {
    double lean = DetectFixtures.SETTINGS.coordination().burstMean() + 0.02;
    // An hour before the rumour: 比亚迪's own account announces a plant opening; or 美的's account names 比亚迪.
    Row own = post("o1", "weibo", "post", "byd_official", "比亚迪", -1,
        "比亚迪西安新工厂今天正式投产，感谢每一位员工和合作伙伴的支持，新车型将于下月交付");
    Row other = post("o2", "weibo", "post", "midea_group", "美的集团", -1,
        "美的集团与比亚迪等车企合作的车载空调项目今天正式量产，感谢合作伙伴的支持，欢迎关注");
    Object[][] cases = {{own, 0L}, {other, 6L}};
    for (Object[] c : cases) {
      ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(DetectFixtures.RESOURCES, x -> { });
      try {
        Dataset<Row> in = passedByTheClassifier(spark, REWORDED_RUMOUR, lean, (Row) c[0]);
        long nines = new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion())
            .fuse(campaigns.contribute(in, DetectFixtures.REG, "run-o", T0.plusSeconds(86_400)))
            .filter(col("category").equalTo(9)).count();
        String what = ((Row) c[0]).getString(3) + ": " + campaigns.result().counts();
        assertEquals((long) c[1], campaigns.result().counts().get("burst_posts"), what);
        assertEquals((long) c[1], nines, what);
      } finally {
        campaigns.release();
      }
    }
  }

  @Test
  void leaningReadsTheMostLikelyHostileCategoryOnlyForPostsDecidedZero(SparkSession spark) {
    Dataset<Row> frame = spark.sql("select * from values "
        + "(0, array(0.5, 0.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.35, 0.0, 0.05)), "
        + "(0, array(0.5, 0.4, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)), "
        + "(6, array(0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.45, 0.0, 0.0, 0.0, 0.45)), "
        + "(cast(null as int), array(0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9)) as t(c, p)");
    List<Row> got = frame.select(CampaignDetector.leaningCategory(col("c"), col("p"), 0.3)).collectAsList();
    assertEquals(8, got.get(0).getInt(0), "decided 0, leaning to extortion");
    assertEquals(0, got.get(1).getInt(0), "impersonation (1) is not hostile");
    assertEquals(6, got.get(2).getInt(0), "a flagged post keeps the classifier's category");
    assertTrue(got.get(3).isNullAt(0), "no classifier decision: the lexicon decides");
  }

  @Test
  void fusionNeedsTheClassifierColumns(SparkSession spark) {
    Dataset<Row> posts = spark.createDataFrame(List.of(post("x", "weibo", "post", "u", "n", 0, "你好")),
        PostsTable.SCHEMA);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ScoringDetectors.Fused(DetectFixtures.SETTINGS.fusion()).fuse(posts));
    assertTrue(e.getMessage().contains("classifier_category"), e.getMessage());
  }
}
