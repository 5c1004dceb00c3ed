package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class FinTrainerTest {

  /**
   * Trains logistic regression on the bundled sets minus the held-out styles (forum, analyst),
   * checks the held-out figures, stores the model, loads it back and scores new posts with it.
   */
  @Test
  void trainsEvaluatesStoresAndScores(SparkSession spark, @TempDir Path tmp) {
    QinglangConfig config = TestConfigs.withWarehouse(tmp.resolve("wh"));
    FinSettings settings = FinSettings.of(config).withClassifier("logistic_regression");
    Dataset<Row> labeled = FinLabeledData.finGold(spark, config)
        .unionByName(FinLabeledData.bundled(spark, config, "qinglang/corpus/gold"));
    FinTrainer.Result r = FinTrainer.train(labeled, settings, msg -> { });
    assertEquals(List.of("forum", "analyst"), r.holdoutStyles());
    assertFalse(r.trainStyles().contains("forum"), "held-out styles are not trained on");
    assertTrue(r.trainPositives() >= 50, "distorted training articles: " + r.trainPositives());
    FinTrainer.Counts holdout = r.evaluation().get("holdout");
    assertEquals(42, holdout.total(), "21 forum and 21 analyst articles");
    assertTrue(holdout.f1() >= 0.9, "held-out F1 " + holdout.f1());
    assertEquals(0, holdout.badNewsFlagged(), "accurately reported bad news flagged");
    assertTrue(holdout.badNews() >= 10);

    String versionDir = tmp.resolve("models").resolve("v-test").toString();
    FinModel saved = FinModel.save(versionDir, "v-test", r.model(), settings.threshold(),
        FinTrainJob.metadata(settings, r, List.of("test"), 0, "none"), spark.sparkContext().hadoopConfiguration());
    assertTrue(FinModel.exists(versionDir, spark.sparkContext().hadoopConfiguration()));
    FinModel loaded = FinModel.load(versionDir, spark.sparkContext().hadoopConfiguration());
    assertEquals("v-test", loaded.version());
    assertEquals(0.5, loaded.threshold());
    assertEquals("logistic_regression", loaded.metadata().path("classifier").asText());

    Dataset<Row> posts = FinFeaturizerTest.posts(spark);
    List<Row> scored = FinScorer.score(posts, loaded).orderBy("post_id").collectAsList();
    Map<String, Row> byId = scored.stream().collect(Collectors.toMap(x -> x.getAs("post_id"), x -> x));
    assertEquals(List.of("post_id", "content_type", "title", "content", "fin_clickbait_prob", "fin_clickbait",
        "fin_evidence"), List.of(scored.get(0).schema().fieldNames()));
    Row distorted = byId.get("distorted");
    assertTrue(distorted.<Boolean>getAs("fin_clickbait"));
    assertTrue(distorted.<Double>getAs("fin_clickbait_prob") >= 0.5);
    List<Row> evidence = distorted.getList(distorted.fieldIndex("fin_evidence"));
    assertTrue(evidence.stream().anyMatch(e -> "magnitude_inflation".equals(e.getAs("kind"))));
    Row model = evidence.get(evidence.size() - 1);
    assertEquals("model", model.getAs("kind"));
    assertTrue(model.<String>getAs("detail").contains("model v-test"));
    Row faithful = byId.get("faithful");
    assertFalse(faithful.<Boolean>getAs("fin_clickbait"), "accurate bad news");
    assertTrue(faithful.getList(faithful.fieldIndex("fin_evidence")).isEmpty());
    for (String id : List.of("comment", "travel")) {
      assertNull(byId.get(id).getAs("fin_clickbait"), id + " is not a results article");
      assertNull(byId.get(id).getAs("fin_clickbait_prob"));
      assertTrue(byId.get(id).getList(byId.get(id).fieldIndex("fin_evidence")).isEmpty());
    }
    List<Row> again = FinScorer.score(posts, r.model(), settings.threshold(), "v-test").orderBy("post_id")
        .select("fin_clickbait_prob").collectAsList();
    assertEquals(scored.stream().map(x -> (Object) x.getAs("fin_clickbait_prob")).toList(),
        again.stream().map(x -> x.get(0)).toList(), "the stored model scores like the trained one");
    assertThrows(IllegalArgumentException.class,
        () -> FinScorer.score(posts.withColumn("fin_clickbait", functions.lit(true)), loaded));
  }

  /** The pipeline with headline character n-grams persists its extra stages too. */
  @Test
  void headlineNgramPipelineRoundTrips(SparkSession spark, @TempDir Path tmp) throws Exception {
    QinglangConfig config = TestConfigs.withWarehouse(tmp.resolve("wh"));
    FinSettings settings = FinSettings.of(config).withTitleFeatures(64);
    Dataset<Row> train = FinTrainer.withLabelAndWeight(FinFeaturizerTest.posts(spark)
        .filter("post_id IN ('distorted', 'faithful', 'bracket')")
        .withColumn("fin_clickbait", functions.col("post_id").notEqual("faithful")), 2, 1);
    PipelineModel m = FinTrainer.pipeline(settings, FinTrainer.LOGISTIC_REGRESSION).fit(train);
    String path = tmp.resolve("pipeline").toString();
    m.write().overwrite().save(path);
    PipelineModel back = PipelineModel.load(path);
    assertEquals(m.stages().length, back.stages().length);
    Dataset<Row> posts = FinFeaturizerTest.posts(spark);
    assertEquals(
        FinScorer.score(posts, m, 0.5, "a").orderBy("post_id").select("fin_clickbait_prob").collectAsList(),
        FinScorer.score(posts, back, 0.5, "a").orderBy("post_id").select("fin_clickbait_prob").collectAsList());
  }

  @Test
  void refusesTooLittleData(SparkSession spark, @TempDir Path tmp) {
    QinglangConfig config = TestConfigs.withWarehouse(tmp.resolve("wh"));
    StructType schema = new StructType().add("post_id", DataTypes.StringType).add("content_type", DataTypes.StringType)
        .add("title", DataTypes.StringType).add("content", DataTypes.StringType).add("style", DataTypes.StringType)
        .add("source", DataTypes.StringType).add("heldout", DataTypes.BooleanType)
        .add("fin_clickbait", DataTypes.BooleanType);
    Dataset<Row> one = spark.createDataFrame(List.of(RowFactory.create("a", "article", "某公司净利润暴跌90%",
        "某公司2023年营业收入34.5亿元，同比下降1.8%；净利润同比下降3.2%。", "x", "t", false, true)), schema);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FinTrainer.train(one, FinSettings.of(config), msg -> { }));
    assertTrue(e.getMessage().contains("not enough training data"), e.getMessage());
  }
}
