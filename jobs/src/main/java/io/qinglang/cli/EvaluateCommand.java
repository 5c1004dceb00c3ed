package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import io.qinglang.score.EvaluateJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
        "Scores a labelled directory with a trained model (the same scoring as the score command, detectors "
            + "included) and prints per-category precision, recall and F1, macro-F1, accuracy, the "
            + "false-positive rate on posts labelled 0 and on hard negatives, and the confusion matrix. "
            + "Appends the figures to model_evaluations.",
        "",
        "When --enterprises is not given and DIR/enterprises.csv exists, that registry is used."})
public final class EvaluateCommand extends JobCommand {
  private static final Logger LOG = LogManager.getLogger(EvaluateCommand.class);

  @Option(names = "--labeled", paramLabel = "DIR", required = true,
      description = "Labelled directory: posts (posts/ or posts*.jsonl) and labels.csv.")
  String labeled;

  @Option(names = "--model", paramLabel = "DIR",
      description = "Model version: a directory, or a version name under the model directory. Default: the newest.")
  String model;

  @Option(names = "--show-errors", paramLabel = "N", defaultValue = "0",
      description = "Also list up to N misclassified posts (normalized text, numbers masked).")
  int showErrors;

  private QinglangConfig effective;

  @Override
  protected void validate(QinglangConfig config) {
    if (showErrors < 0) {
      throw new ConfigException("--show-errors: must not be negative");
    }
    if (common.enterprises == null && !labeled.contains("://")) {
      Path registry = Path.of(labeled, "enterprises.csv");
      if (Files.isRegularFile(registry)) {
        LOG.info("using the registry of the labelled directory: {}", registry);
        effective = config.withEnterprises(InputResource.file(registry));
      }
    }
  }

  @Override
  protected List<String> inputFiles() {
    return List.of(labeled);
  }

  @Override
  protected JobStats run(JobContext ctx) {
    QinglangConfig config = effective != null ? effective : ctx.config();
    return EvaluateJob.run(ctx.spark(), config, ctx.warehouse(), ctx.runId(), ctx.startedAt(),
        new EvaluateJob.Options(labeled, model, showErrors), spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats s) {
    return s.rowsRead() + " labelled posts, model " + s.details().get("model_version") + ": macro-F1 "
        + s.details().get("macro_f1") + ", false-positive rate on 0 " + s.details().get("false_positive_rate");
  }
}
