package io.qinglang.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import io.qinglang.table.JobRunsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.QuarantineTable;

/**
 * A tiny warehouse with hand-chosen figures for report and notebook tests: the statistics tables
 * (issue 7's schemas), post_violations, coordination_clusters, model_evaluations, job_runs, posts and
 * quarantine. Two quarters, 2023Q2 and 2023Q3, three platforms. The figures are consistent with each
 * other the way aggregate writes them (daily rows add up to the quarterly ones, ranks follow rates);
 * the constants below are the ones tests check against.
 */
public final class ReportFixtures {
  public static final String MODEL = "m-2023.09";
  public static final String OLD_MODEL = "m-2023.06";
  /** A raw mobile number and resident ID planted in texts people read: the report must mask both. */
  public static final String RAW_PHONE = "13812345678";
  public static final String RAW_ID = "110105199001011234";
  public static final String RAW_CARD = "6222021234567890123";

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- schemas: the tables on main by their specs (post_violations, job_runs, posts, quarantine); the
  // statistics, coordination and evaluation tables as issues 7, 6 and 4 define them (to be replaced by
  // their table classes' SCHEMA once those are on main)

  static final String DAILY = "published_date DATE, quarter STRING, platform STRING, category INT, "
      + "category_name STRING, posts_scanned BIGINT, posts_in_category BIGINT, violations BIGINT, "
      + "violation_rate_per_10k DOUBLE, needs_review BIGINT, accounts_involved BIGINT, enterprises_targeted BIGINT, "
      + "model_version STRING";
  static final String TOP_CATEGORIES = "ARRAY<STRUCT<category: INT, category_name: STRING, violations: BIGINT>>";
  static final String QUARTERLY = "quarter STRING, platform STRING, posts_scanned BIGINT, violations BIGINT, "
      + "violation_rate_per_10k DOUBLE, needs_review BIGINT, accounts_involved BIGINT, enterprises_targeted BIGINT, "
      + "previous_violations BIGINT, previous_rate_per_10k DOUBLE, violations_change BIGINT, "
      + "rate_change_per_10k DOUBLE, rate_change_pct DOUBLE, rank_by_rate INT, platforms_ranked INT, "
      + "top_categories " + TOP_CATEGORIES + ", "
      + "top_enterprises ARRAY<STRUCT<enterprise_id: STRING, enterprise_name: STRING, violations: BIGINT>>, "
      + "impersonation_accounts BIGINT, coordinated_clusters BIGINT, clues_referred BIGINT, clues_handled BIGINT, "
      + "median_hours_to_handle DOUBLE, p90_hours_to_handle DOUBLE, share_handled_24h DOUBLE, "
      + "share_handled_72h DOUBLE, share_pending DOUBLE, share_rejected DOUBLE, model_version STRING";
  static final String EXPOSURE = "week_start DATE, week STRING, enterprise_id STRING, enterprise_name STRING, "
      + "ownership STRING, region STRING, industry STRING, category INT, category_name STRING, violations BIGINT, "
      + "platforms BIGINT, platform_list ARRAY<STRING>, accounts BIGINT, reach BIGINT, model_version STRING";
  static final String TIMELINESS = "quarter STRING, platform STRING, clues_referred BIGINT, clues_handled BIGINT, "
      + "clues_pending BIGINT, clues_rejected BIGINT, clues_on_flagged_posts BIGINT, median_hours_to_handle DOUBLE, "
      + "p90_hours_to_handle DOUBLE, share_handled_24h DOUBLE, share_handled_72h DOUBLE, share_pending DOUBLE, "
      + "share_rejected DOUBLE, model_version STRING";
  static final String SUMMARY = "quarter STRING, posts_scanned BIGINT, violations BIGINT, "
      + "violation_rate_per_10k DOUBLE, previous_rate_per_10k DOUBLE, rate_change_per_10k DOUBLE, "
      + "needs_review BIGINT, platforms_scanned INT, accounts_involved BIGINT, enterprises_targeted BIGINT, "
      + "enterprises_targeted_by_ownership MAP<STRING, BIGINT>, top_categories " + TOP_CATEGORIES + ", "
      + "impersonation_accounts BIGINT, coordinated_clusters BIGINT, clues_referred BIGINT, clues_handled BIGINT, "
      + "median_hours_to_handle DOUBLE, p90_hours_to_handle DOUBLE, share_handled_72h DOUBLE, share_pending DOUBLE, "
      + "typical_cases ARRAY<STRUCT<rank: INT, platform: STRING, post_id: STRING, published_at: TIMESTAMP, "
      + "category: INT, category_name: STRING, confidence: DOUBLE, reach: BIGINT, seriousness: DOUBLE, "
      + "account_id: STRING, account_name: STRING, enterprise_ids: ARRAY<STRING>, excerpt: STRING, "
      + "evidence: ARRAY<STRING>>>, model_version STRING";
  static final String CLUSTERS = "cluster_id STRING, enterprise_ids ARRAY<STRING>, accounts BIGINT, "
      + "platforms ARRAY<STRING>, posts BIGINT, first_at TIMESTAMP, last_at TIMESTAMP, window_accounts INT, "
      + "window_platforms INT, window_start TIMESTAMP, window_end TIMESTAMP, negative_share DOUBLE, "
      + "representative_text STRING, sample_accounts ARRAY<STRING>, is_attack BOOLEAN, reason STRING, "
      + "similar_pairs BIGINT, run_id STRING, detected_at TIMESTAMP";
  static final String EVALUATIONS = "evaluation_id STRING, model_version STRING, dataset STRING, "
      + "evaluated_at TIMESTAMP, category INT, category_name STRING, precision DOUBLE, recall DOUBLE, f1 DOUBLE, "
      + "support BIGINT, predicted BIGINT, macro_f1 DOUBLE, accuracy DOUBLE, false_positive_rate DOUBLE, "
      + "hard_negative_false_positive_rate DOUBLE, hard_negatives BIGINT, posts BIGINT, confusion_row ARRAY<BIGINT>";

