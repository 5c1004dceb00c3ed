package io.qinglang.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ModelStore;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The score job: posts (optionally one platform, one date range) through the scoring pipeline into
 * post_violations, MERGE on (platform, post_id, model_version), so scoring again replaces rows.
 */
public final class ScoreJob {
  private static final Logger LOG = LogManager.getLogger(ScoreJob.class);

  /** Command-line choices; null means "all". */
  public record Options(String model, LocalDate from, LocalDate to, String platform) {}

  private ScoreJob() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, Warehouse warehouse, String runId,
      Instant started, Options options, PrintWriter out) {
    ModelStore store = new ModelStore(config.modelDir(), spark.sparkContext().hadoopConfiguration());
    ModelStore.LoadedModel model = store.load(spark, store.resolve(options.model()));
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    noteRegistry(model, registry);
    PostsTable postsTable = new PostsTable();
    if (!postsTable.exists(spark, warehouse)) {
      throw new ConfigException("the warehouse " + warehouse.location() + " has no posts table: run ingest first");
    }
    Dataset<Row> posts = select(postsTable.read(spark, warehouse), options);
    LOG.info("scoring posts{} with model {} ({})", describe(options), model.version(), model.dir());
    ScoringContext ctx = new ScoringContext(spark, config, registry, model, runId, started);
    ScoringPipeline pipeline = ScoringPipelines.standard();
    PostViolationsTable table = new PostViolationsTable();
    Map<String, Long> campaignCounts = Map.of();
    try {
      table.merge(spark, warehouse, pipeline.score(posts, ctx));
      for (EvidenceContributor c : pipeline.contributors()) {
        if (c instanceof CampaignEvidence campaigns && campaigns.clusters().isPresent()) {
          writeClusters(spark, config, warehouse, campaigns.clusters().get(), options);
          campaignCounts = campaigns.counts();
        }
      }
    } finally {
      pipeline.release();
    }

    Dataset<Row> written = table.read(spark, warehouse).filter(col("run_id").equalTo(runId));
    List<Row> perCategory = written.groupBy(col("category"), col("category_name"))
        .agg(count(lit(1)).as("n"), sum(when(col("needs_review"), 1L).otherwise(0L)).as("review"))
        .orderBy(col("category")).collectAsList();
    long total = 0;
    long flagged = 0;
    long review = 0;
    out.println("model " + model.version() + "; posts per category:");
    for (Row r : perCategory) {
      long n = r.getLong(2);
      total += n;
      if (r.getInt(0) != 0) {
        flagged += n;
      }
      review += r.getLong(3);
      out.printf(Locale.ROOT, "  %2d %-12d %s%n", r.getInt(0), n, r.getString(1));
    }
    out.printf(Locale.ROOT, "scored %d posts: %d flagged, %d left at 0 for review%n", total, flagged, review);
    if (!campaignCounts.isEmpty()) {
      out.printf(Locale.ROOT, "coordinated campaigns: %d clusters, %d of them attacks (%d posts), written to %s%n",
          campaignCounts.getOrDefault("clusters", 0L), campaignCounts.getOrDefault("attack_clusters", 0L),
          campaignCounts.getOrDefault("attack_posts", 0L), CoordinationClustersTable.NAME);
    }
    out.flush();
    return new JobStats(total, total, 0, 0, 0, 0, Map.of())
        .withDetail("model_version", model.version())
        .withDetail("flagged", flagged)
        .withDetail("needs_review", review);
  }

  /** Replaces the clusters of the scored period (all of them without --from/--to) in coordination_clusters. */
  static void writeClusters(SparkSession spark, QinglangConfig config, Warehouse warehouse, Dataset<Row> clusters,
      Options o) {
    Instant from = o.from() == null ? null : o.from().atStartOfDay(config.timeZone()).toInstant();
    Instant to = o.to() == null ? null : o.to().plusDays(1).atStartOfDay(config.timeZone()).toInstant();
    new CoordinationClustersTable().replace(spark, warehouse, clusters, from, to);
  }

  static Dataset<Row> select(Dataset<Row> posts, Options o) {
    Dataset<Row> p = posts;
    if (o.from() != null) {
      p = p.filter(col("published_date").geq(lit(java.sql.Date.valueOf(o.from()))));
    }
    if (o.to() != null) {
      p = p.filter(col("published_date").leq(lit(java.sql.Date.valueOf(o.to()))));
    }
    if (o.platform() != null) {
      p = p.filter(col("platform").equalTo(o.platform()));
    }
    return p;
  }

  static void noteRegistry(ModelStore.LoadedModel model, EnterpriseRegistry registry) {
    Object trained = model.metadata().get("registry");
    if (trained instanceof Map<?, ?> m && !registry.fingerprint().equals(m.get("fingerprint"))) {
      LOG.info("the registry in force ({}, {} enterprises) differs from the one the model was trained with ({}): "
          + "names and <ENT> follow the registry in force", registry.source(), registry.size(), m.get("source"));
    }
  }

  private static String describe(Options o) {
    StringBuilder sb = new StringBuilder();
    if (o.platform() != null) {
      sb.append(" on ").append(o.platform());
    }
    if (o.from() != null || o.to() != null) {
      sb.append(" published ").append(o.from() == null ? "..." : o.from()).append(" to ")
          .append(o.to() == null ? "..." : o.to());
    }
    return sb.toString();
  }
}
