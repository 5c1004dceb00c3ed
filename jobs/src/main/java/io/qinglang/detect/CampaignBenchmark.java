package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.PostsTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Benchmark of the coordinated-campaign detector: generates N posts in the posts schema on the
 * executors (background text from real corpora when given, else pseudo-text), injects campaigns of
 * known kind, runs {@link CampaignDetector} and prints the time and size of each stage, the total,
 * and how well the injected campaigns were found.
 *
 * <p>Injected campaigns (each {@code campaignPosts} posts, lightly edited copies of one text made of
 * two corpus lines around an enterprise name and a short hostile or friendly phrase: a
 * prefix such as 转发：, a deleted or inserted character, changed punctuation, an emoji code, a link):
 * attacks (60%: negative text naming a registry enterprise, distinct accounts on three platforms
 * within six hours), fan reposts (20%: positive text, first posted by an official account) and slow
 * copies (20%: the negative text, one post every three days). Only attacks should be flagged.
 * Background posts are three random corpus lines joined, on random platforms and accounts over 90
 * days.
 */
public final class CampaignBenchmark {
  private CampaignBenchmark() {}

  /** Run parameters. */
  public record Options(long posts, int campaigns, int campaignPosts, List<Path> background, long seed,
      int partitions) implements Serializable {}

  private static final String[] PLATFORMS = {"weibo", "douyin", "kuaishou", "wechat", "zhihu", "toutiao",
      "xiaohongshu", "bilibili", "tieba", "baidu", "web"};
  /** Short hostile phrases; a campaign's text is two corpus lines around the enterprise name and one of these. */
  private static final String[] NEGATIVE = {
      "的产品太垃圾了，大家千万别买", "就是骗子，抵制到底", "资金链断了老板要跑路，赶紧去退款", "偷税漏税的黑心企业滚出市场",
      "的东西有毒，厂家一直在隐瞒", "欠薪压榨员工，无良企业", "割韭菜的骗局，别当韭菜", "质量劣质还不给退，奸商"};
  private static final String[] POSITIVE = {
      "新品发布会圆满成功，恭喜，感谢支持", "向灾区捐赠物资，致敬，点赞", "荣获年度大奖，骄傲，加油"};
  private static final String[] PREFIX = {"", "", "转发：", "扩散！", "紧急！", "#热点# ", "【曝光】"};
  private static final String[] SUFFIX = {"", "", "[怒]", " https://t.cn/A6x", "#避雷#", "！！", "[吃瓜]"};
  /** Used only when no background corpus is given. */
  private static final String CHARS = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可"
      + "下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期"
      + "它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将"
      + "月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马"
      + "光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快";

  /** The schema of generated posts: the posts table plus {@code truth} (campaign kind and id, null for background). */
  static final StructType SCHEMA = PostsTable.SCHEMA.add("truth", DataTypes.StringType, true);

