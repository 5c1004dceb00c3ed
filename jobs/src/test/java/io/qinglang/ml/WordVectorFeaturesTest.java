package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.linalg.Vector;
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
class WordVectorFeaturesTest {
  private static final String[] NO_REGISTRY = new String[0];

  @Test
  void theSettingsAreReadAndChecked(@TempDir Path dir) throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertEquals(new ClassifierSettings.WordVectors(100, 3, 3, 0.25), s.wordVectors());
    ConfigException negative = assertThrows(ConfigException.class, () -> ClassifierSettings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-size = -1")));
    assertTrue(negative.getMessage().contains("features.word-vector-size"), negative.getMessage());
    assertThrows(ConfigException.class, () -> ClassifierSettings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-size = 5000")));
    assertThrows(ConfigException.class, () -> ClassifierSettings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-scale = 0")));
  }

  @Test
  void theVectorsAreABlockOnlyWhenOnAndNotForNaiveBayes(@TempDir Path dir) throws Exception {
    ClassifierSettings on = ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertTrue(blocks(on).contains(ClassifierPipeline.VECTOR_FEATURES));
    assertTrue(stages(on).stream().anyMatch(st -> st instanceof Word2Vec));

    ClassifierSettings off = ClassifierSettings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.features.word-vector-size = 0"));
    assertFalse(blocks(off).contains(ClassifierPipeline.VECTOR_FEATURES));
    assertFalse(stages(off).stream().anyMatch(st -> st instanceof Word2Vec));

    ClassifierSettings bayes = on.withModelType(ClassifierSettings.ModelType.NAIVE_BAYES);
    assertFalse(blocks(bayes).contains(ClassifierPipeline.VECTOR_FEATURES), "naive Bayes needs non-negative features");
  }

  @Test
  void placeholdersAreLeftOutAndTheAverageIsScaled(SparkSession spark) {
    StructType schema = new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(RowFactory.create(List.of("出", "闲置", "<WXID>", "自提", "<MOBILE>")));
      rows.add(RowFactory.create(List.of("收集", "负面", "<ENT>", "删帖", "费用")));
    }
    Dataset<Row> posts = spark.createDataFrame(rows, schema);
    ClassifierSettings.WordVectors v = new ClassifierSettings.WordVectors(8, 1, 1, 0.25);
    PipelineModel model = new Pipeline().setStages(
        ClassifierPipeline.wordVectorStages(v, 7).toArray(new PipelineStage[0])).fit(posts);
    List<Row> out = model.transform(posts).select("vector_words", "word_vectors", ClassifierPipeline.VECTOR_FEATURES)
        .limit(2).collectAsList();
    assertEquals(List.of("出", "闲置", "自提"), out.get(0).getList(0));
    assertEquals(List.of("收集", "负面", "删帖", "费用"), out.get(1).getList(0));
    for (Row r : out) {
      double[] raw = ((Vector) r.get(1)).toArray();
      double[] scaled = ((Vector) r.get(2)).toArray();
      assertEquals(8, scaled.length);
      double[] expected = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        expected[i] = raw[i] * 0.25;
      }
      assertArrayEquals(expected, scaled, 1e-12);
      assertTrue(java.util.Arrays.stream(raw).anyMatch(x -> x != 0), "words with vectors give a non-zero average");
    }
  }

  @Test
  void theSameDataInAnotherOrderGivesTheSameVectors(SparkSession spark) {
    StructType schema = new StructType().add("platform", DataTypes.StringType).add("post_id", DataTypes.StringType)
        .add(PostText.COLUMN, DataTypes.StringType).add("vector_words", DataTypes.createArrayType(DataTypes.StringType));
    String[][] sentences = {{"收集", "负面", "删帖", "费用"}, {"出", "闲置", "自提", "九成新"},
        {"招聘", "写手", "日结", "删帖"}, {"负面", "报道", "费用", "合作"}, {"闲置", "转让", "原价", "自提"}};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] w = sentences[i % sentences.length];
      rows.add(RowFactory.create(i % 2 == 0 ? "weibo" : "douyin", "p" + i, String.join("", w), List.of(w)));
    }
    Dataset<Row> posts = spark.createDataFrame(rows, schema);
    List<PipelineStage> stages = List.of(new Word2Vec().setInputCol("vector_words").setOutputCol("v").setVectorSize(8)
        .setMinCount(1).setMaxIter(2).setNumPartitions(1).setSeed(5));
    List<Row> first = vectors(ClassifierPipeline.withWordVectorsFitted(stages, posts.orderBy(functions.rand(1))
        .repartition(3)));
    List<Row> second = vectors(ClassifierPipeline.withWordVectorsFitted(stages, posts.orderBy(functions.rand(2))
        .repartition(2)));
    assertEquals(first, second);
    assertEquals(15, first.size());
  }

  private static List<Row> vectors(List<PipelineStage> fitted) {
    return ((org.apache.spark.ml.feature.Word2VecModel) fitted.get(0)).getVectors().orderBy("word").collectAsList();
  }

  @Test
  void naiveBayesIsComparedWithoutTheVectors(SparkSession spark, @TempDir Path dir) throws Exception {
    // Word vectors have negative entries, which naive Bayes refuses: the comparison must leave them out for it.
    Path labeled = ClassifierTrainerTest.labeledFixture(dir);
    QinglangConfig config = TestConfigs.withOverrides(dir, "qinglang.classifier { cv-folds = 2\n"
        + "features { word-vocabulary = 2000, char-vocabulary = 2000, word-vector-size = 10, word-vector-min-count = 1 }"
        + " }").withWarehouse(dir.resolve("wh").toString());
    ClassifierSettings s = ClassifierSettings.from(config);
    Dataset<Row> posts = LabeledData.read(spark, config, labeled.toString()).posts();
    List<ModelComparison.Result> results = ModelComparison.run(posts, s, EnterpriseRegistry.load(config),
        List.of(ClassifierSettings.ModelType.NAIVE_BAYES), line -> { });
    assertEquals(1, results.size());
    assertEquals(70, java.util.Arrays.stream(results.get(0).pooled().confusion()).flatMapToLong(java.util.Arrays::stream)
        .sum(), "every post predicted once");
  }

  private static List<PipelineStage> stages(ClassifierSettings s) {
    return ClassifierPipeline.featureStages(s, s.cues(), NO_REGISTRY);
  }

  private static List<String> blocks(ClassifierSettings s) {
    List<PipelineStage> st = stages(s);
    return List.of(((VectorAssembler) st.get(st.size() - 1)).getInputCols());
  }
}
