package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class ClassifierTrainerTest {
  /** Copies the 70-post labelled fixture (posts.jsonl, labels.csv) into {@code dir}/labeled. */
  static Path labeledFixture(Path dir) throws java.io.IOException {
    Path labeled = dir.resolve("labeled");
    TestFiles.resource("classifier/labeled/posts.jsonl", labeled);
    TestFiles.resource("classifier/labeled/labels.csv", labeled);
    return labeled;
  }

  @Test
  void trainsOnTheFixture(SparkSession spark, @TempDir Path dir) throws Exception {
    Path labeled = labeledFixture(dir);
    // Word vectors off: 68 training posts are too few to fit them, and with them the temperature fitted on
    // the 2 validation posts flattened every probability below the thresholds (11 of 70 right instead of
    // 70). They are covered by the shared fixture model (ClassifierModelTest) and WordVectorFeaturesTest.
    // One validation split: the fixture's five groups mix categories, so each category has one group only.
    QinglangConfig config = TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-size = 0\n"
        + "qinglang.classifier.threshold-folds = 0\nqinglang.classifier.refit-on-all = false")
        .withWarehouse(dir.resolve("wh").toString());
    ClassifierSettings s = ClassifierSettings.from(config);
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    LabeledData.Loaded data = LabeledData.read(spark, config, labeled.toString());
    assertEquals(70, data.posts().count());
    // The category-0 posts' groups are marked as hand-written kinds: train reports them apart.
    org.apache.spark.sql.Dataset<Row> posts = data.posts().withColumn(LabeledData.GROUP,
        functions.when(functions.col(ClassifierPipeline.LABEL).equalTo(0.0),
            functions.concat(functions.lit(LabeledData.KIND_GROUP), functions.col(LabeledData.GROUP)))
            .otherwise(functions.col(LabeledData.GROUP)));
    ClassifierTrainer.Trained t = ClassifierTrainer.train(posts, s, registry, List.of(labeled.toString()),
        System.out::println);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> handWritten =
        (java.util.Map<String, Object>) t.metadata().get("validation_hand_written_kinds");
    long validationZeros = t.validation().categories().get(0).support();
    assertEquals(validationZeros, ((Number) handWritten.get("posts")).longValue());
    assertTrue(validationZeros > 0, "category-0 posts in validation");
    assertEquals(t.validation().falsePositiveRate(), (Double) handWritten.get("false_positive_rate_0"), 1e-12);
    System.out.println(t.validation().table(config.categoryNames()));
    List<Row> rows = t.model().transform(data.posts()).select("post_id", "label", "category", "confidence", "needs_review").collectAsList();
    int right = 0;
    for (Row r : rows) {
      if ((int) r.getDouble(1) == r.getInt(2)) {
        right++;
      }
    }
    System.out.println("right " + right + " of " + rows.size());
    assertTrue(right > 35);
  }

  @Test
  void outOfFoldScoresCoverEveryHeldOutPostOnce(SparkSession spark, @TempDir Path dir) throws Exception {
    Path labeled = labeledFixture(dir);
    QinglangConfig config = TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-size = 0\n"
        + "qinglang.classifier.threshold-folds = 2\n"
        // Caps at 0 raise thresholds past the legitimate posts' probabilities; the ceiling brings them back.
        + "qinglang.classifier.decision.max-false-positive-rate = 0\n"
        + "qinglang.classifier.decision.max-hard-negative-rate = 0\n"
        + "qinglang.classifier.decision.max-threshold = 0.5\n"
        + "qinglang.classifier.decision.threshold-ceiling = 0.5\n"
        + "qinglang.classifier.decision.category-ceilings { 5 = 0.6 }").withWarehouse(dir.resolve("wh").toString());
    ClassifierSettings s = ClassifierSettings.from(config);
    // Three groups per category (the fixture's five groups mix categories, so each category has one).
    org.apache.spark.sql.Dataset<Row> posts = LabeledData.read(spark, config, labeled.toString()).posts()
        .withColumn(LabeledData.GROUP, functions.concat_ws("-", functions.col(ClassifierPipeline.LABEL),
            functions.pmod(functions.crc32(functions.col("post_id")), functions.lit(3))));
    long heldOut = ClassifierTrainer.withFolds(posts, s).filter(functions.col(ClassifierTrainer.FOLD).geq(0))
        .count();
    List<String> progress = new java.util.ArrayList<>();
    ClassifierTrainer.Trained t = ClassifierTrainer.train(posts, s, EnterpriseRegistry.load(config),
        List.of(labeled.toString()), progress::add);
    // Every held-out post is scored once, by the model of its fold; a category's last group is trained on.
    assertTrue(heldOut > 30 && heldOut < 70, "held out " + heldOut);
    assertEquals(heldOut, t.validation().total());
    assertEquals(2, progress.stream().filter(m -> m.startsWith("fold ")).count(), progress.toString());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> trainingData = (java.util.Map<String, Object>) t.metadata().get("training_data");
    assertEquals(2, ((Number) trainingData.get("validation_folds")).intValue());
    assertEquals(heldOut, ((Number) trainingData.get("validation_posts")).longValue());
    // Calibration is measured on the same held-out scores, before and after the temperature.
    @SuppressWarnings("unchecked")
    java.util.Map<String, java.util.Map<String, Object>> calibration =
        (java.util.Map<String, java.util.Map<String, Object>>) t.metadata().get("calibration");
    for (String when : List.of("softmax_of_raw_scores", "with_temperature")) {
      assertEquals(heldOut, ((Number) calibration.get(when).get("posts")).longValue(), when);
      double ece = ((Number) calibration.get(when).get("expected_calibration_error")).doubleValue();
      assertTrue(ece >= 0 && ece <= 1, when + " " + ece);
    }
    // Two fold fits and the refit, each within the iteration limit, each said in the fit's line.
    @SuppressWarnings("unchecked")
    List<Integer> iterations = (List<Integer>) t.metadata().get("fit_iterations");
    assertEquals(3, iterations.size(), iterations.toString());
    assertTrue(iterations.stream().allMatch(i -> i >= 1 && i <= s.maxIterations()), iterations.toString());
    assertEquals(3, progress.stream().filter(m -> m.contains("iterations")).count(), progress.toString());
    assertEquals(1, progress.stream().filter(m -> m.startsWith("out-of-fold validation calibration, temperature"))
        .count(), progress.toString());
    // The thresholds kept (in model.json and in the model's decision stage) are the capped ones under the ceiling.
    double[] capped = (double[]) t.metadata().get("capped_thresholds");
    double[] precision = (double[]) t.metadata().get("precision_thresholds");
    double[] kept = (double[]) t.metadata().get("thresholds");
    // The override adds 5 = 0.6 to the shipped own ceilings; categories without one get threshold-ceiling.
    assertEquals(0.6, s.ceilings()[5], 1e-12);
    assertEquals(0.5, s.ceilings()[1], 1e-12);
    for (int c = 1; c < kept.length; c++) {
      double ceiling = s.ceilings()[c];
      assertEquals(Math.min(capped[c], Math.max(ceiling, precision[c])), kept[c], 1e-12, "category " + c);
    }
    CategoryDecision decision = (CategoryDecision) t.model().stages()[t.model().stages().length - 1];
    org.junit.jupiter.api.Assertions.assertArrayEquals(kept, decision.getThresholds(), 1e-12);
    assertTrue(java.util.stream.IntStream.range(1, kept.length).anyMatch(c -> capped[c] > kept[c]),
        "the ceiling brought some threshold down: " + progress);
  }
}
