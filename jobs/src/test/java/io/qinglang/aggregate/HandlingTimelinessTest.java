package io.qinglang.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.qinglang.testing.SparkExtension;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link HandlingTimeliness} on a frame of clues, against percentiles and shares computed by hand. */
@ExtendWith(SparkExtension.class)
class HandlingTimelinessTest {
  static final StructType CLUES = new StructType().add("platform", DataTypes.StringType)
      .add("post_id", DataTypes.StringType).add("referred_at", DataTypes.TimestampType)
      .add("referred_date", DataTypes.DateType).add("handled_at", DataTypes.TimestampType)
      .add("action", DataTypes.StringType);

  /** A clue referred at {@code local} (Asia/Shanghai) and handled {@code hours} later (null: pending). */
  static Row clue(String platform, String post, String local, Double hours, String action) {
    Instant referred = StatsFixture.instant(local);
    return RowFactory.create(platform, post, Timestamp.from(referred),
        Date.valueOf(referred.atZone(StatsFixture.SHANGHAI).toLocalDate()),
        hours == null ? null : Timestamp.from(referred.plusSeconds(Math.round(hours * 3600))), action);
  }

  @Test
  void percentilesAndSharesPerQuarterAndPlatform(SparkSession spark) {
    Dataset<Row> clues = spark.createDataFrame(List.of(
        clue("weibo", "p1", "2023-04-10T09:00", 1.0, "removed"),
        clue("weibo", "p2", "2023-04-10T09:00", 2.0, "restricted"),
        clue("weibo", "p3", "2023-05-10T09:00", 3.0, "labelled"),
        clue("weibo", "p4", "2023-06-10T09:00", 4.0, "removed"),
        clue("weibo", "p5", "2023-06-30T23:30", 100.0, "rejected"), // Q2 in Shanghai, handled in Q3
        clue("weibo", "p6", "2023-06-11T09:00", null, "pending"),
        clue("weibo", "p7", "2023-03-31T23:45", 0.5, "removed")), CLUES); // Q1: March 31 in Shanghai
    Dataset<Row> flagged = spark.createDataFrame(List.of(RowFactory.create("weibo", "p1"),
        RowFactory.create("douyin", "p2")), new StructType().add("platform", DataTypes.StringType)
        .add("post_id", DataTypes.StringType));

    Map<String, Row> rows = AggregateJobTest.byKey(
        HandlingTimeliness.compute(clues, flagged, "m1", "platform").collectAsList(), "quarter", "platform");
    assertEquals(2, rows.size());
    Row q2 = rows.get("2023Q2|weibo");
    assertEquals(6, AggregateJobTest.l(q2, "clues_referred"));
    assertEquals(5, AggregateJobTest.l(q2, "clues_handled"));
    assertEquals(1, AggregateJobTest.l(q2, "clues_pending"));
    assertEquals(1, AggregateJobTest.l(q2, "clues_rejected"));
    assertEquals(1, AggregateJobTest.l(q2, "clues_on_flagged_posts")); // p2 is flagged on douyin, not weibo
    // Hours 1, 2, 3, 4, 100: the median is the middle one; the 90th percentile lies at rank 0.9 * 4 = 3.6,
    // 60% of the way from 4 to 100.
    assertEquals(3.0, AggregateJobTest.d(q2, "median_hours_to_handle"));
    assertEquals(61.6, AggregateJobTest.d(q2, "p90_hours_to_handle"));
    // Shares of all six referred clues: the pending one was handled within neither 24 nor 72 hours.
    assertEquals(0.6667, AggregateJobTest.d(q2, "share_handled_24h"));
    assertEquals(0.6667, AggregateJobTest.d(q2, "share_handled_72h"));
    assertEquals(0.1667, AggregateJobTest.d(q2, "share_pending"));
    assertEquals(0.1667, AggregateJobTest.d(q2, "share_rejected"));
    Row q1 = rows.get("2023Q1|weibo");
    assertEquals(1, AggregateJobTest.l(q1, "clues_referred"));
    assertEquals(0.5, AggregateJobTest.d(q1, "median_hours_to_handle"));
    assertEquals(0.5, AggregateJobTest.d(q1, "p90_hours_to_handle"));

    // Only pending clues: no hours, nothing handled.
    Row pending = HandlingTimeliness.compute(spark.createDataFrame(List.of(
        clue("douyin", "x", "2023-08-01T10:00", null, "pending")), CLUES), flagged, "m1").first();
    assertEquals("2023Q3", pending.getString(pending.fieldIndex("quarter")));
    assertNull(pending.get(pending.fieldIndex("median_hours_to_handle")));
    assertEquals(0.0, AggregateJobTest.d(pending, "share_handled_72h"));
    assertEquals(1.0, AggregateJobTest.d(pending, "share_pending"));
  }
}
