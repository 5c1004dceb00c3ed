package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ClassifierSettings;
import io.qinglang.ml.TrainJob;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.run.JobStats;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {
        "Trains the ten-category classifier on labelled posts and writes a new model version to the model "
            + "directory (pipeline/, model.json with thresholds, registry and training-data fingerprints, "
            + "parameters and metrics; metrics.txt). Appends the validation figures to model_evaluations and "
            + "prints the per-category table.",
        "",
        "A labelled directory holds posts in the archive format (posts/ or posts*.jsonl) and labels.csv "
            + "(post_id,category[,fin_clickbait][,platform][,hard_negative][,group]). Without --labeled the "
            + "repository's training corpus is used: the generator's training profile (generated into "
            + "qinglang.classifier.training.corpus-dir on first use, reused afterwards; a seeded sample of "
            + "max-generated-posts of it) plus the bundled hand-written gold set.",
        "",
        "Calibration and thresholds are chosen on out-of-fold scores: qinglang.classifier.threshold-folds "
            + "(default 3) models, each fitted without one fold of whole forms and kinds (legitimate kinds of more "
            + "than validation-spread-legitimate-group-posts posts are dealt post by post), score that fold; then "
            + "the stored model is fitted on all posts (refit-on-all), four fits in all. Small labelled sets with "
            + "one group per category need threshold-folds = 0 (one validation split)."})
public final class TrainCommand extends JobCommand {
  @Option(names = "--labeled", paramLabel = "DIR",
      description = "Labelled directory (repeatable; all are used together). Default: the training corpus.")
  List<String> labeled;

  @Option(names = "--model-dir", paramLabel = "DIR",
      description = "Where model versions go (overrides qinglang.model-dir; default ./models).")
  String modelDir;

  @Option(names = "--compare",
      description = "First cross-validate logistic regression, linear SVC and naive Bayes (qinglang.classifier."
          + "cv-folds folds) and print their macro-F1; takes several times as long as training.")
  boolean compare;

  @Option(names = "--classifier", paramLabel = "TYPE",
      description = "logistic-regression, linear-svc or naive-bayes (overrides qinglang.classifier.model.type).")
  String classifier;

  @Option(names = "--real-text", paramLabel = "DIR",
      description = "Only without --labeled: mix real Chinese text from DIR (see /work/shared/data's README) into "
          + "the generated corpus's ordinary posts, or \"bundled\" for the jar's own hand-written ordinary text "
          + "(overrides qinglang.classifier.training.real-text).")
  String realText;

  private ClassifierSettings.ModelType type;

  @Override
  protected void validate(QinglangConfig config) {
    ClassifierSettings.from(config);
    if (classifier != null) {
      try {
        type = ClassifierSettings.ModelType.parse(classifier);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--classifier: " + e.getMessage());
      }
    }
    TrainingCorpus.Settings corpus = TrainingCorpus.Settings.from(config);
    if (realText != null) {
      if (labeled != null && !labeled.isEmpty()) {
        throw new ConfigException("--real-text only applies to the default training corpus (without --labeled)");
      }
      corpus.withRealText(realText);
    }
    if (modelDir != null && modelDir.isBlank()) {
      throw new ConfigException("--model-dir: must not be empty");
    }
  }

  @Override
  protected List<String> inputFiles() {
    return labeled == null ? List.of() : labeled;
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return TrainJob.run(ctx.spark(), ctx.config(), ctx.warehouse(), ctx.runId(), ctx.startedAt(),
        new TrainJob.Options(labeled, modelDir, compare, type, realText), spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats s) {
    return "model " + s.details().get("model_version") + " from " + s.rowsRead() + " labelled posts, validation "
        + "macro-F1 " + s.details().get("validation_macro_f1");
  }
}
