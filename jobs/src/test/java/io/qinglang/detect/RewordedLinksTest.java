package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.table.PostsTable;
import io.qinglang.testing.SparkExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewordedLinksTest {
  /** One false claim about 星澜 rewritten by six accounts: no two copies reach Jaccard 0.4. */
  static final String[] REWORDED = {
      "星澜手机电池鼓包自燃，已经烧了三户人家，星澜官方还在删帖压消息，大家赶紧别用了，黑心企业！",
      "星澜的手机电池会鼓包自燃，已经烧了三户人家，官方一直删帖压消息，手里有的赶快换掉，别买星澜！",
      "已经有三户人家被烧了！星澜这款手机电池鼓包自燃，官方到处删帖捂消息，这种黑心公司的手机谁还敢用",
      "姐妹们别用星澜手机了，电池鼓包会自燃，烧了三户人家，星澜官方还在到处删帖，太黑心了",
      "星澜手机电池鼓包起火自燃，三户人家被烧，官方忙着删帖压消息，大家千万别买星澜",
      "星澜手机的电池鼓包自燃烧了三户人家，官方删帖压消息，垃圾企业，赶紧把手机换了吧"};
  /** Independent people on one real outage of 美的 the same afternoon, some of them angry. */
  static final String[] ORGANIC = {
      "美的空调的app今天一直登不上，远程开不了空调，回家热死了，客服电话也打不进去，太垃圾了",
      "有人美的智能家居也崩了吗？洗衣机预约全失效了，衣服泡了一整天",
      "美的集团官方微博说服务器故障正在抢修，预计晚上恢复，希望别再出这种事，体验很差",
      "美的的售后今天电话排队排了四十分钟，问的都是app故障的事，客服也很无奈",
      "家里老人不会用手动模式，美的空调app一挂就只能干等，这种故障应该有个离线方案吧，别买智能款了",
      "美的的冰箱倒是没事，就是app里所有设备都显示离线，看了下超话，全国都一样，坑人"};

  List<Row> withLink;
  List<Row> withoutLink;
  CampaignDetector.Result linked;

  @BeforeAll
  void detect(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < REWORDED.length; i++) {
      rows.add(CampaignDetectorTest.post("r" + i, CampaignDetectorTest.PLATFORMS[i % 3], "writer_" + i, i * 0.5,
          REWORDED[i]));
    }
    for (int i = 0; i < ORGANIC.length; i++) {
      rows.add(CampaignDetectorTest.post("o" + i, CampaignDetectorTest.PLATFORMS[i % 4], "owner_" + i, i * 0.4,
          ORGANIC[i]));
    }
    Dataset<Row> posts = spark.createDataFrame(rows, PostsTable.SCHEMA);
    DetectSettings.Coordination on = DetectFixtures.SETTINGS.coordination();
    linked = new CampaignDetector(on, DetectFixtures.RESOURCES.stanceLexicon(), DetectFixtures.impersonation())
        .detect(posts, "run-r", Instant.parse("2023-06-02T00:00:00Z"), x -> { });
    withLink = linked.clusters().collectAsList();
    CampaignDetector.Result off = new CampaignDetector(DetectFixtures.coordination(0.0, on.burstMaxPosts()),
        DetectFixtures.RESOURCES.stanceLexicon(), DetectFixtures.impersonation())
        .detect(posts, "run-r0", Instant.parse("2023-06-02T00:00:00Z"), x -> { });
    try {
      withoutLink = off.clusters().collectAsList();
      assertFalse(off.timings().stream().anyMatch(t -> t.stage().equals("reworded")), "0 switches the stage off");
    } finally {
      off.release();
    }
  }

  @Test
  void rewordedCopiesOfOneClaimAreOneAttack() {
    List<Row> attacks = withLink.stream().filter(c -> (boolean) c.getAs("is_attack")).toList();
    assertEquals(1, attacks.size(), withLink.toString());
    Row a = attacks.get(0);
    assertEquals(6L, (long) a.getAs("posts"));
    assertEquals(List.of("E0005"), a.getList(a.fieldIndex("enterprise_ids")));
    assertTrue(((String) a.getAs("reason")).endsWith("6 directly similar posts from 6 accounts on 3 platforms"),
        (String) a.getAs("reason"));
    assertTrue(linked.counts().get("reworded_pairs") >= 5, linked.counts().toString());
    List<Row> evidence = linked.memberEvidence().collectAsList();
    assertEquals(6, evidence.size());
    assertTrue(evidence.stream().allMatch(e -> ((String) e.getAs("post_id")).startsWith("r")));
  }

  @Test
  void independentPostsOnOneIncidentAreNotLinked() {
    assertTrue(withLink.stream().noneMatch(c -> c.getList(c.fieldIndex("sample_accounts")).stream()
        .anyMatch(x -> x.toString().contains("owner_"))), withLink.toString());
  }

  @Test
  void withoutTheLinkTheCopiesAreTooDifferent() {
    assertTrue(withoutLink.stream().noneMatch(c -> (boolean) c.getAs("is_attack")), withoutLink.toString());
  }

  @Test
  void pairsMeetOnceWithinTheWindow() {
    long hour = 3600;
    long window = 24 * hour;
    // A bucket's own posts (home) pair with each other.
    List<Row> home = List.of(member(1, 0, true), member(2, 20 * hour, true), member(5, hour, true));
    assertEquals(List.of(pair(1, 2), pair(1, 5), pair(2, 5)), RewordedLinks.blockPairs(home, window));
    // The next bucket holds 3 at home and 1, 2, 5 visiting: visitors pair with 3 only, since they
    // already met in their own bucket.
    List<Row> next = List.of(member(2, 20 * hour, false), member(3, 20 * hour + 1800, true),
        member(1, 0, false), member(5, hour, false));
    assertEquals(List.of(pair(2, 3), pair(1, 3), pair(3, 5)), RewordedLinks.blockPairs(next, window));
    // More than a window apart, or the same text twice: no pair.
    assertEquals(List.of(), RewordedLinks.blockPairs(List.of(member(4, 70 * hour, true),
        member(3, 20 * hour + 1800, false)), window));
    assertEquals(List.of(), RewordedLinks.blockPairs(List.of(member(7, 0, true), member(7, 10, true)), window));
  }

  @Test
  void rareSharedShinglesWeighMoreThanCommonOnes() {
    CampaignText text = new CampaignText(2, 4, 2, 1, List.of());
    ShingleRarity rarity = ShingleRarity.ofGoldSet(text);
    assertTrue(rarity.backgroundDocs() > 1000, "the bundled gold posts: " + rarity.backgroundDocs());
    int common = text.shingles("公司")[0];
    int rare = text.shingles("鼓包")[0];
    assertTrue(rarity.idf(rare, 1, 100) > rarity.idf(common, 1, 100));
    assertTrue(rarity.idf(rare, 1, 100) > rarity.idf(rare, 50, 100), "frequent in the batch weighs less");
    Row a = RewordedLinks.unitVector(scalaSeq(RowFactory.create(5, 3.0), RowFactory.create(2, 4.0)));
    Row b = RewordedLinks.unitVector(scalaSeq(RowFactory.create(2, 1.0)));
    assertEquals(List.of(2, 5), a.get(0));
    assertEquals(List.of(0.8, 0.6), a.get(1));
    assertEquals(0.8, ShingleRarity.cosine(new int[] {2, 5}, new double[] {0.8, 0.6}, new int[] {2}, new double[] {1}),
        1e-12);
    assertEquals(List.of(1.0), b.get(1));
  }

  private static scala.collection.Seq<Row> scalaSeq(Row... rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(rows)).toSeq();
  }

  private static Row pair(long a, long b) {
    return RowFactory.create(a, b);
  }

  private static Row member(long doc, long t, boolean home) {
    return RowFactory.create(doc, t, home);
  }
}
