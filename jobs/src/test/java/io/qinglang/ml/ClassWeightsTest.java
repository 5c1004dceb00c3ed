package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
class ClassWeightsTest {
  @Test
  void categoryZeroIsNotDownWeightedBelowTheFloor(SparkSession spark, @TempDir Path dir) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(RowFactory.create(0.0, i == 0));
    }
    rows.add(RowFactory.create(1.0, false));
    rows.add(RowFactory.create(2.0, false));
    Dataset<Row> labelled = spark.createDataFrame(rows,
        new StructType().add(ClassifierPipeline.LABEL, DataTypes.DoubleType, false)
            .add(LabeledData.HARD_NEGATIVE, DataTypes.BooleanType, false));
    Map<Integer, Long> counts = ClassifierTrainer.labelCounts(labelled);

    ClassifierSettings floor = ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    Map<String, Double> w = weights(ClassifierTrainer.withWeights(labelled, counts, floor));
    assertEquals(0.5, w.get("0.0"), 1e-9);          // balanced would give 10 / (3 * 8) = 0.4167; the floor is 0.5
    assertEquals(1.0, w.get("0.0 hard"), 1e-9);     // hard negatives: twice their class weight by default
    assertEquals(10.0 / 3, w.get("1.0"), 1e-9);
    assertEquals(10.0 / 3, w.get("2.0"), 1e-9);

    ClassifierSettings plain = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.model.min-none-weight = 0\nqinglang.classifier.model.hard-negative-weight = 3"));
    w = weights(ClassifierTrainer.withWeights(labelled, counts, plain));
    assertEquals(10.0 / 24, w.get("0.0"), 1e-9);
    assertEquals(3 * 10.0 / 24, w.get("0.0 hard"), 1e-9);
    assertEquals(10.0 / 3, w.get("1.0"), 1e-9);
  }

  @Test
  void aSourceWeightMultipliesTheClassWeight(SparkSession spark, @TempDir Path dir) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(RowFactory.create(0.0, false, 1.0));
      rows.add(RowFactory.create(1.0, false, i == 0 ? 3.0 : 1.0));
    }
    Dataset<Row> labelled = spark.createDataFrame(rows,
        new StructType().add(ClassifierPipeline.LABEL, DataTypes.DoubleType, false)
            .add(LabeledData.HARD_NEGATIVE, DataTypes.BooleanType, false)
            .add(ClassifierTrainer.SOURCE_WEIGHT, DataTypes.DoubleType, true));
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    List<Double> ones = new ArrayList<>();
    for (Row r : ClassifierTrainer.withWeights(labelled, ClassifierTrainer.labelCounts(labelled), s)
        .filter("label = 1.0").collectAsList()) {
      ones.add(r.getDouble(3));
    }
    ones.sort(null);
    assertEquals(List.of(1.0, 1.0, 1.0, 3.0), ones);
  }

  private static Map<String, Double> weights(Dataset<Row> weighted) {
    Map<String, Double> out = new java.util.HashMap<>();
    for (Row r : weighted.distinct().collectAsList()) {
      out.put(r.getDouble(0) + (r.getBoolean(1) ? " hard" : ""), r.getDouble(2));
    }
    return out;
  }
}
