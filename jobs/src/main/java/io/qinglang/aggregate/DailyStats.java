package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * platform_daily_stats from scored posts (one row per post of one model version): for every
 * (published_date, platform) with scanned posts, eleven rows, one per category 0..10, zeros included.
 *
 * <p>{@code posts_scanned} is the number of posts of the date and platform that were scored: the same
 * denominator in all eleven rows. {@code posts_in_category} counts the posts whose final category is
 * the row's (category 0: no violation found), so the eleven rows add up to posts_scanned and every
 * scanned post is counted exactly once. {@code violations} is posts_in_category for categories 1..10
 * and 0 for category 0, and {@code violation_rate_per_10k = 10000 * violations / posts_scanned}: the
 * category's share of everything scanned, so the rates of one date and platform add up to its overall
 * rate.
 */
public final class DailyStats {
  private DailyStats() {}

  public static Dataset<Row> compute(Dataset<Row> scored, Dataset<Row> categories, String modelVersion) {
    Column violation = col("category").gt(0);
    Dataset<Row> scanned = scored.groupBy("published_date", "platform")
        .agg(count(lit(1)).as("posts_scanned"));
    Dataset<Row> perCategory = scored.groupBy("published_date", "platform", "category")
        .agg(count(lit(1)).as("posts_in_category"),
            sum(when(col("needs_review"), 1L).otherwise(0L)).as("needs_review"),
            countDistinct(when(violation, col("account_id"))).as("accounts_involved"));
    Dataset<Row> enterprises = Exploded.enterprises(scored.filter(violation))
        .groupBy("published_date", "platform", "category")
        .agg(countDistinct("enterprise_id").as("enterprises_targeted"));
    String[] key = {"published_date", "platform", "category"};
    return scanned.crossJoin(broadcast(categories))
        .join(perCategory, key, "left")
        .join(enterprises, key, "left")
        .select(
            col("published_date"),
            Quarters.of(col("published_date")).as("quarter"),
            col("platform"),
            col("category"),
            col("category_name"),
            col("posts_scanned"),
            coalesce(col("posts_in_category"), lit(0L)).as("posts_in_category"),
            when(col("category").gt(0), coalesce(col("posts_in_category"), lit(0L))).otherwise(0L).as("violations"),
            coalesce(col("needs_review"), lit(0L)).as("needs_review"),
            coalesce(col("accounts_involved"), lit(0L)).as("accounts_involved"),
            coalesce(col("enterprises_targeted"), lit(0L)).as("enterprises_targeted"),
            lit(modelVersion).as("model_version"))
        .withColumn("violation_rate_per_10k", Rates.per10k(col("violations"), col("posts_scanned")));
  }
}
