package io.qinglang.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.run.JobStats;
import io.qinglang.table.CampaignSummaryTable;
import io.qinglang.table.EnterpriseExposureTable;
import io.qinglang.table.HandlingTimelinessTable;
import io.qinglang.table.PlatformDailyStatsTable;
import io.qinglang.table.PlatformQuarterlyMetricsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.StatisticsTable;
import io.qinglang.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics of {@link StatsFixture}, aggregated once for all dates, against figures computed by
 * hand; then (last) the same warehouse re-aggregated, re-scored, read back in time and maintained.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AggregateJobTest {
  static final StatisticsSettings SETTINGS = new StatisticsSettings(10, 2, 40, 5, 168);
  static final List<StatisticsTable> TABLES = List.of(new PlatformDailyStatsTable(),
      new PlatformQuarterlyMetricsTable(), new EnterpriseExposureTable(), new HandlingTimelinessTable(),
      new CampaignSummaryTable());

  private StatsFixture f;
  private JobStats stats;

  static JobStats aggregate(SparkSession spark, StatsFixture f, AggregatePeriod period, String model) {
    return AggregateJob.run(spark, f.config, f.registry, SETTINGS, period, model);
  }

  @BeforeAll
  void aggregateTheFixture(SparkSession spark, @TempDir Path tmp) throws IOException {
    f = new StatsFixture(tmp).write(spark, true);
    stats = aggregate(spark, f, AggregatePeriod.ALL, null);
  }

  static Map<String, Row> byKey(List<Row> rows, String... key) {
    Map<String, Row> map = new HashMap<>();
    for (Row r : rows) {
      StringBuilder sb = new StringBuilder();
      for (String k : key) {
        sb.append(sb.isEmpty() ? "" : "|").append(r.get(r.fieldIndex(k)));
      }
      map.put(sb.toString(), r);
    }
    return map;
  }

  static long l(Row r, String c) {
    return r.getLong(r.fieldIndex(c));
  }

  static double d(Row r, String c) {
    return r.getDouble(r.fieldIndex(c));
  }

  /** Every table's rows as sorted text, to compare whole tables. */
  static Map<String, List<String>> snapshot(SparkSession spark, StatsFixture f) {
    Map<String, List<String>> tables = new HashMap<>();
    for (StatisticsTable t : TABLES) {
      List<String> rows = new ArrayList<>();
      t.read(spark, f.warehouse).collectAsList().forEach(r -> rows.add(r.toString()));
      rows.sort(String::compareTo);
      tables.put(t.name(), rows);
    }
    return tables;
  }

  @Test
  @Order(1)
  void dailyStatsHaveHonestRatesZeroRowsAndLocalQuarters(SparkSession spark) {
    assertEquals("m1", stats.details().get("model_version"));
    assertEquals("13", stats.details().get("posts_scanned"));
    assertEquals("0", stats.details().get("posts_not_scored"));

    List<Row> rows = new PlatformDailyStatsTable().read(spark, f.warehouse).collectAsList();
    // Six (date, platform) pairs with scanned posts, eleven category rows each.
    assertEquals(66, rows.size());
    Map<String, Row> daily = byKey(rows, "published_date", "platform", "category");
    Row w0501c2 = daily.get("2023-05-01|weibo|2");
    assertEquals(4, l(w0501c2, "posts_scanned"));
    assertEquals(2, l(w0501c2, "posts_in_category"));
    assertEquals(2, l(w0501c2, "violations"));
    assertEquals(5000.0, d(w0501c2, "violation_rate_per_10k"));
    assertEquals(1, l(w0501c2, "accounts_involved")); // a1 twice
    assertEquals(2, l(w0501c2, "enterprises_targeted")); // E1, E2
    Row w0501c0 = daily.get("2023-05-01|weibo|0");
    assertEquals(2, l(w0501c0, "posts_in_category"));
    assertEquals(0, l(w0501c0, "violations"));
    assertEquals(0.0, d(w0501c0, "violation_rate_per_10k"));
    assertEquals(1, l(w0501c0, "needs_review")); // w3
    Row zero = daily.get("2023-05-01|weibo|7");
    assertEquals(4, l(zero, "posts_scanned"));
    assertEquals(0, l(zero, "violations"));
    assertEquals(0.0, d(zero, "violation_rate_per_10k"));
    assertEquals("招募黑公关写手、有偿删帖", zero.getString(zero.fieldIndex("category_name")));
    // 1 of 4 douyin posts on 2023-07-03: 2500 per 10k.
    assertEquals(2500.0, d(daily.get("2023-07-03|douyin|9"), "violation_rate_per_10k"));

    // 2023-06-30T23:30+08:00 is 2023Q2; 2023-07-01T00:10+08:00 (June 30 in UTC) is 2023Q3.
    Row w5 = daily.get("2023-06-30|weibo|1");
    assertEquals("2023Q2", w5.getString(w5.fieldIndex("quarter")));
    assertEquals(1, l(w5, "violations"));
    Row w6 = daily.get("2023-07-01|weibo|0");
    assertEquals("2023Q3", w6.getString(w6.fieldIndex("quarter")));
    assertEquals(1, l(w6, "posts_scanned"));

    // Every scanned post is counted exactly once: the table adds up to post_violations (m1) and to posts.
    long inCategories = rows.stream().mapToLong(r -> l(r, "posts_in_category")).sum();
    long scored = new PostViolationsTable().read(spark, f.warehouse).filter("model_version = 'm1'").count();
    assertEquals(13, inCategories);
    assertEquals(scored, inCategories);
    assertEquals(new PostsTable().read(spark, f.warehouse).count(), inCategories);
    long violations = rows.stream().mapToLong(r -> l(r, "violations")).sum();
    assertEquals(new PostViolationsTable().read(spark, f.warehouse)
        .filter("model_version = 'm1' AND category > 0").count(), violations);
    assertEquals(6, violations);
    // The rates of a date and platform add up to its overall rate (3 of 4 would be 7500; here 2 of 4).
    double sum = rows.stream().filter(r -> r.getDate(r.fieldIndex("published_date")).toString().equals("2023-05-01")
        && r.getString(r.fieldIndex("platform")).equals("weibo")).mapToDouble(r -> d(r, "violation_rate_per_10k"))
        .sum();
    assertEquals(5000.0, sum, 1e-9);
  }

  @Test
  @Order(2)
  void quarterlyMetricsHandlingExposureAndSummary(SparkSession spark) {

    Map<String, Row> q = byKey(new PlatformQuarterlyMetricsTable().read(spark, f.warehouse).collectAsList(),
        "quarter", "platform");
    assertEquals(4, q.size());
    Row wq2 = q.get("2023Q2|weibo");
    assertEquals(5, l(wq2, "posts_scanned"));
    assertEquals(3, l(wq2, "violations"));
    assertEquals(6000.0, d(wq2, "violation_rate_per_10k"));
    assertEquals(1, l(wq2, "needs_review"));
    assertEquals(2, l(wq2, "accounts_involved"));
    assertEquals(2, l(wq2, "enterprises_targeted"));
    assertEquals(1, l(wq2, "impersonation_accounts"));
    assertTrue(wq2.isNullAt(wq2.fieldIndex("previous_rate_per_10k")));
    assertTrue(wq2.isNullAt(wq2.fieldIndex("rate_change_per_10k")));
    assertEquals(1, wq2.getInt(wq2.fieldIndex("rank_by_rate")));
    assertEquals(2, wq2.getInt(wq2.fieldIndex("platforms_ranked")));
    assertEquals("[[2,炮制传播涉企错误论调,2], [1,仿冒假冒企业名称、商标、品牌,1]]",
        wq2.getList(wq2.fieldIndex("top_categories")).toString());
    // E1 and E2 are named by two violations each: ties go by id.
    assertEquals("[[E1,甲乙科技股份有限公司,2], [E2,丙丁能源集团有限公司,2]]",
        wq2.getList(wq2.fieldIndex("top_enterprises")).toString());
    // Handling of weibo's Q2 clues: 10, 30, 50, 80 hours handled, one pending.
    assertEquals(5, l(wq2, "clues_referred"));
    assertEquals(4, l(wq2, "clues_handled"));
    assertEquals(40.0, d(wq2, "median_hours_to_handle"));
    assertEquals(71.0, d(wq2, "p90_hours_to_handle"));
    assertEquals(0.2, d(wq2, "share_handled_24h"));
    assertEquals(0.6, d(wq2, "share_handled_72h"));
    assertEquals(0.2, d(wq2, "share_pending"));
    assertEquals(0.2, d(wq2, "share_rejected"));
    assertEquals(0, l(wq2, "coordinated_clusters"));

    Row dq2 = q.get("2023Q2|douyin");
    assertEquals(5000.0, d(dq2, "violation_rate_per_10k"));
    assertEquals(2, dq2.getInt(dq2.fieldIndex("rank_by_rate")));
    assertEquals(0, l(dq2, "clues_referred"));
    assertTrue(dq2.isNullAt(dq2.fieldIndex("median_hours_to_handle")));

    // Quarter on quarter: weibo 6000 -> 5000 per 10k, douyin 5000 -> 2500.
    Row wq3 = q.get("2023Q3|weibo");
    assertEquals(5000.0, d(wq3, "violation_rate_per_10k"));
    assertEquals(3, l(wq3, "previous_violations"));
    assertEquals(6000.0, d(wq3, "previous_rate_per_10k"));
    assertEquals(-2, l(wq3, "violations_change"));
    assertEquals(-1000.0, d(wq3, "rate_change_per_10k"));
    assertEquals(-16.67, d(wq3, "rate_change_pct"));
    assertEquals(1, wq3.getInt(wq3.fieldIndex("rank_by_rate")));
    Row dq3 = q.get("2023Q3|douyin");
    assertEquals(2500.0, d(dq3, "violation_rate_per_10k"));
    assertEquals(-2500.0, d(dq3, "rate_change_per_10k"));
    assertEquals(-50.0, d(dq3, "rate_change_pct"));
    assertEquals(2, dq3.getInt(dq3.fieldIndex("rank_by_rate")));
    // k6 was referred at 00:30 on July 1 in Shanghai: Q3.
    assertEquals(1, l(dq3, "clues_referred"));
    assertEquals(2.0, d(dq3, "median_hours_to_handle"));
    assertEquals(2.0, d(dq3, "p90_hours_to_handle"));
    assertEquals(1.0, d(dq3, "share_handled_24h"));

    Map<String, Row> h = byKey(new HandlingTimelinessTable().read(spark, f.warehouse).collectAsList(),
        "quarter", "platform");
    assertEquals(2, h.size());
    Row hw = h.get("2023Q2|weibo");
    assertEquals(1, l(hw, "clues_pending"));
    assertEquals(1, l(hw, "clues_rejected"));
    assertEquals(3, l(hw, "clues_on_flagged_posts")); // w1, w2, w5; w3 is not flagged, x9 not scored

    List<Row> exposure = new EnterpriseExposureTable().read(spark, f.warehouse).collectAsList();
    Map<String, Row> e = byKey(exposure, "week_start", "enterprise_id", "category");
    assertEquals(6, exposure.size());
    Row e1 = e.get("2023-05-01|E1|2");
    assertEquals("2023-W18", e1.getString(e1.fieldIndex("week")));
    assertEquals(2, l(e1, "violations"));
    assertEquals(1, l(e1, "platforms"));
    assertEquals(1, l(e1, "accounts"));
    assertEquals(1100, l(e1, "reach"));
    assertEquals("private", e1.getString(e1.fieldIndex("ownership")));
    assertEquals("广东", e1.getString(e1.fieldIndex("region")));
    Row e2 = e.get("2023-05-01|E2|2");
    assertEquals("state_owned", e2.getString(e2.fieldIndex("ownership")));
    assertEquals(1, l(e2, "violations"));
    // w5 (Friday June 30) and w7 (Sunday July 2) share the week of Monday June 26, across the quarters.
    assertEquals(1, l(e.get("2023-06-26|E2|1"), "violations"));
    Row e3 = e.get("2023-06-26|E3|5");
    assertEquals("2023-W26", e3.getString(e3.fieldIndex("week")));
    assertEquals("foreign", e3.getString(e3.fieldIndex("ownership")));
    assertEquals(List.of("douyin"), e.get("2023-07-03|E1|9").getList(e.get("2023-07-03|E1|9").fieldIndex("platform_list")));

    Map<String, Row> s = byKey(new CampaignSummaryTable().read(spark, f.warehouse).collectAsList(), "quarter");
    Row q2 = s.get("2023Q2");
    assertEquals(7, l(q2, "posts_scanned"));
    assertEquals(4, l(q2, "violations"));
    assertEquals(5714.29, d(q2, "violation_rate_per_10k"));
    assertEquals(2, q2.getInt(q2.fieldIndex("platforms_scanned")));
    assertEquals(3, l(q2, "accounts_involved"));
    assertEquals(2, l(q2, "enterprises_targeted"));
    assertEquals(Map.of("private", 1L, "state_owned", 1L),
        q2.getJavaMap(q2.fieldIndex("enterprises_targeted_by_ownership")));
    assertEquals(5, l(q2, "clues_referred"));
    assertEquals(40.0, d(q2, "median_hours_to_handle"));
    Row q3 = s.get("2023Q3");
    assertEquals(6, l(q3, "posts_scanned"));
    assertEquals(3333.33, d(q3, "violation_rate_per_10k"));
    assertEquals(5714.29, d(q3, "previous_rate_per_10k"));
    assertEquals(-2380.95, d(q3, "rate_change_per_10k"));

    // Typical cases of Q2, most serious first: w2 (0.95, reach 1000), w1 (0.9, 100), d2 (0.8, 50), w5 (0.99, 0).
    List<Row> cases = q2.getList(q2.fieldIndex("typical_cases"));
    assertEquals(List.of("w2", "w1", "d2", "w5"), cases.stream().map(c -> c.getString(c.fieldIndex("post_id"))).toList());
    assertEquals(TypicalCases.seriousness(0.95, 1000), d(cases.get(0), "seriousness"));
    Row leak = cases.get(2);
    String excerpt = leak.getString(leak.fieldIndex("excerpt"));
    assertTrue(excerpt.contains("138****5678") && excerpt.contains("110105********1234"), excerpt);
    assertFalse(excerpt.contains("13812345678") || excerpt.contains("199003071234"), excerpt);
    assertEquals(List.of("personal_data/mobile: mobile number with private context (138****5678)"),
        leak.getList(leak.fieldIndex("evidence")));
  }

  @Test
  @Order(3)
  void coordinatedClustersAreCountedPerPlatformAndQuarter(SparkSession spark) {
    assertEquals("1", stats.details().get("input.coordination_clusters.version"));
    assertNotEquals("absent", stats.details().get("input.disposals.version"));
    Map<String, Row> q = byKey(new PlatformQuarterlyMetricsTable().read(spark, f.warehouse).collectAsList(),
        "quarter", "platform");
    // c1 started at 00:30 on July 1 in Shanghai: Q3, on both platforms; c2 is not an attack.
    assertEquals(0, l(q.get("2023Q2|weibo"), "coordinated_clusters"));
    assertEquals(1, l(q.get("2023Q3|weibo"), "coordinated_clusters"));
    assertEquals(2, l(q.get("2023Q3|douyin"), "coordinated_clusters"));
    Map<String, Row> s = byKey(new CampaignSummaryTable().read(spark, f.warehouse).collectAsList(), "quarter");
    assertEquals(2, l(s.get("2023Q3"), "coordinated_clusters"));
    assertEquals(0, l(s.get("2023Q2"), "coordinated_clusters"));
  }

  @Test
  @Order(4)
  void tablesCarryCommentsAndConstraints(SparkSession spark) {
    String path = new PlatformDailyStatsTable().path(f.warehouse);
    Row rate = spark.sql("DESCRIBE TABLE delta.`" + path + "`").filter("col_name = 'violation_rate_per_10k'").first();
    assertTrue(rate.getString(2).startsWith("10000 * violations / posts_scanned"), rate.getString(2));
    Exception e = assertThrows(Exception.class, () -> spark.sql("INSERT INTO delta.`" + path + "` SELECT "
        + "published_date, quarter, platform, category, category_name, posts_scanned, posts_in_category, violations, "
        + "20000.0, needs_review, accounts_involved, enterprises_targeted, model_version FROM delta.`" + path
        + "` WHERE category = 2 LIMIT 1").collect());
    assertTrue(String.valueOf(e.getMessage()).contains("rate_range"), e.getMessage());
    assertEquals(List.of("quarter"), spark.sql("DESCRIBE DETAIL delta.`" + path + "`").first()
        .getList(spark.sql("DESCRIBE DETAIL delta.`" + path + "`").first().fieldIndex("partitionColumns")));
  }

  @Test
  @Order(5)
  void quarterlySummaryReadsThePlatformTableAndTopCategories(SparkSession spark) {
    QuarterlySummary.Report report = QuarterlySummary.read(spark, f.warehouse, 2);
    assertEquals("m1", report.modelVersion());
    assertEquals(List.of(
        new QuarterlySummary.PlatformQuarter("2023Q2", "weibo", 5, 3, 6000.0, null, 1, 2, 1, 1, 0, 5, 40.0, 0.6),
        new QuarterlySummary.PlatformQuarter("2023Q2", "douyin", 2, 1, 5000.0, null, 2, 2, 0, 0, 0, 0, null, null),
        new QuarterlySummary.PlatformQuarter("2023Q3", "weibo", 2, 1, 5000.0, -1000.0, 1, 2, 0, 0, 1, 0, null, null),
        new QuarterlySummary.PlatformQuarter("2023Q3", "douyin", 4, 1, 2500.0, -2500.0, 2, 2, 0, 0, 2, 1, 2.0, 1.0)),
        report.platforms());
    // Q2: category 2 twice, 1 and 3 once each (ties by id, only two asked for); Q3: 5 and 9 once each.
    assertEquals(List.of(
        new QuarterlySummary.CategoryCount("2023Q2", 2, "炮制传播涉企错误论调", 2, 0.5),
        new QuarterlySummary.CategoryCount("2023Q2", 1, "仿冒假冒企业名称、商标、品牌", 1, 0.25),
        new QuarterlySummary.CategoryCount("2023Q3", 5, f.config.categoryName(5), 1, 0.5),
        new QuarterlySummary.CategoryCount("2023Q3", 9, f.config.categoryName(9), 1, 0.5)),
        report.topCategories());
    String text = report.format();
    assertTrue(text.contains("(model m1)"), text);
    assertTrue(text.contains("2023Q3  douyin"), text);
    assertTrue(text.contains("-2500.00"), text);
    assertTrue(text.contains("2023Q2    2 炮制传播涉企错误论调"), text);
    assertTrue(text.contains("50.0%"), text);
    assertThrows(IllegalArgumentException.class, () -> QuarterlySummary.read(spark, f.warehouse, 0));
  }

  private static final AggregatePeriod MAY_1 =
      new AggregatePeriod(LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-01"));

  private static List<String> sortedRows(List<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.toString()));
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Runs last, on the same warehouse: re-aggregate a period unchanged (identical tables), re-score two
   * days and re-aggregate one of them (only its period changes), read the first figures back by time
   * travel, aggregate an older model version, and maintain the tables.
   */
  @Test
  @Order(10)
  void reaggregationIsIdempotentReplacesOnlyItsPeriodAndTimeTravels(SparkSession spark) {
    JobStats first = stats;
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
    assertEquals(0, safe.get(1).filesVacuumed());
    assertTrue(dailyResult.filesAfter() <= dailyResult.filesBefore());
    assertTrue(dailyResult.describe(168).contains("OPTIMIZE ZORDER BY (published_date, platform)"),
        dailyResult.describe(168));
    List<MaintainJob.Result> shortRetention = MaintainJob.run(spark, f.warehouse, tables, false, true, 0, true);
    assertTrue(shortRetention.get(0).filesVacuumed() > 0, shortRetention.get(0).describe(0));
    assertEquals(11, new PlatformDailyStatsTable().read(spark, f.warehouse).count());
    assertEquals("true", spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true"));
  }
}
