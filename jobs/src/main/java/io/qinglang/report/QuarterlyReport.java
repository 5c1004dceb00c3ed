package io.qinglang.report;

import io.qinglang.config.ConfigException;
import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.report.ReportModel.Block;
import io.qinglang.report.ReportModel.CasesBlock;
import io.qinglang.report.ReportModel.ChartBlock;
import io.qinglang.report.ReportModel.Kpi;
import io.qinglang.report.ReportModel.Paragraph;
import io.qinglang.report.ReportModel.Section;
import io.qinglang.report.ReportModel.TableBlock;
import io.qinglang.report.ResultTable.Kind;
import io.qinglang.report.chart.ChartRenderer;
import io.qinglang.report.chart.ChartSpec;
import io.qinglang.table.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Gathers the quarterly review report from the warehouse: headline figures with the change versus
 * the previous quarter (campaign_summary), the platforms ranked by violation rate
 * (platform_quarterly_metrics), the category mix and the weekly trend (platform_daily_stats), the
 * platforms' handling timeliness (handling_timeliness), state-owned versus private enterprises
 * (enterprise_exposure), coordinated campaigns (coordination_clusters) and impersonation accounts
 * (post_violations), typical cases (campaign_summary), the model's measured quality
 * (model_evaluations) and the data's provenance (job_runs, posts' run ids, quarantine). Every table
 * is read at one pinned Delta version. Personal data is masked in every text shown.
 */
public final class QuarterlyReport {
  private static final Logger LOG = LogManager.getLogger(QuarterlyReport.class);
  static final List<String> REQUIRED = List.of("campaign_summary", "platform_quarterly_metrics", "platform_daily_stats");
  /** Summary tables small enough to keep in memory while the report is gathered (many queries read them). */
  static final Set<String> CACHED = Set.of("campaign_summary", "platform_quarterly_metrics", "platform_daily_stats",
      "handling_timeliness", "enterprise_exposure", "model_evaluations", "coordination_clusters", "job_runs");
  static final Map<String, String> OWNERSHIP = Map.of("state_owned", "国有", "private", "民营", "foreign", "外资",
      "mixed", "混合所有制");

  private final SparkSession spark;
  private final ReportSettings settings;
  private final ZoneId zone;
  private final EnterpriseRegistry registry;
  private final ChartRenderer charts;
  private final Quarter quarter;
  private final Quarter previous;
  private PinnedTables pins;
  private String model;
  private int sectionNumber;

  /**
   * @param registry the enterprise registry in force, for enterprise names (null: ids only)
   */
  public QuarterlyReport(SparkSession spark, ReportSettings settings, ZoneId zone, EnterpriseRegistry registry,
      Quarter quarter) {
    this.spark = spark;
    this.settings = settings;
    this.zone = zone;
    this.registry = registry;
    this.quarter = quarter;
    this.previous = quarter.previous();
    this.charts = new ChartRenderer(settings.fonts(), settings.chartWidth(), settings.chartHeight(), zone);
  }

  /** The report's content; a missing table or quarter is a {@link ConfigException} saying what to run. */
  public ReportModel build(Warehouse warehouse) {
    List<String> present = warehouse.tableNames(spark);
    for (String table : REQUIRED) {
      if (!present.contains(table)) {
        throw new ConfigException("the warehouse " + warehouse.location() + " has no table " + table
            + ": run aggregate first (jobs/bin/qinglang aggregate)");
      }
    }
    // The quarter is checked before every table is pinned: a wrong quarter fails fast.
    List<String> quarters = spark.read().format("delta").load(warehouse.tablePath("campaign_summary"))
        .select("quarter").distinct().orderBy("quarter").collectAsList().stream().map(r -> r.getString(0)).toList();
    if (!quarters.contains(quarter.label())) {
      throw new ConfigException("--quarter " + quarter.label() + ": campaign_summary has no figures for it ("
          + (quarters.isEmpty() ? "it is empty" : "quarters there: " + String.join(", ", quarters))
          + "); run aggregate for that period first");
    }
    pins = PinnedTables.pin(spark, warehouse, CACHED);
    try {
      return gather();
    } finally {
      pins.release();
    }
  }

  private ReportModel gather() {
    Masking.register(spark);
    Map<String, Row> summary = new LinkedHashMap<>();
    for (Row r : spark.sql("SELECT * FROM campaign_summary WHERE quarter IN ('" + quarter.label() + "', '"
        + previous.label() + "')").collectAsList()) {
      summary.put(r.getAs("quarter"), r);
    }
    Row current = summary.get(quarter.label());
    if (current == null) {
      throw new ConfigException("--quarter " + quarter.label() + ": campaign_summary lost its figures while the "
          + "report was starting (an aggregate run replaced them); run report again");
    }
    long platformRows = spark.sql("SELECT count(*) FROM platform_quarterly_metrics WHERE quarter = '"
        + quarter.label() + "'").first().getLong(0);
    long scanned = current.<Long>getAs("posts_scanned");
    if (platformRows == 0 || scanned == 0) {
      throw new ConfigException("--quarter " + quarter.label() + ": no scanned posts in platform_quarterly_metrics "
          + "for it; run score and aggregate for that period first");
    }
    Row prior = summary.get(previous.label());
    model = current.getAs("model_version");
    Row range = spark.sql("SELECT min(published_date), max(published_date) FROM platform_daily_stats WHERE quarter = '"
        + quarter.label() + "'").first();
    LocalDate first = range.isNullAt(0) ? quarter.start() : range.getDate(0).toLocalDate();
    LocalDate last = range.isNullAt(1) ? quarter.end() : range.getDate(1).toLocalDate();

    sectionNumber = 0;
    List<Section> sections = new ArrayList<>();
    sections.add(headline(current, prior));
    sections.add(platforms());
    sections.add(categories());
    sections.add(weekly());
    sections.add(timeliness());
    sections.add(ownership(current));
    sections.add(campaigns(current));
    sections.add(typicalCases());
    sections.add(modelQuality());
    sections.add(provenance(current, first, last));
    LOG.info("report {}: {} sections, {} tables", quarter, sections.size(),
        sections.stream().mapToLong(s -> s.blocks().stream().filter(b -> b instanceof TableBlock).count()).sum());
    return new ReportModel(quarter, previous, prior != null, model, Instant.now(), zone, first, last, scanned,
        kpis(current, prior), numbered(sections));
  }

