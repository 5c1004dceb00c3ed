package io.qinglang.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Renders the report from the fixture warehouse and checks that what it shows is what the tables hold. */
@ExtendWith(SparkExtension.class)
class QuarterlyReportTest {
  static SparkSession spark;
  static Warehouse warehouse;
  static ReportSettings settings;
  static EnterpriseRegistry registry;
  static ReportJob.Outputs q3;
  static String html;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @TempDir
  static Path dir;

  @BeforeAll
  static void render(SparkSession session) {
    spark = session;
    warehouse = new Warehouse(FixtureWarehouse.get(session).toString());
    QinglangConfig config = TestConfigs.withWarehouse(Path.of(warehouse.location()));
    settings = ReportSettings.from(config);
    registry = EnterpriseRegistry.load(config);
    q3 = FixtureWarehouse.report(session);
    try {
      html = Files.readString(q3.html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CSVRecord> csv(String id) throws IOException {
    Path file = q3.html().getParent().resolve("csv").resolve(id + ".csv");
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
        id + ".csv starts with a UTF-8 byte order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  static String tableId(String suffix) {
    return q3.model().tables().stream().map(ResultTable::id).filter(id -> id.endsWith("-" + suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + suffix));
  }

  @Test
  void headlineFiguresAndChangeComeFromCampaignSummary() throws IOException {
    Map<String, CSVRecord> rows = new LinkedHashMap<>();
    for (CSVRecord r : csv(tableId("headline"))) {
      rows.put(r.get("指标"), r);
    }
    assertEquals("5000", rows.get("扫描帖文（条）").get("2023Q3"));
    assertEquals("6500", rows.get("扫描帖文（条）").get("2023Q2"));
    assertEquals("13", rows.get("违规帖文（条）").get("2023Q3"));
    assertEquals("-13", rows.get("违规帖文（条）").get("变化"));
    assertEquals("-50", rows.get("违规帖文（条）").get("变化率（%）"));
    assertEquals("26", rows.get("每万条违规率").get("2023Q3"));
    assertEquals("-14", rows.get("每万条违规率").get("变化"));
    assertEquals("3", rows.get("仿冒账号（个）").get("2023Q3"));
    assertEquals("2", rows.get("协同攻击（起）").get("2023Q3"));
    assertEquals("73.68", rows.get("72 小时内处置（%）").get("2023Q3"));
    // The cards on the page.
    assertTrue(html.contains("<div class=\"value\">5,000 条</div>"));
    assertTrue(html.contains("<div class=\"value\">26</div><div class=\"change good\">较上季度 ▼ -14（-35%）</div>"),
        "the rate fell: shown as good news with its change");
    assertTrue(html.contains("<div class=\"value\">2 起</div><div class=\"change bad\">较上季度 ▲ +1（+100%）</div>"));
  }

  @Test
  void platformsAreRankedByRateWithTheTablesFigures() throws IOException {
    List<CSVRecord> rows = csv(tableId("platforms"));
    assertEquals(List.of("抖音", "微博", "知乎"), rows.stream().map(r -> r.get("平台")).toList());
    Map<String, Row> metrics = new TreeMap<>();
    for (Row r : spark.read().format("delta").load(warehouse.tablePath("platform_quarterly_metrics"))
        .where("quarter = '2023Q3'").collectAsList()) {
      metrics.put(settings.platformName(r.getAs("platform")), r);
    }
    for (CSVRecord r : rows) {
      Row m = metrics.get(r.get("平台"));
      assertEquals(String.valueOf(m.<Integer>getAs("rank_by_rate")), r.get("排名"));
      assertEquals(String.valueOf(m.<Long>getAs("posts_scanned")), r.get("扫描帖文"));
      assertEquals(String.valueOf(m.<Long>getAs("violations")), r.get("违规帖文"));
      assertEquals(m.<Double>getAs("violation_rate_per_10k"), Double.parseDouble(r.get("每万条违规率")));
      assertEquals(m.<Double>getAs("previous_rate_per_10k"), Double.parseDouble(r.get("上季度违规率")));
    }
    assertEquals("仿冒假冒企业名称、商标、品牌（5）；招募黑公关写手、有偿删帖（2）；收集负面信息敲诈勒索（1）",
        rows.get(0).get("主要违规类别"));
  }

  @Test
  void categoryMixAndWeeklyTrendAddUpTheDailyRows() throws IOException {
    // Expected from the fixture's daily figures, computed here independently of the report's SQL.
    Map<Integer, Long> byCategory = new TreeMap<>();
    Map<LocalDate, long[]> byWeek = new TreeMap<>();
    for (ReportFixtures.Day d : ReportFixtures.DAYS) {
      LocalDate date = LocalDate.parse(d.date());
      if (!Quarter.of(date).label().equals("2023Q3")) {
        continue;
      }
      for (int c = 1; c <= 10; c++) {
        byCategory.merge(c, d.violations().getOrDefault(c, 0L), Long::sum);
      }
      long[] w = byWeek.computeIfAbsent(date.with(java.time.DayOfWeek.MONDAY), k -> new long[2]);
      w[0] += d.scanned();
      w[1] += d.violations().values().stream().mapToLong(Long::longValue).sum();
    }
    List<CSVRecord> categories = csv(tableId("categories"));
    assertEquals(10, categories.size(), "all ten categories, zeros included");
    long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
    for (CSVRecord r : categories) {
      long expected = byCategory.get(Integer.parseInt(r.get("类别编号")));
      assertEquals(expected, Long.parseLong(r.get("违规帖文")));
      assertEquals(expected / (double) total, Double.parseDouble(r.get("占比")), 1e-9);
    }
    assertEquals("9", categories.get(0).get("上季度"), "category 1 had 3 + 6 violations in 2023Q2");
    List<CSVRecord> weeks = csv(tableId("weekly"));
    assertEquals(byWeek.size(), weeks.size());
    int i = 0;
    for (Map.Entry<LocalDate, long[]> e : byWeek.entrySet()) {
      CSVRecord r = weeks.get(i++);
      assertEquals(e.getKey().toString(), r.get("周（周一）"));
      assertEquals(e.getValue()[0], Long.parseLong(r.get("扫描帖文")));
      assertEquals(e.getValue()[1], Long.parseLong(r.get("违规帖文")));
      assertEquals(Math.round(1_000_000.0 * e.getValue()[1] / e.getValue()[0]) / 100.0,
          Double.parseDouble(r.get("每万条违规率")));
    }
  }

  @Test
  void timelinessAndOwnershipMatchTheirTables() throws IOException {
    List<CSVRecord> t = csv(tableId("timeliness"));
    assertEquals(List.of("抖音", "微博", "知乎"), t.stream().map(r -> r.get("平台")).toList(), "fastest first");
    assertEquals("20.5", t.get(1).get("用时中位数（小时）"));
    assertEquals("60", t.get(1).get("用时第 90 百分位（小时）"));
    assertEquals("0.2", t.get(1).get("待处置比例"));
    Map<String, CSVRecord> ownership = csv(tableId("ownership")).stream()
        .collect(Collectors.toMap(r -> r.get("所有制"), r -> r));
    assertEquals("4", ownership.get("国有").get("违规点名次数"));
    assertEquals("7", ownership.get("民营").get("违规点名次数"));
    assertEquals("2", ownership.get("国有").get("本季度被点名企业（家）"));
    assertEquals("2", ownership.get("民营").get("本季度被点名企业（家）"));
    Map<String, CSVRecord> regions = csv(tableId("regions")).stream().collect(Collectors.toMap(r -> r.get("地区"), r -> r));
    assertEquals("5", regions.get("广东").get("民营企业"));
    assertEquals("3", regions.get("北京").get("国有企业"));
    assertEquals("示例民营科技有限公司", csv(tableId("top_enterprises")).get(0).get("企业"));
  }

  @Test
  void campaignsAndImpersonationAccountsOfTheQuarterOnly() throws IOException {
    List<CSVRecord> clusters = csv(tableId("coordinated_campaigns"));
    assertEquals(List.of("cc-000000000000000b", "cc-000000000000000a"), clusters.stream().map(r -> r.get("编号")).toList(),
        "attacks that started in 2023Q3 local time, earliest first (b began 2023-07-01 00:30 in Asia/Shanghai)");
    assertEquals("微博、知乎", clusters.get(0).get("平台"));
    assertTrue(clusters.get(1).get("代表性内容（已脱敏）").contains("138****5678"));
    List<CSVRecord> accounts = csv(tableId("impersonation_accounts"));
    assertEquals(3, accounts.size(), "= campaign_summary.impersonation_accounts");
    assertEquals("acct_d1", accounts.get(0).get("账号 ID"));
    assertEquals("2", accounts.get(0).get("帖文"));
    assertTrue(accounts.stream().anyMatch(r -> r.get("账号名称").equals("示例科技售后138****5678")));
    assertTrue(accounts.stream().noneMatch(r -> r.get("账号 ID").equals("acct_old") || r.get("账号 ID").equals("acct_q2")
        || r.get("账号 ID").equals("acct_w2")));
    assertTrue(html.contains("本季度发现 <strong>2</strong> 起"));
    assertTrue(html.contains("本季度发现 <strong>3</strong> 个"));
  }

  @Test
  void typicalCasesAreMaskedEverywhere() throws IOException {
    List<CSVRecord> cases = csv(tableId("typical_cases"));
    assertEquals(2, cases.size());
    assertTrue(cases.get(0).get("内容摘录（已脱敏）").contains("138****5678"));
    assertTrue(cases.get(0).get("内容摘录（已脱敏）").contains("110105********1234"));
    assertTrue(cases.get(0).get("证据").contains("银行卡 6222***********0123"), cases.get(0).get("证据"));
    assertTrue(html.contains("<article class=\"case\">"));
    List<String> everything = new ArrayList<>();
    everything.add(html);
    try (Stream<Path> files = Files.walk(q3.html().getParent())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (p.toString().endsWith(".csv")) {
          everything.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    everything.add(workbookText(q3.workbook()));
    for (String text : everything) {
      assertFalse(text.contains(ReportFixtures.RAW_PHONE), "a raw phone number is shown");
      assertFalse(text.contains(ReportFixtures.RAW_ID), "a raw ID number is shown");
      assertFalse(text.contains(ReportFixtures.RAW_CARD), "a raw bank card number is shown");
    }
  }

  @Test
  void modelQualityOfTheReportsModelVersion() throws IOException {
    List<CSVRecord> evaluations = csv(tableId("model_evaluations"));
    assertEquals(List.of("jobs/corpus/holdout", "validation"), evaluations.stream().map(r -> r.get("标注集")).toList(),
        "the independent set first");
    assertEquals(String.valueOf(ReportFixtures.HOLDOUT_MACRO_F1), evaluations.get(0).get("宏平均 F1"));
    List<CSVRecord> perCategory = csv(tableId("model_categories"));
    assertEquals(11, perCategory.size());
    for (CSVRecord r : perCategory) {
      assertEquals(ReportFixtures.HOLDOUT_F1[Integer.parseInt(r.get("类别编号"))], Double.parseDouble(r.get("F1")));
    }
    assertTrue(html.contains("<code>" + ReportFixtures.MODEL + "</code>"));
  }

  @Test
  void provenanceNamesTheInputRunsQuarantineAndVersions() throws IOException {
    List<String> runs = csv(tableId("input_runs")).stream().map(r -> r.get("运行编号")).toList();
    assertEquals(List.of("ingest-2023q3-a", "ingest-2023q3-b", "score-2023q3", "detect-2023q3", "aggregate-2023q3"), runs);
    Map<String, String> quarantine = csv(tableId("quarantine")).stream()
        .collect(Collectors.toMap(r -> r.get("隔离原因"), r -> r.get("记录数")));
    assertEquals(Map.of("malformed_json", "2", "missing_field:content", "2", "bad_timestamp", "1"), quarantine);
    List<String> tables = csv(tableId("table_versions")).stream().map(r -> r.get("表")).toList();
    assertTrue(tables.containsAll(List.of("campaign_summary", "platform_quarterly_metrics", "post_violations")));
    assertTrue(html.contains("这些导入运行共读取 5,102 条记录，隔离 5 条，重复 7 条"));
  }

  @Test
  void everyTableIsExportedAsCsvAndAsAWorkbookSheet() throws IOException {
    List<ResultTable> tables = q3.model().tables();
    assertEquals(tables.size(), q3.csv().size());
    try (InputStream in = Files.newInputStream(q3.workbook()); ReadableWorkbook wb = new ReadableWorkbook(in)) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertEquals(tables.size(), sheets.size());
      for (int s = 0; s < tables.size(); s++) {
        ResultTable t = tables.get(s);
        List<org.dhatim.fastexcel.reader.Row> rows = sheets.get(s).read();
        assertEquals(t.rows().size() + 1, rows.size(), t.id());
        for (int c = 0; c < t.columns().size(); c++) {
          assertEquals(t.columns().get(c).label(), rows.get(0).getCellText(c));
        }
        List<CSVRecord> csv = csv(t.id());
        for (int r = 0; r < csv.size(); r++) {
          for (int c = 0; c < t.columns().size(); c++) {
            Object v = t.rows().get(r).get(c);
            if (v instanceof Number n) {
              assertEquals(n.doubleValue(), rows.get(r + 1).getCellAsNumber(c).orElseThrow().doubleValue(), 1e-9,
                  t.id() + " row " + r + " column " + c);
              assertEquals(n.doubleValue(), Double.parseDouble(csv.get(r).get(c)), 1e-9);
            } else if (v instanceof String text) {
              assertEquals(text, rows.get(r + 1).getCellText(c));
              assertEquals(text, csv.get(r).get(c));
            }
          }
        }
      }
    }
  }

  @Test
  void chartsAreInlineSvgNamingTheCjkFont() {
    assertEquals(6, q3.model().charts().size());
    assertEquals(6, NotebooksTest.count(html, "<svg "));
    for (ReportModel.ChartBlock c : q3.model().charts()) {
      assertTrue(c.svg().startsWith("<svg"), c.id());
      assertTrue(c.svg().contains("Noto Sans CJK SC"), c.id() + " names the CJK font");
      assertTrue(c.svg().contains("<text"), c.id() + " has text");
    }
    assertTrue(html.contains("抖音"));
    assertFalse(html.contains("<script"));
  }

  @Test
  void aQuarterWithoutPreviousFiguresSaysSo() throws IOException {
    ReportJob.Outputs q2 = ReportJob.run(spark, warehouse, settings, ZONE, registry, Quarter.parse("2023Q2"),
        dir.resolve("q2"), false);
    String page = Files.readString(q2.html(), StandardCharsets.UTF_8);
    assertTrue(page.contains("2023年第一季度没有统计数据，无法与上季度比较"));
    assertTrue(page.contains("上季度无数据"));
    ResultTable platforms = q2.model().tables().stream().filter(t -> t.id().endsWith("-platforms")).findFirst().orElseThrow();
    assertEquals("微博", platforms.rows().get(0).get(platforms.index("platform")));
  }

  @Test
  void aMissingQuarterIsAnErrorNamingTheQuartersThereAre() {
    ConfigException e = assertThrows(ConfigException.class, () -> ReportJob.run(spark, warehouse, settings, ZONE,
        registry, Quarter.parse("2024Q1"), dir.resolve("none"), false));
    assertEquals("--quarter 2024Q1: campaign_summary has no figures for it (quarters there: 2023Q2, 2023Q3); run "
        + "aggregate for that period first", e.getMessage());
    assertFalse(Files.exists(dir.resolve("none").resolve("qinglang-report-2024Q1.html")), "no empty report");
  }

  @Test
  void aWarehouseWithoutStatisticsIsAnError(@TempDir Path empty) {
    ConfigException e = assertThrows(ConfigException.class, () -> ReportJob.run(spark,
        new Warehouse(empty.toString()), settings, ZONE, registry, Quarter.parse("2023Q3"), empty.resolve("out"), false));
    assertTrue(e.getMessage().contains("has no table campaign_summary: run aggregate first"), e.getMessage());
  }

  /** Every cell text of every sheet. */
  static String workbookText(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
      for (Sheet s : wb.getSheets().toList()) {
        for (org.dhatim.fastexcel.reader.Row r : s.read()) {
          for (int c = 0; c < r.getCellCount(); c++) {
            sb.append(r.getCellText(c)).append('\t');
          }
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }
}
