package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import io.qinglang.spark.Checkpoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Hostile bursts: posts about one registry enterprise that the classifier reads as leaning toward a
 * smear, from several accounts on several platforms within a few hours. Writers who each reword one
 * claim share too few characters for the reworded link ({@link RewordedLinks}), and one such post alone
 * reads like a rumour or a complaint; the burst is what they share. Honest complaint waves about one
 * incident form bursts too, but their posts lean toward no smear (they tell what happened to them),
 * so the burst needs the leaning on average, not only at its entry. A window where the enterprise's own
 * official account posted shortly before (fans repeating an announcement) or where half the posts read
 * positive (官宣, 恭喜, 感谢: the lexicon's positive words) is no burst.
 *
 * <p>The posts of a burst are linked in time order (edges between doc ids) and count as negative for
 * the cluster judge, which then judges them like any other cluster.
 */
final class HostileBursts {
  private HostileBursts() {}

  /** Categories whose probability is a smear leaning; 9 is left out (fans' reposts lean to marketing). */
  static final int[] SMEAR = {2, 3, 5, 8, 10};

  static final StructType OUT = new StructType()
      .add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false)
      .add("key", DataTypes.StringType, false)
      .add("burst", DataTypes.StringType, false);

  /** One post of an enterprise's candidates. */
  record Member(long t, long docId, String key, String account, String platform, double smear, boolean positive,
      boolean official) {}

  /** The edges ({@code src < dst}) and the member keys ({@code platform:post_id}) of every burst. */
  record Result(Dataset<Row> edges, Dataset<Row> memberKeys, long candidates, long enterprises, long oversized,
      long bursts, long members) {}

  /** The largest probability of a {@link #SMEAR} category; {@code probabilities} is indexed by category. */
  static Column smearLeaning(Column probabilities) {
    Column[] ps = new Column[SMEAR.length];
    for (int i = 0; i < SMEAR.length; i++) {
      ps[i] = functions.element_at(probabilities, SMEAR[i] + 1);
    }
    return functions.greatest(ps);
  }

  /**
   * @param candidates {@code ent, t, doc_id, key, account, platform, smear, positive, official}: one row
   *     per post and registry enterprise it names, t in epoch seconds; the smear-leaning posts and the
   *     posts of the enterprise's own official accounts ({@code official})
   */
  static Result find(Dataset<Row> candidates, DetectSettings.Coordination s, List<Dataset<Row>> cached) {
    long window = Math.max(1, Math.round(s.burstWindowHours() * 3600));
    int maxPosts = s.burstMaxPosts();
    int minAccounts = s.minAccounts();
    int minPlatforms = s.minPlatforms();
    double mean = s.burstMean();
    Dataset<Row> byEnterprise = Checkpoints.local(candidates.groupBy("ent").agg(collect_list(struct(col("t"),
        col("doc_id"), col("key"), col("account"), col("platform"), col("smear"), col("positive"), col("official")))
        .as("members")));
    cached.add(byEnterprise);
    Row stats = byEnterprise.agg(functions.count(functions.lit(1)),
        functions.sum(functions.when(size(col("members")).gt(maxPosts), 1).otherwise(0))).first();
    long enterprises = stats.getLong(0);
    long oversized = stats.isNullAt(1) ? 0 : stats.getLong(1);
    Dataset<Row> found = Checkpoints.local(byEnterprise.filter(size(col("members")).leq(maxPosts))
        .flatMap((FlatMapFunction<Row, Row>) row -> {
          List<Member> ms = new ArrayList<>();
          for (Row m : row.<Row>getList(1)) {
            ms.add(new Member(m.getLong(0), m.getLong(1), m.getString(2), m.getString(3), m.getString(4),
                m.getDouble(5), m.getBoolean(6), m.getBoolean(7)));
          }
          List<Row> out = new ArrayList<>();
          List<List<Member>> windows = bursts(ms, window, minAccounts, minPlatforms, mean);
          for (int b = 0; b < windows.size(); b++) {
            List<Member> burst = windows.get(b);
            String id = row.getString(0) + "#" + b;
            for (int i = 0; i < burst.size(); i++) {
              Member x = burst.get(i);
              Member y = burst.get(Math.min(i + 1, burst.size() - 1));
              out.add(RowFactory.create(Math.min(x.docId(), y.docId()), Math.max(x.docId(), y.docId()), x.key(), id));
            }
          }
          return out.iterator();
        }, Encoders.row(OUT)));
    cached.add(found);
    Dataset<Row> edges = found.filter(col("a").notEqual(col("b"))).select(col("a").as("src"), col("b").as("dst"))
        .distinct();
    Dataset<Row> keys = found.select("key").distinct();
    Row sizes = found.agg(functions.countDistinct(col("key")), functions.countDistinct(col("burst"))).first();
    long memberCount = sizes.getLong(0);
    long burstCount = sizes.getLong(1);
    return new Result(edges, keys, candidates.count(), enterprises, oversized, burstCount, memberCount);
  }

  /**
   * The bursts among one enterprise's posts: for each smear-leaning post, the smear-leaning posts of the
   * {@code windowSeconds} from it form a burst when they come from at least {@code minAccounts} accounts
   * on {@code minPlatforms} platforms, their mean leaning reaches {@code mean}, fewer than half read
   * positive, and no official member (the enterprise's own account) posted in the {@code windowSeconds}
   * before its start.
   * Overlapping bursts are all returned (their posts are linked either way). Official posts are never
   * burst members.
   */
  static List<List<Member>> bursts(List<Member> members, long windowSeconds, int minAccounts, int minPlatforms,
      double mean) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(Member::t).thenComparing(Member::key));
    List<Member> official = sorted.stream().filter(Member::official).toList();
    List<Member> leaning = sorted.stream().filter(m -> !m.official()).toList();
    List<List<Member>> out = new ArrayList<>();
    Set<String> lastKeys = Set.of();
    for (int i = 0; i < leaning.size(); i++) {
      long start = leaning.get(i).t();
      List<Member> window = new ArrayList<>();
      for (int j = i; j < leaning.size() && leaning.get(j).t() - start <= windowSeconds; j++) {
        window.add(leaning.get(j));
      }
      Set<String> accounts = new HashSet<>();
      Set<String> platforms = new HashSet<>();
      double sum = 0;
      int positive = 0;
      for (Member m : window) {
        accounts.add(m.platform() + ":" + m.account());
        platforms.add(m.platform());
        sum += m.smear();
        positive += m.positive() ? 1 : 0;
      }
      // Fans repeat an announcement for hours after it; a rebuttal posted during an attack does not count.
      boolean announced = official.stream().anyMatch(o -> o.t() >= start - windowSeconds && o.t() <= start);
      if (accounts.size() < minAccounts || platforms.size() < minPlatforms || sum / window.size() < mean
          || 2 * positive >= window.size() || announced) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      window.forEach(m -> keys.add(m.key()));
      // A window inside the previous burst adds nothing.
      if (!lastKeys.containsAll(keys)) {
        out.add(window);
        lastKeys = keys;
      }
    }
    return out;
  }

  static String describe(Result r, DetectSettings.Coordination s) {
    return String.format(java.util.Locale.ROOT, "posts in hostile bursts (%,d bursts: >= %d accounts on >= %d "
        + "platforms within %.0f h, mean smear leaning >= %.2f, among %,d (post, enterprise) rows leaning >= %.2f or "
        + "hostile, official posts included, about %,d enterprises; "
        + "%,d over burst-max-posts %d skipped)", r.bursts(), s.minAccounts(), s.minPlatforms(),
        s.burstWindowHours(), s.burstMean(), r.candidates(), s.burstEntry(), r.enterprises(), r.oversized(),
        s.burstMaxPosts());
  }
}
