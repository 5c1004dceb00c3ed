package io.qinglang.ml;

import java.util.Arrays;

/**
 * Chooses the per-category probability thresholds of {@link CategoryDecision} on validation data.
 * For each violation category c, among the validation posts whose top class is c: the lowest
 * threshold t in [min, max] (steps of 0.01) such that the posts with p[c] >= t are labelled c at
 * least {@code targetPrecision} of the time (and at least one of them is); when no threshold
 * reaches the target, the one with the best F0.5 (precision weighted over recall), never below min.
 * Categories without validation posts get {@code max}.
 *
 * <p>Precision per category does not bound how many legitimate posts are flagged in all:
 * {@link #capFalsePositives} then raises thresholds until the share of validation posts labelled 0
 * that are flagged, and the share of validation hard negatives that are flagged, are within caps;
 * {@link #ceiling} can bring the thresholds the caps raised back down to a ceiling.
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

  /** What {@link #capFalsePositives} did: the raised thresholds and whether the caps were reached. */
  public record Capped(double[] thresholds, boolean reached, long noneFlagged, long none, long hardFlagged,
      long hard) {}

  /**
   * Raises thresholds (never lowers them) until at most {@code maxNoneRate} of the posts labelled 0
   * and at most {@code maxHardRate} of the hard negatives are flagged. Greedy: in each step, for
   * every violation category c, the candidate threshold is just above the lowest p[c] of a
   * legitimate post still flagged as c; the step taken is the one losing the fewest correctly
   * flagged posts (label c) per legitimate post it unflags, counted once for each exceeded cap
   * the post is under (a hard negative counts twice while both caps are exceeded). Thresholds stay
   * at most 1; when
   * no step is left (legitimate posts flagged with probability 1) the caps are reported as not reached.
   *
   * @param hard hard-negative flags per post (null: none)
   */
  public static Capped capFalsePositives(double[][] p, int[] labels, boolean[] hard, double[] thresholds,
      double maxNoneRate, double maxHardRate) {
    return capFalsePositives(p, labels, hard, thresholds, maxNoneRate, maxHardRate, 1.0);
  }

  /**
   * As above, but no threshold is raised above {@code ceiling}: a category whose next step would pass
   * it is left where it is and the other categories pay for the caps; when none can, the caps are
   * reported as not reached. A ceiling of 1 is the plain greedy cap.
   */
  public static Capped capFalsePositives(double[][] p, int[] labels, boolean[] hard, double[] thresholds,
      double maxNoneRate, double maxHardRate, double ceiling) {
    double[] t = thresholds.clone();
    int n = p.length;
    int[] tops = new int[n];
    long none = 0;
    long hardCount = 0;
    for (int i = 0; i < n; i++) {
      tops[i] = top(p[i]);
      if (labels[i] == 0) {
        none++;
        if (hard != null && hard[i]) {
          hardCount++;
        }
      }
    }
    while (true) {
      long noneFlagged = 0;
      long hardFlagged = 0;
      for (int i = 0; i < n; i++) {
        if (labels[i] == 0 && flagged(p[i], tops[i], t)) {
          noneFlagged++;
          if (hard != null && hard[i]) {
            hardFlagged++;
          }
        }
      }
      boolean noneOver = none > 0 && noneFlagged > maxNoneRate * none;
      boolean hardOver = hardCount > 0 && hardFlagged > maxHardRate * hardCount;
      if (!noneOver && !hardOver) {
        return new Capped(t, true, noneFlagged, none, hardFlagged, hardCount);
      }
      int bestC = -1;
      double bestT = 0;
      double bestRatio = Double.POSITIVE_INFINITY;
      for (int c = 1; c < t.length; c++) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if (labels[i] == 0 && tops[i] == c && p[i][c] >= t[c] && (noneOver || (hard != null && hard[i]))) {
            lowest = Math.min(lowest, p[i][c]);
          }
        }
        if (lowest == Double.POSITIVE_INFINITY || lowest >= ceiling) {
          continue;
        }
        double next = Math.min(ceiling, Math.nextUp(lowest));
        double gain = 0;
        long lost = 0;
        for (int i = 0; i < n; i++) {
          if (tops[i] == c && p[i][c] >= t[c] && p[i][c] < next) {
            if (labels[i] == 0) {
              gain += (noneOver ? 1 : 0) + (hardOver && hard != null && hard[i] ? 1 : 0);
            } else if (labels[i] == c) {
              lost++;
            }
          }
        }
        if (gain == 0) {
          continue;
        }
        double ratio = lost / gain;
        if (ratio < bestRatio) {
          bestRatio = ratio;
          bestC = c;
          bestT = next;
        }
      }
      if (bestC < 0) {
        return new Capped(t, false, noneFlagged, none, hardFlagged, hardCount);
      }
      t[bestC] = bestT;
    }
  }

  /**
   * Lowers every capped threshold above {@code ceiling} to the ceiling, or to the category's
   * precision threshold when that is higher: the caps may then be left unmet on the validation
   * posts. A ceiling of 1 changes nothing.
   */
  public static double[] ceiling(double[] capped, double[] precisionThresholds, double ceiling) {
    double[] all = new double[capped.length];
    Arrays.fill(all, ceiling);
    return ceiling(capped, precisionThresholds, all);
  }

  /** As above, with a ceiling per category (index = id). */
  public static double[] ceiling(double[] capped, double[] precisionThresholds, double[] ceilings) {
    double[] t = capped.clone();
    for (int c = 1; c < t.length; c++) {
      t[c] = Math.min(t[c], Math.max(ceilings[c], precisionThresholds[c]));
    }
    return t;
  }

  private static boolean flagged(double[] p, int top, double[] t) {
    return top != 0 && p[top] >= t[top];
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
