package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Classification metrics over the 11 categories from a confusion matrix (rows = true category,
 * columns = decided category): per-category precision, recall, F1 and support; macro-F1 (the mean
 * F1 over the categories that occur in the labels); accuracy; the false-positive rate on category 0
 * (posts labelled 0 that were flagged with any violation category) and, when some posts are marked
 * as hard negatives, the false-positive rate on those.
 */
public record Metrics(long[][] confusion, long hardNegatives, long hardNegativesFlagged) implements Serializable {
  public static final int CLASSES = CategoryDecision.CLASSES;

  /** One category's figures. */
  public record PerCategory(int category, double precision, double recall, double f1, long support,
      long predicted) {}

  /**
   * Metrics of a frame with an integer {@code labelCol}, an integer {@code predictionCol} and
   * optionally a boolean {@code hardNegativeCol} (null or absent: not marked).
   */
  public static Metrics of(Dataset<Row> scored, String labelCol, String predictionCol, String hardNegativeCol) {
    long[][] confusion = new long[CLASSES][CLASSES];
    for (Row r : scored.groupBy(col(labelCol).cast("int"), col(predictionCol).cast("int"))
        .agg(count(lit(1))).collectAsList()) {
      confusion[r.getInt(0)][r.getInt(1)] += r.getLong(2);
    }
    long hard = 0;
    long hardFlagged = 0;
    if (hardNegativeCol != null && List.of(scored.columns()).contains(hardNegativeCol)) {
      for (Row r : scored.filter(col(hardNegativeCol).equalTo(true))
          .groupBy(col(predictionCol).cast("int").notEqual(0)).agg(count(lit(1))).collectAsList()) {
        hard += r.getLong(1);
        if (r.getBoolean(0)) {
          hardFlagged += r.getLong(1);
        }
      }
    }
    return new Metrics(confusion, hard, hardFlagged);
  }

  /** Metrics from arrays of true and decided categories. */
  public static Metrics of(int[] labels, int[] predictions) {
    long[][] confusion = new long[CLASSES][CLASSES];
    for (int i = 0; i < labels.length; i++) {
      confusion[labels[i]][predictions[i]]++;
    }
    return new Metrics(confusion, 0, 0);
  }

  public long total() {
    long n = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  public PerCategory category(int c) {
    long tp = confusion[c][c];
    long support = 0;
    long predicted = 0;
    for (int k = 0; k < CLASSES; k++) {
      support += confusion[c][k];
      predicted += confusion[k][c];
    }
    double precision = predicted == 0 ? 0 : (double) tp / predicted;
    double recall = support == 0 ? 0 : (double) tp / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new PerCategory(c, precision, recall, f1, support, predicted);
  }

  public List<PerCategory> categories() {
    List<PerCategory> out = new ArrayList<>();
    for (int c = 0; c < CLASSES; c++) {
      out.add(category(c));
    }
    return out;
  }

  /** Mean F1 over the categories with at least one labelled post. */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (PerCategory p : categories()) {
      if (p.support() > 0) {
        sum += p.f1();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < CLASSES; c++) {
      correct += confusion[c][c];
    }
    long total = total();
    return total == 0 ? 0 : (double) correct / total;
  }

  /** Share of posts labelled 0 that were given a violation category; NaN without such posts. */
  public double falsePositiveRate() {
    long negatives = 0;
    for (long v : confusion[0]) {
      negatives += v;
    }
    return negatives == 0 ? Double.NaN : (double) (negatives - confusion[0][0]) / negatives;
  }

  /** Share of hard negatives that were flagged; NaN when none are marked. */
  public double hardNegativeFalsePositiveRate() {
    return hardNegatives == 0 ? Double.NaN : (double) hardNegativesFlagged / hardNegatives;
  }

  /** The per-category table and the overall figures, as printed by train and evaluate. */
  public String table(Map<Integer, String> names) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-4s %s %9s %9s %9s %8s %9s%n", "cat", pad("name", 34), "precision", "recall",
        "f1", "support", "predicted"));
    for (PerCategory p : categories()) {
      String name = names == null ? "" : names.getOrDefault(p.category(), "");
      sb.append(String.format(Locale.ROOT, "%-4d %s %9.3f %9.3f %9.3f %8d %9d%n", p.category(), pad(name, 34),
          p.precision(), p.recall(), p.f1(), p.support(), p.predicted()));
    }
    sb.append(String.format(Locale.ROOT, "macro-F1 %.3f   accuracy %.3f   posts %d   false-positive rate on 0: %s",
        macroF1(), accuracy(), total(), percent(falsePositiveRate())));
    if (hardNegatives > 0) {
      sb.append(String.format(Locale.ROOT, "   on hard negatives: %s (%d of %d)", percent(hardNegativeFalsePositiveRate()),
          hardNegativesFlagged, hardNegatives));
    }
    return sb.toString();
  }

  /** The confusion matrix as text (rows = true category). */
  public String confusionTable() {
    StringBuilder sb = new StringBuilder("true\\decided");
    for (int c = 0; c < CLASSES; c++) {
      sb.append(String.format(Locale.ROOT, "%6d", c));
    }
    sb.append('\n');
    for (int r = 0; r < CLASSES; r++) {
      sb.append(String.format(Locale.ROOT, "%12d", r));
      for (int c = 0; c < CLASSES; c++) {
        sb.append(String.format(Locale.ROOT, "%6d", confusion[r][c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** {@code s} cut and padded to {@code width} terminal columns (Chinese characters take two). */
  static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (char ch : s.toCharArray()) {
      int cw = ch >= 0x2E80 ? 2 : 1;
      if (w + cw > width) {
        break;
      }
      sb.append(ch);
      w += cw;
    }
    return sb.append(" ".repeat(width - w)).toString();
  }
}