  // ---- the hand-chosen daily figures: date, platform, posts scanned, violations per category

  record Day(String date, String platform, long scanned, Map<Integer, Long> violations) {}

  static final List<Day> DAYS = List.of(
      new Day("2023-05-08", "weibo", 1000, Map.of(2, 5L, 3, 2L)),
      new Day("2023-05-15", "weibo", 800, Map.of(1, 3L, 2, 1L)),
      new Day("2023-06-30", "weibo", 1200, Map.of(9, 4L)),
      new Day("2023-05-08", "douyin", 500, Map.of(1, 6L)),
      new Day("2023-05-15", "douyin", 500, Map.of(5, 2L)),
      new Day("2023-06-30", "douyin", 1000, Map.of()),
      new Day("2023-05-08", "zhihu", 400, Map.of(2, 2L)),
      new Day("2023-05-15", "zhihu", 600, Map.of()),
      new Day("2023-06-30", "zhihu", 500, Map.of(10, 1L)),
      new Day("2023-07-03", "weibo", 1000, Map.of(2, 3L)),
      new Day("2023-08-14", "weibo", 1000, Map.of(1, 1L)),
      new Day("2023-07-03", "douyin", 1000, Map.of(1, 5L, 7, 2L)),
      new Day("2023-08-14", "douyin", 1000, Map.of(8, 1L)),
      new Day("2023-07-03", "zhihu", 500, Map.of()),
      new Day("2023-08-14", "zhihu", 500, Map.of(3, 1L)));

  private ReportFixtures() {}

  /** Writes every fixture table under {@code warehouse}. */
  public static void write(SparkSession spark, Path warehouse) {
    Map<Integer, String> names = io.qinglang.config.ConfigLoader.load(null).categoryNames();
    write(spark, warehouse, "platform_daily_stats", DAILY, daily(names));
    write(spark, warehouse, "platform_quarterly_metrics", QUARTERLY, quarterly());
    write(spark, warehouse, "enterprise_exposure", EXPOSURE, exposure(names));
    write(spark, warehouse, "handling_timeliness", TIMELINESS, timeliness());
    write(spark, warehouse, "campaign_summary", SUMMARY, summary(names));
    write(spark, warehouse, "post_violations", PostViolationsTable.SCHEMA, violations(names));
    write(spark, warehouse, "coordination_clusters", CLUSTERS, clusters());
    write(spark, warehouse, "model_evaluations", EVALUATIONS, evaluations(names));
    write(spark, warehouse, "job_runs", JobRunsTable.SCHEMA, jobRuns());
    write(spark, warehouse, "posts", PostsTable.SCHEMA, posts());
    write(spark, warehouse, "quarantine", QuarantineTable.SCHEMA, quarantine());
  }

