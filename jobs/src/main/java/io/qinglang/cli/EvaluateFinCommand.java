package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.fin.FinEvaluateJob;
import io.qinglang.fin.FinLabeledData;
import io.qinglang.run.JobStats;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate-fin", mixinStandardHelpOptions = true,
    description = {
        "Scores labelled posts (archive format plus labels.csv with post_id,category,fin_clickbait) with a stored "
            + "financial clickbait model and prints precision, recall and F1 of fin_clickbait, how many accurately "
            + "reported bad-news articles were flagged, and how many posts labelled as not being results articles "
            + "the detector checks anyway."})
public final class EvaluateFinCommand extends JobCommand {
  @Option(names = "--labeled", paramLabel = "DIR", required = true, description = "Labelled directory (repeatable).")
  List<String> labeled;

  @Option(names = "--model-dir", paramLabel = "DIR", description = "Model directory (overrides qinglang.model-dir).")
  String modelDir;

  @Option(names = "--version", paramLabel = "NAME",
      description = "Model version to evaluate. Default: the newest version with a financial clickbait model.")
  String version;

  @Option(names = "--show-errors", description = "List the posts the model gets wrong.")
  boolean showErrors;

  private String versionDir;

  @Override
  protected void validate(QinglangConfig config) {
    Configuration conf = new Configuration();
    for (String d : labeled) {
      FinLabeledData.check(d, conf);
    }
    if (modelDir != null && modelDir.isBlank()) {
      throw new ConfigException("--model-dir: must not be empty");
    }
    String dir = modelDir != null ? config.withModelDir(modelDir).modelDir() : config.modelDir();
    versionDir = FinEvaluateJob.versionDir(dir, version, conf);
  }

  @Override
  protected List<String> inputFiles() {
    return labeled;
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return FinEvaluateJob.run(ctx.spark(), ctx.config(), labeled, versionDir, showErrors,
        spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats stats) {
    return "model " + stats.details().get("model_version") + ": F1 " + stats.details().get("f1") + ", bad news flagged "
        + stats.details().get("bad_news_flagged");
  }
}
