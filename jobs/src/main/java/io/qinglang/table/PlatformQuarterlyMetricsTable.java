package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Gold: the campaign review's per-platform figures for each quarter. */
public final class PlatformQuarterlyMetricsTable extends StatisticsTable {
  public static final String NAME = "platform_quarterly_metrics";
  /** One category among the top ones: id, display name, violations. */
  public static final ArrayType TOP_CATEGORIES = DataTypes.createArrayType(new StructType()
      .add("category", IntegerType).add("category_name", StringType).add("violations", LongType));
  /** One enterprise among the most targeted: id, registry name (null when not in the registry), violations. */
  public static final ArrayType TOP_ENTERPRISES = DataTypes.createArrayType(new StructType()
      .add("enterprise_id", StringType).add("enterprise_name", StringType).add("violations", LongType));
  public static final StructType SCHEMA = new StructType()
      .add(required("quarter", StringType, "quarter of the publication date in the configured time zone, e.g. "
          + "2023Q2"))
      .add(required("platform", StringType, "canonical platform id"))
      .add(required("posts_scanned", LongType, "posts published in the quarter on the platform and scored"))
      .add(required("violations", LongType, "of those, posts flagged in a category 1..10"))
      .add(required("violation_rate_per_10k", DoubleType, "10000 * violations / posts_scanned, 2 decimals"))
      .add(required("needs_review", LongType, "scanned posts a person should look at"))
      .add(required("accounts_involved", LongType, "distinct accounts that published violations"))
      .add(required("enterprises_targeted", LongType, "distinct registry enterprises named by violations"))
      .add(optional("previous_violations", LongType, "violations in the previous quarter (null: the platform "
          + "had no scanned posts then)"))
      .add(optional("previous_rate_per_10k", DoubleType, "violation rate in the previous quarter"))
      .add(optional("violations_change", LongType, "violations - previous_violations"))
      .add(optional("rate_change_per_10k", DoubleType, "violation_rate_per_10k - previous_rate_per_10k "
          + "(points per 10,000 posts)"))
      .add(optional("rate_change_pct", DoubleType, "relative change of the rate in percent (null when the "
          + "previous rate is 0 or unknown)"))
      .add(required("rank_by_rate", IntegerType, "rank among the quarter's platforms by violation rate, 1 = "
          + "highest; equal rates share a rank"))
      .add(required("platforms_ranked", IntegerType, "platforms with scanned posts in the quarter"))
      .add(required("top_categories", TOP_CATEGORIES, "up to three categories with the most violations, most "
          + "first (ties: lower category id first)"))
      .add(required("top_enterprises", TOP_ENTERPRISES, "the enterprises named by most violations, most first "
          + "(qinglang.statistics.top-enterprises of them)"))
      .add(required("impersonation_accounts", LongType, "distinct accounts flagged as category 1 on "
          + "impersonation evidence"))
      .add(required("coordinated_clusters", LongType, "coordination clusters judged attacks that reached the "
          + "platform and started in the quarter (0 while coordination_clusters does not exist)"))
      .add(required("clues_referred", LongType, "clues referred to the platform in the quarter "
          + "(handling_timeliness)"))
      .add(required("clues_handled", LongType, "of those, clues the platform has decided (any action but "
          + "pending)"))
      .add(optional("median_hours_to_handle", DoubleType, "median hours from referral to handling"))
      .add(optional("p90_hours_to_handle", DoubleType, "90th percentile of the hours to handle"))
      .add(optional("share_handled_24h", DoubleType, "share of referred clues handled within 24 hours"))
      .add(optional("share_handled_72h", DoubleType, "share of referred clues handled within 72 hours"))
      .add(optional("share_pending", DoubleType, "share of referred clues still pending"))
      .add(optional("share_rejected", DoubleType, "share of referred clues the platform rejected"))
      .add(required("model_version", StringType, "model version whose post_violations rows were counted"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: per-platform quarterly campaign metrics (rates, change, rank, top categories, handling)";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> partitionColumns() {
    return List.of("quarter");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("counts_non_negative", "posts_scanned > 0 AND violations >= 0 AND violations <= posts_scanned "
        + "AND needs_review >= 0 AND accounts_involved >= 0 AND enterprises_targeted >= 0 "
        + "AND impersonation_accounts >= 0 AND coordinated_clusters >= 0 AND clues_referred >= 0 "
        + "AND clues_handled >= 0 AND clues_handled <= clues_referred");
    c.put("rate_range", "violation_rate_per_10k >= 0 AND violation_rate_per_10k <= 10000 "
        + "AND (previous_rate_per_10k IS NULL OR (previous_rate_per_10k >= 0 AND previous_rate_per_10k <= 10000))");
    c.put("rank_range", "rank_by_rate >= 1 AND rank_by_rate <= platforms_ranked");
    c.put("shares_range", "coalesce(share_handled_24h, 0) BETWEEN 0 AND 1 AND coalesce(share_handled_72h, 0) "
        + "BETWEEN 0 AND 1 AND coalesce(share_pending, 0) BETWEEN 0 AND 1 AND coalesce(share_rejected, 0) "
        + "BETWEEN 0 AND 1");
    c.put("hours_non_negative", "coalesce(median_hours_to_handle, 0) >= 0 AND coalesce(p90_hours_to_handle, 0) >= 0");
    return c;
  }
}
