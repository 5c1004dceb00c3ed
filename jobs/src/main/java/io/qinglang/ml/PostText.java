package io.qinglang.ml;

import org.apache.spark.ml.feature.SQLTransformer;

/**
 * The text of a post the classifier reads: for accounts their display name, then the title, for
 * search suggestions what the user typed, then the content, one per line. Evidence offsets
 * (start, end) are character positions in this text.
 */
public final class PostText {
  public static final String COLUMN = "text";
  /** The SQL expression of {@link #COLUMN} over posts columns. */
  public static final String SQL = "concat_ws('\\n', "
      + "CASE WHEN content_type = 'account' THEN account_name END, "
      + "title, "
      + "CASE WHEN content_type = 'search_suggestion' THEN query END, "
      + "content)";

  private PostText() {}

  /** {@link #SQL} as a column expression. */
  public static org.apache.spark.sql.Column column() {
    return org.apache.spark.sql.functions.expr(SQL);
  }

  /** The pipeline stage that adds {@link #COLUMN}. */
  public static SQLTransformer stage() {
    return new SQLTransformer().setStatement("SELECT *, " + SQL + " AS " + COLUMN + " FROM __THIS__");
  }

  /** The same text in Java (tests and tools). */
  public static String of(String contentType, String accountName, String title, String query, String content) {
    StringBuilder sb = new StringBuilder();
    append(sb, "account".equals(contentType) ? accountName : null);
    append(sb, title);
    append(sb, "search_suggestion".equals(contentType) ? query : null);
    append(sb, content);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String part) {
    if (part == null) {
      return;
    }
    if (!sb.isEmpty()) {
      sb.append('\n');
    }
    sb.append(part);
  }
}