  // ---- headline figures

  private record Metric(String column, String label, String unit, Boolean higherIsWorse, boolean share) {}

  private static final List<Metric> METRICS = List.of(
      new Metric("posts_scanned", "扫描帖文", "条", null, false),
      new Metric("violations", "违规帖文", "条", true, false),
      new Metric("violation_rate_per_10k", "每万条违规率", "", true, false),
      new Metric("accounts_involved", "涉及账号", "个", true, false),
      new Metric("enterprises_targeted", "被点名企业", "家", true, false),
      new Metric("impersonation_accounts", "仿冒账号", "个", true, false),
      new Metric("coordinated_clusters", "协同攻击", "起", true, false),
      new Metric("needs_review", "待人工复核", "条", null, false),
      new Metric("clues_referred", "移交平台线索", "条", null, false),
      new Metric("clues_handled", "平台已处置线索", "条", null, false),
      new Metric("median_hours_to_handle", "处置用时中位数", "小时", true, false),
      new Metric("share_handled_72h", "72 小时内处置", "", false, true),
      new Metric("share_pending", "仍待处置", "", true, true));

  private List<Kpi> kpis(Row current, Row prior) {
    List<Kpi> out = new ArrayList<>();
    for (Metric m : METRICS.subList(0, 8)) {
      Double now = number(current, m.column());
      Double before = prior == null ? null : number(prior, m.column());
      out.add(new Kpi(m.label(), value(m, now), change(m, now, before),
          now == null || before == null ? 0 : Double.compare(round(now), round(before)), m.higherIsWorse()));
    }
    return out;
  }

