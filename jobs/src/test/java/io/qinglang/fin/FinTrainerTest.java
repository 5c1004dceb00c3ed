package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
class FinTrainerTest {

  @Test
  void trainsOnTheGoldSetAndScoresPosts(SparkSession spark, @TempDir Path tmp) {
    QinglangConfig config = TestConfigs.withWarehouse(tmp.resolve("wh"));
    FinSettings settings = FinSettings.of(config).withClassifier("logistic_regression");
    long t0 = System.nanoTime();
    Dataset<Row> gold = FinLabeledData.gold(spark, config);
    System.out.printf("gold read in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    gold = gold.cache();
    System.out.println("rows " + gold.count() + " partitions " + gold.rdd().getNumPartitions());
    System.out.printf("gold counted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    System.out.println(FinFeaturizer.of(settings).transform(gold).filter("fin_applies").count());
    System.out.printf("featurized in %.1f s%n", (System.nanoTime() - t1) / 1e9);
    t1 = System.nanoTime();
    System.out.println(FinFeaturizer.of(settings).transform(gold).filter("fin_applies").count());
    System.out.printf("featurized again in %.1f s%n", (System.nanoTime() - t1) / 1e9);
    FinTrainer.Result r = FinTrainer.train(gold, settings, System.out::println);
    System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    r.evaluation().forEach((k, c) -> System.out.printf("%s: P %.3f R %.3f F1 %.3f bad %d/%d missed %d%n", k,
        c.precision(), c.recall(), c.f1(), c.badNewsFlagged(), c.badNews(), c.missedByDetector()));
    for (FinTrainer.Prediction p : r.holdoutPredictions()) {
      if (p.flagged(settings.threshold()) != p.label()) {
        System.out.println("WRONG " + p);
      }
    }
    FinTrainer.Counts holdout = r.evaluation().get("holdout");
    assertTrue(holdout.f1() >= 0.85, "held-out F1 " + holdout.f1());
    assertEquals(0, holdout.badNewsFlagged(), "accurately reported bad news flagged");
  }
}