  public static void run(SparkSession spark, EnterpriseRegistry registry, DetectorResources resources, Options o,
      ZoneId zone, PrintWriter out) {
    List<String> lines = background(o.background());
    out.printf(Locale.ROOT, "background: %,d lines%s%n", lines.size(),
        o.background().isEmpty() ? " of pseudo-text (no --background given)" : " from " + o.background());
    List<String[]> targets = new ArrayList<>();
    for (Enterprise e : registry.enterprises()) {
      String name = e.shortNames().isEmpty() ? e.name() : e.shortNames().get(0);
      String official = e.officialAccounts().isEmpty() ? null : e.officialAccounts().get(0);
      targets.add(new String[] {name, official});
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<String>> bcLines = jsc.broadcast(lines);
    Broadcast<List<String[]>> bcTargets = jsc.broadcast(targets);
    long injected = (long) o.campaigns() * o.campaignPosts();
    long backgroundPosts = Math.max(0, o.posts() - injected);
    int partitions = o.partitions();
    long seed = o.seed();
    int perCampaign = o.campaignPosts();
    long t0 = System.nanoTime();
    Dataset<Row> posts = spark.range(0, backgroundPosts + injected, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) ids -> {
          List<String> bg = bcLines.value();
          List<String[]> tg = bcTargets.value();
          List<Row> rows = new ArrayList<>();
          while (ids.hasNext()) {
            long i = ids.next();
            rows.add(i < backgroundPosts ? backgroundPost(i, seed, bg)
                : campaignPost(i - backgroundPosts, perCampaign, seed, tg, bg));
          }
          Iterator<Row> it = rows.iterator();
          return it;
        }, Encoders.row(SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long n = posts.count();
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "generated %,d posts (%,d in %d injected campaigns of %d) in %.1f s%n%n", n, injected,
        o.campaigns(), perCampaign, genSeconds);
    out.println("stage           wall   task CPU          rows");
    out.flush();
    TaskCpuMeter meter = TaskCpuMeter.attach(spark);
    CampaignDetector detector = CampaignDetector.of(resources, registry).withCpuMeter(meter);
    long t1 = System.nanoTime();
    CampaignDetector.Result r = detector.detect(posts, "bench", Instant.now(), line -> {
      out.println(line);
      out.flush();
    });
    double detectSeconds = (System.nanoTime() - t1) / 1e9;
    double cpu = r.timings().stream().mapToDouble(CampaignDetector.StageTiming::cpuSeconds).sum();
    try {
      out.printf(Locale.ROOT, "%ntotal detection %.1f s wall, %.1f s task CPU, for %,d posts (%,.0f posts/s wall, "
              + "%,.0f posts per task CPU second); candidate pairs %,d; verified pairs %,d%n", detectSeconds, cpu, n,
          n / detectSeconds, n / cpu, r.counts().get("candidate_pairs"), r.counts().get("similar_pairs"));
      Dataset<Row> flagged = r.memberEvidence().select("platform", "post_id").withColumn("flagged", lit(true));
      Row q = posts.select("platform", "post_id", "truth")
          .join(flagged, new String[] {"platform", "post_id"}, "left")
          .agg(
              sum(when(col("truth").startsWith("attack"), 1).otherwise(0)),
              sum(when(col("truth").startsWith("attack").and(col("flagged").isNotNull()), 1).otherwise(0)),
              sum(when(col("flagged").isNotNull(), 1).otherwise(0)),
              sum(when(col("truth").startsWith("fans").and(col("flagged").isNotNull()), 1).otherwise(0)),
              sum(when(col("truth").startsWith("slow").and(col("flagged").isNotNull()), 1).otherwise(0)),
              sum(when(col("truth").isNull().and(col("flagged").isNotNull()), 1).otherwise(0)),
              countDistinct(when(col("truth").startsWith("attack").and(col("flagged").isNotNull()), col("truth"))),
              countDistinct(when(col("truth").startsWith("attack"), col("truth"))))
          .first();
      long attackPosts = q.getLong(0);
      long found = q.getLong(1);
      long flaggedAll = q.getLong(2);
      out.printf(Locale.ROOT, "attack posts flagged: %,d of %,d (recall %.1f%%); flagged posts that are attacks: "
              + "%,d of %,d (precision %s)%n", found, attackPosts, attackPosts == 0 ? 0.0 : 100.0 * found / attackPosts,
          found, flaggedAll, flaggedAll == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * found / flaggedAll));
      out.printf(Locale.ROOT, "attack campaigns with flagged posts: %d of %d; flagged: fan-repost posts %d, slow-copy "
          + "posts %d, background posts %d%n", q.getLong(6), q.getLong(7), q.getLong(3), q.getLong(4), q.getLong(5));
      List<Row> falseFlags = posts.filter(col("truth").isNull().or(col("truth").startsWith("attack").unary_$bang()))
          .join(r.memberEvidence(), new String[] {"platform", "post_id"})
          .select(col("post_id"), col("platform"), col("account_id"), col("published_at"), col("content"),
              col(CampaignDetector.COLUMN).getItem(0).getField("detail").as("detail"))
          .orderBy("detail", "published_at").limit(6).collectAsList();
      for (Row f : falseFlags) {
        out.printf(Locale.ROOT, "  false flag %s %s:%s %s %s%n    %s%n", f.getString(0), f.getString(1), f.getString(2),
            f.get(3), DetectJob.abbreviate(PersonalDataMasker.mask(f.getString(4)), 100), f.getString(5));
      }
      out.flush();
    } finally {
      meter.detach(spark);
      r.release();
      posts.unpersist();
    }
  }

