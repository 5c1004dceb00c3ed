package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import io.qinglang.table.CampaignSummaryTable;
import io.qinglang.table.PlatformQuarterlyMetricsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * campaign_summary: per quarter the campaign's headline figures over all platforms (scanned posts,
 * violations, rate and its change, accounts, enterprises targeted by ownership, top categories,
 * impersonation accounts, coordinated clusters, handling of clues) and the typical cases.
 */
public final class CampaignSummary {
  private CampaignSummary() {}

  /**
   * @param scored scored posts (the quarters and the one before them)
   * @param clusterCounts quarter, coordinated_clusters
   * @param timeliness handling timeliness per quarter (no platform)
   * @param typicalCases quarter, typical_cases
   */
  public static Dataset<Row> compute(Dataset<Row> scored, Dataset<Row> categories, Dataset<Row> registry,
      Dataset<Row> clusterCounts, Dataset<Row> timeliness, Dataset<Row> typicalCases, String modelVersion) {
    Dataset<Row> headline = QuarterlyMetrics.withChange(QuarterlyMetrics.headline(scored))
        .join(scored.withColumn("quarter", Quarters.of(col("published_date"))).groupBy("quarter")
            .agg(countDistinct("platform").cast("int").as("platforms_scanned")), "quarter");
    Dataset<Row> byOwnership = Exploded.enterprises(scored.filter(col("category").gt(0)))
        .withColumn("quarter", Quarters.of(col("published_date")))
        .select("quarter", "enterprise_id").distinct()
        .join(broadcast(registry.select("enterprise_id", "ownership")), new String[] {"enterprise_id"}, "left")
        .withColumn("ownership", coalesce(col("ownership"), lit("unknown")))
        .groupBy("quarter", "ownership").count()
        .groupBy("quarter")
        .agg(expr("map_from_entries(array_sort(collect_list(struct(ownership, count))))")
            .as("enterprises_targeted_by_ownership"));
    return headline
        .join(byOwnership, new String[] {"quarter"}, "left")
        .join(QuarterlyMetrics.topCategories(scored, categories), new String[] {"quarter"}, "left")
        .join(clusterCounts, new String[] {"quarter"}, "left")
        .join(timeliness.select("quarter", "clues_referred", "clues_handled", "median_hours_to_handle",
            "p90_hours_to_handle", "share_handled_72h", "share_pending"), new String[] {"quarter"}, "left")
        .join(typicalCases, new String[] {"quarter"}, "left")
        .withColumn("enterprises_targeted_by_ownership", coalesce(col("enterprises_targeted_by_ownership"),
            map().cast(CampaignSummaryTable.SCHEMA.apply("enterprises_targeted_by_ownership").dataType())))
        .withColumn("top_categories", coalesce(col("top_categories"),
            array().cast(PlatformQuarterlyMetricsTable.TOP_CATEGORIES)))
        .withColumn("typical_cases", coalesce(col("typical_cases"), array().cast(CampaignSummaryTable.TYPICAL_CASES)))
        .withColumn("coordinated_clusters", coalesce(col("coordinated_clusters"), lit(0L)))
        .withColumn("clues_referred", coalesce(col("clues_referred"), lit(0L)))
        .withColumn("clues_handled", coalesce(col("clues_handled"), lit(0L)))
        .withColumn("model_version", lit(modelVersion));
  }
}
