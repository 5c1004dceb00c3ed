package io.qinglang.report.notebook;

import io.delta.tables.DeltaTable;
import io.qinglang.report.Masking;
import io.qinglang.report.ReportSettings;
import io.qinglang.report.chart.ChartRenderer;
import io.qinglang.table.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/** Runs one notebook against the warehouse and writes its HTML page. */
public final class NotebookJob {
  private NotebookJob() {}

  /** What a run did: the page written, the SQL cells run, the charts drawn, the tables read, the cells' outputs. */
  public record Result(Path page, int sqlCells, int charts, Map<String, Long> tableVersions,
      List<NotebookRunner.Output> outputs) {}

  public static Result run(SparkSession spark, Warehouse warehouse, ReportSettings settings, ZoneId zone,
      Notebook notebook, Map<String, String> parameters, Path out) {
    for (String table : warehouse.tableNames(spark)) {
      spark.catalog().dropTempView(table); // a temporary view of that name would hide the table
    }
    List<String> present = warehouse.registerTables(spark);
    Masking.register(spark);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : tablesRead(spark, notebook)) {
      if (present.contains(table)) {
        versions.put(table, DeltaTable.forPath(spark, warehouse.tablePath(table)).history(1).first().getLong(0));
      }
    }
    ChartRenderer charts = new ChartRenderer(settings.fonts(), settings.chartWidth(), settings.chartHeight(), null);
    List<NotebookRunner.Output> outputs;
    try {
      outputs = new NotebookRunner(spark, charts, settings.notebookMaxRows()).run(notebook, parameters);
    } catch (NotebookException e) {
      if (e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND")) {
        throw new NotebookException(e.getMessage() + " (the warehouse " + warehouse.location() + " has "
            + (present.isEmpty() ? "no tables" : String.join(", ", present)) + ")", e);
      }
      throw e;
    }
    Instant ranAt = Instant.now();
    String html = NotebookHtml.render(notebook, outputs, settings.fonts(), warehouse.location(), versions, ranAt,
        zone);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    int sql = 0;
    int drawn = 0;
    for (NotebookRunner.Output o : outputs) {
      if (o instanceof NotebookRunner.SqlOutput s) {
        sql++;
        drawn += s.svg() != null ? 1 : 0;
      }
    }
    return new Result(out, sql, drawn, versions, outputs);
  }

  /** The tables the notebook's SQL cells read; a cell that does not parse is an error naming it. */
  public static Set<String> tablesRead(SparkSession spark, Notebook notebook) {
    Set<String> tables = new TreeSet<>();
    for (Notebook.Cell c : notebook.cells()) {
      if (c instanceof Notebook.Sql sql) {
        try {
          tables.addAll(SqlTables.referenced(spark, sql.sql()));
        } catch (Exception e) {
          throw NotebookException.at(notebook.name(), sql.number(), NotebookRunner.sqlProblem(e));
        }
      }
    }
    return tables;
  }
}
