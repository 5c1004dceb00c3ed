package io.qinglang.ml;

/**
 * Chooses the per-category probability thresholds of {@link CategoryDecision} on validation data.
 * For each violation category c, among the validation posts whose top class is c: the lowest
 * threshold t in [min, max] (steps of 0.01) such that the posts with p[c] >= t are labelled c at
 * least {@code targetPrecision} of the time (and at least one of them is); when no threshold
 * reaches the target, the one with the best F0.5 (precision weighted over recall), never below min.
 * Categories without validation posts get {@code max}.
 */
public final class ThresholdSelector {
  private ThresholdSelector() {}

  public static double[] choose(double[][] probabilities, int[] labels, double targetPrecision, double min,
      double max) {
    int classes = CategoryDecision.CLASSES;
    double[] thresholds = new double[classes];
    thresholds[0] = 0;
    for (int c = 1; c < classes; c++) {
      thresholds[c] = choose(probabilities, labels, c, targetPrecision, min, max);
    }
    return thresholds;
  }

  static double choose(double[][] p, int[] labels, int c, double target, double min, double max) {
    long support = 0;
    for (int label : labels) {
      if (label == c) {
        support++;
      }
    }
    if (support == 0) {
      return max;
    }
    double bestT = max;
    double bestScore = -1;
    for (int step = (int) Math.round(min * 100); step <= Math.round(max * 100); step++) {
      double t = step / 100.0;
      long tp = 0;
      long flagged = 0;
      for (int i = 0; i < p.length; i++) {
        if (top(p[i]) == c && p[i][c] >= t) {
          flagged++;
          if (labels[i] == c) {
            tp++;
          }
        }
      }
      if (flagged == 0) {
        continue;
      }
      double precision = (double) tp / flagged;
      double recall = (double) tp / support;
      if (precision >= target && tp > 0) {
        return t;
      }
      double f05 = precision + recall == 0 ? 0 : 1.25 * precision * recall / (0.25 * precision + recall);
      if (f05 > bestScore) {
        bestScore = f05;
        bestT = t;
      }
    }
    return bestT;
  }

  static int top(double[] p) {
    int top = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[top]) {
        top = k;
      }
    }
    return top;
  }
}
