package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.spark.Checkpoints;
import io.qinglang.testing.SparkExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class HostileBurstsTest {
  static final long HOUR = 3600;
  static final long WINDOW = 6 * HOUR;
  static final String[] PLATFORMS = {"weibo", "douyin", "toutiao"};

  /** Six accounts on three platforms, one post every half hour, each leaning {@code smear}. */
  static List<HostileBursts.Member> six(double smear) {
    List<HostileBursts.Member> ms = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ms.add(member(i, i * HOUR / 2, "writer_" + i, PLATFORMS[i % 3], smear, false));
    }
    return ms;
  }

  static HostileBursts.Member member(int id, long t, String account, String platform, double smear, boolean positive) {
    return new HostileBursts.Member(t, 100 + id, platform + ":p" + id, account, platform, smear, true, positive, false,
        false);
  }

  static List<List<HostileBursts.Member>> bursts(List<HostileBursts.Member> ms) {
    return bursts(ms, 0.5);
  }

  /** One enterprise's bursts, its quiet posts (neither leaning nor official) passed as times, as find does. */
  static List<List<HostileBursts.Member>> bursts(List<HostileBursts.Member> ms, double share) {
    long[] quiet = ms.stream().filter(m -> !m.leans() && !m.official()).mapToLong(HostileBursts.Member::t).toArray();
    List<HostileBursts.Member> loud = ms.stream().filter(m -> m.leans() || m.official()).toList();
    return HostileBursts.bursts(loud, quiet, WINDOW, 4, 2, 0.2, share);
  }

  @Test
  void postsLeaningTowardASmearFromManyAccountsAreOneBurst() {
    List<List<HostileBursts.Member>> found = bursts(six(0.25));
    assertEquals(1, found.size(), found.toString());
    assertEquals(6, found.get(0).size());
  }

  @Test
  void aWaveThatLeansTowardNoSmearIsNoBurst() {
    assertEquals(List.of(), bursts(six(0.19)));
    // The mean decides, not each post: two posts leaning strongly carry four that lean a little.
    List<HostileBursts.Member> mixed = six(0.12);
    mixed.set(0, member(0, 0, "writer_0", "weibo", 0.5, false));
    mixed.set(3, member(3, 3 * HOUR / 2, "writer_3", "weibo", 0.5, false));
    assertEquals(1, bursts(mixed).size());
  }

  @Test
  void tooFewAccountsOrPlatformsAreNoBurst() {
    List<HostileBursts.Member> oneAccount = new ArrayList<>();
    for (HostileBursts.Member m : six(0.5)) {
      oneAccount.add(new HostileBursts.Member(m.t(), m.docId(), m.key(), m.platform().equals("weibo") ? "a" : "b",
          m.platform(), m.smear(), true, false, false, false));
    }
    assertEquals(List.of(), bursts(oneAccount), "three accounts (a on two platforms counts twice)");
    List<HostileBursts.Member> onePlatform = new ArrayList<>();
    for (HostileBursts.Member m : six(0.5)) {
      onePlatform.add(new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), "weibo", 0.5, true, false, false, false));
    }
    assertEquals(List.of(), bursts(onePlatform));
  }

  @Test
  void postsFurtherApartThanTheWindowAreNoBurst() {
    List<HostileBursts.Member> slow = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slow.add(member(i, i * 2 * HOUR, "writer_" + i, PLATFORMS[i % 3], 0.5, false));
    }
    // Any 6 hours hold four posts at most (0-6 h, 2-8 h, 4-10 h), each from four accounts on three platforms;
    // the three windows share posts, so they are one burst of all six.
    List<List<HostileBursts.Member>> found = bursts(slow);
    assertEquals(1, found.size(), found.toString());
    assertEquals(6, found.get(0).size());
    slow.removeIf(m -> m.t() % (4 * HOUR) != 0);
    assertEquals(List.of(), bursts(slow), "0, 4, 8 h: three posts");
  }

  @Test
  void attacksADayApartAreTwoBursts() {
    List<HostileBursts.Member> two = six(0.5);
    for (int i = 0; i < 6; i++) {
      two.add(member(10 + i, 24 * HOUR + i * HOUR / 2, "other_" + i, PLATFORMS[i % 3], 0.5, false));
    }
    List<List<HostileBursts.Member>> found = bursts(two);
    assertEquals(2, found.size(), found.toString());
    assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L), found.get(0).stream().map(HostileBursts.Member::docId)
        .toList());
    assertEquals(List.of(110L, 111L, 112L, 113L, 114L, 115L), found.get(1).stream().map(HostileBursts.Member::docId)
        .toList());
    // A slow post between them (no window of four around it) joins neither.
    two.add(member(20, 12 * HOUR, "loner", "weibo", 0.9, false));
    assertEquals(found, bursts(two));
  }

  @Test
  void leaningPostsLostInAStreamOfOtherPostsAreNoBurst() {
    List<HostileBursts.Member> stream = six(0.5);
    // Five posts about the enterprise that do not lean, inside the same hours: 6 of 11 still lean.
    for (int i = 0; i < 5; i++) {
      stream.add(new HostileBursts.Member(i * HOUR / 2 + 60, 200 + i, "weibo:q" + i, "reader_" + i, "weibo", 0.01,
          false, false, false, false));
    }
    assertEquals(1, bursts(stream).size());
    assertEquals(6, bursts(stream).get(0).size(), "posts that do not lean are never members");
    // Seven: 6 of 13 lean, under half.
    for (int i = 5; i < 7; i++) {
      stream.add(new HostileBursts.Member(i * HOUR / 2 + 60, 200 + i, "weibo:q" + i, "reader_" + i, "weibo", 0.01,
          false, false, false, false));
    }
    assertEquals(List.of(), bursts(stream));
    assertEquals(1, bursts(stream, 0.4).size(), "a lower share lets it through");
  }

  @Test
  void aWaveAskingWhetherARumourIsTrueIsNoBurst() {
    List<HostileBursts.Member> asking = six(0.5);
    for (int i = 0; i < 4; i++) {
      asking.set(i, doubting(asking.get(i), true));
    }
    assertEquals(List.of(), bursts(asking), "every window of four or more posts is at least half doubt");
    asking.set(0, doubting(asking.get(0), false));
    asking.set(1, doubting(asking.get(1), false));
    assertEquals(1, bursts(asking).size(), "two of six doubting");
  }

  static HostileBursts.Member doubting(HostileBursts.Member m, boolean doubt) {
    return new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), m.platform(), m.smear(), m.leans(),
        m.positive(), doubt, m.official());
  }

  @Test
  void anAnnouncementOrPraiseIsNoBurst() {
    List<HostileBursts.Member> fans = six(0.5);
    fans.add(new HostileBursts.Member(-HOUR / 2, 99, "weibo:official", "brand_official", "weibo", 0.0, false, true, false,
        true));
    assertEquals(List.of(), bursts(fans), "the enterprise's own account posted half an hour before");
    List<HostileBursts.Member> praise = six(0.5);
    for (int i = 0; i < 4; i++) {
      HostileBursts.Member m = praise.get(i);
      praise.set(i, new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), m.platform(), m.smear(), true,
          true, false, false));
    }
    assertEquals(List.of(), bursts(praise), "every window of four or more posts is at least half praise");
  }

  static final StructType CANDIDATES = new StructType().add("ent", DataTypes.StringType).add("t", DataTypes.LongType)
      .add("doc_id", DataTypes.LongType).add("key", DataTypes.StringType).add("account", DataTypes.StringType)
      .add("platform", DataTypes.StringType).add("smear", DataTypes.DoubleType).add("leans", DataTypes.BooleanType)
      .add("positive", DataTypes.BooleanType).add("doubting", DataTypes.BooleanType)
      .add("official", DataTypes.BooleanType);

  static Row row(String ent, HostileBursts.Member m) {
    return RowFactory.create(ent, m.t(), m.docId(), m.key(), m.account(), m.platform(), m.smear(), m.leans(),
        m.positive(), m.doubting(), m.official());
  }

  /** {@code n} posts about the enterprise that do not lean, one every {@code step} seconds from {@code from}. */
  static List<Row> quiet(String ent, long from, long step, int n, int firstId) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(ent, new HostileBursts.Member(from + step * i, firstId + i, "weibo:" + ent + "q" + i, "reader_" + i,
          "weibo", 0.01, false, false, false, false)));
    }
    return rows;
  }

  @Test
  void theCapCountsLeaningPostsAndQuietPostsStillCountAgainstTheShare(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    // A: six leaning posts, then 40 quiet ones two days later: over the cap of 10 only with the quiet ones.
    six(0.5).forEach(m -> rows.add(row("A", m)));
    rows.addAll(quiet("A", 48 * HOUR, 60, 40, 1000));
    // B: the same six among twelve quiet posts, one every quarter hour over the same hours: no window is half leaning.
    six(0.5).forEach(m -> rows.add(row("B", m)));
    rows.addAll(quiet("B", 10, HOUR / 4, 12, 2000));
    // C: twelve leaning posts, over the cap.
    for (int i = 0; i < 12; i++) {
      rows.add(row("C", member(50 + i, i * HOUR / 4, "writer_" + i, PLATFORMS[i % 3], 0.5, false)));
    }
    // D: quiet posts only.
    rows.addAll(quiet("D", 0, 60, 30, 3000));
    DetectSettings.Coordination bundled = DetectFixtures.SETTINGS.coordination();
    DetectSettings.Coordination c = DetectFixtures.coordination(bundled.rewordedSimilarity(), 10);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      HostileBursts.Result r = HostileBursts.find(spark.createDataFrame(rows, CANDIDATES), c, cached);
      List<String> keys = r.memberKeys().collectAsList().stream().map(k -> k.getString(0)).sorted().toList();
      assertEquals(six(0.5).stream().map(HostileBursts.Member::key).sorted().toList(), keys, "only A's six");
      assertEquals(1, r.bursts());
      assertEquals(1, r.oversized(), "C");
      assertEquals(3, r.enterprises(), "A, B and C have leaning posts");
      assertEquals(rows.size(), r.candidates());
      assertEquals(6 + 6 + 12, r.leaning());
      assertEquals(5, r.edges().count(), "six posts linked in time order");
    } finally {
      cached.forEach(Checkpoints::release);
    }
  }
}
