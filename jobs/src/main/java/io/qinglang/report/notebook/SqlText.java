package io.qinglang.report.notebook;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Small lexical helpers over SQL text: what lies outside quotes and comments. */
final class SqlText {
  private SqlText() {}

  /**
   * The names of the named parameter markers ({@code :name}) in {@code sql}, outside string literals,
   * quoted identifiers and comments; {@code ::} casts are not markers.
   */
  static Set<String> parameterMarkers(String sql) {
    Set<String> names = new LinkedHashSet<>();
    scan(sql, (name, start, end) -> names.add(name));
    return names;
  }

  /**
   * {@code sql} with every marker whose name is in {@code values} replaced by its value as a SQL string
   * literal (backslashes and quotes escaped); other markers stay, so Spark reports them as unbound.
   * Widgets hold text, so binding them as string literals is what the notebook means. (Spark's own
   * binding, {@code spark.sql(text, args)}, leaves markers unbound under the Delta SQL extension.)
   */
  static String bind(String sql, Map<String, String> values) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int[] at = {0};
    scan(sql, (name, start, end) -> {
      if (values.containsKey(name)) {
        out.append(sql, at[0], start).append(literal(values.get(name)));
        at[0] = end;
      }
    });
    return out.append(sql, at[0], sql.length()).toString();
  }

  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private interface MarkerVisitor {
    void visit(String name, int start, int end);
  }

  /** Visits each marker with its position in {@code sql}, skipping quotes and comments. */
  private static void scan(String sql, MarkerVisitor visitor) {
    char quote = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        i++;
      } else if (c == '-' && next == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (c == ':' && next == ':') {
        i += 2;
      } else if (c == ':' && Character.isJavaIdentifierStart(next) && next != '$') {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        visitor.visit(sql.substring(i + 1, end), i, end);
        i = end;
      } else {
        i++;
      }
    }
  }
}