  private Section headline(Row current, Row prior) {
    List<List<Object>> rows = new ArrayList<>();
    for (Metric m : METRICS) {
      Double now = number(current, m.column());
      Double before = prior == null ? null : number(prior, m.column());
      Double scale = m.share() ? 100.0 : 1.0;
      rows.add(java.util.Arrays.asList(m.label() + (m.share() ? "（%）" : m.unit().isEmpty() ? "" : "（" + m.unit() + "）"),
          now == null ? null : round(now * scale), before == null ? null : round(before * scale),
          now == null || before == null ? null : round((now - before) * scale),
          now == null || before == null || before == 0 || m.share() ? null : round((now - before) / before * 100)));
    }
    ResultTable t = new ResultTable("headline", "核心数据", List.of(
        new ResultTable.Column("metric", "指标", Kind.TEXT),
        new ResultTable.Column("current", quarter.label(), Kind.DECIMAL),
        new ResultTable.Column("previous", previous.label(), Kind.DECIMAL),
        new ResultTable.Column("change", "变化", Kind.DECIMAL),
        new ResultTable.Column("change_pct", "变化率（%）", Kind.DECIMAL)), rows, false);
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(prior == null
        ? "<p>" + Html.escape(previous.chinese()) + "没有统计数据，无法与上季度比较。</p>"
        : "<p>与" + Html.escape(previous.chinese()) + "相比。违规率为每万条扫描帖文中的违规帖文数。</p>"));
    blocks.add(new TableBlock(t, t.rows().size(), null));
    return section("核心数据", blocks);
  }

  private static String value(Metric m, Double v) {
    if (v == null) {
      return "—";
    }
    if (m.share()) {
      return Values.percent(v);
    }
    return (m.unit().equals("条") || m.unit().equals("个") || m.unit().equals("家") || m.unit().equals("起")
        ? String.format(java.util.Locale.ROOT, "%,d", Math.round(v)) : Values.decimal(v)) + (m.unit().isEmpty() ? ""
        : " " + m.unit());
  }

  private static String change(Metric m, Double now, Double before) {
    if (now == null || before == null) {
      return null;
    }
    double d = now - before;
    if (m.share()) {
      return Values.signed(round(d * 100), false) + " 个百分点";
    }
    boolean whole = m.unit().equals("条") || m.unit().equals("个") || m.unit().equals("家") || m.unit().equals("起");
    String text = Values.signed(round(d), whole) + (m.unit().isEmpty() || whole ? "" : " " + m.unit());
    if (before != 0) {
      text += "（" + Values.signed(round(d / before * 100), false) + "%）";
    }
    return text;
  }

  // ---- platforms

  private Section platforms() {
    ResultTable t = query("platforms", "各平台违规情况（按违规率排名）", """
        SELECT rank_by_rate, platform, posts_scanned, violations, violation_rate_per_10k, previous_rate_per_10k,
               rate_change_per_10k,
               array_join(transform(top_categories, c -> concat(c.category_name, '（', c.violations, '）')), '；')
                 AS top_categories,
               impersonation_accounts, coordinated_clusters, needs_review
        FROM platform_quarterly_metrics WHERE quarter = '%s'
        ORDER BY rank_by_rate, platform""".formatted(quarter.label()));
    t = present(t).withLabels(labels("rank_by_rate", "排名", "platform", "平台", "posts_scanned", "扫描帖文",
        "violations", "违规帖文", "violation_rate_per_10k", "每万条违规率", "previous_rate_per_10k", "上季度违规率",
        "rate_change_per_10k", "违规率变化", "top_categories", "主要违规类别", "impersonation_accounts", "仿冒账号",
        "coordinated_clusters", "协同攻击", "needs_review", "待人工复核"));
    List<Block> blocks = new ArrayList<>();
    blocks.add(chart("chart-platform-rates", "各平台每万条违规率：本季度与上季度",
        new ChartSpec(ChartSpec.Type.BAR, "platform", List.of("violation_rate_per_10k", "previous_rate_per_10k"), null,
            null, false), t));
    blocks.add(new TableBlock(t, t.rows().size(), "排名 1 为违规率最高的平台；违规率相同的平台名次相同。"
        + "协同攻击按波及该平台计，一起攻击可波及多个平台。"));
    return section("各平台违规情况", blocks);
  }

  // ---- category mix

  private Section categories() {
    ResultTable t = query("categories", "违规类别构成", """
        WITH cur AS (SELECT category, first(category_name) AS category_name, sum(violations) AS violations
                     FROM platform_daily_stats WHERE quarter = '%1$s' AND category > 0 GROUP BY category),
             prev AS (SELECT category, sum(violations) AS violations
                      FROM platform_daily_stats WHERE quarter = '%2$s' AND category > 0 GROUP BY category),
             total AS (SELECT sum(violations) AS n FROM cur)
        SELECT cur.category, cur.category_name, cur.violations, cur.violations / nullif(total.n, 0) AS share,
               prev.violations AS previous_violations, cur.violations - prev.violations AS change
        FROM cur CROSS JOIN total LEFT JOIN prev ON cur.category = prev.category
        ORDER BY cur.category""".formatted(quarter.label(), previous.label()));
    t = t.withKind(Kind.PERCENT, "share").withLabels(labels("category", "类别编号", "category_name", "违规类别",
        "violations", "违规帖文", "share", "占比", "previous_violations", "上季度", "change", "变化"));
    List<Block> blocks = new ArrayList<>();
    blocks.add(chart("chart-categories", "各类违规帖文数",
        new ChartSpec(ChartSpec.Type.BAR, "category_name", List.of("violations"), null, null, true), t));
    blocks.add(new TableBlock(t, t.rows().size(), "类别编号对应专项行动列出的十类问题。"));
    return section("违规类别构成", blocks);
  }

  // ---- weekly trend

  private Section weekly() {
    ResultTable t = query("weekly", "每周趋势", """
        SELECT CAST(date_trunc('WEEK', published_date) AS DATE) AS week_start,
               min(published_date) AS first_day, max(published_date) AS last_day,
               sum(CASE WHEN category = 0 THEN posts_scanned ELSE 0 END) AS posts_scanned,
               sum(violations) AS violations,
               round(10000 * sum(violations) / sum(CASE WHEN category = 0 THEN posts_scanned ELSE 0 END), 2)
                 AS violation_rate_per_10k
        FROM platform_daily_stats WHERE quarter = '%s'
        GROUP BY 1 ORDER BY 1""".formatted(quarter.label()));
    t = t.withLabels(labels("week_start", "周（周一）", "first_day", "首个有数据日", "last_day", "末个有数据日",
        "posts_scanned", "扫描帖文", "violations", "违规帖文", "violation_rate_per_10k", "每万条违规率"));
    List<Block> blocks = new ArrayList<>();
    blocks.add(chart("chart-weekly", "每周每万条违规率",
        new ChartSpec(ChartSpec.Type.LINE, "week_start", List.of("violation_rate_per_10k"), null, null, false), t));
    blocks.add(new TableBlock(t, t.rows().size(), "每周从周一起算，只计本季度内的日期，首末两周可能不满 7 天。"));
    return section("每周趋势", blocks);
  }

  // ---- handling timeliness

  private Section timeliness() {
    List<Block> blocks = new ArrayList<>();
    if (!pins.has("handling_timeliness")) {
      blocks.add(new Paragraph("<p class=\"note\">数据仓库中没有处置时效表 handling_timeliness"
          + "（导入处置记录 <code>ingest --kind disposals</code> 并运行 aggregate 后生成）。</p>"));
      return section("平台处置时效", blocks);
    }
    ResultTable t = query("timeliness", "平台处置时效", """
        SELECT platform, clues_referred, clues_handled, clues_pending, clues_rejected, median_hours_to_handle,
               p90_hours_to_handle, share_handled_24h, share_handled_72h, share_pending, share_rejected
        FROM handling_timeliness WHERE quarter = '%s'
        ORDER BY median_hours_to_handle NULLS LAST, platform""".formatted(quarter.label()));
    t = present(t).withKind(Kind.PERCENT, "share_handled_24h", "share_handled_72h", "share_pending", "share_rejected")
        .withLabels(labels("platform", "平台", "clues_referred", "移交线索", "clues_handled", "已处置",
            "clues_pending", "待处置", "clues_rejected", "拒绝处置", "median_hours_to_handle", "用时中位数（小时）",
            "p90_hours_to_handle", "用时第 90 百分位（小时）", "share_handled_24h", "24 小时内处置",
            "share_handled_72h", "72 小时内处置", "share_pending", "待处置比例", "share_rejected", "拒绝比例"));
    if (t.isEmpty()) {
      blocks.add(new Paragraph("<p class=\"note\">本季度没有移交平台的线索记录。</p>"));
    } else if (hasValues(t, "median_hours_to_handle")) {
      blocks.add(chart("chart-timeliness", "各平台处置用时（小时）：中位数与第 90 百分位",
          new ChartSpec(ChartSpec.Type.BAR, "platform", List.of("median_hours_to_handle", "p90_hours_to_handle"),
              null, null, false), t));
    }
    blocks.add(new TableBlock(t, t.rows().size(), "用时自线索移交至平台作出处置（删除、限流、标注或拒绝）计；"
        + "比例均以移交线索数为分母。"));
    return section("平台处置时效", blocks);
  }

  // ---- state-owned vs private enterprises

  private Section ownership(Row current) {
    List<Block> blocks = new ArrayList<>();
    if (!pins.has("enterprise_exposure")) {
      blocks.add(new Paragraph("<p class=\"note\">数据仓库中没有 enterprise_exposure 表（运行 aggregate 后生成）。</p>"));
      return section("国有企业与民营企业受侵害情况", blocks);
    }
    String weeks = "week_start BETWEEN DATE'" + quarter.start() + "' AND DATE'" + quarter.end() + "'";
    String ownershipName = "CASE ownership " + OWNERSHIP.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> "WHEN '" + e.getKey() + "' THEN '" + e.getValue() + "'").collect(Collectors.joining(" "))
        + " ELSE '未登记' END";
    Map<String, Long> targeted = new LinkedHashMap<>();
    Map<String, Object> byOwnership = ResultTable.plain(current.getAs("enterprises_targeted_by_ownership")) instanceof
        Map<?, ?> m ? castMap(m) : Map.of();
    byOwnership.forEach((k, v) -> targeted.put(OWNERSHIP.getOrDefault(k, "未登记"),
        targeted.getOrDefault(OWNERSHIP.getOrDefault(k, "未登记"), 0L) + ((Number) v).longValue()));
    ResultTable summary = query("ownership", "国有与民营企业对比", """
        SELECT %s AS ownership, count(DISTINCT enterprise_id) AS enterprises, sum(violations) AS violations,
               sum(reach) AS reach
        FROM enterprise_exposure WHERE %s GROUP BY 1 ORDER BY violations DESC, ownership"""
        .formatted(ownershipName, weeks));
    List<List<Object>> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (List<Object> r : summary.rows()) {
      String o = (String) r.get(0);
      seen.add(o);
      rows.add(java.util.Arrays.asList(o, targeted.get(o), r.get(1), r.get(2), r.get(3)));
    }
    for (Map.Entry<String, Long> e : targeted.entrySet()) {
      if (!seen.contains(e.getKey())) {
        rows.add(java.util.Arrays.asList(e.getKey(), e.getValue(), 0L, 0L, 0L));
      }
    }
    ResultTable t = new ResultTable("ownership", "国有与民营企业对比", List.of(
        new ResultTable.Column("ownership", "所有制", Kind.TEXT),
        new ResultTable.Column("enterprises_targeted", "本季度被点名企业（家）", Kind.INTEGER),
        new ResultTable.Column("enterprises_weeks", "按周统计被点名企业（家）", Kind.INTEGER),
        new ResultTable.Column("violations", "违规点名次数", Kind.INTEGER),
        new ResultTable.Column("reach", "传播量", Kind.INTEGER)), rows, false);
    ResultTable byCategory = query("ownership_categories", "各类违规点名的企业（按所有制）", """
        SELECT category, first(category_name) AS category_name, %s AS ownership, sum(violations) AS violations
        FROM enterprise_exposure WHERE %s GROUP BY category, 3 ORDER BY category, ownership"""
        .formatted(ownershipName, weeks)).withLabels(labels("category", "类别编号", "category_name", "违规类别",
        "ownership", "所有制", "violations", "违规点名次数"));
    ResultTable regions = query("regions", "各地区企业被点名次数", """
        SELECT coalesce(region, '未登记') AS region,
               sum(CASE WHEN ownership = 'state_owned' THEN violations ELSE 0 END) AS state_owned,
               sum(CASE WHEN ownership = 'private' THEN violations ELSE 0 END) AS private,
               sum(CASE WHEN ownership IS NULL OR ownership NOT IN ('state_owned', 'private') THEN violations ELSE 0 END)
                 AS other,
               sum(violations) AS violations, count(DISTINCT enterprise_id) AS enterprises
        FROM enterprise_exposure WHERE %s GROUP BY 1 ORDER BY violations DESC, region""".formatted(weeks))
        .withLabels(labels("region", "地区", "state_owned", "国有企业", "private", "民营企业", "other", "其他/未登记",
            "violations", "合计", "enterprises", "企业（家）"));
    ResultTable top = query("top_enterprises", "被点名最多的企业", """
        SELECT enterprise_id, first(enterprise_name, true) AS enterprise_name, %s AS ownership,
               first(region, true) AS region, sum(violations) AS violations, sum(reach) AS reach,
               array_join(array_sort(collect_set(category_name)), '、') AS categories
        FROM enterprise_exposure WHERE %s
        GROUP BY enterprise_id, 3 ORDER BY violations DESC, enterprise_id LIMIT 10""".formatted(ownershipName, weeks))
        .withLabels(labels("enterprise_id", "企业编号", "enterprise_name", "企业", "ownership", "所有制",
            "region", "地区", "violations", "违规点名次数", "reach", "传播量", "categories", "涉及类别"));
    if (!byCategory.isEmpty()) {
      blocks.add(chart("chart-ownership", "各类违规点名的国有、民营企业次数",
          new ChartSpec(ChartSpec.Type.STACKED_BAR, "category_name", List.of("violations"), "ownership", null, true),
          byCategory));
    } else {
      blocks.add(new Paragraph("<p class=\"note\">本季度各周没有点名登记企业的违规帖文。</p>"));
    }
    blocks.add(new TableBlock(t, t.rows().size(), "“本季度被点名企业”按季度去重（campaign_summary）；其余各列按"
        + "周统计（enterprise_exposure，周一落在本季度内的周），一条帖文点名多家企业时每家各计一次。"));
    blocks.add(new TableBlock(byCategory, byCategory.rows().size(), null));
    blocks.add(new TableBlock(regions, regions.rows().size(), null));
    blocks.add(new TableBlock(top, top.rows().size(), null));
    return section("国有企业与民营企业受侵害情况", blocks);
  }

  // ---- coordinated campaigns and impersonation accounts

  private Section campaigns(Row current) {
    List<Block> blocks = new ArrayList<>();
    int max = settings.maxListedRows();
    if (pins.has("coordination_clusters")) {
      ResultTable t = query("coordinated_campaigns", "协同攻击清单", """
          SELECT cluster_id, first_at, last_at, posts, accounts, platforms, enterprise_ids,
                 mask_personal_data(representative_text) AS representative_text, reason
          FROM coordination_clusters
          WHERE is_attack AND to_date(from_utc_timestamp(first_at, '%s')) BETWEEN DATE'%s' AND DATE'%s'
          ORDER BY first_at, cluster_id""".formatted(zone.getId(), quarter.start(), quarter.end()));
      t = present(t).withLabels(labels("cluster_id", "编号", "first_at", "开始时间", "last_at", "最后一帖时间",
          "posts", "帖文", "accounts", "账号", "platforms", "平台", "enterprise_ids", "涉及企业",
          "representative_text", "代表性内容（已脱敏）", "reason", "判定依据"));
      blocks.add(new Paragraph("<h3>协同攻击</h3><p>本季度发现 <strong>" + t.rows().size()
          + "</strong> 起跨账号、跨平台的协同攻击（多个账号在短时间内发布相同或高度相似的负面内容）。</p>"));
      if (!t.isEmpty()) {
        blocks.add(new TableBlock(t, Math.min(max, t.rows().size()), t.rows().size() > max
            ? "仅列出前 " + max + " 起，全部见导出文件。" : null));
      }
    } else {
      blocks.add(new Paragraph("<h3>协同攻击</h3><p class=\"note\">数据仓库中没有 coordination_clusters 表"
          + "（协同攻击检测尚未运行），campaign_summary 记录的本季度协同攻击为 "
          + current.getAs("coordinated_clusters") + " 起。</p>"));
    }
    if (pins.has("post_violations")) {
      ResultTable t = query("impersonation_accounts", "仿冒账号清单", """
          SELECT platform, mask_personal_data(account_id) AS account_id,
                 mask_personal_data(max_by(account_name, published_at)) AS account_name, count(*) AS posts,
                 array_sort(array_distinct(flatten(collect_list(enterprise_ids)))) AS enterprise_ids,
                 mask_personal_data(max_by(filter(evidence, e -> e.source = 'impersonation')[0].detail, confidence))
                   AS evidence, max(confidence) AS confidence, min(published_at) AS first_seen
          FROM post_violations
          WHERE model_version = '%s' AND published_date BETWEEN DATE'%s' AND DATE'%s' AND category = 1
            AND exists(evidence, e -> e.source = 'impersonation')
          GROUP BY platform, post_violations.account_id
          ORDER BY posts DESC, confidence DESC, platform, account_id"""
          .formatted(sqlText(model), quarter.start(), quarter.end()));
      t = present(t).withLabels(labels("platform", "平台", "account_id", "账号 ID", "account_name", "账号名称",
          "posts", "帖文", "enterprise_ids", "仿冒的企业", "evidence", "证据", "confidence", "最高置信度",
          "first_seen", "首次发现"));
      blocks.add(new Paragraph("<h3>仿冒账号</h3><p>本季度发现 <strong>" + t.rows().size()
          + "</strong> 个仿冒企业名称、商标或品牌的账号（类别 1 且有仿冒检测证据）。</p>"));
      if (!t.isEmpty()) {
        blocks.add(new TableBlock(t, Math.min(max, t.rows().size()), t.rows().size() > max
            ? "仅列出前 " + max + " 个，全部见导出文件。" : null));
      }
    } else {
      blocks.add(new Paragraph("<h3>仿冒账号</h3><p class=\"note\">数据仓库中没有 post_violations 表；campaign_summary "
          + "记录的本季度仿冒账号为 " + current.getAs("impersonation_accounts") + " 个。</p>"));
    }
    return section("协同攻击与仿冒账号", blocks);
  }

  // ---- typical cases

  private Section typicalCases() {
    ResultTable t = query("typical_cases", "典型案例", """
        SELECT c.rank, c.category, c.category_name, c.platform, c.published_at,
               mask_personal_data(c.account_name) AS account_name, c.enterprise_ids, c.confidence, c.reach,
               mask_personal_data(c.excerpt) AS excerpt, transform(c.evidence, e -> mask_personal_data(e)) AS evidence
        FROM campaign_summary LATERAL VIEW explode(typical_cases) t AS c
        WHERE quarter = '%s' ORDER BY c.rank""".formatted(quarter.label()));
    t = present(t).withLabels(labels("rank", "序号", "category", "类别编号", "category_name", "违规类别",
        "platform", "平台", "published_at", "发布时间", "account_name", "账号", "enterprise_ids", "涉及企业",
        "confidence", "置信度", "reach", "传播量", "excerpt", "内容摘录（已脱敏）", "evidence", "证据"));
    List<Block> blocks = new ArrayList<>();
    if (t.isEmpty()) {
      blocks.add(new Paragraph("<p class=\"note\">本季度没有可作为典型案例的违规帖文。</p>"));
    } else {
      blocks.add(new Paragraph("<p>按严重程度（置信度 × log10(10 + 传播量)）排列；帖文中的身份证号、手机号、银行卡号等"
          + "个人信息均已脱敏。</p>"));
      blocks.add(new CasesBlock(t));
    }
    return section("典型案例", blocks);
  }

  // ---- model quality

  private Section modelQuality() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph("<p>本季度统计使用的模型版本：<code>" + Html.escape(model) + "</code>。</p>"));
    if (!pins.has("model_evaluations")) {
      blocks.add(new Paragraph("<p class=\"note\">数据仓库中没有 model_evaluations 表，模型质量尚未测量"
          + "（运行 <code>qinglang evaluate</code>）。</p>"));
      return section("模型版本与质量", blocks);
    }
    ResultTable evaluations = query("model_evaluations", "模型评估", """
        SELECT dataset, evaluation_id, evaluated_at, posts, macro_f1, accuracy, false_positive_rate,
               hard_negative_false_positive_rate, hard_negatives
        FROM (SELECT dataset, evaluation_id, evaluated_at, max(posts) AS posts, max(macro_f1) AS macro_f1,
                     max(accuracy) AS accuracy, max(false_positive_rate) AS false_positive_rate,
                     max(hard_negative_false_positive_rate) AS hard_negative_false_positive_rate,
                     max(hard_negatives) AS hard_negatives,
                     row_number() OVER (PARTITION BY dataset ORDER BY evaluated_at DESC, evaluation_id DESC) AS n
              FROM model_evaluations WHERE model_version = '%s'
              GROUP BY dataset, evaluation_id, evaluated_at)
        WHERE n = 1 ORDER BY dataset = 'validation', evaluated_at DESC""".formatted(sqlText(model)));
    if (evaluations.isEmpty()) {
      blocks.add(new Paragraph("<p class=\"note\">模型版本 " + Html.escape(model) + " 尚无评估记录"
          + "（运行 <code>qinglang evaluate</code>）。</p>"));
      return section("模型版本与质量", blocks);
    }
    ResultTable shown = evaluations.withKind(Kind.PERCENT, "false_positive_rate", "hard_negative_false_positive_rate")
        .withLabels(labels("dataset", "标注集", "evaluation_id", "评估运行", "evaluated_at", "评估时间", "posts", "帖文",
            "macro_f1", "宏平均 F1", "accuracy", "准确率", "false_positive_rate", "误报率",
            "hard_negative_false_positive_rate", "难负例误报率", "hard_negatives", "难负例"));
    String chosen = (String) evaluations.rows().get(0).get(evaluations.index("evaluation_id"));
    String dataset = (String) evaluations.rows().get(0).get(evaluations.index("dataset"));
    ResultTable perCategory = query("model_categories", "各类别精确率、召回率与 F1", """
        SELECT category, category_name, precision, recall, f1, support, predicted
        FROM model_evaluations WHERE model_version = '%s' AND evaluation_id = '%s' ORDER BY category"""
        .formatted(sqlText(model), sqlText(chosen))).withLabels(labels("category", "类别编号", "category_name", "类别",
        "precision", "精确率", "recall", "召回率", "f1", "F1", "support", "标注帖文", "predicted", "判为该类"));
    blocks.add(new TableBlock(shown, shown.rows().size(), "误报率：未违规（类别 0）的帖文被判为违规的比例；"
        + "难负例误报率：看似违规实则正当的帖文（如实批评、客观报道、真实投诉）被误判的比例。"
        + "validation 为训练时留出的验证集，其余为独立标注集。"));
    blocks.add(new Paragraph("<p>以下为标注集 <code>" + Html.escape(dataset) + "</code> 上的分类别结果。</p>"));
    blocks.add(chart("chart-model", "各类别 F1（标注集 " + dataset + "）",
        new ChartSpec(ChartSpec.Type.BAR, "category_name", List.of("precision", "recall", "f1"), null, null, true),
        perCategory));
    blocks.add(new TableBlock(perCategory, perCategory.rows().size(), null));
    return section("模型版本与质量", blocks);
  }

  // ---- provenance

  private Section provenance(Row current, LocalDate first, LocalDate last) {
    List<Block> blocks = new ArrayList<>();
    String dates = "published_date BETWEEN DATE'" + quarter.start() + "' AND DATE'" + quarter.end() + "'";
    Set<String> ingestRuns = pins.has("posts") ? ids("SELECT DISTINCT ingest_run_id FROM posts WHERE " + dates)
        : Set.of();
    Set<String> scoreRuns = pins.has("post_violations") ? ids("SELECT DISTINCT run_id FROM post_violations WHERE "
        + dates + " AND model_version = '" + sqlText(model) + "'") : Set.of();
    Set<String> detectRuns = pins.has("coordination_clusters") ? ids("SELECT DISTINCT run_id FROM coordination_clusters "
        + "WHERE to_date(from_utc_timestamp(first_at, '" + zone.getId() + "')) BETWEEN DATE'" + quarter.start()
        + "' AND DATE'" + quarter.end() + "'") : Set.of();
    Set<String> runs = new LinkedHashSet<>();
    runs.addAll(ingestRuns);
    runs.addAll(scoreRuns);
    runs.addAll(detectRuns);
    String aggregateRun = aggregateRun();
    if (aggregateRun != null) {
      runs.add(aggregateRun);
    }
    StringBuilder facts = new StringBuilder("<ul>");
    facts.append("<li>统计季度：").append(Html.escape(quarter.chinese())).append("（").append(quarter.start())
        .append(" 至 ").append(quarter.end()).append("，").append(Html.escape(zone.getId())).append(" 时区的发布日期）</li>");
    facts.append("<li>有数据的日期：").append(first).append(" 至 ").append(last).append("</li>");
    facts.append("<li>扫描帖文：").append(String.format(java.util.Locale.ROOT, "%,d", current.<Long>getAs("posts_scanned")))
        .append(" 条，平台 ").append(current.<Integer>getAs("platforms_scanned")).append(" 个</li>");
    facts.append("<li>模型版本：<code>").append(Html.escape(model)).append("</code></li>");
    List<Block> tables = new ArrayList<>();
    if (pins.has("job_runs") && !runs.isEmpty()) {
      ResultTable t = query("input_runs", "输入运行", """
          SELECT run_id, command, started_at, finished_at, status, rows_read, rows_written, rows_quarantined,
                 rows_duplicate, array_join(slice(input_files, 1, 5), '\\n')
                   || CASE WHEN size(input_files) > 5 THEN '\\n…（共 ' || size(input_files) || ' 个文件）' ELSE '' END
                   AS input_files
          FROM job_runs WHERE run_id IN (%s) ORDER BY started_at, run_id"""
          .formatted(runs.stream().map(r -> "'" + sqlText(r) + "'").collect(Collectors.joining(", "))));
      t = t.withLabels(labels("run_id", "运行编号", "command", "命令", "started_at", "开始", "finished_at", "结束",
          "status", "状态", "rows_read", "读取", "rows_written", "写入", "rows_quarantined", "隔离", "rows_duplicate",
          "重复", "input_files", "输入文件"));
      tables.add(new TableBlock(t, t.rows().size(), "ingest 运行为本季度帖文的来源（posts.ingest_run_id），score 与 "
          + "detect 运行写入了本季度的判定与协同攻击，aggregate 运行写入了本报告读取的统计表。"));
      Row totals = spark.sql("SELECT sum(rows_read), sum(rows_quarantined), sum(rows_duplicate) FROM job_runs "
          + "WHERE command = 'ingest' AND run_id IN (" + ingestRuns.stream().map(r -> "'" + sqlText(r) + "'")
          .collect(Collectors.joining(", ", "", ingestRuns.isEmpty() ? "''" : "")) + ")").first();
      if (!totals.isNullAt(0)) {
        facts.append("<li>这些导入运行共读取 ").append(String.format(java.util.Locale.ROOT, "%,d", totals.getLong(0)))
            .append(" 条记录，隔离 ").append(String.format(java.util.Locale.ROOT, "%,d", totals.getLong(1)))
            .append(" 条，重复 ").append(String.format(java.util.Locale.ROOT, "%,d", totals.getLong(2)))
            .append(" 条（含其他季度的帖文）</li>");
      }
    } else {
      facts.append("<li class=\"note\">无法确定输入运行（").append(pins.has("job_runs") ? "找不到对应的运行记录"
          : "数据仓库中没有 job_runs 表").append("）</li>");
    }
    if (pins.has("quarantine") && !ingestRuns.isEmpty()) {
      ResultTable q = query("quarantine", "隔离记录", """
          SELECT reason, count(*) AS records FROM quarantine WHERE ingest_run_id IN (%s)
          GROUP BY reason ORDER BY records DESC, reason"""
          .formatted(ingestRuns.stream().map(r -> "'" + sqlText(r) + "'").collect(Collectors.joining(", "))))
          .withLabels(labels("reason", "隔离原因", "records", "记录数"));
      tables.add(new TableBlock(q, q.rows().size(), q.isEmpty() ? "这些导入运行没有隔离记录。"
          : "隔离记录保存在 quarantine 表中，修正后可重新导入。"));
    }
    facts.append("</ul>");
    blocks.add(new Paragraph(facts.toString()));
    blocks.addAll(tables);
    List<List<Object>> versionRows = new ArrayList<>();
    for (PinnedTables.Pin p : pins.all()) {
      versionRows.add(java.util.Arrays.asList(p.table(), p.version(), p.updated(), p.operation()));
    }
    ResultTable versions = new ResultTable("table_versions", "读取的表版本", List.of(
        new ResultTable.Column("table", "表", Kind.TEXT), new ResultTable.Column("version", "Delta 版本", Kind.INTEGER),
        new ResultTable.Column("updated", "最后更新", Kind.TIMESTAMP),
        new ResultTable.Column("operation", "最后操作", Kind.TEXT)), versionRows, false);
    blocks.add(new TableBlock(versions, versions.rows().size(), null));
    PinnedTables.Pin summaryPin = pins.get("campaign_summary");
    blocks.add(new Paragraph("<p class=\"note\">复核本报告的数字时，可按上表版本读取当时的数据，例如："
        + "<code>jobs/bin/qinglang sql \"SELECT * FROM campaign_summary VERSION AS OF " + summaryPin.version()
        + " WHERE quarter = '" + quarter.label() + "'\"</code></p>"));
    return section("数据来源", blocks);
  }

  /** The latest succeeded aggregate run that wrote the pinned campaign_summary and covered the quarter. */
  private String aggregateRun() {
    if (!pins.has("job_runs")) {
      return null;
    }
    long pinned = pins.get("campaign_summary").version();
    List<Row> candidates = spark.sql("""
        SELECT run_id, details['period'] AS period, CAST(details['campaign_summary.version'] AS BIGINT) AS version
        FROM job_runs WHERE command = 'aggregate' AND status = 'succeeded'
          AND details['campaign_summary.version'] IS NOT NULL
        ORDER BY version DESC, finished_at DESC""").collectAsList();
    for (Row r : candidates) {
      if (!r.isNullAt(2) && r.getLong(2) <= pinned && covers(r.getString(1))) {
        return r.getString(0);
      }
    }
    return null;
  }

  /**
   * Whether an aggregate period ("all dates", "2023-04-01 to 2023-06-30", "... to 2023-06-30") replaced
   * this quarter's rows: every quarter from the first date's to the one after the last date's. A period
   * that cannot be read counts as covering.
   */
  boolean covers(String period) {
    if (period == null || period.equals("all dates")) {
      return true;
    }
    String[] parts = period.split(" to ");
    if (parts.length != 2) {
      return true;
    }
    try {
      Quarter from = parts[0].strip().equals("...") ? null : Quarter.of(LocalDate.parse(parts[0].strip()));
      Quarter to = parts[1].strip().equals("...") ? null : Quarter.of(LocalDate.parse(parts[1].strip())).next();
      return (from == null || quarter.compareTo(from) >= 0) && (to == null || quarter.compareTo(to) <= 0);
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }

  // ---- helpers

  private Section section(String title, List<Block> blocks) {
    sectionNumber++;
    return new Section("s" + sectionNumber, title, blocks);
  }

  private ResultTable query(String id, String title, String sql) {
    return ResultTable.collect(id, title, spark.sql(sql));
  }

  /** The sections with every table shown numbered in order ({@code 01-headline}, ...), for the exports. */
  private static List<Section> numbered(List<Section> sections) {
    List<Section> out = new ArrayList<>();
    int n = 1;
    for (Section s : sections) {
      List<Block> blocks = new ArrayList<>();
      for (Block b : s.blocks()) {
        if (b instanceof TableBlock t) {
          blocks.add(new TableBlock(t.table().withId(String.format("%02d-%s", n++, t.table().id())), t.shown(),
              t.note()));
        } else if (b instanceof CasesBlock c) {
          blocks.add(new CasesBlock(c.cases().withId(String.format("%02d-%s", n++, c.cases().id()))));
        } else {
          blocks.add(b);
        }
      }
      out.add(new Section(s.id(), s.title(), blocks));
    }
    return out;
  }

  private Block chart(String id, String caption, ChartSpec spec, ResultTable table) {
    if (table.isEmpty()) {
      return new Paragraph("<p class=\"note\">" + Html.escape(caption) + "：没有数据。</p>");
    }
    return new ChartBlock(id, caption, spec.type().word(), charts.svg(spec, table, id));
  }

  private static boolean hasValues(ResultTable t, String column) {
    int i = t.index(column);
    return t.rows().stream().anyMatch(r -> r.get(i) != null);
  }

  private Set<String> ids(String sql) {
    Set<String> out = new TreeSet<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      if (!r.isNullAt(0)) {
        out.add(r.getString(0));
      }
    }
    return out;
  }

  /**
   * Platforms by their Chinese names, enterprise ids by registry names, lists joined; text columns
   * that may hold personal data were masked in SQL already.
   */
  private ResultTable present(ResultTable t) {
    return t.mapValues((column, value) -> {
      if (value == null) {
        return null;
      }
      switch (column.name()) {
        case "platform":
          return settings.platformName((String) value);
        case "platforms":
          return ((List<?>) value).stream().map(p -> settings.platformName(String.valueOf(p)))
              .collect(Collectors.joining("、"));
        case "enterprise_ids":
          return ((List<?>) value).stream().map(id -> enterpriseName(String.valueOf(id)))
              .collect(Collectors.joining("、"));
        case "evidence":
          return value instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining("\n"))
              : value;
        default:
          return value;
      }
    });
  }

  private String enterpriseName(String id) {
    Enterprise e = registry == null ? null : registry.get(id);
    return e == null ? id : e.name();
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static Double number(Row row, String column) {
    int i = row.fieldIndex(column);
    if (row.isNullAt(i)) {
      return null;
    }
    Object v = row.get(i);
    if (v instanceof Timestamp) {
      return null;
    }
    return ((Number) v).doubleValue();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** A value safe inside a single-quoted SQL literal. */
  static String sqlText(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
