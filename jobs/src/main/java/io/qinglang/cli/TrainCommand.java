package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ClassifierSettings;
import io.qinglang.ml.TrainJob;
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
            + "repository's training corpus is used."})
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
        new TrainJob.Options(labeled, modelDir, compare, type), spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats s) {
    return "model " + s.details().get("model_version") + " from " + s.rowsRead() + " labelled posts, validation "
        + "macro-F1 " + s.details().get("validation_macro_f1");
  }
}
