package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Gold: one row per quarter with the headline figures and the typical cases (典型案例) of the review. */
public final class CampaignSummaryTable extends StatisticsTable {
  public static final String NAME = "campaign_summary";
  /** A typical case: a serious flagged post, personal data masked. */
  public static final StructType TYPICAL_CASE = new StructType()
      .add("rank", IntegerType)
      .add("platform", StringType)
      .add("post_id", StringType)
      .add("published_at", TimestampType)
      .add("category", IntegerType)
      .add("category_name", StringType)
      .add("confidence", DoubleType)
      .add("reach", LongType)
      .add("seriousness", DoubleType)
      .add("account_id", StringType)
      .add("account_name", StringType)
      .add("enterprise_ids", DataTypes.createArrayType(StringType))
      .add("excerpt", StringType)
      .add("evidence", DataTypes.createArrayType(StringType));
  public static final ArrayType TYPICAL_CASES = DataTypes.createArrayType(TYPICAL_CASE);
  public static final StructType SCHEMA = new StructType()
      .add(required("quarter", StringType, "quarter of the publication date in the configured time zone"))
      .add(required("posts_scanned", LongType, "posts published in the quarter and scored, all platforms"))
      .add(required("violations", LongType, "of those, posts flagged in a category 1..10"))
      .add(required("violation_rate_per_10k", DoubleType, "10000 * violations / posts_scanned, 2 decimals"))
      .add(optional("previous_rate_per_10k", DoubleType, "the previous quarter's rate (null: no posts then)"))
      .add(optional("rate_change_per_10k", DoubleType, "violation_rate_per_10k - previous_rate_per_10k"))
      .add(required("needs_review", LongType, "scanned posts a person should look at"))
      .add(required("platforms_scanned", IntegerType, "platforms with scanned posts"))
      .add(required("accounts_involved", LongType, "distinct (platform, account) pairs that published violations"))
      .add(required("enterprises_targeted", LongType, "distinct registry enterprises named by violations"))
      .add(required("enterprises_targeted_by_ownership", DataTypes.createMapType(StringType, LongType),
          "the same by ownership in the registry in force (state_owned, private, foreign, mixed, unknown)"))
      .add(required("top_categories", PlatformQuarterlyMetricsTable.TOP_CATEGORIES,
          "up to three categories with the most violations, most first"))
      .add(required("impersonation_accounts", LongType, "distinct (platform, account) pairs flagged as "
          + "category 1 on impersonation evidence"))
      .add(required("coordinated_clusters", LongType, "coordination clusters judged attacks that started in "
          + "the quarter"))
      .add(required("clues_referred", LongType, "clues referred to platforms in the quarter"))
      .add(required("clues_handled", LongType, "of those, clues the platforms have decided"))
      .add(optional("median_hours_to_handle", DoubleType, "median hours from referral to handling"))
      .add(optional("p90_hours_to_handle", DoubleType, "90th percentile of the hours to handle"))
      .add(optional("share_handled_72h", DoubleType, "share of referred clues handled within 72 hours"))
      .add(optional("share_pending", DoubleType, "share of referred clues still pending"))
      .add(required("typical_cases", TYPICAL_CASES, "the most serious flagged posts (seriousness = confidence * "
          + "log10(10 + reach)), at most qinglang.statistics.typical-cases-per-category per category; "
          + "personal data masked in account_name, excerpt and evidence"))
      .add(required("model_version", StringType, "model version whose post_violations rows were counted"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: per quarter the campaign's headline figures and typical cases (personal data masked)";
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
        + "AND needs_review >= 0 AND platforms_scanned >= 1 AND accounts_involved >= 0 "
        + "AND enterprises_targeted >= 0 AND impersonation_accounts >= 0 AND coordinated_clusters >= 0 "
        + "AND clues_referred >= 0 AND clues_handled >= 0 AND clues_handled <= clues_referred");
    c.put("rate_range", "violation_rate_per_10k >= 0 AND violation_rate_per_10k <= 10000");
    c.put("shares_range", "coalesce(share_handled_72h, 0) BETWEEN 0 AND 1 AND coalesce(share_pending, 0) "
        + "BETWEEN 0 AND 1");
    return c;
  }
}
