package io.qinglang.score;

import static org.apache.spark.sql.functions.col;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.Calibration;
import io.qinglang.ml.ClassifierPipeline;
import io.qinglang.ml.LabeledData;
import io.qinglang.ml.Metrics;
import io.qinglang.ml.ModelStore;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.ModelEvaluationsTable;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The evaluate job: scores a labelled directory with the full scoring pipeline (classifier,
 * contributors, fusion) and the registry in force, prints and stores per-category metrics,
 * the false-positive rate on category 0 and on hard negatives.
 */
public final class EvaluateJob {
  /** Command-line choices. */
  public record Options(String labeled, String model, int showErrors) {}

  private EvaluateJob() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, Warehouse warehouse, String runId,
      Instant started, Options options, PrintWriter out) {
    ModelStore store = new ModelStore(config.modelDir(), spark.sparkContext().hadoopConfiguration());
    ModelStore.LoadedModel model = store.load(spark, store.resolve(options.model()));
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    LabeledData.Loaded data = LabeledData.read(spark, config, options.labeled());
    out.println("labelled data " + data.describe());
    out.println("registry " + registry.source() + " (" + registry.size() + " enterprises); model " + model.version());
    TrainingCorpus.trainedOn(model.metadata(), options.labeled(), spark.sparkContext().hadoopConfiguration())
        .ifPresent(set -> out.println("warning: model " + model.version() + " was trained on the held-out set " + set
            + " (qinglang.classifier.training.retired-sets): these figures are not a measurement on unseen posts"));
    ScoringContext ctx = new ScoringContext(spark, config, registry, model, runId, started);
    ScoringPipeline pipeline = ScoringPipelines.standard();
    Dataset<Row> scored = pipeline.scoreDetailed(data.posts(), ctx)
        .select(col("platform"), col("post_id"), col(ClassifierPipeline.LABEL), col(LabeledData.HARD_NEGATIVE),
            col(ScoringPipeline.CATEGORY), col(ScoringPipeline.CONFIDENCE), col(ScoringPipeline.NEEDS_REVIEW),
            col(ScoringPipeline.CLASSIFIER_CATEGORY), col("norm_text"), col(ScoringPipeline.PROBABILITIES))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Metrics fused = Metrics.of(scored, ClassifierPipeline.LABEL, ScoringPipeline.CATEGORY, LabeledData.HARD_NEGATIVE);
    Metrics classifier = Metrics.of(scored, ClassifierPipeline.LABEL, ScoringPipeline.CLASSIFIER_CATEGORY,
        LabeledData.HARD_NEGATIVE);
    Calibration calibration = Calibration.of(scored, ClassifierPipeline.LABEL, ScoringPipeline.PROBABILITIES);
    pipeline.release(); // scored is cached and counted: the contributors' caches are no longer needed
    new ModelEvaluationsTable().append(spark, warehouse, runId, model.version(), options.labeled(), Instant.now(),
        fused, config.categoryNames());
    out.println();
    out.println(fused.table(config.categoryNames()));
    out.println();
    out.print(fused.confusionTable());
    if (classifier.macroF1() != fused.macroF1() || classifier.falsePositiveRate() != fused.falsePositiveRate()) {
      out.printf(Locale.ROOT, "classifier alone (before detectors and fusion): macro-F1 %.3f, false-positive rate on 0 %s%n",
          classifier.macroF1(), percentOf(classifier.falsePositiveRate()));
    }
    out.println();
    out.println("classifier probabilities against the labels: " + calibration.summary());
    out.print(calibration.table());
    if (options.showErrors() > 0) {
      List<Row> errors = scored.filter(col(ScoringPipeline.CATEGORY).cast("double")
          .notEqual(col(ClassifierPipeline.LABEL))).orderBy(col(ClassifierPipeline.LABEL), col("post_id"))
          .limit(options.showErrors()).collectAsList();
      out.println();
      out.println("misclassified (label -> decided, confidence; normalized text):");
      for (Row r : errors) {
        String text = r.getString(8).replace('\n', ' ');
        out.printf(Locale.ROOT, "  %s %s: %d -> %d (%.2f%s) %s%n", r.getString(0), r.getString(1), (int) r.getDouble(2),
            r.getInt(4), r.getDouble(5), r.getBoolean(6) ? ", review" : "",
            text.length() > 80 ? text.substring(0, 80) + "…" : text);
      }
    }
    out.flush();
    scored.unpersist();
    return new JobStats(fused.total(), 0, 0, 0, data.rejected(), 0, Map.of())
        .withDetail("model_version", model.version())
        .withDetail("macro_f1", String.format(Locale.ROOT, "%.4f", fused.macroF1()))
        .withDetail("false_positive_rate", String.format(Locale.ROOT, "%.4f", fused.falsePositiveRate()))
        .withDetail("hard_negative_false_positive_rate",
            String.format(Locale.ROOT, "%.4f", fused.hardNegativeFalsePositiveRate()))
        .withDetail("expected_calibration_error", String.format(Locale.ROOT, "%.4f", calibration.expectedError()))
        .withDetail("brier", String.format(Locale.ROOT, "%.4f", calibration.brier()));
  }

  private static String percentOf(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
