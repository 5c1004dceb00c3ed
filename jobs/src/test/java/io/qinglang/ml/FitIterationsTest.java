package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class FitIterationsTest {
  /** Three classes, each on its own non-negative feature, with some overlap so no optimizer finishes at once. */
  private static Dataset<Row> points(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 60; i++) {
      int label = i % 3;
      double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      x[label] += 1.5;
      rows.add(RowFactory.create((double) label, 1.0, Vectors.dense(x)));
    }
    return spark.createDataFrame(rows, new StructType()
        .add(ClassifierPipeline.LABEL, DataTypes.DoubleType, false)
        .add(ClassifierPipeline.WEIGHT, DataTypes.DoubleType, false)
        .add(ClassifierPipeline.FEATURES, SQLDataTypes.VectorType(), false));
  }

  private static int iterationsOf(SparkSession spark, Path dir, String type, int maxIterations) throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.model.type = \"" + type + "\"\nqinglang.classifier.model.max-iterations = "
            + maxIterations));
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {ClassifierPipeline.classifier(s, true)})
        .fit(points(spark));
    return ClassifierModels.fitIterations(model);
  }

  @Test
  void aFitCutShortAtItsLimitReportsTheLimit(SparkSession spark, @TempDir Path dir) throws Exception {
    assertEquals(2, iterationsOf(spark, dir, "logistic-regression", 2));
    assertEquals(2, iterationsOf(spark, dir, "linear-svc", 2));
    int converged = iterationsOf(spark, dir, "logistic-regression", 500);
    assertTrue(converged > 2 && converged < 500, "iterations " + converged);
    // Naive Bayes counts instead of iterating: nothing to report.
    assertEquals(-1, iterationsOf(spark, dir, "naive-bayes", 2));
  }

  @Test
  void theNoteSaysWhetherTheLimitStoppedTheOptimizer() {
    assertTrue(ClassifierModels.iterationsNote(150, 150).contains("stopped at its limit of 150 iterations"));
    assertEquals("; the optimizer stopped after 87 of at most 150 iterations", ClassifierModels.iterationsNote(87, 150));
    assertEquals("", ClassifierModels.iterationsNote(-1, 150));
  }
}
