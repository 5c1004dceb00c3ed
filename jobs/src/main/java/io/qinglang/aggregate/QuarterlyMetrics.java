package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.table.PlatformQuarterlyMetricsTable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * platform_quarterly_metrics: per quarter (of published_date) and platform, the scanned posts,
 * violations and rate, the change versus the previous quarter, the rank among the quarter's platforms by
 * rate, the top categories and enterprises, impersonation accounts, coordinated clusters and the
 * handling timeliness of the platform's clues.
 */
public final class QuarterlyMetrics {
  private QuarterlyMetrics() {}

  /** Whether a scored post is an impersonation finding: category 1 with impersonation evidence. */
  static final Column IMPERSONATION = col("category").equalTo(1)
      .and(expr("exists(evidence, e -> e.source = 'impersonation')"));

  /**
   * The headline counts of scored posts per quarter and the given keys (platform, or none): posts_scanned,
   * violations, needs_review, accounts_involved, impersonation_accounts (accounts are distinct
   * (platform, account_id) pairs), enterprises_targeted.
   */
  static Dataset<Row> headline(Dataset<Row> scored, String... keys) {
    Dataset<Row> q = scored.withColumn("quarter", Quarters.of(col("published_date")));
    Column[] groups = groups(keys);
    Column violation = col("category").gt(0);
    Dataset<Row> counts = q.groupBy(groups).agg(
        count(lit(1)).as("posts_scanned"),
        sum(when(violation, 1L).otherwise(0L)).as("violations"),
        sum(when(col("needs_review"), 1L).otherwise(0L)).as("needs_review"),
        countDistinct(when(violation, col("platform")), col("account_id")).as("accounts_involved"),
        countDistinct(when(IMPERSONATION, col("platform")), col("account_id")).as("impersonation_accounts"));
    Dataset<Row> enterprises = Exploded.enterprises(q.filter(violation)).groupBy(groups)
        .agg(countDistinct("enterprise_id").as("enterprises_targeted"));
    return counts.join(enterprises, names(keys), "left")
        .withColumn("enterprises_targeted", coalesce(col("enterprises_targeted"), lit(0L)))
        .withColumn("_rate", when(col("posts_scanned").gt(0),
            col("violations").cast("double").multiply(10000.0).divide(col("posts_scanned"))))
        .withColumn("violation_rate_per_10k", Rates.per10k(col("violations"), col("posts_scanned")));
  }

  /**
   * Adds previous_violations, previous_rate_per_10k, violations_change, rate_change_per_10k and
   * rate_change_pct by joining each row to the same keys one quarter earlier.
   */
  static Dataset<Row> withChange(Dataset<Row> headline, String... keys) {
    String[] joinKeys = names(keys);
    Dataset<Row> previous = headline.select(concatKeys(Quarters.next(col("quarter")).as("quarter"), keys,
        col("violations").as("previous_violations"), col("_rate").as("_previous_rate")));
    return headline.join(previous, joinKeys, "left")
        .withColumn("previous_rate_per_10k", round(col("_previous_rate"), 2))
        .withColumn("violations_change", col("violations").minus(col("previous_violations")))
        .withColumn("rate_change_per_10k", round(col("_rate").minus(col("_previous_rate")), 2))
        .withColumn("rate_change_pct", when(col("_previous_rate").gt(0),
            round(col("_rate").minus(col("_previous_rate")).multiply(100.0).divide(col("_previous_rate")), 2)))
        .drop("_previous_rate");
  }

  /** Up to three categories with the most violations per quarter and keys. */
  static Dataset<Row> topCategories(Dataset<Row> scored, Dataset<Row> categories, String... keys) {
    Dataset<Row> counts = scored.filter(col("category").gt(0))
        .withColumn("quarter", Quarters.of(col("published_date")))
        .groupBy(concatKeys(col("quarter"), keys, col("category")))
        .agg(count(lit(1)).as("violations"))
        .join(broadcast(categories), "category");
    return TopN.of(counts, List.of(names(keys)), "violations", "category", 3,
        List.of("category", "category_name", "violations"), "top_categories");
  }

  public static Dataset<Row> compute(Dataset<Row> scored, Dataset<Row> categories, Dataset<Row> registry,
      Dataset<Row> clusterCounts, Dataset<Row> timeliness, int topEnterprises, String modelVersion) {
    Dataset<Row> headline = withChange(headline(scored, "platform"), "platform");
    Dataset<Row> ranked = headline
        .withColumn("rank_by_rate", rank().over(Window.partitionBy("quarter").orderBy(desc("violation_rate_per_10k"))))
        .withColumn("platforms_ranked", count(lit(1)).over(Window.partitionBy("quarter")).cast("int"));

    Dataset<Row> enterpriseCounts = Exploded.enterprises(scored.filter(col("category").gt(0)))
        .withColumn("quarter", Quarters.of(col("published_date")))
        .groupBy("quarter", "platform", "enterprise_id")
        .agg(count(lit(1)).as("violations"))
        .join(broadcast(registry.select(col("enterprise_id"), col("enterprise_name"))),
            new String[] {"enterprise_id"}, "left");
    Dataset<Row> topEnterprisesFrame = TopN.of(enterpriseCounts, List.of("quarter", "platform"), "violations",
        "enterprise_id", topEnterprises, List.of("enterprise_id", "enterprise_name", "violations"),
        "top_enterprises");

    String[] key = {"quarter", "platform"};
    return ranked
        .join(topCategories(scored, categories, "platform"), key, "left")
        .join(topEnterprisesFrame, key, "left")
        .join(clusterCounts, key, "left")
        .join(timeliness.select(col("quarter"), col("platform"), col("clues_referred"), col("clues_handled"),
            col("median_hours_to_handle"), col("p90_hours_to_handle"), col("share_handled_24h"),
            col("share_handled_72h"), col("share_pending"), col("share_rejected")), key, "left")
        .withColumn("top_categories", coalesce(col("top_categories"),
            array().cast(PlatformQuarterlyMetricsTable.TOP_CATEGORIES)))
        .withColumn("top_enterprises", coalesce(col("top_enterprises"),
            array().cast(PlatformQuarterlyMetricsTable.TOP_ENTERPRISES)))
        .withColumn("coordinated_clusters", coalesce(col("coordinated_clusters"), lit(0L)))
        .withColumn("clues_referred", coalesce(col("clues_referred"), lit(0L)))
        .withColumn("clues_handled", coalesce(col("clues_handled"), lit(0L)))
        .withColumn("model_version", lit(modelVersion))
        .drop("_rate");
  }

  static Column[] groups(String... keys) {
    Column[] out = new Column[keys.length + 1];
    out[0] = col("quarter");
    for (int i = 0; i < keys.length; i++) {
      out[i + 1] = col(keys[i]);
    }
    return out;
  }

  static String[] names(String... keys) {
    String[] out = new String[keys.length + 1];
    out[0] = "quarter";
    System.arraycopy(keys, 0, out, 1, keys.length);
    return out;
  }

  private static Column[] concatKeys(Column first, String[] keys, Column... rest) {
    Column[] out = new Column[1 + keys.length + rest.length];
    out[0] = first;
    for (int i = 0; i < keys.length; i++) {
      out[i + 1] = col(keys[i]);
    }
    System.arraycopy(rest, 0, out, 1 + keys.length, rest.length);
    return out;
  }
}
