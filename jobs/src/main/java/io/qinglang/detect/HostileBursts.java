package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import io.qinglang.spark.Checkpoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * positive (官宣, 恭喜, 感谢: the lexicon's positive words) is no burst; so is one where half the posts doubt
 * (是真的吗, 听说: people repeating a rumour in good faith) or where the leaning posts are under
 * {@code burst-share} of all the enterprise's posts (a busy enterprise's steady stream of complaints).
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
  record Member(long t, long docId, String key, String account, String platform, double smear, boolean leans,
      boolean positive, boolean doubting, boolean official) {}

  /** The edges ({@code src < dst}) and the member keys ({@code platform:post_id}) of every burst. */
  record Result(Dataset<Row> edges, Dataset<Row> memberKeys, long candidates, long leaning, long enterprises,
      long oversized, long bursts, long members) {}

  /** The largest probability of a {@link #SMEAR} category; {@code probabilities} is indexed by category. */
  static Column smearLeaning(Column probabilities) {
    Column[] ps = new Column[SMEAR.length];
    for (int i = 0; i < SMEAR.length; i++) {
      ps[i] = functions.element_at(probabilities, SMEAR[i] + 1);
    }
    return functions.greatest(ps);
  }

  /**
   * @param candidates {@code ent, t, doc_id, key, account, platform, smear, leans, positive, doubting, official}:
   *     one row per post and registry enterprise it names, t in epoch seconds; {@code leans} marks the
   *     smear-leaning posts, {@code official} the posts of the enterprise's own official accounts; an
   *     enterprise with more leaning and official rows than {@code burst-max-posts} is skipped (counted)
   */
  static Result find(Dataset<Row> candidates, DetectSettings.Coordination s, List<Dataset<Row>> cached) {
    long window = Math.max(1, Math.round(s.burstWindowHours() * 3600));
    int maxPosts = s.burstMaxPosts();
    int minAccounts = s.minAccounts();
    int minPlatforms = s.minPlatforms();
    double mean = s.burstMean();
    double share = s.burstShare();
    // Posts that neither lean nor come from the enterprise's own account only count against a window's share:
    // their times alone are kept (a number each, not a row of strings).
    Column loud = col("leans").or(col("official"));
    Dataset<Row> quietTimes = candidates.filter(functions.not(loud)).groupBy(col("ent").as("quiet_ent"))
        .agg(collect_list(col("t")).as("quiet"));
    // Only an enterprise with a leaning post can have a burst.
    Dataset<Row> byEnterprise = Checkpoints.local(candidates.filter(loud)
        .groupBy("ent").agg(collect_list(struct(col("t"), col("doc_id"), col("key"), col("account"), col("platform"),
            col("smear"), col("leans"), col("positive"), col("doubting"), col("official"))).as("members"),
            functions.max(col("leans").cast("int")).as("any_leans"))
        .filter(col("any_leans").equalTo(1))
        .join(quietTimes, col("ent").equalTo(col("quiet_ent")), "left")
        .select(col("ent"), col("members"), coalesce(col("quiet"), array()).as("quiet")));
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
                m.getDouble(5), m.getBoolean(6), m.getBoolean(7), m.getBoolean(8), m.getBoolean(9)));
          }
          List<Long> quietList = row.getList(2);
          long[] quietSeconds = quietList.stream().mapToLong(Long::longValue).toArray();
          List<Row> out = new ArrayList<>();
          List<List<Member>> windows = bursts(ms, quietSeconds, window, minAccounts, minPlatforms, mean, share);
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
    Row rows = candidates.agg(functions.count(functions.lit(1)),
        functions.sum(functions.when(col("leans"), 1).otherwise(0))).first();
    long leaning = rows.isNullAt(1) ? 0 : rows.getLong(1);
    return new Result(edges, keys, rows.getLong(0), leaning, enterprises, oversized, burstCount, memberCount);
  }

  /**
   * The bursts among one enterprise's posts: for each smear-leaning post, the smear-leaning posts of the
   * {@code windowSeconds} from it form a window that qualifies when they come from at least
   * {@code minAccounts} accounts on {@code minPlatforms} platforms, their mean leaning reaches {@code mean},
   * they are at least {@code share} of all the enterprise's posts in those seconds (official ones aside),
   * fewer than half read positive, fewer than half doubt, and no official member (the enterprise's own
   * account) posted in the {@code windowSeconds} before its start. Qualifying windows that share posts form one burst, their union
   * (linking each window's posts in time order links the union's). Official posts are never burst members.
   * One pass: the window's end only moves forward, so its accounts, platforms and sums are kept as it slides.
   *
   * @param members the enterprise's leaning and official posts (any others are ignored)
   * @param quietSeconds the times of its other posts, in any order
   */
  static List<List<Member>> bursts(List<Member> members, long[] quietSeconds, long windowSeconds, int minAccounts,
      int minPlatforms, double mean, double share) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(Member::t).thenComparing(Member::key));
    long[] official = sorted.stream().filter(Member::official).mapToLong(Member::t).toArray();
    List<Member> leaning = sorted.stream().filter(m -> m.leans() && !m.official()).toList();
    long[] others = quietSeconds.clone();
    Arrays.sort(others);
    int n = leaning.size();
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + leaning.get(i).smear();
    }
    Map<String, Integer> accounts = new HashMap<>();
    Map<String, Integer> platforms = new HashMap<>();
    int positive = 0;
    int doubting = 0;
    int end = 0; // the window is leaning[i, end)
    int nextOfficial = 0;
    int othersFrom = 0; // others[othersFrom, othersTo) fall in the window's seconds
    int othersTo = 0;
    List<List<Member>> out = new ArrayList<>();
    int burstStart = -1;
    int burstEnd = -1; // the burst being built is leaning[burstStart, burstEnd)
    for (int i = 0; i < n; i++) {
      long start = leaning.get(i).t();
      for (; end < n && leaning.get(end).t() - start <= windowSeconds; end++) {
        Member m = leaning.get(end);
        accounts.merge(m.platform() + ":" + m.account(), 1, Integer::sum);
        platforms.merge(m.platform(), 1, Integer::sum);
        positive += m.positive() ? 1 : 0;
        doubting += m.doubting() ? 1 : 0;
      }
      while (othersFrom < others.length && others[othersFrom] < start) {
        othersFrom++;
      }
      othersTo = Math.max(othersTo, othersFrom);
      while (othersTo < others.length && others[othersTo] - start <= windowSeconds) {
        othersTo++;
      }
      while (nextOfficial < official.length && official[nextOfficial] < start - windowSeconds) {
        nextOfficial++;
      }
      // Fans repeat an announcement for hours after it; a rebuttal posted during an attack does not count.
      boolean announced = nextOfficial < official.length && official[nextOfficial] <= start;
      int size = end - i;
      boolean qualifies = accounts.size() >= minAccounts && platforms.size() >= minPlatforms
          && (prefix[end] - prefix[i]) / size >= mean && size >= share * (size + othersTo - othersFrom)
          && 2 * positive < size && 2 * doubting < size && !announced;
      if (qualifies && burstStart >= 0 && i < burstEnd) {
        burstEnd = end;
      } else if (qualifies) {
        if (burstStart >= 0) {
          out.add(leaning.subList(burstStart, burstEnd));
        }
        burstStart = i;
        burstEnd = end;
      }
      Member leaving = leaning.get(i);
      accounts.computeIfPresent(leaving.platform() + ":" + leaving.account(), (k, c) -> c == 1 ? null : c - 1);
      platforms.computeIfPresent(leaving.platform(), (k, c) -> c == 1 ? null : c - 1);
      positive -= leaving.positive() ? 1 : 0;
      doubting -= leaving.doubting() ? 1 : 0;
    }
    if (burstStart >= 0) {
      out.add(leaning.subList(burstStart, burstEnd));
    }
    return out;
  }

  static String describe(Result r, DetectSettings.Coordination s) {
    return String.format(java.util.Locale.ROOT, "posts in hostile bursts (%,d bursts: >= %d accounts on >= %d "
        + "platforms within %.0f h, mean smear leaning >= %.2f, >= %.0f%% of the enterprise's posts in the window; "
        + "%,d of %,d (post, enterprise) rows leaning >= %.2f or hostile, about %,d enterprises with one; "
        + "%,d with more leaning or official posts than burst-max-posts %d skipped)", r.bursts(), s.minAccounts(),
        s.minPlatforms(), s.burstWindowHours(), s.burstMean(), 100 * s.burstShare(), r.leaning(), r.candidates(),
        s.burstEntry(), r.enterprises(), r.oversized(), s.burstMaxPosts());
  }
}
