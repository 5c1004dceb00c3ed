package io.qinglang.ml;

import static io.qinglang.ml.DecisionMathTest.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reliability bins, calibration errors and the Brier score, on hand-made probabilities. */
@ExtendWith(SparkExtension.class)
class CalibrationTest {
  private static scala.collection.immutable.Seq<Double> seq(List<Double> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  @Test
  void probabilitiesThatMatchTheOutcomesHaveNoGap() {
    // Top class 3 at 0.75 and right three times out of four; top class 0 at 0.95, right 19 times of 20.
    List<Integer> labels = new ArrayList<>();
    List<double[]> probs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      labels.add(i < 3 ? 3 : 5);
      probs.add(p(3, 0.75));
    }
    for (int i = 0; i < 20; i++) {
      labels.add(i < 19 ? 0 : 8);
      probs.add(p(0, 0.95));
    }
    Calibration c = Calibration.of(labels.stream().mapToInt(Integer::intValue).toArray(),
        probs.toArray(new double[0][]));
    assertEquals(24, c.total());
    assertEquals(4, c.posts()[7]);
    assertEquals(20, c.posts()[9]);
    assertEquals(0.75, c.accuracy(7), 1e-12);
    assertEquals(0.95, c.meanConfidence(9), 1e-12);
    assertEquals(0, c.expectedError(), 1e-12);
    assertEquals(0, c.maxError(), 1e-12); // the 20-post bin is large enough, the 4-post bin is not
  }

  @Test
  void overconfidentProbabilitiesShowTheirGap() {
    // Ten posts at 0.9 of which five are right (gap 0.4), thirty at 0.55 of which all are right (gap 0.45).
    int[] labels = new int[40];
    double[][] probs = new double[40][];
    for (int i = 0; i < 10; i++) {
      labels[i] = i < 5 ? 2 : 0;
      probs[i] = p(2, 0.9);
    }
    for (int i = 10; i < 40; i++) {
      labels[i] = 6;
      probs[i] = p(6, 0.55);
    }
    Calibration c = Calibration.of(labels, probs);
    assertEquals((10 * 0.4 + 30 * 0.45) / 40, c.expectedError(), 1e-12);
    assertEquals(0.45, c.maxError(), 1e-12);
    assertTrue(c.table().contains("0.9-1.0"));
    assertTrue(c.table().contains("0.5-0.6"));
    assertTrue(!c.table().contains("0.0-0.1"), "empty bins are not listed");
  }

  @Test
  void brierScoreIsTheMeanSquaredDistanceToTheLabel() {
    double[] certainRight = new double[11];
    certainRight[4] = 1;
    double[] certainWrong = new double[11];
    certainWrong[1] = 1;
    Calibration c = Calibration.of(new int[] {4, 4}, new double[][] {certainRight, certainWrong});
    assertEquals((0 + 2) / 2.0, c.brier(), 1e-12);
    // An even spread: (10/11 - 1)^2... exactly (1 - 1/11)^2 + 10 (1/11)^2 = 10/11.
    double[] even = new double[11];
    Arrays.fill(even, 1.0 / 11);
    assertEquals(10.0 / 11, Calibration.of(new int[] {0}, new double[][] {even}).brier(), 1e-12);
  }

  @Test
  void noBinLargeEnoughGivesNoMaximumAndEmptyBinsAreNullInTheSummary() {
    Calibration c = Calibration.of(new int[] {1}, new double[][] {p(1, 0.65)});
    assertTrue(Double.isNaN(c.maxError()));
    Map<String, Object> m = c.summaryMap();
    assertNull(m.get("max_bin_gap"));
    assertNull(((List<?>) m.get("bin_accuracy")).get(0));
    assertEquals(1.0, ((List<?>) m.get("bin_accuracy")).get(6));
    assertTrue(c.summary().contains("largest bin gap n/a"));
  }

  @Test
  void sparkPartitionsAddUpToTheWholeSet(SparkSession spark) {
    Random random = new Random(5);
    int n = 300;
    int[] labels = new int[n];
    double[][] probs = new double[n][];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] raw = new double[11];
      for (int k = 0; k < 11; k++) {
        raw[k] = random.nextGaussian() * 2;
      }
      labels[i] = random.nextInt(11);
      raw[labels[i]] += random.nextDouble() * 3;
      probs[i] = SoftmaxCalibration.softmax(raw, 1);
      List<Double> list = new ArrayList<>();
      for (double v : probs[i]) {
        list.add(v);
      }
      rows.add(RowFactory.create((double) labels[i], seq(list)));
    }
    // A tie goes to the lowest category.
    labels[0] = 7;
    probs[0] = new double[11];
    probs[0][7] = 0.5;
    probs[0][3] = 0.5;
    rows.set(0, RowFactory.create(7.0, seq(Arrays.stream(probs[0]).boxed().toList())));
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false));
    Calibration local = Calibration.of(labels, probs);
    Calibration spread = Calibration.of(spark.createDataFrame(rows, schema), "label", "probabilities");
    assertArrayEquals(local.posts(), spread.posts());
    assertArrayEquals(local.correct(), spread.correct());
    assertArrayEquals(local.confidenceSums(), spread.confidenceSums(), 1e-9);
    assertEquals(local.brier(), spread.brier(), 1e-12);
    assertEquals(local.expectedError(), spread.expectedError(), 1e-12);
    assertTrue(local.expectedError() > 0.01, "random scores are not calibrated: " + local.expectedError());
  }
}
