package io.qinglang.report.notebook;

import io.qinglang.report.chart.ChartSpec;
import java.util.List;

/**
 * A SQL notebook in Databricks source format, parsed: its name (the file name, as errors name it)
 * and its cells in order. Cells are numbered from 1 in file order, blank cells included, the way a
 * notebook tool shows them.
 */
public record Notebook(String name, List<Cell> cells) {
  public Notebook {
    cells = List.copyOf(cells);
  }

  /** One cell; {@code title} is the cell's DBTITLE, or null. */
  public sealed interface Cell permits Markdown, Sql, Widget {
    int number();

    String title();
  }

  /** A {@code %md} cell. */
  public record Markdown(int number, String title, String markdown) implements Cell {}

  /** A SQL statement, with the chart its {@code -- chart:} line asks for (or null). */
  public record Sql(int number, String title, String sql, ChartSpec chart) implements Cell {}

  /**
   * {@code CREATE WIDGET TEXT name DEFAULT 'value'}: a parameter that later cells read as the named
   * parameter marker {@code :name}; {@code notebook --param name=value} overrides the default.
   */
  public record Widget(int number, String title, String name, String defaultValue) implements Cell {}

  /** The first level-one Markdown heading, or null. */
  public String heading() {
    for (Cell c : cells) {
      if (c instanceof Markdown md) {
        for (String line : md.markdown().split("\n")) {
          if (line.startsWith("# ")) {
            return line.substring(2).strip();
          }
        }
      }
    }
    return null;
  }
}
