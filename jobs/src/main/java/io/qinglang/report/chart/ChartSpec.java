package io.qinglang.report.chart;

import io.qinglang.report.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What chart to draw from a result, as a notebook cell declares it in a comment line:
 *
 * <pre>
 * -- chart: TYPE KEY=VALUE ...
 *
 * TYPE   bar | stacked-bar | line | pie | donut
 * x      the column along the category axis (bar, stacked-bar, line) or naming the slices (pie, donut)
 * y      one numeric column, or several separated by commas (one series each); pie and donut take one
 * series a column whose values split y into series (bar: side by side, stacked-bar: stacked, line: one
 *        line each); not with several y columns, not for pie or donut
 * title  the chart's title, in double quotes when it has spaces: title="Violations per platform"
 * orientation  vertical (default) or horizontal, bar and stacked-bar only
 * </pre>
 *
 * Keys are lower case and given once each; {@code x} and {@code y} are required; column names are
 * letters, digits and underscores and must be columns of the cell's result. Anything else is an error.
 */
public record ChartSpec(Type type, String x, List<String> y, String series, String title, boolean horizontal) {
  /** The prefix of a chart line in a SQL cell. */
  public static final String PREFIX = "-- chart:";
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> KEYS = List.of("x", "y", "series", "title", "orientation");

  /** The chart types. */
  public enum Type {
    BAR("bar"), STACKED_BAR("stacked-bar"), LINE("line"), PIE("pie"), DONUT("donut");

    private final String word;

    Type(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public boolean categoryAxis() {
      return this == BAR || this == STACKED_BAR || this == LINE;
    }

    static Type of(String word) {
      for (Type t : values()) {
        if (t.word.equals(word)) {
          return t;
        }
      }
      throw new ChartSpecException("unknown chart type '" + word + "' (use " + Arrays.stream(values())
          .map(Type::word).collect(Collectors.joining(", ")) + ")");
    }
  }

  public ChartSpec {
    y = List.copyOf(y);
  }

  /**
   * Parses a chart line: either the whole comment ({@code -- chart: bar x=a y=b}) or the text after
   * the prefix. Throws {@link ChartSpecException} saying what is wrong.
   */
  public static ChartSpec parse(String line) {
    String text = line.strip();
    if (text.startsWith(PREFIX)) {
      text = text.substring(PREFIX.length());
    }
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      throw new ChartSpecException("no chart type (write for example: -- chart: bar x=platform y=violations)");
    }
    Type type = Type.of(tokens.get(0));
    Map<String, String> values = new LinkedHashMap<>();
    for (String token : tokens.subList(1, tokens.size())) {
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new ChartSpecException("'" + token + "' is not KEY=VALUE (keys: " + String.join(", ", KEYS) + ")");
      }
      String key = token.substring(0, eq);
      String value = unquote(token.substring(eq + 1), key);
      if (!KEYS.contains(key)) {
        throw new ChartSpecException("unknown key '" + key + "' (keys: " + String.join(", ", KEYS) + ")");
      }
      if (values.containsKey(key)) {
        throw new ChartSpecException("key '" + key + "' is given twice");
      }
      if (value.isEmpty()) {
        throw new ChartSpecException("key '" + key + "' has no value");
      }
      values.put(key, value);
    }
    String x = values.get("x");
    if (x == null) {
      throw new ChartSpecException(type.word() + " needs x=COLUMN");
    }
    column(x, "x");
    String yText = values.get("y");
    if (yText == null) {
      throw new ChartSpecException(type.word() + " needs y=COLUMN");
    }
    List<String> y = new ArrayList<>();
    for (String c : yText.split(",", -1)) {
      y.add(column(c.strip(), "y"));
    }
    if (y.stream().distinct().count() != y.size()) {
      throw new ChartSpecException("y names a column twice");
    }
    String series = values.get("series");
    if (series != null) {
      column(series, "series");
      if (!type.categoryAxis()) {
        throw new ChartSpecException(type.word() + " takes no series (its slices are the x values)");
      }
      if (y.size() > 1) {
        throw new ChartSpecException("series splits one y column: give either series= or several y columns");
      }
    }
    if (!type.categoryAxis() && y.size() > 1) {
      throw new ChartSpecException(type.word() + " takes one y column");
    }
    boolean horizontal = false;
    String orientation = values.get("orientation");
    if (orientation != null) {
      if (type != Type.BAR && type != Type.STACKED_BAR) {
        throw new ChartSpecException("orientation is for bar and stacked-bar only");
      }
      horizontal = switch (orientation) {
        case "horizontal" -> true;
        case "vertical" -> false;
        default -> throw new ChartSpecException("orientation is vertical or horizontal, not '" + orientation + "'");
      };
    }
    return new ChartSpec(type, x, y, series, values.get("title"), horizontal);
  }

  /** Checks that the columns exist in {@code table} and that the y columns are numeric. */
  public void check(ResultTable table) {
    List<String> present = table.columns().stream().map(ResultTable.Column::name).toList();
    require(table, x, "x", present);
    if (series != null) {
      require(table, series, "series", present);
    }
    for (String c : y) {
      require(table, c, "y", present);
      if (!table.column(c).numeric()) {
        throw new ChartSpecException("y column " + c + " is not numeric (it is " + table.column(c).kind()
            .name().toLowerCase(Locale.ROOT) + ")");
      }
    }
  }

  /** The spec as a chart line, parseable by {@link #parse}. */
  public String text() {
    StringBuilder sb = new StringBuilder(PREFIX).append(' ').append(type.word())
        .append(" x=").append(x).append(" y=").append(String.join(",", y));
    if (series != null) {
      sb.append(" series=").append(series);
    }
    if (horizontal) {
      sb.append(" orientation=horizontal");
    }
    if (title != null) {
      sb.append(" title=\"").append(title).append('"');
    }
    return sb.toString();
  }

  private static void require(ResultTable table, String name, String key, List<String> present) {
    if (table.index(name) < 0) {
      throw new ChartSpecException(key + "=" + name + ": the result has no such column (columns: "
          + String.join(", ", present) + ")");
    }
  }

  private static String column(String name, String key) {
    if (!COLUMN.matcher(name).matches()) {
      throw new ChartSpecException(key + "='" + name + "' is not a column name (letters, digits, _)");
    }
    return name;
  }

  private static String unquote(String value, String key) {
    if (value.startsWith("\"")) {
      if (value.length() < 2 || !value.endsWith("\"")) {
        throw new ChartSpecException("the value of '" + key + "' has no closing quote");
      }
      return value.substring(1, value.length() - 1).strip();
    }
    if (value.contains("\"")) {
      throw new ChartSpecException("the value of '" + key + "' has a stray quote");
    }
    return value;
  }

  /** Splits on white space outside double quotes; a quote that never closes is an error. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (Character.isWhitespace(c) && !quoted) {
        if (!current.isEmpty()) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new ChartSpecException("a double quote is not closed");
    }
    if (!current.isEmpty()) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
