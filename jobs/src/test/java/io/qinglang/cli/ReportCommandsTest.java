package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.report.FixtureWarehouse;
import io.qinglang.testing.SparkExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The notebook and report commands through Main's command line: outputs, exit codes and one-line errors. */
@ExtendWith(SparkExtension.class)
class ReportCommandsTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aBadQuarterIsRejectedBeforeSparkStarts() {
    Run r = run("report", "--quarter", "2023Q5");
    assertEquals(2, r.code());
    assertEquals("qinglang: error: --quarter: '2023Q5' is not a quarter (write it as 2023Q2: year, Q, 1 to 4)\n", r.err());
  }

  @Test
  void aQuarterWithoutFiguresIsAnErrorAndAFailedRun(SparkSession spark, @TempDir Path dir) throws IOException {
    Path warehouse = copy(FixtureWarehouse.get(spark), dir.resolve("warehouse"));
    Run r = run("report", "--quarter", "2022Q4", "--warehouse", warehouse.toString(), "--out",
        dir.resolve("out").toString(), "--no-pdf");
    assertEquals(2, r.code(), r.err());
    assertEquals("qinglang: error: --quarter 2022Q4: campaign_summary has no figures for it (quarters there: 2023Q2, "
        + "2023Q3); run aggregate for that period first\n", r.err());
    List<Row> runs = spark.read().format("delta").load(warehouse.resolve("job_runs").toString())
        .where("command = 'report'").collectAsList();
    assertEquals(1, runs.size());
    assertEquals("failed", runs.get(0).getAs("status"));
    assertTrue(Files.notExists(dir.resolve("out").resolve("qinglang-report-2022Q4.html")));
  }

  @Test
  void aNotebookRendersToTheGivenPage(SparkSession spark, @TempDir Path dir) throws IOException {
    Path page = dir.resolve("timeliness.html");
    Run r = run("notebook", "../notebooks/handling_timeliness.sql", "--warehouse",
        FixtureWarehouse.get(spark).toString(), "--out", page.toString(), "--param", "quarter=2023Q2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("notebook handling_timeliness.sql: 3 SQL cells, 3 charts in "), r.out());
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("<code>:quarter</code> = &#39;2023Q2&#39;（命令行 --param 指定）"));
    assertTrue(html.contains("<td class=\"num\">20</td>"), "weibo's 2023Q2 median of 20 hours");
  }

  @Test
  void aBadChartLineIsAnInputErrorNamingNotebookAndCell(@TempDir Path dir) throws IOException {
    Path notebook = dir.resolve("bad.sql");
    Files.writeString(notebook, String.join("\n", "-- Databricks notebook source", "-- MAGIC %md", "-- MAGIC # Bad",
        "", "-- COMMAND ----------", "", "-- chart: pie x=platform y=a,b", "SELECT 1 AS a, 2 AS b, 'x' AS platform"));
    Run r = run("notebook", notebook.toString(), "--out", dir.resolve("bad.html").toString());
    assertEquals(2, r.code());
    assertEquals("qinglang: error: bad.sql, cell 2: chart spec '-- chart: pie x=platform y=a,b': pie takes one y "
        + "column\n", r.err());
  }

  @Test
  void aFailingCellExitsOneNamingNotebookCellAndProblem(SparkSession spark, @TempDir Path dir) throws IOException {
    Path notebook = dir.resolve("broken.sql");
    Files.writeString(notebook, String.join("\n", "-- Databricks notebook source", "SELECT count(*) FROM campaign_summary",
        "-- COMMAND ----------", "SELECT no_such_column FROM campaign_summary"));
    Run r = run("notebook", notebook.toString(), "--warehouse", FixtureWarehouse.get(spark).toString(), "--out",
        dir.resolve("broken.html").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("qinglang: notebook failed: broken.sql, cell 2: [UNRESOLVED_COLUMN"), r.err());
    assertTrue(r.err().contains("no_such_column"), r.err());
    assertTrue(Files.notExists(dir.resolve("broken.html")), "no page for a failed run");
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
