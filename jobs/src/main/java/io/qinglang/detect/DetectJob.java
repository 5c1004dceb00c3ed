package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code detect} job: runs the evidence detectors over the {@code posts} table (optionally a
 * date range and a platform), writes {@code coordination_clusters} and prints what was found, per
 * detector and kind, with a few examples (personal data masked). It does not write
 * {@code post_violations}: the {@code score} job runs the same detectors and fuses their evidence
 * with the classifier's output there.
 */
public final class DetectJob {
  private static final Logger LOG = LogManager.getLogger(DetectJob.class);

  /** What to scan and what to print. */
  public record Options(LocalDate from, LocalDate to, String platform, boolean campaigns, int examples) {}

  private DetectJob() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
      DetectorResources resources, Options options, String runId, Instant now, PrintWriter out) {
    Warehouse warehouse = new Warehouse(config.warehouse());
    PostsTable postsTable = new PostsTable();
    if (!postsTable.exists(spark, warehouse)) {
      throw new io.qinglang.config.ConfigException("no posts table in " + warehouse.location()
          + " (run ingest first)");
    }
    Dataset<Row> posts = postsTable.read(spark, warehouse);
    if (options.from() != null) {
      posts = posts.filter(col("published_date").geq(Date.valueOf(options.from())));
    }
    if (options.to() != null) {
      posts = posts.filter(col("published_date").leq(Date.valueOf(options.to())));
    }
    if (options.platform() != null) {
      posts = posts.filter(col("platform").equalTo(options.platform()));
    }
    posts = posts.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long scanned = posts.count();
      out.printf(Locale.ROOT, "scanning %,d posts%s%n", scanned, describe(options));
      out.flush();
      PostDetectors detectors = PostDetectors.of(resources, registry);
      Set<String> official = detectors.officialContacts(posts);
      LOG.info("{} contact values published by official accounts", official.size());
      Dataset<Row> evidence = detectors.withEvidence(posts, official)
          .select(col("platform"), col("post_id"), col("content_type"),
              // Registry facts (a registered official account) are not findings: left out of the counts.
              functions.filter(concat(PostDetectors.PER_POST_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new)),
                  e -> e.getField("source").notEqual(Evidence.REGISTRY)).as("ev"))
          .filter(size(col("ev")).gt(0))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Map<String, String> details = new LinkedHashMap<>();
      long flaggedPosts;
      try {
        flaggedPosts = evidence.count();
        Dataset<Row> items = evidence.select(col("platform"), col("post_id"), explode(col("ev")).as("e"));
        out.println();
        out.println("per-post detectors (evidence at or above the report score; fusion flags at "
            + resources.settings().fusion().flagScore() + "):");
        List<Row> byKind = items.groupBy(col("e.source").as("source"), col("e.kind").as("kind"))
            .agg(count(lit(1)).as("n"),
                sum(when(
                    col("e.score").geq(resources.settings().fusion().flagScore()), 1).otherwise(0)).as("strong"))
            .orderBy("source", "kind").collectAsList();
        out.printf(Locale.ROOT, "  %-14s %-18s %10s %10s%n", "source", "kind", "evidence", "strong");
        for (Row r : byKind) {
          out.printf(Locale.ROOT, "  %-14s %-18s %,10d %,10d%n", r.getString(0), r.getString(1), r.getLong(2),
              r.getLong(3));
          details.put(r.getString(0) + "." + r.getString(1), String.valueOf(r.getLong(2)));
        }
        if (options.examples() > 0) {
          for (Row r : byKind) {
            out.printf("%nexamples of %s/%s:%n", r.getString(0), r.getString(1));
            for (Row x : items.filter(col("e.source").equalTo(r.getString(0)).and(col("e.kind").equalTo(r.getString(1))))
                .orderBy(col("e.score").desc(), col("platform"), col("post_id")).limit(options.examples())
                .collectAsList()) {
              Row e = x.getStruct(2);
              out.printf(Locale.ROOT, "  %s:%s  %.2f  %s  | %s%n", x.getString(0), x.getString(1),
                  e.isNullAt(6) ? 0.0 : e.getDouble(6), e.isNullAt(3) ? "" : PersonalDataMasker.mask(e.getString(3)),
                  PersonalDataMasker.mask(e.getString(2)));
            }
          }
        }
      } finally {
        evidence.unpersist();
      }
      details.put("posts_with_evidence", String.valueOf(flaggedPosts));
      out.flush();

      long clusters = 0;
      if (options.campaigns()) {
        out.println();
        out.println("coordinated campaigns (stage, time, rows):");
        CampaignDetector.Result r = CampaignDetector.of(resources, registry).detect(posts, runId, now, line -> {
          out.println("  " + line);
          out.flush();
        });
        try {
          CoordinationClustersTable table = new CoordinationClustersTable();
          Instant from = options.from() == null ? null : options.from().atStartOfDay(config.timeZone()).toInstant();
          Instant to = options.to() == null ? null
              : options.to().plusDays(1).atStartOfDay(config.timeZone()).toInstant();
          table.replace(spark, warehouse, r.clusters(), from, to);
          clusters = r.counts().getOrDefault("clusters", 0L);
          r.counts().forEach((k, v) -> details.put("campaigns." + k, String.valueOf(v)));
          out.printf(Locale.ROOT, "%n%,d clusters written to %s, %,d of them attacks (%,d member posts)%n", clusters,
              CoordinationClustersTable.NAME, r.counts().getOrDefault("attack_clusters", 0L),
              r.counts().getOrDefault("attack_posts", 0L));
          for (Row c : r.clusters().filter(col("is_attack")).orderBy(col("posts").desc(), col("cluster_id"))
              .limit(Math.max(0, options.examples())).collectAsList()) {
            out.printf(Locale.ROOT, "  %s  %d posts  %s%n    %s%n", c.getAs("cluster_id"), (long) c.getAs("posts"),
                c.getAs("reason"), abbreviate(c.getAs("representative_text"), 120));
          }
        } finally {
          r.release();
        }
      }
      out.flush();
      return new JobStats(scanned, clusters, 0, 0, 0, 0, details);
    } finally {
      posts.unpersist();
    }
  }

  private static String describe(Options o) {
    StringBuilder b = new StringBuilder();
    if (o.from() != null || o.to() != null) {
      b.append(" published ").append(o.from() == null ? "..." : o.from()).append(" to ")
          .append(o.to() == null ? "..." : o.to());
    }
    if (o.platform() != null) {
      b.append(" on ").append(o.platform());
    }
    return b.toString();
  }

  static String abbreviate(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
