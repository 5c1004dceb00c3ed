package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.delta.tables.DeltaTable;
import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.CampaignSummaryTable;
import io.qinglang.table.ClueReferralsTable;
import io.qinglang.table.DeltaTableSpec;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.EnterpriseExposureTable;
import io.qinglang.table.HandlingTimelinessTable;
import io.qinglang.table.PlatformDailyStatsTable;
import io.qinglang.table.PlatformQuarterlyMetricsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.StatisticsTable;
import io.qinglang.table.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The aggregate job: reads one model version's rows of {@code post_violations} (plus {@code posts},
 * {@code disposals} and {@code coordination_clusters} when present), each at one pinned Delta version,
 * and replaces the period's rows of the five statistics tables. The input versions and the version
 * written to each table are recorded in job_runs.details, so any published figure can be read back
 * exactly with Delta time travel.
 */
public final class AggregateJob {
  private static final Logger LOG = LogManager.getLogger(AggregateJob.class);
  /** The post_violations columns statistics read. */
  static final String[] SCORED_COLUMNS = {"platform", "post_id", "account_id", "account_name", "published_at",
      "published_date", "category", "confidence", "needs_review", "enterprise_ids", "evidence", "reach"};

  private AggregateJob() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
      StatisticsSettings settings, AggregatePeriod period, String requestedModel) {
    Warehouse warehouse = new Warehouse(config.warehouse());
    PostViolationsTable violationsTable = new PostViolationsTable();
    if (!violationsTable.exists(spark, warehouse)) {
      throw new ConfigException("table post_violations does not exist in " + warehouse.location()
          + ": run score first");
    }
    Map<String, String> details = new LinkedHashMap<>();
    long violationsVersion = latestVersion(spark, violationsTable.path(warehouse));
    Dataset<Row> violations = readAt(spark, violationsTable.path(warehouse), violationsVersion);
    String model = PostViolationsTable.modelVersion(violations, requestedModel);
    details.put("model_version", model);
    details.put("period", period.toString());
    details.put("input.post_violations.version", String.valueOf(violationsVersion));
    LOG.info("aggregating model version {} for {} (post_violations version {})", model, period, violationsVersion);

    Dataset<Row> scoredAll = violations.filter(col("model_version").equalTo(model)).selectExpr(SCORED_COLUMNS);
    Dataset<Row> scored = scoredAll.filter(period.quarterData(col("published_date")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long read = scored.count();
      Dataset<Row> categories = categories(spark, config);
      Dataset<Row> enterprises = registryFrame(spark, registry);

      Long postsVersion = versionIfExists(spark, new PostsTable(), warehouse, "posts", details);
      Dataset<Row> posts = postsVersion == null ? new PostsTable().readOrEmpty(spark, warehouse)
          : readAt(spark, new PostsTable().path(warehouse), postsVersion);
      Dataset<Row> clues = clues(spark, warehouse, period, config.timeZone(), details);
      String clustersPath = warehouse.tablePath(CoordinationClusters.TABLE);
      Long clustersVersion = DeltaTable.isDeltaTable(spark, clustersPath) ? latestVersion(spark, clustersPath) : null;
      details.put("input.coordination_clusters.version", clustersVersion == null ? "absent"
          : String.valueOf(clustersVersion));
      Dataset<Row> clusters = CoordinationClusters.read(spark, warehouse, clustersVersion);
      Dataset<Row> flagged = scoredAll.filter(col("category").gt(0)).select("platform", "post_id").distinct();

      List<Written> written = new ArrayList<>();
      Step step = new Step(spark, warehouse, details, written);

      Dataset<Row> daily = DailyStats.compute(scored.filter(period.dates(col("published_date"))), categories, model);
      step.write(new PlatformDailyStatsTable(), daily, period.datePredicate("published_date"));

      // Small (a row per quarter and platform) and read twice: computed once.
      Dataset<Row> timeliness = HandlingTimeliness.compute(clues, flagged, model, "platform")
          .persist(StorageLevel.MEMORY_AND_DISK());
      step.write(new HandlingTimelinessTable(), timeliness, period.quarterPredicate("quarter"));

      Dataset<Row> inQuarters = scored.filter(period.quarterData(col("published_date")));
      Dataset<Row> quarterly = QuarterlyMetrics.compute(inQuarters, categories, enterprises,
              CoordinationClusters.counts(spark, clusters, config.timeZone(), true), timeliness,
              settings.topEnterprises(), model)
          .filter(period.quarters(col("quarter")));
      step.write(new PlatformQuarterlyMetricsTable(), quarterly, period.quarterPredicate("quarter"));

      Dataset<Row> exposure = EnterpriseExposure.compute(scored.filter(period.weekData(col("published_date"))),
          enterprises, categories, model);
      step.write(new EnterpriseExposureTable(), exposure, period.weekPredicate("week_start"));

      Dataset<Row> quarterScored = inQuarters.filter(period.quarters(Quarters.of(col("published_date"))));
      Dataset<Row> cases = TypicalCases.compute(quarterScored,
          posts.filter(period.quarterData(col("published_date"))), categories, settings.typicalCases(),
          settings.typicalCasesPerCategory(), settings.excerptLength());
      Dataset<Row> summary = CampaignSummary.compute(inQuarters, categories, enterprises,
              CoordinationClusters.counts(spark, clusters, config.timeZone(), false),
              HandlingTimeliness.compute(clues, flagged, model), cases, model)
          .filter(period.quarters(col("quarter")));
      step.write(new CampaignSummaryTable(), summary, period.quarterPredicate("quarter"));

      long scannedInPeriod = scored.filter(period.dates(col("published_date"))).count();
      checkDailyCounts(spark, warehouse, written.get(0).version(), period, scannedInPeriod);
      details.put("posts_scanned", String.valueOf(scannedInPeriod));
      long notScored = posts.filter(period.dates(col("published_date"))).select("platform", "post_id")
          .join(scoredAll.select("platform", "post_id"), new String[] {"platform", "post_id"}, "left_anti").count();
      details.put("posts_not_scored", String.valueOf(notScored));
      if (notScored > 0) {
        LOG.warn("{} posts of the period in posts have no post_violations row for model version {}: they are not "
            + "counted; run score to include them", notScored, model);
      }
      timeliness.unpersist();
      long rows = written.stream().mapToLong(Written::rows).sum();
      return JobStats.written(read, rows, details);
    } finally {
      scored.unpersist();
    }
  }

  /**
   * The clues handling timeliness counts, referred in the quarters of the period, with the columns
   * {@link HandlingTimeliness#compute} reads (platform, post_id, referred_at, referred_date, handled_at,
   * action). The one place that says where clues come from: the platform referrals of clue_referrals
   * ({@link HandlingTimeliness#platformReferrals}: the time to handle runs from the referral) once
   * route has written it, the disposals table before that; each read at its latest version (recorded
   * in details as input.clue_referrals.version / input.disposals.version, and timeliness_source);
   * empty when neither exists.
   */
  static Dataset<Row> clues(SparkSession spark, Warehouse warehouse, AggregatePeriod period,
      java.time.ZoneId zone, Map<String, String> details) {
    ClueReferralsTable referrals = new ClueReferralsTable();
    Long referralsVersion = versionIfExists(spark, referrals, warehouse, "clue_referrals", details);
    DisposalsTable table = new DisposalsTable();
    Long version = versionIfExists(spark, table, warehouse, "disposals", details);
    Dataset<Row> disposals;
    if (referralsVersion != null) {
      disposals = HandlingTimeliness.platformReferrals(readAt(spark, referrals.path(warehouse), referralsVersion),
          zone);
    } else {
      disposals = version == null ? table.readOrEmpty(spark, warehouse) : readAt(spark, table.path(warehouse), version);
    }
    details.put("timeliness_source", referralsVersion != null ? "clue_referrals" : "disposals");
    return disposals.filter(period.quarters(Quarters.of(col("referred_date"))))
        .select("platform", "post_id", "referred_at", "referred_date", "handled_at", "action");
  }

  /** What one table write did. */
  record Written(String table, long version, long rows) {}

  /** Writes the tables one by one, logging progress and recording versions. */
  private record Step(SparkSession spark, Warehouse warehouse, Map<String, String> details, List<Written> written) {
    void write(StatisticsTable table, Dataset<Row> rows, String predicate) {
      long started = System.nanoTime();
      StatisticsTable.Written w = table.replace(spark, warehouse, rows, predicate);
      long version = w.version();
      long count = w.rows();
      written.add(new Written(table.name(), version, count));
      details.put(table.name() + ".version", String.valueOf(version));
      details.put(table.name() + ".rows_written", String.valueOf(count));
      LOG.info("{}/5 {}: {} rows written as version {} ({} replaced) in {} s", written.size(), table.name(), count,
          version, predicate == null ? "whole table" : predicate,
          String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }
  }

  /** Every category 0..10 with its display name from the configuration. */
  static Dataset<Row> categories(SparkSession spark, QinglangConfig config) {
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c <= 10; c++) {
      rows.add(RowFactory.create(c, config.categoryName(c)));
    }
    return spark.createDataFrame(rows, new StructType().add("category", DataTypes.IntegerType, false)
        .add("category_name", DataTypes.StringType, false));
  }

  /** The registry in force as a small frame: enterprise_id, enterprise_name, ownership, region, industry. */
  static Dataset<Row> registryFrame(SparkSession spark, EnterpriseRegistry registry) {
    List<Row> rows = new ArrayList<>();
    for (Enterprise e : registry.enterprises()) {
      String ownership = e.ownership() == null ? null : e.ownership().id();
      rows.add(RowFactory.create(e.enterpriseId(), e.name(), ownership, e.region(), e.industry()));
    }
    return spark.createDataFrame(rows, new StructType().add("enterprise_id", DataTypes.StringType, false)
        .add("enterprise_name", DataTypes.StringType).add("ownership", DataTypes.StringType)
        .add("region", DataTypes.StringType).add("industry", DataTypes.StringType));
  }

  /** The eleven category rows of the period must add up to the scored posts of the period. */
  private static void checkDailyCounts(SparkSession spark, Warehouse warehouse, long version, AggregatePeriod period,
      long scanned) {
    Row r = readAt(spark, new PlatformDailyStatsTable().path(warehouse), version)
        .filter(period.dates(col("published_date")))
        .agg(sum("posts_in_category")).first();
    long counted = r.isNullAt(0) ? 0 : r.getLong(0);
    if (counted != scanned) {
      throw new IllegalStateException("platform_daily_stats counts " + counted + " posts for " + period + " but "
          + scanned + " were scored");
    }
  }

  private static Long versionIfExists(SparkSession spark, DeltaTableSpec table, Warehouse warehouse, String name,
      Map<String, String> details) {
    Long version = table.exists(spark, warehouse) ? latestVersion(spark, table.path(warehouse)) : null;
    details.put("input." + name + ".version", version == null ? "absent" : String.valueOf(version));
    return version;
  }

  static long latestVersion(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
  }

  static Dataset<Row> readAt(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }
}
