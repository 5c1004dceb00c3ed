package io.qinglang.ml;

import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.ModelEvaluationsTable;
import io.qinglang.table.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** The train job: labelled posts in, a new model version and its validation figures out. */
public final class TrainJob {
  private static final Logger LOG = LogManager.getLogger(TrainJob.class);

  /** Command-line choices. */
  public record Options(List<String> labeled, String modelDir, boolean compare,
      ClassifierSettings.ModelType modelType, String realText) {
    public Options(List<String> labeled, String modelDir, boolean compare, ClassifierSettings.ModelType modelType) {
      this(labeled, modelDir, compare, modelType, null);
    }
  }

  private TrainJob() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, Warehouse warehouse, String runId,
      Instant started, Options options, PrintWriter out) {
    ClassifierSettings settings = ClassifierSettings.from(config);
    if (options.modelType() != null) {
      settings = settings.withModelType(options.modelType());
    }
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    Path work = null;
    try {
      List<TrainingCorpus.Source> corpus = new ArrayList<>();
      if (options.labeled() == null || options.labeled().isEmpty()) {
        work = Files.createTempDirectory("qinglang-train-");
        TrainingCorpus.Settings cs = TrainingCorpus.Settings.from(config);
        if (options.realText() != null) {
          cs = cs.withRealText(options.realText());
        }
        out.println("preparing the default training corpus (generator training profile in " + cs.corpusDir()
            + ", reused when up to date; gold set; " + (cs.retiredSets().isEmpty() ? "" : cs.retiredSets().size()
            + " retired held-out sets; ") + TrainingCorpus.describeRealText(cs.realText()) + ")");
        out.flush();
        corpus = TrainingCorpus.defaultSources(spark, config, registry, cs, work);
      } else {
        for (String dir : options.labeled()) {
          corpus.add(new TrainingCorpus.Source(dir, dir, 0, 1.0));
        }
      }
      List<String> dirs = corpus.stream().map(TrainingCorpus.Source::dir).toList();
      registry = TrainingCorpus.trainingRegistry(registry, dirs, config.platforms(), out::println);
      Dataset<Row> labelled = null;
      long rejected = 0;
      long labels = 0;
      List<String> sources = new ArrayList<>();
      for (TrainingCorpus.Source source : corpus) {
        LabeledData.Loaded loaded = LabeledData.read(spark, config, source.dir());
        out.println("labelled data " + loaded.describe());
        Dataset<Row> posts = loaded.posts();
        if (source.groupScope() != null) {
          posts = TrainingCorpus.scopeGroups(posts, source.groupScope());
        }
        long matched = loaded.labels() - loaded.missing();
        String description = source.description();
        if (source.maxPosts() > 0 && matched > source.maxPosts()) {
          double fraction = (double) source.maxPosts() / matched;
          posts = posts.sample(false, fraction, settings.seed());
          description += ", a seeded sample of about " + source.maxPosts() + " of its " + matched + " posts";
          out.println("  training on a seeded sample of about " + source.maxPosts() + " of these " + matched
              + " posts (qinglang.classifier.training.max-generated-posts)");
        }
        posts = posts.withColumn(ClassifierTrainer.SOURCE_WEIGHT, functions.lit(source.weight()));
        labelled = labelled == null ? posts : labelled.unionByName(posts);
        rejected += loaded.rejected();
        labels += loaded.labels();
        sources.add(description);
      }
      DetectorOnlyGroups detectorOnly = DetectorOnlyGroups.from(config);
      if (!detectorOnly.prefixes().isEmpty()) {
        long left = labelled.filter(detectorOnly.matches()).count();
        labelled = detectorOnly.filter(labelled);
        out.println("left out " + left + " campaign-member posts (groups " + String.join(", ", detectorOnly.prefixes())
            + "): the campaign detector finds them, not the classifier (" + DetectorOnlyGroups.KEY + ")");
      }
      out.flush();

      List<Map<String, Object>> comparison = null;
      if (options.compare()) {
        List<ModelComparison.Result> results = ModelComparison.run(labelled, settings, registry,
            List.of(ClassifierSettings.ModelType.values()), msg -> progress(out, msg));
        out.println();
        out.println("cross-validated comparison (" + settings.cvFolds() + " folds, top class, no thresholds):");
        out.print(ModelComparison.table(results));
        out.println();
        comparison = ModelComparison.summary(results);
      }

      final ClassifierSettings s = settings;
      ClassifierTrainer.Trained trained = ClassifierTrainer.train(labelled, s, registry, sources,
          msg -> progress(out, msg));
      Map<String, Object> training = trained.metadata();
      @SuppressWarnings("unchecked")
      String fingerprint = String.valueOf(((Map<String, Object>) training.get("training_data")).get("fingerprint"));
      String version = ModelStore.newVersion(started, fingerprint);
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("model_version", version);
      metadata.put("created_at", started.toString());
      metadata.put("run_id", runId);
      String qv = TrainJob.class.getPackage().getImplementationVersion();
      metadata.put("qinglang_version", qv == null ? "development" : qv);
      metadata.put("spark_version", spark.version());
      metadata.putAll(training);
      metadata.put("detector_only_groups", detectorOnly.prefixes());
      metadata.put(TrainingCorpus.RETIRED_SETS_KEY, corpus.stream().map(TrainingCorpus.Source::groupScope)
          .filter(Objects::nonNull).toList());
      if (comparison != null) {
        metadata.put("comparison", comparison);
      }
      String table = trained.validation().table(config.categoryNames());
      int folds = s.foldCount();
      String heldOutPart = folds > 1 ? "out-of-fold scores of the training data (" + folds + " folds, each scored by "
          + "the model that did not train on it)" : "validation part of the training data";
      String metricsText = "model " + version + ", " + heldOutPart + "\n\n" + table + "\n\n"
          + trained.validation().confusionTable();
      List<ModelStore.ComponentWriter> components = new ArrayList<>();
      final Dataset<Row> all = labelled;
      for (TrainingExtension ext : TrainingExtensions.standard(config)) {
        components.add(versionDir -> {
          progress(out, "training " + ext.name());
          Map<String, Object> result = ext.train(all, s,
              new org.apache.hadoop.fs.Path(versionDir, ext.name()).toString(), msg -> progress(out, msg));
          return Map.of(ext.name(), result);
        });
      }
      String modelRoot = options.modelDir() != null ? options.modelDir() : config.modelDir();
      ModelStore store = new ModelStore(modelRoot, spark.sparkContext().hadoopConfiguration());
      String dir = store.save(version, trained.model(), metadata, metricsText, components);
      new ModelEvaluationsTable().append(spark, warehouse, runId, version, "validation", Instant.now(),
          trained.validation(), config.categoryNames());

      out.println();
      out.println("model " + version + " written to " + dir);
      out.println(heldOutPart + " (" + trained.validation().total() + " posts; thresholds chosen on them, so "
          + "these figures are optimistic: run evaluate on held-out data):");
      out.println(table);
      if (training.get("validation_hand_written_kinds") instanceof Map<?, ?> hw) {
        out.printf(Locale.ROOT, "of which the hand-written kinds held out (%s posts): macro-F1 %.3f, false-positive rate "
            + "on 0: %s, on hard negatives: %s%n", hw.get("posts"), (Double) hw.get("macro_f1"),
            rate(hw.get("false_positive_rate_0")), rate(hw.get("hard_negative_false_positive_rate")));
      }
      out.flush();
      long posts = (long) ((Map<?, ?>) training.get("training_data")).get("posts");
      return new JobStats(posts + rejected, 1, 0, 0, rejected, 0, Map.of())
          .withDetail("model_version", version)
          .withDetail("model_dir", dir)
          .withDetail("labels", labels)
          .withDetail("validation_macro_f1", String.format(Locale.ROOT, "%.4f", trained.validation().macroF1()))
          .withDetail("validation_false_positive_rate",
              String.format(Locale.ROOT, "%.4f", trained.validation().falsePositiveRate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (work != null) {
        deleteQuietly(work);
      }
    }
  }

  private static String rate(Object value) {
    return value instanceof Double d ? Metrics.percent(d) : "-";
  }

  private static void progress(PrintWriter out, String message) {
    LOG.info(message);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temporary files
    }
  }
}
