package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.fin.FinLabeledData;
import io.qinglang.fin.FinSettings;
import io.qinglang.fin.FinTrainJob;
import io.qinglang.run.JobStats;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-fin", mixinStandardHelpOptions = true,
    description = {
        "Trains the financial clickbait model: for results articles (revenue, profit, 一季报, 业绩预告 ...), "
            + "does the headline distort what the body's figures say? Reads labelled posts (archive format plus "
            + "labels.csv with post_id,category,fin_clickbait), holds out whole writing styles for evaluation, picks "
            + "logistic regression or gradient-boosted trees by cross-validation and writes the model to "
            + "<model-dir>/<version>/fin_clickbait/.",
        "",
        "Prints precision, recall and F1 on the held-out styles, and how many accurately reported bad-news "
            + "articles were flagged."})
public final class TrainFinCommand extends JobCommand {
  @Option(names = "--labeled", paramLabel = "DIR",
      description = "Labelled directory: posts in the archive format and labels.csv (repeatable). "
          + "Default: qinglang.fin.training.")
  List<String> labeled;

  @Option(names = "--no-bundled",
      description = "Leave out the hand-written sets bundled in the jar (qinglang.fin.bundled).")
  boolean noBundled;

  @Option(names = "--model-dir", paramLabel = "DIR", description = "Model directory (overrides qinglang.model-dir).")
  String modelDir;

  @Option(names = "--version", paramLabel = "NAME",
      description = "Model version directory to write into (an existing version gets its fin_clickbait model "
          + "replaced). Default: a new version fin-<UTC timestamp>.")
  String version;

  @Option(names = "--classifier", paramLabel = "NAME",
      description = "auto (default from qinglang.fin.classifier), logistic_regression or gbt.")
  String classifier;

  @Option(names = "--holdout-style", paramLabel = "STYLE",
      description = "Writing style held out for evaluation (repeatable; default qinglang.fin.holdout-styles).")
  List<String> holdoutStyles;

  private FinSettings settings;
  private List<String> dirs;
  private boolean bundled;

  @Override
  protected void validate(QinglangConfig config) {
    settings = FinSettings.of(config);
    if (classifier != null) {
      settings = settings.withClassifier(classifier);
    }
    if (holdoutStyles != null) {
      settings = settings.withHoldoutStyles(holdoutStyles);
    }
    dirs = labeled != null ? List.copyOf(labeled) : new ArrayList<>(settings.training());
    bundled = !settings.bundled().isEmpty() && !noBundled;
    if (dirs.isEmpty() && !bundled) {
      throw new ConfigException("--no-bundled: with no --labeled directory there is nothing to train on");
    }
    Configuration conf = new Configuration();
    for (String d : dirs) {
      FinLabeledData.check(d, conf);
    }
    if (version != null && !version.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ConfigException("--version: '" + version + "' is not a directory name (letters, digits, . _ -)");
    }
    if (modelDir != null && modelDir.isBlank()) {
      throw new ConfigException("--model-dir: must not be empty");
    }
  }

  @Override
  protected List<String> inputFiles() {
    return dirs == null ? List.of() : dirs;
  }

  @Override
  protected JobStats run(JobContext ctx) {
    QinglangConfig config = modelDir != null ? ctx.config().withModelDir(modelDir) : ctx.config();
    String v = version != null ? version : FinTrainJob.newVersion(ctx.startedAt());
    FinTrainJob.Outcome o = FinTrainJob.run(ctx.spark(), config, settings, dirs, bundled, v,
        spec.commandLine().getOut());
    return FinTrainJob.stats(o, o.result().trainRows() + o.result().holdoutRows());
  }

  @Override
  protected String describe(JobStats stats) {
    return "model " + stats.details().get("model_version") + " (" + stats.details().get("classifier") + "), held-out F1 "
        + stats.details().getOrDefault("holdout_f1", "n/a");
  }
}
