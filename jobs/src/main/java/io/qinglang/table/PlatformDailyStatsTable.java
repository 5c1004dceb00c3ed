package io.qinglang.table;

import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * Gold: per publication date, platform and category (0..10), how many posts were scanned and how many
 * were violations of that category. Every (date, platform) with scanned posts has all eleven rows,
 * zeros included.
 */
public final class PlatformDailyStatsTable extends StatisticsTable {
  public static final String NAME = "platform_daily_stats";
  public static final StructType SCHEMA = new StructType()
      .add(required("published_date", DateType, "publication date in the configured time zone"))
      .add(required("quarter", StringType, "quarter of published_date, e.g. 2023Q2"))
      .add(required("platform", StringType, "canonical platform id"))
      .add(required("category", IntegerType, "category 0..10 (0 = no violation found)"))
      .add(required("category_name", StringType, "display name of the category"))
      .add(required("posts_scanned", LongType, "posts of this date and platform scored by the model version: "
          + "the denominator, the same in all eleven category rows of the date and platform"))
      .add(required("posts_in_category", LongType, "posts whose final category is this one (category 0: no "
          + "violation found); the eleven rows add up to posts_scanned"))
      .add(required("violations", LongType, "posts flagged in this category (= posts_in_category for 1..10, "
          + "always 0 for category 0)"))
      .add(required("violation_rate_per_10k", DoubleType, "10000 * violations / posts_scanned, 2 decimals; "
          + "the rates of categories 1..10 add up to the platform's overall rate"))
      .add(required("needs_review", LongType, "posts of this final category that a person should look at"))
      .add(required("accounts_involved", LongType, "distinct accounts that published the violations"))
      .add(required("enterprises_targeted", LongType, "distinct registry enterprises named by the violations"))
      .add(required("model_version", StringType, "model version whose post_violations rows were counted"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: scanned posts and violations per date, platform and category (zeros included)";
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
  public List<String> zOrderColumns() {
    return List.of("published_date", "platform");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("category_range", "category >= 0 AND category <= 10");
    c.put("counts_non_negative", "posts_scanned > 0 AND posts_in_category >= 0 AND violations >= 0 "
        + "AND needs_review >= 0 AND accounts_involved >= 0 AND enterprises_targeted >= 0");
    c.put("counts_nested", "violations <= posts_in_category AND posts_in_category <= posts_scanned "
        + "AND needs_review <= posts_in_category AND accounts_involved <= violations");
    c.put("category_0_no_violations", "category <> 0 OR (violations = 0 AND accounts_involved = 0 "
        + "AND enterprises_targeted = 0)");
    c.put("rate_range", "violation_rate_per_10k >= 0 AND violation_rate_per_10k <= 10000");
    return c;
  }
}