  private static Row backgroundPost(long i, long seed, List<String> lines) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
    String text = lines.get(rnd.nextInt(lines.size())) + "，" + lines.get(rnd.nextInt(lines.size())) + "。"
        + lines.get(rnd.nextInt(lines.size()));
    long at = Instant.parse("2023-05-01T00:00:00Z").getEpochSecond() + rnd.nextLong(90L * 86400);
    return row("bg-" + i, PLATFORMS[rnd.nextInt(PLATFORMS.length)], "u" + rnd.nextInt(300_000), at, text, null);
  }

  private static Row campaignPost(long j, int perCampaign, long seed, List<String[]> targets, List<String> lines) {
    long campaign = j / perCampaign;
    int member = (int) (j % perCampaign);
    SplittableRandom c = new SplittableRandom(seed * 7_777_777L + campaign);
    int kind = c.nextInt(10); // 0-5 attack, 6-7 fans, 8-9 slow
    String[] target = targets.get(c.nextInt(targets.size()));
    String name = target[0];
    String base;
    String truth;
    String around1 = lines.get(c.nextInt(lines.size()));
    String around2 = lines.get(c.nextInt(lines.size()));
    if (kind <= 5) {
      base = around1 + "，" + name + NEGATIVE[c.nextInt(NEGATIVE.length)] + "，" + around2;
      truth = "attack-" + campaign;
    } else if (kind <= 7) {
      base = around1 + "，" + name + POSITIVE[c.nextInt(POSITIVE.length)] + "，" + around2;
      truth = "fans-" + campaign;
    } else {
      base = around1 + "，" + name + NEGATIVE[c.nextInt(NEGATIVE.length)] + "，" + around2;
      truth = "slow-" + campaign;
    }
    long start = Instant.parse("2023-05-01T00:00:00Z").getEpochSecond() + c.nextLong(80L * 86400);
    String[] platforms = {PLATFORMS[c.nextInt(4)], PLATFORMS[4 + c.nextInt(4)], PLATFORMS[8 + c.nextInt(3)]};
    SplittableRandom m = new SplittableRandom(seed * 31L + j);
    long at = kind >= 8 ? start + member * 3L * 86400 : start + m.nextLong(6L * 3600);
    String account = "cmp" + campaign + "_" + member;
    String text = base;
    if (kind == 6 || kind == 7) {
      if (member == 0 && target[1] != null) {
        String[] official = target[1].split(":", 2);
        return row("cp-" + j, official[0], official[1], start - 600, text, truth);
      }
      text = (m.nextBoolean() ? "转发：" : "") + text;
    } else {
      text = edit(text, m);
    }
    return row("cp-" + j, platforms[member % 3], account, at, text, truth);
  }

  /** A light edit: prefix, one deleted and one inserted character, punctuation, suffix. */
  static String edit(String text, SplittableRandom r) {
    StringBuilder b = new StringBuilder(PREFIX[r.nextInt(PREFIX.length)]).append(text);
    if (b.length() > 10) {
      b.deleteCharAt(5 + r.nextInt(b.length() - 6));
      b.insert(5 + r.nextInt(b.length() - 6), "啊呀吧呢了的".charAt(r.nextInt(6)));
    }
    String s = b.toString();
    if (r.nextBoolean()) {
      s = s.replaceFirst("，", "！");
    }
    return s + SUFFIX[r.nextInt(SUFFIX.length)];
  }

  private static Row row(String id, String platform, String account, long epochSecond, String content, String truth) {
    Timestamp at = new Timestamp(epochSecond * 1000);
    return RowFactory.create(id, platform, "post", account, null, at,
        Date.valueOf(at.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()), null, content, null, null, null,
        null, null, null, null, "bench", "bench", at, at, "h", truth);
  }

  /** Lines of the background files (the longest field with Chinese text of each line), or pseudo-text. */
  static List<String> background(List<Path> files) {
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      try {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String best = "";
          for (String field : line.split("[\t,]")) {
            String v = field.strip().replace("\"", "");
            if (v.length() > best.length() && v.codePoints().anyMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
              best = v;
            }
          }
          if (best.length() >= 6) {
            lines.add(best);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read background file " + f, e);
      }
    }
    if (lines.isEmpty()) {
      SplittableRandom r = new SplittableRandom(11);
      for (int i = 0; i < 50_000; i++) {
        StringBuilder b = new StringBuilder();
        int len = 8 + r.nextInt(25);
        for (int k = 0; k < len; k++) {
          // Zipf-like: low indexes (frequent characters) are drawn more often.
          int idx = (int) Math.floor(Math.pow(r.nextDouble(), 2.2) * CHARS.length());
          b.append(CHARS.charAt(idx));
        }
        lines.add(b.toString());
      }
    }
    return lines;
  }
}