  /** Writes one table from JSON rows read with the given DDL schema. */
  public static void write(SparkSession spark, Path warehouse, String table, String ddl, List<Map<String, Object>> rows) {
    write(spark, warehouse, table, StructType.fromDDL(ddl), rows);
  }

  /** Writes one table from JSON rows read with the given schema (columns the rows lack are null). */
  public static void write(SparkSession spark, Path warehouse, String table, StructType schema,
      List<Map<String, Object>> rows) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      try {
        lines.add(JSON.writeValueAsString(row));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    spark.read().schema(schema).json(spark.createDataset(lines, Encoders.STRING()))
        .coalesce(1).write().format("delta").mode("overwrite").save(warehouse.resolve(table).toString());
  }

  static String quarter(String date) {
    return Quarter.of(LocalDate.parse(date)).label();
  }

  private static List<Map<String, Object>> daily(Map<Integer, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Day d : DAYS) {
      long flagged = d.violations().values().stream().mapToLong(Long::longValue).sum();
      for (int c = 0; c <= 10; c++) {
        long v = c == 0 ? 0 : d.violations().getOrDefault(c, 0L);
        long inCategory = c == 0 ? d.scanned() - flagged : v;
        rows.add(row("published_date", d.date(), "quarter", quarter(d.date()), "platform", d.platform(),
            "category", c, "category_name", names.get(c), "posts_scanned", d.scanned(), "posts_in_category", inCategory,
            "violations", v, "violation_rate_per_10k", Math.round(1_000_000.0 * v / d.scanned()) / 100.0,
            "needs_review", c == 0 ? 1 : 0, "accounts_involved", v, "enterprises_targeted", v > 0 ? 1 : 0,
            "model_version", MODEL));
      }
    }
    return rows;
  }

  private static Map<String, Object> cat(int id, String name, long violations) {
    return row("category", id, "category_name", name, "violations", violations);
  }

  private static List<Map<String, Object>> quarterly() {
    List<Map<String, Object>> rows = new ArrayList<>();
    // 2023Q2: weibo 3000 posts / 15 violations (50.00), douyin 2000 / 8 (40.00), zhihu 1500 / 3 (20.00)
    rows.add(quarterRow("2023Q2", "weibo", 3000, 15, 50.0, null, null, 1, List.of(cat(2, "炮制传播涉企错误论调", 6),
        cat(9, "借热点恶意营销、跨平台矩阵攻击", 4), cat(1, "仿冒假冒企业名称、商标、品牌", 3)), 1, 1, 6, 5, 20.0, 48.0));
    rows.add(quarterRow("2023Q2", "douyin", 2000, 8, 40.0, null, null, 2, List.of(cat(1, "仿冒假冒企业名称、商标、品牌", 6),
        cat(5, "标题党、断章取义、片面解读财报", 2)), 2, 1, 4, 4, 8.0, 20.0));
    rows.add(quarterRow("2023Q2", "zhihu", 1500, 3, 20.0, null, null, 3, List.of(cat(2, "炮制传播涉企错误论调", 2),
        cat(10, "编造虚假信息抹黑竞争对手", 1)), 0, 0, 0, 0, null, null));
    // 2023Q3: douyin 2000 / 8 (40.00), weibo 2000 / 4 (20.00), zhihu 1000 / 1 (10.00)
    rows.add(quarterRow("2023Q3", "douyin", 2000, 8, 40.0, 8L, 40.0, 1, List.of(cat(1, "仿冒假冒企业名称、商标、品牌", 5),
        cat(7, "招募黑公关写手、有偿删帖", 2), cat(8, "收集负面信息敲诈勒索", 1)), 2, 1, 5, 5, 10.0, 30.0));
    rows.add(quarterRow("2023Q3", "weibo", 2000, 4, 20.0, 15L, 50.0, 2, List.of(cat(2, "炮制传播涉企错误论调", 3),
        cat(1, "仿冒假冒企业名称、商标、品牌", 1)), 1, 2, 10, 8, 20.5, 60.0));
    rows.add(quarterRow("2023Q3", "zhihu", 1000, 1, 10.0, 3L, 20.0, 3, List.of(cat(3, "泄露商业秘密和企业家个人隐私", 1)),
        0, 1, 4, 2, 50.0, 90.0));
    return rows;
  }

  private static Map<String, Object> quarterRow(String quarter, String platform, long scanned, long violations,
      double rate, Long previous, Double previousRate, int rank, List<Map<String, Object>> top, long impersonation,
      long clusters, long referred, long handled, Double median, Double p90) {
    Map<String, Object> r = row("quarter", quarter, "platform", platform, "posts_scanned", scanned,
        "violations", violations, "violation_rate_per_10k", rate, "needs_review", 1, "accounts_involved", violations,
        "enterprises_targeted", Math.min(violations, 2), "previous_violations", previous,
        "previous_rate_per_10k", previousRate, "violations_change", previous == null ? null : violations - previous,
        "rate_change_per_10k", previousRate == null ? null : Math.round((rate - previousRate) * 100) / 100.0,
        "rate_change_pct", previousRate == null || previousRate == 0 ? null
            : Math.round((rate - previousRate) / previousRate * 1000) / 10.0,
        "rank_by_rate", rank, "platforms_ranked", 3, "top_categories", top,
        "top_enterprises", List.of(row("enterprise_id", "E9002", "enterprise_name", "示例民营科技有限公司", "violations",
            Math.min(violations, 2))),
        "impersonation_accounts", impersonation, "coordinated_clusters", clusters, "clues_referred", referred,
        "clues_handled", handled, "median_hours_to_handle", median, "p90_hours_to_handle", p90,
        "share_handled_24h", referred == 0 ? null : 0.5, "share_handled_72h", referred == 0 ? null : 0.7,
        "share_pending", referred == 0 ? null : (referred - handled) / (double) referred,
        "share_rejected", referred == 0 ? null : 0.0, "model_version", MODEL);
    return r;
  }

  private static List<Map<String, Object>> exposure(Map<Integer, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(exposureRow("2023-05-08", "E9001", "示例能源集团有限公司", "state_owned", "北京", 2, 3, names));
    rows.add(exposureRow("2023-05-15", "E9002", "示例民营科技有限公司", "private", "广东", 1, 3, names));
    rows.add(exposureRow("2023-06-26", "E9003", "示例电商有限公司", "private", "浙江", 9, 4, names));
    // 2023Q3: state-owned 2 + 1 + 1 = 4 violations, private 4 + 2 + 1 = 7
    rows.add(exposureRow("2023-07-03", "E9001", "示例能源集团有限公司", "state_owned", "北京", 2, 2, names));
    rows.add(exposureRow("2023-07-03", "E9002", "示例民营科技有限公司", "private", "广东", 1, 4, names));
    rows.add(exposureRow("2023-07-03", "E9003", "示例电商有限公司", "private", "浙江", 1, 2, names));
    rows.add(exposureRow("2023-07-03", "E9004", "示例港口集团有限公司", "state_owned", "上海", 7, 1, names));
    rows.add(exposureRow("2023-08-14", "E9002", "示例民营科技有限公司", "private", "广东", 8, 1, names));
    rows.add(exposureRow("2023-08-14", "E9001", "示例能源集团有限公司", "state_owned", "北京", 3, 1, names));
    return rows;
  }

  private static Map<String, Object> exposureRow(String week, String id, String name, String ownership, String region,
      int category, long violations, Map<Integer, String> names) {
    LocalDate start = LocalDate.parse(week);
    return row("week_start", week, "week", start.getYear() + "-W" + String.format("%02d",
            start.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
        "enterprise_id", id, "enterprise_name", name, "ownership", ownership, "region", region, "industry", "示例行业",
        "category", category, "category_name", names.get(category), "violations", violations, "platforms", 1,
        "platform_list", List.of("weibo"), "accounts", violations, "reach", 100 * violations, "model_version", MODEL);
  }

  private static List<Map<String, Object>> timeliness() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(timelinessRow("2023Q2", "weibo", 6, 5, 1, 0, 20.0, 48.0, 0.5, 0.6667));
    rows.add(timelinessRow("2023Q2", "douyin", 4, 4, 0, 1, 8.0, 20.0, 0.75, 1.0));
    rows.add(timelinessRow("2023Q3", "weibo", 10, 8, 2, 1, 20.5, 60.0, 0.5, 0.7));
    rows.add(timelinessRow("2023Q3", "douyin", 5, 5, 0, 0, 10.0, 30.0, 0.8, 1.0));
    rows.add(timelinessRow("2023Q3", "zhihu", 4, 2, 2, 0, 50.0, 90.0, 0.25, 0.5));
    return rows;
  }

  private static Map<String, Object> timelinessRow(String quarter, String platform, long referred, long handled,
      long pending, long rejected, double median, double p90, double share24, double share72) {
    return row("quarter", quarter, "platform", platform, "clues_referred", referred, "clues_handled", handled,
        "clues_pending", pending, "clues_rejected", rejected, "clues_on_flagged_posts", handled,
        "median_hours_to_handle", median, "p90_hours_to_handle", p90, "share_handled_24h", share24,
        "share_handled_72h", share72, "share_pending", pending / (double) referred,
        "share_rejected", rejected / (double) referred, "model_version", MODEL);
  }

  private static List<Map<String, Object>> summary(Map<Integer, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("quarter", "2023Q2", "posts_scanned", 6500, "violations", 26, "violation_rate_per_10k", 40.0,
        "previous_rate_per_10k", null, "rate_change_per_10k", null, "needs_review", 3, "platforms_scanned", 3,
        "accounts_involved", 24, "enterprises_targeted", 3,
        "enterprises_targeted_by_ownership", Map.of("state_owned", 1, "private", 2),
        "top_categories", List.of(cat(1, names.get(1), 9), cat(2, names.get(2), 8), cat(9, names.get(9), 4)),
        "impersonation_accounts", 3, "coordinated_clusters", 1, "clues_referred", 10, "clues_handled", 9,
        "median_hours_to_handle", 12.0, "p90_hours_to_handle", 40.0, "share_handled_72h", 0.8, "share_pending", 0.1,
        "typical_cases", List.of(typicalCase(1, "weibo", "w-q2-1", "2023-05-08T02:00:00Z", 2, names.get(2), 0.93,
            1200, "acct_q2", "某大V", List.of("E9001"), "所谓民营企业卖国论的帖子摘录", List.of("lexicon: 民营企业卖国论"))),
        "model_version", MODEL));
    rows.add(row("quarter", "2023Q3", "posts_scanned", 5000, "violations", 13, "violation_rate_per_10k", 26.0,
        "previous_rate_per_10k", 40.0, "rate_change_per_10k", -14.0, "needs_review", 3, "platforms_scanned", 3,
        "accounts_involved", 12, "enterprises_targeted", 4,
        "enterprises_targeted_by_ownership", Map.of("state_owned", 2, "private", 2),
        "top_categories", List.of(cat(1, names.get(1), 6), cat(2, names.get(2), 3), cat(7, names.get(7), 2)),
        "impersonation_accounts", 3, "coordinated_clusters", 2, "clues_referred", 19, "clues_handled", 15,
        "median_hours_to_handle", 18.0, "p90_hours_to_handle", 70.0, "share_handled_72h", 0.7368,
        "share_pending", 0.2105,
        "typical_cases", List.of(
            typicalCase(1, "douyin", "d-q3-1", "2023-07-03T04:30:00Z", 1, names.get(1), 0.97, 52000, "acct_d1",
                "示例科技官方客服", List.of("E9002"), "示例科技官方客服，退款请联系 " + RAW_PHONE + "，身份证 " + RAW_ID,
                List.of("impersonation: 名称与登记企业示例民营科技有限公司近似", "personal_data: 手机号 " + RAW_PHONE,
                    "personal_data: 银行卡 " + RAW_CARD)),
            typicalCase(2, "weibo", "w-q3-7", "2023-07-03T09:15:00Z", 2, names.get(2), 0.91, 8800, "acct_w7",
                "观察者小王", List.of("E9001"), "国进民退已成定局，示例能源集团就是证据", List.of("lexicon: 国进民退"))),
        "model_version", MODEL));
    return rows;
  }

  private static Map<String, Object> typicalCase(int rank, String platform, String postId, String at, int category,
      String categoryName, double confidence, long reach, String accountId, String accountName, List<String> enterprises,
      String excerpt, List<String> evidence) {
    return row("rank", rank, "platform", platform, "post_id", postId, "published_at", at, "category", category,
        "category_name", categoryName, "confidence", confidence, "reach", reach,
        "seriousness", confidence * Math.log10(10 + reach), "account_id", accountId, "account_name", accountName,
        "enterprise_ids", enterprises, "excerpt", excerpt, "evidence", evidence);
  }

  private static List<Map<String, Object>> violations(Map<Integer, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    // 2023Q3 impersonation findings: three accounts (one with two posts), one named with a phone number.
    rows.add(violation("d-q3-1", "douyin", "acct_d1", "示例科技官方客服", "2023-07-03T04:30:00Z", 1, names, 0.97,
        List.of("E9002"), impersonation("示例科技官方客服", 0.95), MODEL, "score-2023q3"));
    rows.add(violation("d-q3-2", "douyin", "acct_d1", "示例科技官方客服", "2023-07-04T04:30:00Z", 1, names, 0.9,
        List.of("E9002"), impersonation("示例科技官方客服", 0.9), MODEL, "score-2023q3"));
    rows.add(violation("d-q3-3", "douyin", "acct_d2", "示例科技售后" + RAW_PHONE, "2023-07-05T04:30:00Z", 1, names, 0.88,
        List.of("E9002"), impersonation("示例科技售后", 0.85), MODEL, "score-2023q3"));
    rows.add(violation("w-q3-1", "weibo", "acct_w1", "示例电商旗舰店", "2023-08-14T01:00:00Z", 1, names, 0.86,
        List.of("E9003"), impersonation("示例电商旗舰店", 0.8), MODEL, "score-2023q3"));
    // Category 1 from the classifier alone (no impersonation evidence): not an impersonation account.
    rows.add(violation("w-q3-2", "weibo", "acct_w2", "普通用户", "2023-08-14T02:00:00Z", 1, names, 0.7,
        List.of("E9003"), List.of(evidence("classifier", "category", "category 1", null, 0.7)), MODEL, "score-2023q3"));
    // The same kind of finding by the old model version: not counted for the current one.
    rows.add(violation("d-q3-9", "douyin", "acct_old", "旧模型发现的账号", "2023-07-06T04:30:00Z", 1, names, 0.8,
        List.of("E9002"), impersonation("旧模型发现的账号", 0.8), OLD_MODEL, "score-old"));
    // An impersonation finding in 2023Q2 (local date 2023-06-30, UTC 2023-06-30T15:30): not in 2023Q3.
    rows.add(violation("w-q2-9", "weibo", "acct_q2", "示例能源客服", "2023-06-30T15:30:00Z", 1, names, 0.9,
        List.of("E9001"), impersonation("示例能源客服", 0.9), MODEL, "score-2023q2"));
    rows.add(violation("z-q3-1", "zhihu", "acct_z1", "知乎用户", "2023-08-14T03:00:00Z", 0, names, 0.99,
        List.of(), List.of(), MODEL, "score-2023q3"));
    return rows;
  }

  private static List<Map<String, Object>> impersonation(String name, double score) {
    return List.of(evidence("impersonation", "name_variant", "账号名「" + name + "」仿冒登记企业", name, score));
  }

  private static Map<String, Object> evidence(String source, String kind, String detail, String span, double score) {
    return row("source", source, "kind", kind, "detail", detail, "span", span, "start", 0,
        "end", span == null ? 0 : span.length(), "score", score);
  }

  private static Map<String, Object> violation(String postId, String platform, String account, String accountName,
      String at, int category, Map<Integer, String> names, double confidence, List<String> enterprises,
      List<Map<String, Object>> evidence, String model, String runId) {
    LocalDate local = java.time.Instant.parse(at).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    return row("post_id", postId, "platform", platform, "content_type", "account", "account_id", account,
        "account_name", accountName, "published_at", at, "published_date", local.toString(), "category", category,
        "category_name", names.get(category), "confidence", confidence, "probabilities", null,
        "needs_review", confidence < 0.75 && category > 0,
        "enterprise_ids", enterprises, "evidence", evidence, "fin_clickbait", null, "fin_clickbait_prob", null,
        "reach", 100, "model_version", model, "run_id", runId, "scored_at", "2023-09-30T12:00:00Z");
  }

  private static List<Map<String, Object>> clusters() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(cluster("cc-000000000000000a", "2023-07-03T02:00:00Z", "2023-07-03T05:00:00Z", List.of("douyin", "weibo"),
        12, 9, true, "9 accounts on 2 platforms within 3 hours, 92% negative", "示例科技偷税漏税，大家快转！联系 " + RAW_PHONE));
    // first_at 2023-06-30T16:30Z is 2023-07-01 00:30 in Asia/Shanghai: a 2023Q3 campaign.
    rows.add(cluster("cc-000000000000000b", "2023-06-30T16:30:00Z", "2023-07-01T02:00:00Z", List.of("weibo", "zhihu"),
        6, 5, true, "5 accounts on 2 platforms within 10 hours, 80% negative", "示例能源要倒闭了，内部人士爆料"));
    rows.add(cluster("cc-000000000000000c", "2023-05-10T03:00:00Z", "2023-05-10T08:00:00Z", List.of("weibo", "douyin"),
        8, 6, true, "6 accounts on 2 platforms within 5 hours, 75% negative", "2023Q2 的一次协同攻击"));
    rows.add(cluster("cc-000000000000000d", "2023-07-10T03:00:00Z", "2023-07-10T08:00:00Z", List.of("weibo"),
        30, 28, false, "fans reposting an official announcement (5% negative)", "示例电商官方公告转发"));
    return rows;
  }

  private static Map<String, Object> cluster(String id, String first, String last, List<String> platforms, long posts,
      long accounts, boolean attack, String reason, String text) {
    return row("cluster_id", id, "enterprise_ids", List.of("E9002"), "accounts", accounts, "platforms", platforms,
        "posts", posts, "first_at", first, "last_at", last, "window_accounts", (int) accounts,
        "window_platforms", platforms.size(), "window_start", first, "window_end", last,
        "negative_share", attack ? 0.9 : 0.05, "representative_text", text,
        "sample_accounts", List.of(platforms.get(0) + ":acct_1", platforms.get(0) + ":acct_2"), "is_attack", attack,
        "reason", reason, "similar_pairs", 3, "run_id", "detect-2023q3", "detected_at", "2023-09-30T13:00:00Z");
  }

  /** Per-category F1 of the held-out evaluation of {@link #MODEL}, category 0..10. */
  static final double[] HOLDOUT_F1 = {0.95, 0.9, 0.8, 0.85, 0.7, 0.75, 0.6, 0.88, 0.82, 0.78, 0.72};
  static final double HOLDOUT_MACRO_F1 = 0.7955;

  private static List<Map<String, Object>> evaluations(Map<Integer, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int c = 0; c <= 10; c++) {
      rows.add(evaluation("eval-holdout", MODEL, "jobs/corpus/holdout", "2023-09-02T00:00:00Z", c, names,
          HOLDOUT_F1[c], HOLDOUT_MACRO_F1, 0.86, 0.021, 0.045));
      rows.add(evaluation("train-validation", MODEL, "validation", "2023-09-01T00:00:00Z", c, names, 0.9, 0.9, 0.93,
          0.01, 0.02));
      rows.add(evaluation("eval-old", OLD_MODEL, "jobs/corpus/holdout", "2023-06-02T00:00:00Z", c, names, 0.5, 0.5,
          0.6, 0.2, 0.3));
    }
    return rows;
  }

  private static Map<String, Object> evaluation(String id, String model, String dataset, String at, int c,
      Map<Integer, String> names, double f1, double macro, double accuracy, double fpr, double hardFpr) {
    Long[] confusion = new Long[11];
    java.util.Arrays.fill(confusion, 0L);
    confusion[c] = 10L;
    return row("evaluation_id", id, "model_version", model, "dataset", dataset, "evaluated_at", at, "category", c,
        "category_name", names.get(c), "precision", f1, "recall", f1, "f1", f1, "support", 10, "predicted", 10,
        "macro_f1", macro, "accuracy", accuracy, "false_positive_rate", fpr, "hard_negative_false_positive_rate",
        hardFpr, "hard_negatives", 150, "posts", 577, "confusion_row", List.of(confusion));
  }

  private static List<Map<String, Object>> jobRuns() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(run("ingest-2023q3-a", "ingest", "--input /archives/2023Q3/weibo.jsonl", "2023-09-30T10:00:00Z",
        "succeeded", List.of("/archives/2023Q3/weibo.jsonl"), 3100, 3000, 3, 7, Map.of("bad_timestamp", "1")));
    rows.add(run("ingest-2023q3-b", "ingest", "--input /archives/2023Q3/douyin.csv", "2023-09-30T10:30:00Z",
        "succeeded", List.of("/archives/2023Q3/douyin.csv"), 2002, 2000, 2, 0, Map.of()));
    rows.add(run("ingest-2023q2", "ingest", "--input /archives/2023Q2/", "2023-07-01T10:00:00Z", "succeeded",
        List.of("/archives/2023Q2/all.jsonl"), 6600, 6500, 90, 10, Map.of()));
    rows.add(run("ingest-failed", "ingest", "--input /archives/broken/", "2023-09-29T10:00:00Z", "failed",
        List.of("/archives/broken/x.jsonl"), 0, 0, 0, 0, Map.of()));
    rows.add(run("score-2023q3", "score", "", "2023-09-30T12:00:00Z", "succeeded", List.of(), 5000, 5000, 0, 0,
        Map.of("model_version", MODEL)));
    rows.add(run("detect-2023q3", "detect", "", "2023-09-30T13:00:00Z", "succeeded", List.of(), 5000, 4, 0, 0,
        Map.of()));
    rows.add(run("aggregate-2023q3", "aggregate", "", "2023-09-30T14:00:00Z", "succeeded", List.of(), 11500, 200, 0, 0,
        Map.of("period", "all dates", "model_version", MODEL, "campaign_summary.version", "0")));
    return rows;
  }

  private static Map<String, Object> run(String id, String command, String args, String started, String status,
      List<String> files, long read, long written, long quarantined, long duplicate, Map<String, String> details) {
    return row("run_id", id, "command", command, "arguments", args, "started_at", started,
        "finished_at", java.time.Instant.parse(started).plusSeconds(300).toString(), "status", status,
        "input_files", files, "rows_read", read, "rows_written", written, "rows_updated", 0, "rows_unchanged", 0,
        "rows_quarantined", quarantined, "rows_duplicate", duplicate,
        "error_message", status.equals("failed") ? "input not found" : null, "details", details);
  }

  private static List<Map<String, Object>> posts() {
    return List.of(
        row("post_id", "w-1", "platform", "weibo", "content_type", "post", "account_id", "a1",
            "published_at", "2023-07-03T01:00:00Z", "published_date", "2023-07-03", "content", "正文",
            "ingest_run_id", "ingest-2023q3-a"),
        row("post_id", "d-1", "platform", "douyin", "content_type", "post", "account_id", "a2",
            "published_at", "2023-08-14T01:00:00Z", "published_date", "2023-08-14", "content", "正文",
            "ingest_run_id", "ingest-2023q3-b"),
        row("post_id", "w-0", "platform", "weibo", "content_type", "post", "account_id", "a3",
            "published_at", "2023-05-08T01:00:00Z", "published_date", "2023-05-08", "content", "正文",
            "ingest_run_id", "ingest-2023q2"));
  }

  private static List<Map<String, Object>> quarantine() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(quarantined("q1", "ingest-2023q3-a", "malformed_json"));
    rows.add(quarantined("q2", "ingest-2023q3-a", "malformed_json"));
    rows.add(quarantined("q3", "ingest-2023q3-a", "bad_timestamp"));
    rows.add(quarantined("q4", "ingest-2023q3-b", "missing_field:content"));
    rows.add(quarantined("q5", "ingest-2023q3-b", "missing_field:content"));
    rows.add(quarantined("q6", "ingest-2023q2", "unknown_platform"));
    return rows;
  }

  private static Map<String, Object> quarantined(String id, String run, String reason) {
    return row("quarantine_id", id, "kind", "posts", "source_file", "/archives/x", "record_no", 1,
        "raw_record", "{broken " + RAW_PHONE, "reason", reason, "detail", "", "platform", null, "post_id", null,
        "ingest_run_id", run, "quarantined_at", "2023-09-30T10:05:00Z");
  }

  /** A row from alternating keys and values (nulls allowed). */
  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
