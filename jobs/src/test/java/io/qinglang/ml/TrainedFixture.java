package io.qinglang.ml;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.IngestJob;
import io.qinglang.run.JobRun;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import io.qinglang.table.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * One small model per test JVM, trained by the train job on the 70-post fixture
 * (src/test/resources/classifier/labeled) with fast settings, and the fixture ingested into a
 * warehouse: shared by the classifier, score and evaluate tests so that training runs once.
 */
public final class TrainedFixture {
  public static final String FAST = """
      qinglang.classifier {
        model.max-iterations = 40
        features { word-vocabulary = 4000, char-vocabulary = 4000 }
        refit-on-all = false
        threshold-folds = 0
      }
      """;
  private static TrainedFixture instance;

  public final Path dir;
  public final Path labeled;
  public final QinglangConfig config;
  public final Warehouse warehouse;
  public final String modelDir;
  public final String trainOutput;

  private TrainedFixture(SparkSession spark) throws IOException {
    dir = Files.createTempDirectory("qinglang-classifier-");
    labeled = dir.resolve("labeled");
    TestFiles.resource("classifier/labeled/posts.jsonl", labeled);
    TestFiles.resource("classifier/labeled/labels.csv", labeled);
    Path models = dir.resolve("models");
    config = TestConfigs.withOverrides(dir, FAST + "qinglang.model-dir = \"" + models + "\"\n")
        .withWarehouse(dir.resolve("warehouse").toString());
    warehouse = new Warehouse(config.warehouse());
    Instant now = Instant.now();
    IngestJob.run(spark, config, ArchiveInputs.expand(List.of(labeled.resolve("posts.jsonl").toString()),
        spark.sparkContext().hadoopConfiguration()), JobRun.newRunId("ingest", now), now);
    StringWriter out = new StringWriter();
    Instant started = Instant.now();
    var stats = TrainJob.run(spark, config, warehouse, JobRun.newRunId("train", started), started,
        new TrainJob.Options(List.of(labeled.toString()), null, false, null), new PrintWriter(out));
    modelDir = stats.details().get("model_dir");
    trainOutput = out.toString();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteRecursively(dir)));
  }

  public static synchronized TrainedFixture get(SparkSession spark) {
    if (instance == null) {
      try {
        instance = new TrainedFixture(spark);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }
}
