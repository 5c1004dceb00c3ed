package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How far class probabilities can be taken at their word: the posts put into ten equal bins by the
 * probability of their top class, and per bin the mean of that probability against the share of posts whose
 * label is that class (a reliability table). The expected calibration error is the gap averaged over the bins,
 * weighted by their posts; the maximum is the largest gap of a bin holding at least {@link #MIN_BIN_POSTS}
 * posts; the Brier score is the mean over posts of the squared distance between the probabilities and the
 * label's one-hot vector (0 is perfect, 2 the worst).
 */
public record Calibration(long[] posts, double[] confidenceSums, long[] correct, double brierSum)
    implements Serializable {
  public static final int BINS = 10;
  /** Bins with fewer posts are left out of the maximum gap (their accuracy is noise). */
  public static final int MIN_BIN_POSTS = 20;

  /** The figures of labels against rows of class probabilities (index = category). */
  public static Calibration of(int[] labels, double[][] probabilities) {
    long[] posts = new long[BINS];
    double[] confidence = new double[BINS];
    long[] correct = new long[BINS];
    double brier = 0;
    for (int i = 0; i < labels.length; i++) {
      double[] p = probabilities[i];
      int top = ThresholdSelector.top(p);
      int bin = bin(p[top]);
      posts[bin]++;
      confidence[bin] += p[top];
      if (top == labels[i]) {
        correct[bin]++;
      }
      for (int k = 0; k < p.length; k++) {
        double d = p[k] - (k == labels[i] ? 1 : 0);
        brier += d * d;
      }
    }
    return new Calibration(posts, confidence, correct, brier);
  }

  /**
   * The figures of a frame with an integer {@code labelCol} and an array-of-doubles {@code probabilitiesCol}
   * (rows without probabilities left out): each partition measured as above, the partitions' figures added.
   */
  public static Calibration of(Dataset<Row> scored, String labelCol, String probabilitiesCol) {
    return scored.filter(col(probabilitiesCol).isNotNull())
        .select(col(labelCol).cast("int"), col(probabilitiesCol))
        .javaRDD()
        .mapPartitions(rows -> {
          List<Integer> labels = new ArrayList<>();
          List<double[]> probabilities = new ArrayList<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            labels.add(r.getInt(0));
            List<Double> p = r.getList(1);
            probabilities.add(p.stream().mapToDouble(Double::doubleValue).toArray());
          }
          return List.of(of(labels.stream().mapToInt(Integer::intValue).toArray(),
              probabilities.toArray(new double[0][]))).iterator();
        })
        .fold(empty(), Calibration::plus);
  }

  private static Calibration empty() {
    return new Calibration(new long[BINS], new double[BINS], new long[BINS], 0);
  }

  /** The figures of both sets of posts together. */
  public Calibration plus(Calibration other) {
    long[] n = new long[BINS];
    double[] confidence = new double[BINS];
    long[] right = new long[BINS];
    for (int b = 0; b < BINS; b++) {
      n[b] = posts[b] + other.posts[b];
      confidence[b] = confidenceSums[b] + other.confidenceSums[b];
      right[b] = correct[b] + other.correct[b];
    }
    return new Calibration(n, confidence, right, brierSum + other.brierSum);
  }

  static int bin(double confidence) {
    return Math.min(BINS - 1, (int) Math.floor(confidence * BINS));
  }

  public long total() {
    long n = 0;
    for (long c : posts) {
      n += c;
    }
    return n;
  }

  /** The mean top-class probability of the posts in a bin (NaN when it is empty). */
  public double meanConfidence(int bin) {
    return posts[bin] == 0 ? Double.NaN : confidenceSums[bin] / posts[bin];
  }

  /** The share of the posts in a bin whose top class is their label (NaN when it is empty). */
  public double accuracy(int bin) {
    return posts[bin] == 0 ? Double.NaN : (double) correct[bin] / posts[bin];
  }

  /** The gap between confidence and accuracy averaged over the bins, weighted by their posts. */
  public double expectedError() {
    long n = total();
    if (n == 0) {
      return Double.NaN;
    }
    double e = 0;
    for (int b = 0; b < BINS; b++) {
      if (posts[b] > 0) {
        e += posts[b] * Math.abs(meanConfidence(b) - accuracy(b));
      }
    }
    return e / n;
  }

  /** The largest gap of a bin with at least {@link #MIN_BIN_POSTS} posts (NaN when there is none). */
  public double maxError() {
    double m = Double.NaN;
    for (int b = 0; b < BINS; b++) {
      if (posts[b] >= MIN_BIN_POSTS) {
        double gap = Math.abs(meanConfidence(b) - accuracy(b));
        m = Double.isNaN(m) ? gap : Math.max(m, gap);
      }
    }
    return m;
  }

  /** Mean squared distance between the probabilities and the label's one-hot vector. */
  public double brier() {
    long n = total();
    return n == 0 ? Double.NaN : brierSum / n;
  }

  /** One line: the three figures. */
  public String summary() {
    return String.format(Locale.ROOT, "expected calibration error %.3f, largest bin gap %s, Brier score %.3f "
        + "(%d posts, %d bins of the top-class probability)", expectedError(),
        Double.isNaN(maxError()) ? "n/a" : String.format(Locale.ROOT, "%.3f", maxError()), brier(), total(), BINS);
  }

  /** The reliability table, one line per non-empty bin. */
  public String table() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-11s %7s %15s %9s%n", "probability", "posts",
        "mean probability", "accuracy"));
    for (int b = 0; b < BINS; b++) {
      if (posts[b] > 0) {
        sb.append(String.format(Locale.ROOT, "%.1f-%.1f     %7d %15.3f %9.3f%n", (double) b / BINS,
            (double) (b + 1) / BINS, posts[b], meanConfidence(b), accuracy(b)));
      }
    }
    return sb.toString();
  }

  /** The figures for model.json (null for an empty bin or a maximum without a bin large enough). */
  public Map<String, Object> summaryMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("expected_calibration_error", orNull(expectedError()));
    m.put("max_bin_gap", orNull(maxError()));
    m.put("brier", orNull(brier()));
    m.put("posts", total());
    m.put("bin_posts", posts);
    List<Double> mean = new ArrayList<>();
    List<Double> accuracy = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      mean.add(orNull(meanConfidence(b)));
      accuracy.add(orNull(accuracy(b)));
    }
    m.put("bin_mean_probability", mean);
    m.put("bin_accuracy", accuracy);
    return m;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
