package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Metrics, thresholds, calibration and the decision rule on hand-made numbers. */
class DecisionMathTest {
  private static double[] p(int top, double value) {
    double[] p = new double[11];
    Arrays.fill(p, (1 - value) / 10);
    p[top] = value;
    return p;
  }

  @Test
  void decisionNeedsTheThresholdAndFlagsReview() {
    double[] t = new double[11];
    Arrays.fill(t, 0.6);
    t[0] = 0;
    assertEquals(7, CategoryDecision.decide(p(7, 0.7), t, 0.3).category());
    CategoryDecision.Decision below = CategoryDecision.decide(p(7, 0.5), t, 0.3);
    assertEquals(0, below.category());
    assertTrue(below.needsReview());
    assertEquals(0.05, below.confidence(), 1e-9);
    CategoryDecision.Decision clear = CategoryDecision.decide(p(0, 0.9), t, 0.3);
    assertEquals(0, clear.category());
    assertFalse(clear.needsReview());
    assertEquals(0.9, clear.confidence(), 1e-9);
  }

  @Test
  void metricsFromAConfusionMatrix() {
    int[] labels = {0, 0, 0, 0, 1, 1, 2, 2};
    int[] decided = {0, 0, 0, 1, 1, 0, 2, 2};
    Metrics m = Metrics.of(labels, decided);
    assertEquals(0.25, m.falsePositiveRate(), 1e-9);
    assertEquals(0.5, m.category(1).precision(), 1e-9);
    assertEquals(0.5, m.category(1).recall(), 1e-9);
    assertEquals(1.0, m.category(2).f1(), 1e-9);
    // Categories 3..10 have no labelled posts and do not count in macro-F1.
    double f0 = 2 * 0.75 * 0.75 / 1.5;
    assertEquals((f0 + 0.5 + 1.0) / 3, m.macroF1(), 1e-9);
    assertEquals(6.0 / 8, m.accuracy(), 1e-9);
    assertTrue(Double.isNaN(m.hardNegativeFalsePositiveRate()));
    assertTrue(m.table(null).contains("macro-F1 0.750"));
  }

  @Test
  void thresholdsReachTheTargetPrecision() {
    // Category 3: posts with p >= 0.7 are all right, lower ones are half wrong.
    double[][] probs = {p(3, 0.9), p(3, 0.8), p(3, 0.7), p(3, 0.5), p(3, 0.45), p(0, 0.9)};
    int[] labels = {3, 3, 3, 0, 3, 0};
    double[] t = ThresholdSelector.choose(probs, labels, 0.9, 0.3, 0.95);
    assertEquals(0.51, t[3], 1e-9);
    assertEquals(0.95, t[5], 1e-9, "no validation posts: the maximum");
    assertEquals(0.0, t[0]);
  }

  @Test
  void temperatureScalingFindsTheScaleOfOverconfidentScores() {
    Random r = new Random(7);
    int n = 2000;
    double[][] raw = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      // True logits are raw / 3: a classifier three times too confident.
      double[] logits = new double[11];
      for (int k = 0; k < 11; k++) {
        logits[k] = r.nextGaussian();
      }
      double[] truth = SoftmaxCalibration.softmax(logits, 1);
      double u = r.nextDouble();
      int label = 0;
      for (double acc = truth[0]; acc < u && label < 10; acc += truth[++label]) {
        // sample the label from the true distribution
      }
      labels[i] = label;
      raw[i] = new double[11];
      for (int k = 0; k < 11; k++) {
        raw[i][k] = 3 * logits[k];
      }
    }
    assertEquals(3.0, SoftmaxCalibration.fitTemperature(raw, labels), 0.4);
    assertArrayEquals(new double[] {0.5, 0.5}, SoftmaxCalibration.softmax(new double[] {2, 2}, 1.3), 1e-12);
  }
}
