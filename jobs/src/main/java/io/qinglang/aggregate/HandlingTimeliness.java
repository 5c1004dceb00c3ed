package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * handling_timeliness from the clues referred to platforms ({@link #platformReferrals} of
 * clue_referrals, when route has written it; the disposals table otherwise): per quarter of referral (referred_date, in the
 * configured time zone) and platform, how many clues were referred, handled (any action but pending:
 * removed, restricted, labelled or rejected), pending and rejected, and how long handling took.
 *
 * <p>Hours to handle = (handled_at - referred_at) in hours over handled clues; the median and 90th
 * percentile are exact (Spark's {@code percentile}: linear interpolation between the two nearest
 * ranks), rounded to 2 decimals. The shares divide by all clues referred, so a pending clue counts as
 * not handled within 24 or 72 hours. Every disposal record counts (a referral is a fact whatever the
 * model says); {@code clues_on_flagged_posts} says how many of them refer to posts the model version
 * flags.
 */
public final class HandlingTimeliness {
  private HandlingTimeliness() {}

  /**
   * The platform referrals of clue_referrals in the shape {@link #compute} reads (clue_id, platform,
   * post_id, referred_at, referred_date, handled_at, action): rows with destination platform that
   * were referred (referred_at set), so the time to handle runs from the referral; post_id is the
   * clue's first post, action the disposal's (pending until one arrives). Closed clues stay counted.
   */
  public static Dataset<Row> platformReferrals(Dataset<Row> clueReferrals, java.time.ZoneId zone) {
    return clueReferrals
        .filter(col("destination").equalTo("platform").and(col("referred_at").isNotNull()))
        .select(col("clue_id"), col("platform"),
            expr("substring_index(try_element_at(post_ids, 1), ':', -1)").as("post_id"),
            col("referred_at"),
            org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.from_utc_timestamp(
                col("referred_at"), zone.getId())).as("referred_date"),
            col("handled_at"),
            org.apache.spark.sql.functions.coalesce(col("disposal_action"), lit("pending")).as("action"));
  }

  /**
   * @param disposals the clues (see {@link AggregateJob#clues}): platform, post_id, referred_at, referred_date,
   *     handled_at (null while pending) and action (pending, rejected or what the platform did)
   * @param flagged (platform, post_id) of the posts the model version flags (category 1..10), distinct
   * @param groupBy grouping columns besides the quarter: {@code platform}, or none for the whole campaign
   */
  public static Dataset<Row> compute(Dataset<Row> disposals, Dataset<Row> flagged, String modelVersion,
      String... groupBy) {
    Column hours = unix_micros(col("handled_at")).minus(unix_micros(col("referred_at"))).divide(3.6e9);
    Dataset<Row> d = disposals
        .withColumn("quarter", Quarters.of(col("referred_date")))
        .withColumn("_hours", hours)
        .join(flagged.select(col("platform"), col("post_id"), lit(true).as("_flagged")),
            new String[] {"platform", "post_id"}, "left");
    List<Column> keys = new ArrayList<>();
    keys.add(col("quarter"));
    Arrays.stream(groupBy).forEach(g -> keys.add(col(g)));
    Column handled = col("handled_at").isNotNull();
    return d.groupBy(keys.toArray(new Column[0]))
        .agg(
            count(lit(1)).as("clues_referred"),
            sum(when(handled, 1L).otherwise(0L)).as("clues_handled"),
            sum(when(col("action").equalTo("pending"), 1L).otherwise(0L)).as("clues_pending"),
            sum(when(col("action").equalTo("rejected"), 1L).otherwise(0L)).as("clues_rejected"),
            sum(when(col("_flagged"), 1L).otherwise(0L)).as("clues_on_flagged_posts"),
            expr("percentile(_hours, 0.5)").as("_median"),
            expr("percentile(_hours, 0.9)").as("_p90"),
            sum(when(handled.and(col("_hours").leq(24)), 1L).otherwise(0L)).as("_within_24h"),
            sum(when(handled.and(col("_hours").leq(72)), 1L).otherwise(0L)).as("_within_72h"))
        .withColumn("median_hours_to_handle", Rates.hours(col("_median")))
        .withColumn("p90_hours_to_handle", Rates.hours(col("_p90")))
        .withColumn("share_handled_24h", Rates.share(col("_within_24h"), col("clues_referred")))
        .withColumn("share_handled_72h", Rates.share(col("_within_72h"), col("clues_referred")))
        .withColumn("share_pending", Rates.share(col("clues_pending"), col("clues_referred")))
        .withColumn("share_rejected", Rates.share(col("clues_rejected"), col("clues_referred")))
        .withColumn("model_version", lit(modelVersion))
        .drop("_median", "_p90", "_within_24h", "_within_72h");
  }
}
