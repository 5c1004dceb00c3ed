package io.qinglang.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.ml.ClassifierPipeline;
import io.qinglang.ml.LabeledData;
import io.qinglang.ml.ModelStore;
import io.qinglang.ml.TrainedFixture;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobRun;
import io.qinglang.run.JobStats;
import io.qinglang.table.ModelEvaluationsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class ScoreJobTest {
  private static JobStats score(SparkSession spark, TrainedFixture f, ScoreJob.Options o, StringWriter out) {
    Instant now = Instant.now();
    return ScoreJob.run(spark, f.config, f.warehouse, JobRun.newRunId("score", now), now, o, new PrintWriter(out));
  }

  @Test
  void scoresEveryPostOnceAndAgainIdempotently(SparkSession spark) {
    TrainedFixture f = TrainedFixture.get(spark);
    StringWriter out = new StringWriter();
    JobStats first = score(spark, f, new ScoreJob.Options(null, null, null, null), out);
    assertEquals(70, first.rowsRead());
    assertTrue(out.toString().contains("scored 70 posts"), out.toString());
    PostViolationsTable table = new PostViolationsTable();
    Dataset<Row> rows = table.read(spark, f.warehouse);
    assertEquals(70, rows.count());
    assertEquals(0, rows.filter("category < 0 OR category > 10 OR confidence < 0 OR confidence > 1").count());
    assertEquals(0, rows.filter("size(probabilities) <> 11").count());
    // Every flag carries why: the classifier's evidence or a detector's (fusion lets strong detector
    // evidence decide on its own); unflagged posts without review carry no classifier evidence.
    assertEquals(0, rows.filter("category <> 0 AND size(evidence) = 0").count());
    assertEquals(0, rows.filter("category = 0 AND NOT needs_review AND exists(evidence, e -> e.source = 'classifier')")
        .count());
    // Personal data never reaches evidence unmasked.
    assertEquals(0, rows.filter("exists(evidence, e -> e.span RLIKE '1[3-9][0-9]{9}' OR e.detail RLIKE '1[3-9][0-9]{9}')")
        .count());
    assertTrue(rows.filter("category = 7 AND exists(evidence, e -> e.kind = 'cue:7')").count() > 0);
    // Entity linking against the registry in force (conf/enterprises.csv).
    Row byd = rows.filter("post_id = 't041' AND platform = 'weibo'").select("enterprise_ids").first();
    assertEquals(List.of("E0001"), scala.jdk.javaapi.CollectionConverters.asJava(byd.<scala.collection.Seq<String>>getAs(0)));
    assertEquals(1, rows.select("model_version").distinct().count());

    score(spark, f, new ScoreJob.Options(null, null, null, null), new StringWriter());
    assertEquals(70, table.read(spark, f.warehouse).count(), "MERGE on (platform, post_id, model_version)");

    // Filters: one platform, one date range (what score reads).
    Dataset<Row> posts = spark.read().format("delta").load(f.warehouse.tablePath("posts"));
    assertEquals(posts.filter("platform = 'weibo'").count(),
        ScoreJob.select(posts, new ScoreJob.Options(null, null, null, "weibo")).count());
    assertEquals(3, ScoreJob.select(posts, new ScoreJob.Options(null, LocalDate.parse("2023-05-03"),
        LocalDate.parse("2023-05-03"), null)).count(), "posts published on 2023-05-03");
    assertEquals(70, ScoreJob.select(posts, new ScoreJob.Options(null, LocalDate.parse("2023-05-01"), null, null))
        .count());
  }

  @Test
  void scoringLeavesNothingPersistedButDeltaSnapshots(SparkSession spark) {
    TrainedFixture f = TrainedFixture.get(spark);
    java.util.Set<Integer> before = persistedRdds(spark);
    score(spark, f, new ScoreJob.Options(null, null, null, null), new StringWriter());
    java.util.Set<Integer> after = persistedRdds(spark);
    after.removeAll(before);
    // The classified posts' local checkpoint and the campaign stages' caches are released; Delta keeps
    // its own cache of each table's state.
    assertEquals(java.util.Set.of(), after);
  }

  private static java.util.Set<Integer> persistedRdds(SparkSession spark) {
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    scala.jdk.javaapi.CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs()).forEach((id, rdd) -> {
      if (rdd.name() == null || !rdd.name().startsWith("Delta Table State")) {
        ids.add((Integer) id);
      }
    });
    return ids;
  }

  @Test
  void scoredPostsCarryNoneOfTheModelsWorkingColumns(SparkSession spark) {
    TrainedFixture f = TrainedFixture.get(spark);
    ModelStore store = new ModelStore(f.config.modelDir(), spark.sparkContext().hadoopConfiguration());
    ModelStore.LoadedModel model = store.load(spark, store.resolve(null));
    ScoringContext ctx = new ScoringContext(spark, f.config, EnterpriseRegistry.load(f.config), model, "r1",
        Instant.now());
    Dataset<Row> posts = LabeledData.read(spark, f.config, f.labeled.toString()).posts();
    List<String> columns = List.of(ScoringPipelines.standard().scoreDetailed(posts, ctx).columns());
    // Token arrays and feature vectors (the word vectors among them) are dropped before evidence and output.
    for (String internal : List.of("tokens", "features", "term_features", "vector_words", "word_vectors",
        ClassifierPipeline.VECTOR_FEATURES)) {
      assertFalse(columns.contains(internal), internal + " in " + columns);
    }
    assertTrue(columns.contains(ScoringPipeline.CATEGORY), columns.toString());
  }

  @Test
  void evaluatePrintsAndStoresTheMetrics(SparkSession spark) {
    TrainedFixture f = TrainedFixture.get(spark);
    StringWriter out = new StringWriter();
    Instant now = Instant.now();
    String runId = JobRun.newRunId("evaluate", now);
    JobStats stats = EvaluateJob.run(spark, f.config, f.warehouse, runId, now,
        new EvaluateJob.Options(f.labeled.toString(), null, 5), new PrintWriter(out));
    assertEquals(70, stats.rowsRead());
    String text = out.toString();
    assertTrue(text.contains("macro-F1") && text.contains("false-positive rate on 0"), text);
    assertTrue(text.contains("on hard negatives"), text);
    Dataset<Row> evals = new ModelEvaluationsTable().read(spark, f.warehouse).filter("evaluation_id = '" + runId + "'");
    assertEquals(11, evals.count());
    assertEquals(70, evals.groupBy().sum("support").first().getLong(0));
    assertEquals(0, evals.filter("size(confusion_row) <> 11").count());
  }

  @Test
  void withoutAModelScoreSaysToTrain(SparkSession spark, @TempDir Path dir) throws Exception {
    var config = TestConfigs.withOverrides(dir, "qinglang.model-dir = \"" + dir.resolve("none") + "\"\n")
        .withWarehouse(dir.resolve("wh").toString());
    ConfigException e = assertThrows(ConfigException.class, () -> ScoreJob.run(spark, config,
        new io.qinglang.table.Warehouse(config.warehouse()), "r", Instant.now(),
        new ScoreJob.Options(null, null, null, null), new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().contains("run 'qinglang train' first"), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
