package io.qinglang.route;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.ClueReferralsTable;
import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The route job: makes clues from one model version's flagged posts (with coordination_clusters,
 * posts, the registry and the disposals received), routes them by the configured rules, and merges
 * them into {@code clue_referrals}; with an export directory it also marks the period's clues
 * referred and writes one CSV and one XLSX per destination.
 */
public final class RouteJob {
  static final String[] SCORED_COLUMNS = {"platform", "post_id", "content_type", "account_id", "account_name",
      "published_at", "published_date", "category", "confidence", "needs_review", "enterprise_ids", "evidence",
      "reach"};

  private RouteJob() {}

  /** What one run asks for. {@code from}/{@code to} bound the clue's first publication date (null: open). */
  public record Request(LocalDate from, LocalDate to, String modelVersion, Path exportDir) {
    public Request {
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from);
      }
    }

    String describe() {
      return (from == null ? "the beginning" : from.toString()) + " .. " + (to == null ? "the end" : to.toString());
    }

    /** The period as a SQL predicate over first_published_date with the given table alias. */
    String predicate(String alias) {
      List<String> parts = new ArrayList<>();
      if (from != null) {
        parts.add(alias + "first_published_date >= date'" + from + "'");
      }
      if (to != null) {
        parts.add(alias + "first_published_date <= date'" + to + "'");
      }
      return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }
  }

  public static JobStats run(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
      RoutingSettings settings, Request request, String runId, Instant now, Consumer<String> progress) {
    Warehouse warehouse = new Warehouse(config.warehouse());
    PostViolationsTable violationsTable = new PostViolationsTable();
    if (!violationsTable.exists(spark, warehouse)) {
      throw new ConfigException("table post_violations does not exist in " + warehouse.location()
          + ": run score first");
    }
    Dataset<Row> violations = violationsTable.read(spark, warehouse);
    String model = PostViolationsTable.modelVersion(violations, request.modelVersion());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("model_version", model);
    details.put("period", request.describe());
    details.put("jurisdiction", settings.provinces().isEmpty() ? "national"
        : String.join(",", new java.util.TreeSet<>(settings.provinces())));
    Dataset<Row> scored = violations.filter(col("model_version").equalTo(model)).selectExpr(SCORED_COLUMNS);
    Dataset<Row> members = Clues.withClue(scored, settings.includeNeedsReview()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> routed = null;
    try {
      long flagged = members.count();
      progress.accept(String.format("model %s: %,d flagged posts (all periods) make the clues", model, flagged));
      CoordinationClustersTable clustersTable = new CoordinationClustersTable();
      Dataset<Row> clusters = clustersTable.exists(spark, warehouse)
          ? clustersTable.read(spark, warehouse).filter(col("is_attack")) : null;
      PostsTable postsTable = new PostsTable();
      Dataset<Row> posts = postsTable.exists(spark, warehouse) ? postsTable.read(spark, warehouse) : null;
      Dataset<Row> clues = Clues.build(members, clusters, registryFrame(spark, registry), posts, settings);
      Dataset<Row> offenders = Clues.repeatOffenders(members, settings);
      clues = clues.join(offenders, new String[] {"clue_id"}, "left")
          .withColumn("repeat_offender", coalesce(col("repeat_offender"), lit(false)))
          .withColumn("offender_accounts", coalesce(col("offender_accounts"), expr("array()").cast("array<string>")));
      clues = Clues.withPriority(clues, settings)
          .filter(expr(request.predicate("")))
          .withColumn("category_name", categoryName(config));
      routed = Router.route(clues, settings.rules());
      Dataset<Row> rows = withState(spark, warehouse, routed, request.exportDir() != null, runId, now, model)
          .persist(StorageLevel.MEMORY_AND_DISK());
      routed = rows;
      long written = rows.count();
      progress.accept(String.format("%,d referrals (clue x destination) for %s", written, request.describe()));
      ClueReferralsTable table = new ClueReferralsTable();
      table.merge(spark, warehouse, rows, request.predicate("t."), runId, Timestamp.from(now));
      Dataset<Row> stored = table.read(spark, warehouse).filter(expr(request.predicate("")));
      Map<String, Long> byDestination = new TreeMap<>();
      Map<String, Long> byStatus = new TreeMap<>();
      for (Row r : stored.groupBy("destination", "status").agg(count(lit(1))).collectAsList()) {
        byDestination.merge(r.getString(0), r.getLong(2), Long::sum);
        byStatus.merge(r.getString(1), r.getLong(2), Long::sum);
      }
      long clueCount = stored.filter(col("status").notEqual("closed")).select("clue_id").distinct().count();
      details.put("clues", String.valueOf(clueCount));
      byDestination.forEach((d, n) -> details.put("destination." + d, String.valueOf(n)));
      byStatus.forEach((s, n) -> details.put("status." + s, String.valueOf(n)));
      details.put("repeat_offender_clues", String.valueOf(rows.filter(col("repeat_offender"))
          .select("clue_id").distinct().count()));
      if (request.exportDir() != null) {
        List<Row> exported = stored.filter(col("status").notEqual("closed")).collectAsList();
        List<Path> files = ClueExport.write(exported, request.exportDir(), config.timeZone());
        details.put("exported_files", String.valueOf(files.size()));
        details.put("export_dir", request.exportDir().toAbsolutePath().toString());
        progress.accept(String.format("exported %,d referrals to %s", exported.size(), request.exportDir()));
      }
      return JobStats.written(flagged, written, details);
    } finally {
      members.unpersist();
      if (routed != null) {
        routed.unpersist();
      }
    }
  }

  /**
   * The routed rows with their state: created_at and referred_at kept from the stored row; for the
   * platform destination the disposals received (matched by clue_id or by any of the clue's posts)
   * give referred_at (the earlier of ours and the disposal's), handled_at and disposal_action;
   * status is handled, referred or new. With {@code export}, unreferred rows are referred now.
   */
  static Dataset<Row> withState(SparkSession spark, Warehouse warehouse, Dataset<Row> routed, boolean export,
      String runId, Instant now, String model) {
    Dataset<Row> old = new ClueReferralsTable().readOrEmpty(spark, warehouse)
        .select(col("clue_id"), col("destination"), col("created_at").as("_old_created"),
            col("referred_at").as("_old_referred"));
    Dataset<Row> disposals = disposalState(new DisposalsTable().readOrEmpty(spark, warehouse),
        routed.filter(col("destination").equalTo(Destination.PLATFORM.id())));
    Timestamp at = Timestamp.from(now);
    Column isPlatform = col("destination").equalTo(Destination.PLATFORM.id());
    Column referred = least(col("_old_referred"), when(isPlatform, col("_d_referred")));
    if (export) {
      referred = coalesce(referred, lit(at));
    }
    Column handled = isPlatform.and(col("_d_handled").isNotNull());
    Dataset<Row> rows = routed
        .join(old, new String[] {"clue_id", "destination"}, "left")
        .join(disposals, new String[] {"clue_id"}, "left")
        .withColumn("referred_at", referred)
        .withColumn("handled_at", when(handled, col("_d_handled")))
        .withColumn("disposal_action", when(isPlatform, col("_d_action")))
        .withColumn("status", when(handled, lit("handled"))
            .when(col("referred_at").isNotNull(), lit("referred")).otherwise(lit("new")))
        .withColumn("created_at", coalesce(col("_old_created"), lit(at)))
        .withColumn("updated_at", lit(at))
        .withColumn("model_version", lit(model))
        .withColumn("run_id", lit(runId));
    return rows.selectExpr(ClueReferralsTable.SCHEMA.fieldNames());
  }

  /**
   * Per platform-destination clue, what the disposals say: _d_referred (earliest referral),
   * _d_handled (earliest handled_at of a decision), _d_action (that decision, or pending).
   */
  static Dataset<Row> disposalState(Dataset<Row> disposals, Dataset<Row> platformClues) {
    Dataset<Row> d = disposals.select(col("clue_id").as("_d_clue"), col("platform").as("_d_platform"),
        col("post_id").as("_d_post"), col("referred_at"), col("handled_at"), col("action"));
    Dataset<Row> posts = platformClues.select(col("clue_id"), explode(col("post_ids")).as("_pk"))
        .withColumn("_platform", split(col("_pk"), ":", 2).getItem(0))
        .withColumn("_post", split(col("_pk"), ":", 2).getItem(1));
    Dataset<Row> byPost = posts.join(d, col("_platform").equalTo(col("_d_platform"))
            .and(col("_post").equalTo(col("_d_post"))))
        .select(col("clue_id"), col("referred_at"), col("handled_at"), col("action"));
    Dataset<Row> byId = platformClues.select(col("clue_id")).distinct()
        .join(d, col("clue_id").equalTo(col("_d_clue")))
        .select(col("clue_id"), col("referred_at"), col("handled_at"), col("action"));
    Column decided = col("handled_at").isNotNull().and(col("action").notEqual("pending"));
    return byPost.unionByName(byId).groupBy("clue_id")
        .agg(min("referred_at").as("_d_referred"),
            min(when(decided, struct(col("handled_at"), col("action")))).as("_d_first"))
        .select(col("clue_id"), col("_d_referred"), col("_d_first.handled_at").as("_d_handled"),
            coalesce(col("_d_first.action"), lit("pending")).as("_d_action"));
  }

  static Column categoryName(QinglangConfig config) {
    Column name = lit(null).cast("string");
    for (int c = 10; c >= 1; c--) {
      name = when(col("category").equalTo(c), lit(config.categoryName(c))).otherwise(name);
    }
    return name;
  }

  /** The registry as a small frame: enterprise_id, enterprise_name, region. */
  static Dataset<Row> registryFrame(SparkSession spark, EnterpriseRegistry registry) {
    List<Row> rows = new ArrayList<>();
    for (Enterprise e : registry.enterprises()) {
      rows.add(RowFactory.create(e.enterpriseId(), e.name(), e.region()));
    }
    return spark.createDataFrame(rows, new StructType().add("enterprise_id", DataTypes.StringType, false)
        .add("enterprise_name", DataTypes.StringType).add("region", DataTypes.StringType));
  }
}
