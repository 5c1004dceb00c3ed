package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The custom stages as MLlib stages: persistence, a fresh JVM, the registry at scoring time. */
@ExtendWith(SparkExtension.class)
class ClassifierModelTest {
  private static final StructType POSTS = new StructType()
      .add("post_id", DataTypes.StringType).add("content_type", DataTypes.StringType)
      .add("title", DataTypes.StringType).add("text", DataTypes.StringType);

  static String line(Row r) {
    List<?> p = scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<Object>>getAs(2));
    StringBuilder probs = new StringBuilder();
    for (Object v : p) {
      probs.append(String.format(Locale.ROOT, "%.12f,", (Double) v));
    }
    return r.getString(0) + "\t" + r.get(1) + "\t" + probs + "\t"
        + scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<Object>>getAs(3));
  }

  private static List<Transformer> customStages() {
    HanLpTokenizer tokenizer = new HanLpTokenizer().setSegmenter("dijkstra").setRecognizePersons(false)
        .setStopWords(List.of("的")).setCustomWords(List.of("黑公关")).setDropNatures(List.of("w", "u"));
    tokenizer.setRegistryEntries(new String[] {"E1\t星河科技有限公司|星河科技"});
    EnterpriseLinker linker = new EnterpriseLinker().setOutputCol("ids")
        .withRegistryEntries(new String[] {"E1\t星河科技有限公司|星河科技"});
    double[] thresholds = new double[11];
    java.util.Arrays.fill(thresholds, 0.4);
    return List.of(
        new ChineseNormalizer().setDodges(List.of("v信\t微信")).setMaskNumbers(false),
        tokenizer,
        new NGramTfIdfModel().setVocabulary(new String[] {"黑公关", "<ENT>", "投诉"}).setIdf(new double[] {1.5, 0.2, 1.0}),
        new CueLexiconFeatures().setCues(List.of("7\t黑公关", "0\t投诉")),
        new StructuredFeatures(),
        new HeadlineContrastFeatures().setContentCol("text").setAlarmWords(List.of("黑公关"))
            .setDefuseWords(List.of("详聊")).setDebunkWords(List.of("网传")),
        new SoftmaxCalibration().setRawCol("cue_features").setTemperature(0.1),
        new CategoryDecision().setThresholds(thresholds).setReviewThreshold(0.2),
        linker);
  }

  private static Dataset<Row> posts(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("p1", "post", null, "星河科技招聘黑公关写手，加V信详聊"),
        RowFactory.create("p2", "article", "通知", "我要投诉，已经打了12315"),
        RowFactory.create("p3", "comment", null, null)), POSTS);
  }

  @Test
  void everyCustomStageSurvivesSaveAndLoad(SparkSession spark, @TempDir Path dir) throws Exception {
    List<Transformer> stages = customStages();
    List<Transformer> loaded = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      Transformer stage = stages.get(i);
      String path = dir.resolve("stage" + i).toString();
      ((org.apache.spark.ml.util.MLWritable) stage).save(path);
      Transformer back = (Transformer) stage.getClass().getMethod("load", String.class).invoke(null, path);
      assertEquals(stage.uid(), back.uid());
      for (ParamPair<?> pair : scala.jdk.javaapi.CollectionConverters.asJava(stage.extractParamMap().toSeq())) {
        Object expected = pair.value();
        Object actual = back.getOrDefault(back.getParam(pair.param().name()));
        if (expected instanceof String[] a) {
          assertArrayEquals(a, (String[]) actual, pair.param().name());
        } else if (expected instanceof double[] a) {
          assertArrayEquals(a, (double[]) actual, pair.param().name());
        } else {
          assertEquals(expected, actual, stage.getClass().getSimpleName() + "." + pair.param().name());
        }
      }
      loaded.add(back);
    }
    Dataset<Row> input = posts(spark);
    List<Row> before = transform(stages, input);
    List<Row> after = transform(loaded, input);
    assertEquals(before, after);
    Row p1 = before.get(0);
    assertTrue(p1.<scala.collection.Seq<String>>getAs("tokens").contains("<ENT>"));
    assertEquals(List.of("E1"), scala.jdk.javaapi.CollectionConverters.asJava(p1.<scala.collection.Seq<String>>getAs("ids")));
    assertEquals(7, (int) p1.<Integer>getAs("category"), "the black-PR cue decides p1");
    assertEquals(0, (int) before.get(2).<Integer>getAs("category"));
  }

  private static List<Row> transform(List<Transformer> stages, Dataset<Row> input) {
    Dataset<Row> d = input;
    for (Transformer t : stages) {
      d = t.transform(d);
    }
    return d.drop("structured_features", "cue_features", "probability", "term_features").orderBy("post_id")
        .collectAsList();
  }

  @Test
  void invalidParamsAreRejected() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new HanLpTokenizer().setSegmenter("crf"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new NGramTfIdf().setMinN(0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new NGramTfIdf().setSource("bytes"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CueLexiconFeatures().setCues(List.of("11\t黑公关")));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CategoryDecision().setThresholds(new double[3]));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ChineseNormalizer().setDodges(List.of("no tab here")));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new HeadlineContrastFeatures().setDefuseWords(List.of("合格", " ")));
  }

  @Test
  void theSavedModelGivesTheSameOutputInAFreshJvm(SparkSession spark, @TempDir Path dir) throws Exception {
    TrainedFixture fixture = TrainedFixture.get(spark);
    String pipelineDir = fixture.modelDir + "/" + ModelStore.PIPELINE;
    Dataset<Row> posts = LabeledData.read(spark, fixture.config, fixture.labeled.toString()).posts()
        .drop("label", "fin_clickbait_label", "hard_negative", "group");
    String input = dir.resolve("input").toString();
    posts.write().parquet(input);

    PipelineModel model = PipelineModel.load(pipelineDir);
    List<String> here = new ArrayList<>();
    for (Row r : model.transform(spark.read().parquet(input)).select("post_id", "category", "probabilities", "tokens")
        .orderBy("post_id").collectAsList()) {
      here.add(line(r));
    }
    Path output = dir.resolve("fresh.tsv");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // The --add-opens flags Spark needs on Java 17, as this JVM got them.
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshJvmScore.class.getName(), pipelineDir,
        input, output.toString()));
    File log = dir.resolve("child.log").toFile();
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
    assertEquals(0, child.exitValue(), () -> "child JVM failed: " + tail(log));
    List<String> there = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(70, here.size());
    assertEquals(here, there);
  }

  @Test
  void theRegistryInForceDrivesTheEntityPlaceholder(SparkSession spark) {
    TrainedFixture fixture = TrainedFixture.get(spark);
    PipelineModel model = PipelineModel.load(fixture.modelDir + "/" + ModelStore.PIPELINE);
    Dataset<Row> post = spark.createDataFrame(List.of(RowFactory.create("x1", "weibo", "post", "u1", null, null, null,
        "青穗乳业老板要跑路了，大家快去退款")), new StructType().add("post_id", DataTypes.StringType)
        .add("platform", DataTypes.StringType).add("content_type", DataTypes.StringType)
        .add("account_id", DataTypes.StringType).add("account_name", DataTypes.StringType)
        .add("title", DataTypes.StringType).add("query", DataTypes.StringType).add("content", DataTypes.StringType));
    List<Object> trainedRegistry = tokens(model, post);
    assertFalse(trainedRegistry.contains("<ENT>"), "青穗乳业 is not in the training registry");
    ClassifierModels.applyRegistry(model, new String[] {"H01\t青穗乳业股份有限公司|青穗乳业|青穗"});
    assertTrue(tokens(model, post).contains("<ENT>"));
  }

  private static List<Object> tokens(PipelineModel model, Dataset<Row> post) {
    Row r = model.transform(post).select("tokens").first();
    return new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<Object>>getAs(0)));
  }

  @Test
  void theModelVersionRecordsWhatItWasTrainedOn(SparkSession spark) throws Exception {
    TrainedFixture fixture = TrainedFixture.get(spark);
    ModelStore store = new ModelStore(fixture.config.modelDir(), spark.sparkContext().hadoopConfiguration());
    assertEquals(1, store.versions().size());
    ModelStore.LoadedModel m = store.load(spark, store.resolve(null));
    Map<String, Object> meta = m.metadata();
    for (String key : List.of("model_version", "created_at", "classifier", "parameters", "thresholds", "temperature",
        "registry", "training_data", "lexicons", "validation", "calibration")) {
      assertTrue(meta.containsKey(key), key);
    }
    assertEquals(m.version(), Path.of(m.dir()).getFileName().toString());
    assertTrue(fixture.trainOutput.contains("macro-F1"), fixture.trainOutput);
    // The fixture has no campaign members; the groups left out of training are recorded with the model.
    assertTrue(fixture.trainOutput.contains("left out 0 campaign-member posts"), fixture.trainOutput);
    assertEquals(List.of("c9.camp.", "kind:v:campaign:"), meta.get("detector_only_groups"));
    // The decision stage carries the thresholds chosen on validation data: first for precision
    // (within min-threshold..max-threshold), then raised (up to 1, never lowered) for the false-positive caps.
    double[] t = ClassifierModels.decision(m.pipeline()).getThresholds();
    @SuppressWarnings("unchecked")
    List<Number> precision = (List<Number>) meta.get("precision_thresholds");
    assertEquals(11, precision.size());
    for (int c = 1; c <= 10; c++) {
      double p = precision.get(c).doubleValue();
      assertTrue(p >= 0.35 && p <= 0.9, "precision threshold " + c + " = " + p);
      assertTrue(t[c] >= p && t[c] <= 1, "threshold " + c + " = " + t[c] + ", for precision " + p);
    }
    // A model fitted on these 70 posts recognizes most of them.
    Dataset<Row> scored = m.pipeline().transform(LabeledData.read(spark, fixture.config, fixture.labeled.toString())
        .posts());
    long right = scored.filter("cast(label as int) = category").count();
    assertTrue(right >= 50, right + " of 70");
  }

  private static String tail(File log) {
    try {
      List<String> lines = Files.readAllLines(log.toPath());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }
}
