package io.qinglang.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.report.notebook.Notebook;
import io.qinglang.report.notebook.NotebookJob;
import io.qinglang.report.notebook.NotebookParser;
import io.qinglang.report.notebook.NotebookRunner;
import io.qinglang.report.chart.ChartRenderer;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs every notebook under notebooks/ against the fixture warehouse: CI fails on any error. */
@ExtendWith(SparkExtension.class)
class NotebooksTest {
  /** Tables notebooks may read: summary tables, and post_violations for cases; never raw posts. */
  static final Set<String> ALLOWED = Set.of("campaign_summary", "platform_daily_stats", "platform_quarterly_metrics",
      "enterprise_exposure", "handling_timeliness", "model_evaluations", "coordination_clusters", "post_violations");
  static final Path NOTEBOOKS = Path.of("..", "notebooks");
  static final List<String> EXPECTED = List.of("campaign_overview.sql", "enterprise_exposure.sql",
      "handling_timeliness.sql", "model_quality.sql", "platform_comparison.sql", "typical_cases.sql");

  static SparkSession spark;
  static Warehouse warehouse;
  static ReportSettings settings;

  @TempDir
  static Path out;

  @BeforeAll
  static void fixture(SparkSession session) {
    spark = session;
    warehouse = new Warehouse(FixtureWarehouse.get(session).toString());
    settings = ReportSettings.from(TestConfigs.withWarehouse(Path.of(warehouse.location())));
  }

  static List<Path> notebooks() throws IOException {
    assertTrue(Files.isDirectory(NOTEBOOKS), "notebooks/ not found from " + Path.of("").toAbsolutePath());
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Test
  void theSixNotebooksAreThere() throws IOException {
    assertEquals(EXPECTED, notebooks().stream().map(p -> p.getFileName().toString()).toList());
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsWithoutErrorAndDrawsEveryChart() throws IOException {
    return notebooks().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      Notebook notebook = NotebookParser.read(file);
      Set<String> read = NotebookJob.tablesRead(spark, notebook);
      assertFalse(read.isEmpty());
      assertTrue(ALLOWED.containsAll(read), file + " reads tables beyond the summary tables: " + read);
      Path page = out.resolve(file.getFileName() + ".html");
      NotebookJob.Result result = NotebookJob.run(spark, warehouse, settings, ZoneId.of("Asia/Shanghai"), notebook,
          Map.of(), page);
      long chartCells = notebook.cells().stream()
          .filter(c -> c instanceof Notebook.Sql s && s.chart() != null).count();
      assertTrue(result.sqlCells() > 0);
      assertEquals(chartCells, result.charts(), file + ": every chart cell draws a chart on the fixture warehouse");
      String html = Files.readString(page, StandardCharsets.UTF_8);
      assertTrue(html.startsWith("<!DOCTYPE html>"));
      assertEquals(chartCells, count(html, "<svg "), "one inline SVG per chart");
      assertTrue(html.contains("Noto Sans CJK SC"), "the page names the CJK font");
      assertFalse(html.contains("<script"), "pages run no script");
      assertFalse(html.contains(ReportFixtures.RAW_PHONE), file + " shows a raw phone number");
      assertFalse(html.contains(ReportFixtures.RAW_ID), file + " shows a raw ID number");
      assertFalse(html.contains(ReportFixtures.RAW_CARD), file + " shows a raw bank card number");
      assertEquals(read, result.tableVersions().keySet(), "the header names the version of every table read");
      for (NotebookRunner.Output o : result.outputs()) {
        // An empty result on the fixture would mean a filter or a join that does not fit the tables.
        if (o instanceof NotebookRunner.SqlOutput s) {
          assertFalse(s.result().isEmpty(), file.getFileName() + ", cell " + s.cell().number() + " has no rows");
        }
      }
    }));
  }

  @Test
  void parametersChooseTheQuarter() {
    Notebook notebook = NotebookParser.read(NOTEBOOKS.resolve("campaign_overview.sql"));
    warehouse.registerTables(spark);
    ChartRenderer charts = new ChartRenderer(settings.fonts(), 600, 300, null);
    NotebookRunner runner = new NotebookRunner(spark, charts, 1000);
    // Category mix: 2023Q2 has category 9 (4 posts, weibo 2023-06-30); 2023Q3 has none of it.
    assertEquals(4L, categoryViolations(runner.run(notebook, Map.of("quarter", "2023Q2")), 9));
    List<NotebookRunner.Output> latest = runner.run(notebook, Map.of());
    assertEquals(0L, categoryViolations(latest, 9));
    assertEquals(6L, categoryViolations(latest, 1));
  }

  private static Long categoryViolations(List<NotebookRunner.Output> outputs, int category) {
    ResultTable mix = outputs.stream().filter(o -> o instanceof NotebookRunner.SqlOutput s
            && "所选季度的违规类别构成".equals(s.cell().title()))
        .map(o -> ((NotebookRunner.SqlOutput) o).result()).findFirst().orElseThrow();
    assertNotNull(mix);
    for (List<Object> row : mix.rows()) {
      if (((Long) row.get(mix.index("category"))) == category) {
        return (Long) row.get(mix.index("violations"));
      }
    }
    return null;
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
