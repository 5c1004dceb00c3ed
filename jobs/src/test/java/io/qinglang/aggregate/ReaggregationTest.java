package io.qinglang.aggregate;

import static io.qinglang.aggregate.AggregateJobTest.aggregate;
import static io.qinglang.aggregate.AggregateJobTest.byKey;
import static io.qinglang.aggregate.AggregateJobTest.d;
import static io.qinglang.aggregate.AggregateJobTest.l;
import static io.qinglang.aggregate.AggregateJobTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.run.JobStats;
import io.qinglang.table.EnterpriseExposureTable;
import io.qinglang.table.HandlingTimelinessTable;
import io.qinglang.table.PlatformDailyStatsTable;
import io.qinglang.table.PlatformQuarterlyMetricsTable;
import io.qinglang.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One warehouse through its life: aggregate everything, re-aggregate a period unchanged (identical
 * tables), re-score two days and re-aggregate one of them (only its period changes), read the first
 * figures back by time travel, aggregate an older model version, and maintain the tables.
 */
@ExtendWith(SparkExtension.class)
class ReaggregationTest {
  private static final AggregatePeriod MAY_1 =
      new AggregatePeriod(LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-01"));

  private static List<String> sortedRows(List<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.toString()));
    out.sort(String::compareTo);
    return out;
  }

  @Test
  void reaggregationIsIdempotentReplacesOnlyItsPeriodAndTimeTravels(SparkSession spark, @TempDir Path tmp)
      throws IOException {
    StatsFixture f = new StatsFixture(tmp).write(spark, false);
    JobStats first = aggregate(spark, f, AggregatePeriod.ALL, null);
    assertEquals("absent", first.details().get("input.coordination_clusters.version"));
    Map<String, List<String>> before = snapshot(spark, f);

    // The same period again from the same inputs: identical tables.
    JobStats again = aggregate(spark, f, MAY_1, null);
    assertEquals(before, snapshot(spark, f));
    assertEquals("4", again.details().get("posts_scanned"));
    assertEquals(String.valueOf(Long.parseLong(first.details().get("platform_daily_stats.version")) + 1),
        again.details().get("platform_daily_stats.version"));

    // Re-score two days: w3 on 2023-05-01 becomes a category 7 violation, w7 on 2023-07-02 becomes clean.
    List<Row> rescored = new ArrayList<>();
    for (StatsFixture.Scored s : StatsFixture.posts()) {
      if (s.id().equals("w3")) {
        rescored.add(StatsFixture.violationRow(s, "m1", StatsFixture.M1_SCORED, 7));
      }
      if (s.id().equals("w7")) {
        rescored.add(StatsFixture.violationRow(s, "m1", StatsFixture.M1_SCORED, 0));
      }
    }
    f.rescore(spark, rescored);
    aggregate(spark, f, MAY_1, null);

    Map<String, Row> daily = byKey(new PlatformDailyStatsTable().read(spark, f.warehouse).collectAsList(),
        "published_date", "platform", "category");
    assertEquals(66, daily.size());
    assertEquals(1, l(daily.get("2023-05-01|weibo|7"), "violations"));
    assertEquals(2500.0, d(daily.get("2023-05-01|weibo|7"), "violation_rate_per_10k"));
    // 2023-07-02 was outside the period: every row outside May 1 is exactly as before (w7 still category 5).
    assertEquals(1, l(daily.get("2023-07-02|weibo|5"), "violations"));
    List<String> outside = sortedRows(new PlatformDailyStatsTable().read(spark, f.warehouse)
        .filter("published_date <> DATE'2023-05-01'").collectAsList());
    assertEquals(before.get(PlatformDailyStatsTable.NAME).stream().filter(r -> !r.startsWith("[2023-05-01,"))
        .toList(), outside);
    // Weeks outside the period keep their rows (w7's E3 row in the week of June 26 is still there).
    assertTrue(byKey(new EnterpriseExposureTable().read(spark, f.warehouse).collectAsList(),
        "week_start", "enterprise_id", "category").containsKey("2023-06-26|E3|5"));
    // Quarters: Q2 is recomputed from the whole quarter, and Q3 too: its change versus Q2 depends on it.
    Map<String, Row> q = byKey(new PlatformQuarterlyMetricsTable().read(spark, f.warehouse).collectAsList(),
        "quarter", "platform");
    assertEquals(4, l(q.get("2023Q2|weibo"), "violations"));
    assertEquals(4, l(q.get("2023Q3|weibo"), "previous_violations"));
    assertEquals(0, l(q.get("2023Q3|weibo"), "violations"));
    // The clues are the same, but w3's clue now refers to a flagged post.
    Row handling = byKey(new HandlingTimelinessTable().read(spark, f.warehouse).collectAsList(), "quarter",
        "platform").get("2023Q2|weibo");
    assertEquals(5, l(handling, "clues_referred"));
    assertEquals(4, l(handling, "clues_on_flagged_posts"));
    assertEquals(40.0, d(handling, "median_hours_to_handle"));

    // Time travel: the version the first run recorded reads back exactly its figures.
    long v = Long.parseLong(first.details().get("platform_quarterly_metrics.version"));
    List<String> old = sortedRows(spark.read().format("delta").option("versionAsOf", v)
        .load(new PlatformQuarterlyMetricsTable().path(f.warehouse)).collectAsList());
    assertEquals(before.get(PlatformQuarterlyMetricsTable.NAME), old);
    assertNotEquals(old, sortedRows(new PlatformQuarterlyMetricsTable().read(spark, f.warehouse).collectAsList()));

    // An older model version is counted only when asked for, and replaces the whole tables.
    JobStats m0 = aggregate(spark, f, AggregatePeriod.ALL, "m0");
    assertEquals("2", m0.details().get("posts_scanned"));
    assertEquals("11", m0.details().get("posts_not_scored"));
    List<Row> rows = new PlatformDailyStatsTable().read(spark, f.warehouse).collectAsList();
    assertEquals(11, rows.size()); // weibo 2023-05-01 only
    Row c7 = byKey(rows, "category").get("7");
    assertEquals(2, l(c7, "violations"));
    assertEquals(10000.0, d(c7, "violation_rate_per_10k"));
    assertEquals("m0", c7.getString(c7.fieldIndex("model_version")));
    ConfigException e = assertThrows(ConfigException.class, () -> aggregate(spark, f, AggregatePeriod.ALL, "m9"));
    assertTrue(e.getMessage().contains("m1, m0"), e.getMessage());

    // Maintenance: a safe retention deletes nothing young; a short one only when allowed.
    List<String> tables = List.of(PlatformDailyStatsTable.NAME, HandlingTimelinessTable.NAME);
    assertThrows(IllegalArgumentException.class,
        () -> MaintainJob.run(spark, f.warehouse, tables, true, true, 1, false));
    List<MaintainJob.Result> safe = MaintainJob.run(spark, f.warehouse, tables, true, true, 168, false);
    assertEquals(2, safe.size());
    MaintainJob.Result dailyResult = safe.get(0);
    assertEquals(List.of("published_date", "platform"), dailyResult.zOrder());
    assertEquals(0, dailyResult.filesVacuumed());
    assertTrue(dailyResult.filesAfter() <= dailyResult.filesBefore());
    assertTrue(dailyResult.describe(168).contains("OPTIMIZE ZORDER BY (published_date, platform)"),
        dailyResult.describe(168));
    List<MaintainJob.Result> shortRetention = MaintainJob.run(spark, f.warehouse, tables, false, true, 0, true);
    assertTrue(shortRetention.get(0).filesVacuumed() > 0, shortRetention.get(0).describe(0));
    assertEquals(11, new PlatformDailyStatsTable().read(spark, f.warehouse).count());
    assertEquals("true", spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true"));
  }
}
