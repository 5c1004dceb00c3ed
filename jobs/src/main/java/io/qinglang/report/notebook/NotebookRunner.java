package io.qinglang.report.notebook;

import io.qinglang.report.Markdown;
import io.qinglang.report.ResultTable;
import io.qinglang.report.chart.ChartRenderer;
import io.qinglang.report.chart.ChartSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a notebook's cells in order on a session whose tables resolve by bare name: Markdown is
 * rendered, widgets set parameters, each SQL cell runs with its named parameter markers
 * ({@code :quarter}) bound to the widgets' values as string literals, and its result is collected (at most
 * {@code maxRows} rows) and drawn when the cell asks for a chart. The first failing cell stops the
 * run with a {@link NotebookException} naming the notebook, the cell and the problem.
 */
public final class NotebookRunner {
  private static final Logger LOG = LogManager.getLogger(NotebookRunner.class);

  private final SparkSession spark;
  private final ChartRenderer charts;
  private final int maxRows;

  public NotebookRunner(SparkSession spark, ChartRenderer charts, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1");
    }
    this.spark = spark;
    this.charts = charts;
    this.maxRows = maxRows;
  }

  /** What one cell produced. */
  public sealed interface Output permits MarkdownOutput, WidgetOutput, SqlOutput {
    Notebook.Cell cell();
  }

  public record MarkdownOutput(Notebook.Markdown cell, String html) implements Output {}

  public record WidgetOutput(Notebook.Widget cell, String value, boolean overridden) implements Output {}

  /** A SQL cell's result; {@code svg} is null without a chart or when the result has no rows. */
  public record SqlOutput(Notebook.Sql cell, ResultTable result, String svg, double seconds) implements Output {}

  /** The outputs of every cell, in order. {@code parameters} override widget defaults by name. */
  public List<Output> run(Notebook notebook, Map<String, String> parameters) {
    Set<String> widgets = new TreeSet<>();
    for (Notebook.Cell c : notebook.cells()) {
      if (c instanceof Notebook.Widget w) {
        widgets.add(w.name());
      }
    }
    for (String name : parameters.keySet()) {
      if (!widgets.contains(name)) {
        throw new NotebookException(notebook.name() + ": --param " + name + ": the notebook has no widget of that "
            + "name" + (widgets.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", widgets) + ")"));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Output> outputs = new ArrayList<>();
    int total = notebook.cells().size();
    int done = 0;
    for (Notebook.Cell cell : notebook.cells()) {
      done++;
      if (cell instanceof Notebook.Markdown md) {
        outputs.add(new MarkdownOutput(md, Markdown.html(md.markdown())));
      } else if (cell instanceof Notebook.Widget w) {
        boolean overridden = parameters.containsKey(w.name());
        String value = overridden ? parameters.get(w.name()) : w.defaultValue();
        values.put(w.name(), value);
        outputs.add(new WidgetOutput(w, value, overridden));
      } else if (cell instanceof Notebook.Sql sql) {
        LOG.info("{}: cell {} ({}/{})", notebook.name(), sql.number(), done, total);
        outputs.add(runSql(notebook, sql, values));
      }
    }
    return outputs;
  }

  private SqlOutput runSql(Notebook notebook, Notebook.Sql cell, Map<String, String> values) {
    long started = System.nanoTime();
    String statement = SqlText.bind(cell.sql(), values);
    ResultTable result;
    try {
      Dataset<Row> frame = spark.sql(statement);
      result = ResultTable.collect("cell-" + cell.number(), cell.title(), frame, maxRows);
    } catch (Exception e) {
      throw NotebookException.at(notebook.name(), cell.number(), sqlProblem(e));
    }
    String svg = null;
    if (cell.chart() != null) {
      try {
        cell.chart().check(result);
        if (!result.isEmpty()) {
          svg = charts.svg(cell.chart(), result, "chart-" + cell.number());
        }
      } catch (ChartSpecException e) {
        throw NotebookException.at(notebook.name(), cell.number(), "chart spec '" + cell.chart().text() + "': "
            + e.getMessage());
      }
    }
    return new SqlOutput(cell, result, svg, (System.nanoTime() - started) / 1e9);
  }

  /** The SQL problem in one line: Spark's error class and message without the echoed statement. */
  static String sqlProblem(Throwable e) {
    Throwable t = e;
    while (!(t instanceof AnalysisException) && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t instanceof AnalysisException a ? a.getSimpleMessage() : String.valueOf(e.getMessage());
    int echo = message.indexOf("== SQL");
    if (echo > 0) {
      message = message.substring(0, echo);
    }
    return message.replaceAll("\\s+", " ").strip();
  }
}
