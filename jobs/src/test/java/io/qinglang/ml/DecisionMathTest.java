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
  /** Eleven probabilities: {@code top} gets {@code value}, the rest share what is left. */
  static double[] p(int top, double value) {
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

  /** Violations of 1 and 2, one hard negative flagged as 1, one ordinary legitimate post flagged as 2. */
  private static final double[][] CAP_PROBS = {
      p(1, 0.95), p(1, 0.90), p(1, 0.70), p(1, 0.80),
      p(2, 0.99), p(2, 0.60), p(2, 0.65), p(2, 0.85),
      p(0, 0.9), p(0, 0.9), p(0, 0.9), p(0, 0.9), p(0, 0.9), p(0, 0.9), p(0, 0.9), p(0, 0.9),
      p(3, 0.40)};
  private static final int[] CAP_LABELS = {1, 1, 1, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  private static final boolean[] CAP_HARD = {false, false, false, true, false, false, false, false,
      true, true, true, false, false, false, false, false, true};

  private static double[] halves() {
    double[] t = new double[11];
    Arrays.fill(t, 0.5);
    t[0] = 0;
    return t;
  }

  @Test
  void falsePositiveCapsLeaveThresholdsAloneWhenAlreadyMet() {
    // 2 of 11 legitimate posts flagged (18%), 1 of 5 hard negatives (20%); the post topped by 3 is under 0.5.
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0.2, 0.2);
    assertTrue(c.reached());
    assertArrayEquals(halves(), c.thresholds());
    assertEquals(2, c.noneFlagged());
    assertEquals(11, c.none());
    assertEquals(1, c.hardFlagged());
    assertEquals(5, c.hard());
  }

  @Test
  void capOnCategoryZeroRaisesTheCheapestThreshold() {
    // At most 1 of 11 legitimate posts: unflagging the hard negative at 1 costs one true 1 (p 0.70),
    // unflagging the post at 2 would cost two true 2s (0.60, 0.65).
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0.1, 1);
    assertTrue(c.reached());
    assertTrue(c.thresholds()[1] > 0.80 && c.thresholds()[1] < 0.90, "t1 " + c.thresholds()[1]);
    assertEquals(0.5, c.thresholds()[2], 1e-12);
    assertEquals(1, c.noneFlagged());
    double[] t = c.thresholds();
    assertEquals(1, CategoryDecision.decide(p(1, 0.90), t, 0.3).category());
    assertEquals(0, CategoryDecision.decide(p(1, 0.80), t, 0.3).category());
  }

  @Test
  void capOnHardNegativesOnlyUnflagsHardNegatives() {
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 1, 0);
    assertTrue(c.reached());
    assertTrue(c.thresholds()[1] > 0.80 && c.thresholds()[1] < 0.90);
    assertEquals(0.5, c.thresholds()[2], 1e-12, "the ordinary post flagged as 2 is within the (absent) cap on 0");
    assertEquals(0, c.hardFlagged());
    assertEquals(1, c.noneFlagged());
  }

  @Test
  void capsAtZeroRaiseEveryThresholdAboveTheLegitimatePosts() {
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0, 0);
    assertTrue(c.reached());
    assertTrue(c.thresholds()[1] > 0.80 && c.thresholds()[1] < 0.90);
    assertTrue(c.thresholds()[2] > 0.85 && c.thresholds()[2] < 0.99);
    assertEquals(0.5, c.thresholds()[3], 1e-12, "never flagged: untouched");
    Metrics m = ClassifierTrainer.decide(CAP_PROBS, CAP_LABELS, CAP_HARD, c.thresholds(), 0.3);
    assertEquals(0.0, m.falsePositiveRate(), 1e-12);
    assertEquals(2.0 / 3, m.category(1).recall(), 1e-9);
    assertEquals(1.0 / 3, m.category(2).recall(), 1e-9);
  }

  @Test
  void aCeilingKeepsTheCapFromRaisingAThresholdPastIt() {
    // Without a ceiling these caps are reached by raising 1 above 0.80 and 2 above 0.85 (test above).
    // At 0.84, 1 can still be raised; 2 would have to pass the ceiling, so it stays and the caps fail.
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0, 0,
        0.84);
    assertFalse(c.reached());
    assertTrue(c.thresholds()[1] > 0.80 && c.thresholds()[1] <= 0.84, "t1 " + c.thresholds()[1]);
    assertEquals(0.5, c.thresholds()[2], 1e-12);
    assertEquals(1, c.noneFlagged());
    assertEquals(0, c.hardFlagged());
    // A ceiling of 1 is the plain cap.
    assertArrayEquals(ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0, 0).thresholds(),
        ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0, 0, 1.0).thresholds());
  }

  @Test
  void theThresholdCeilingBringsRaisedThresholdsDownButNotBelowPrecision() {
    double[] capped = new double[11];
    double[] precision = new double[11];
    Arrays.fill(capped, 0.5);
    Arrays.fill(precision, 0.4);
    capped[0] = 0;
    precision[0] = 0;
    capped[5] = 0.997; // switched off by the caps
    capped[6] = 0.95;
    precision[6] = 0.9; // its precision threshold is above the ceiling: it wins
    capped[9] = 0.7; // under the ceiling: left alone
    double[] t = ThresholdSelector.ceiling(capped, precision, 0.8);
    assertEquals(0.8, t[5], 1e-12);
    assertEquals(0.9, t[6], 1e-12);
    assertEquals(0.7, t[9], 1e-12);
    assertEquals(0.5, t[1], 1e-12);
    assertEquals(0.0, t[0], 1e-12);
    assertEquals(0.997, capped[5], 1e-12, "the capped thresholds are not changed in place");
    assertArrayEquals(capped, ThresholdSelector.ceiling(capped, precision, 1.0), "a ceiling of 1 changes nothing");
    // On the cap fixture: the caps at 0 raise 1 above 0.80 and 2 above 0.85; a ceiling of 0.82 brings 2 back
    // to 0.82 and flags the legitimate post the cap had unflagged for it again.
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(CAP_PROBS, CAP_LABELS, CAP_HARD, halves(), 0, 0);
    double[] lowered = ThresholdSelector.ceiling(c.thresholds(), halves(), 0.82);
    assertEquals(0.82, lowered[2], 1e-12);
    assertEquals(c.thresholds()[1], lowered[1], 1e-12);
    assertTrue(ClassifierTrainer.decide(CAP_PROBS, CAP_LABELS, CAP_HARD, lowered, 0.3).falsePositiveRate()
        > ClassifierTrainer.decide(CAP_PROBS, CAP_LABELS, CAP_HARD, c.thresholds(), 0.3).falsePositiveRate());
    // A ceiling per category: 5 lower than the rest, the precision threshold still a floor.
    double[] ceilings = new double[11];
    Arrays.fill(ceilings, 0.8);
    ceilings[5] = 0.6;
    ceilings[6] = 0.6;
    double[] own = ThresholdSelector.ceiling(capped, precision, ceilings);
    assertEquals(0.6, own[5], 1e-12);
    assertEquals(0.9, own[6], 1e-12, "the precision threshold wins over a lower ceiling too");
    assertEquals(0.7, own[9], 1e-12);
    assertEquals(0.5, own[1], 1e-12);
  }

  @Test
  void aLegitimatePostAtProbabilityOneCannotBeUnflagged() {
    double[][] probs = Arrays.copyOf(CAP_PROBS, CAP_PROBS.length + 1);
    double[] certain = new double[11];
    certain[4] = 1.0;
    probs[CAP_PROBS.length] = certain;
    int[] labels = Arrays.copyOf(CAP_LABELS, CAP_LABELS.length + 1);
    boolean[] hard = Arrays.copyOf(CAP_HARD, CAP_HARD.length + 1);
    ThresholdSelector.Capped c = ThresholdSelector.capFalsePositives(probs, labels, hard, halves(), 0, 1);
    assertFalse(c.reached());
    assertEquals(1, c.noneFlagged());
    assertTrue(c.thresholds()[1] > 0.80 && c.thresholds()[2] > 0.85, "the others are still raised");
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
