package io.qinglang.ml;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.text.RegistryMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Cross-validation of the three classifiers on the same features: k folds by group (forms) when
 * the labels name groups, else by post; each fold is predicted by a model fitted on the other folds
 * (vocabularies and IDF included, so nothing of the held-out fold leaks in). Compares the top-class
 * decision (no thresholds) by macro-F1 (mean and spread over folds) and the false-positive rate on 0.
 */
public final class ModelComparison {
  /** One classifier's cross-validated figures. */
  public record Result(ClassifierSettings.ModelType type, Metrics pooled, double[] foldMacroF1, double seconds) {
    public double meanMacroF1() {
      double s = 0;
      for (double v : foldMacroF1) {
        s += v;
      }
      return s / foldMacroF1.length;
    }

    public double spread() {
      double m = meanMacroF1();
      double s = 0;
      for (double v : foldMacroF1) {
        s += (v - m) * (v - m);
      }
      return Math.sqrt(s / Math.max(1, foldMacroF1.length - 1));
    }
  }

  private ModelComparison() {}

  public static List<Result> run(Dataset<Row> labelled, ClassifierSettings s, EnterpriseRegistry registry,
      List<ClassifierSettings.ModelType> types, Consumer<String> progress) {
    String[] entries = RegistryMatcher.entries(registry);
    Map<Integer, Long> counts = ClassifierTrainer.labelCounts(labelled);
    int partitions = Math.max(1, labelled.sparkSession().sparkContext().defaultParallelism());
    Dataset<Row> weighted = ClassifierTrainer.withWeights(labelled, counts, s).repartition(partitions);
    List<PipelineStage> features = ClassifierPipeline.featureStages(s, s.cues(), entries, s.wordVectors().enabled());
    int prefix = ClassifierPipeline.preparationLength(features);
    List<Transformer> prep = new ArrayList<>();
    for (PipelineStage st : features.subList(0, prefix)) {
      prep.add((Transformer) st);
    }
    List<PipelineStage> fitted = features.subList(prefix, features.size());
    // Naive Bayes needs non-negative features: the fitted stages without the word vectors (the prepared posts
    // hold every column they read).
    List<PipelineStage> nonNegative = ClassifierPipeline.featureStages(s, s.cues(), entries, false);
    List<PipelineStage> fittedNonNegative = nonNegative.subList(ClassifierPipeline.preparationLength(nonNegative),
        nonNegative.size());
    int k = s.cvFolds();
    Dataset<Row> prepared = ClassifierTrainer.applyAll(prep, weighted)
        .withColumn("_fold", pmod(xxhash64(lit(s.seed() + 1), coalesce(col(LabeledData.GROUP),
            concat_ws("\u0001", col("platform"), col("post_id")))), lit((long) k)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long n = prepared.count();
    progress.accept("cross-validating " + types.size() + " classifiers, " + k + " folds, " + n + " posts"
        + (s.wordVectors().enabled() && types.contains(ClassifierSettings.ModelType.NAIVE_BAYES)
            ? " (naive-bayes without the word vectors: it needs non-negative features)" : ""));
    List<Result> results = new ArrayList<>();
    for (ClassifierSettings.ModelType type : types) {
      ClassifierSettings st = s.withModelType(type);
      long started = System.nanoTime();
      long[][] pooled = new long[Metrics.CLASSES][Metrics.CLASSES];
      double[] foldF1 = new double[k];
      for (int fold = 0; fold < k; fold++) {
        Dataset<Row> train = prepared.filter(col("_fold").notEqual(fold));
        Dataset<Row> test = prepared.filter(col("_fold").equalTo(fold));
        List<PipelineStage> stages = type == ClassifierSettings.ModelType.NAIVE_BAYES
            ? new ArrayList<>(fittedNonNegative) : ClassifierPipeline.withWordVectorsFitted(fitted, train);
        stages.add(ClassifierPipeline.classifier(st, st.balancedWeights()));
        PipelineModel model = new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(train);
        Metrics m = Metrics.of(model.transform(test), ClassifierPipeline.LABEL, ClassifierPipeline.MODEL_PREDICTION,
            null);
        foldF1[fold] = m.macroF1();
        for (int a = 0; a < Metrics.CLASSES; a++) {
          for (int b = 0; b < Metrics.CLASSES; b++) {
            pooled[a][b] += m.confusion()[a][b];
          }
        }
        progress.accept(String.format(Locale.ROOT, "  %s fold %d: macro-F1 %.3f", type.id(), fold + 1, foldF1[fold]));
      }
      Result r = new Result(type, new Metrics(pooled, 0, 0), foldF1, ClassifierTrainer.seconds(started));
      progress.accept(String.format(Locale.ROOT, "%s: macro-F1 %.3f ± %.3f, false-positive rate on 0 %s, %.0f s",
          type.id(), r.meanMacroF1(), r.spread(), Metrics.percent(r.pooled().falsePositiveRate()), r.seconds()));
      results.add(r);
    }
    prepared.unpersist();
    return results;
  }

  /** The comparison as printed by train --compare. */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %10s %8s %10s %9s%n", "classifier",
        "macro-F1", "± (sd)", "FP rate 0", "seconds"));
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "%-22s %10.3f %8.3f %10s %9.0f%n", r.type().id(), r.meanMacroF1(),
          r.spread(), Metrics.percent(r.pooled().falsePositiveRate()), r.seconds()));
    }
    return sb.toString();
  }

  /** The comparison for model.json. */
  public static List<Map<String, Object>> summary(List<Result> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("classifier", r.type().id());
      m.put("macro_f1_mean", r.meanMacroF1());
      m.put("macro_f1_sd", r.spread());
      m.put("fold_macro_f1", r.foldMacroF1());
      m.put("false_positive_rate_0", r.pooled().falsePositiveRate());
      m.put("seconds", r.seconds());
      out.add(m);
    }
    return out;
  }
}
