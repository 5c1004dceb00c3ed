package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.demo.DemoJob;
import io.qinglang.generate.RealText;
import io.qinglang.run.JobStats;
import java.io.File;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "The whole pipeline on a generated archive, on this machine: generates a realistic archive (200,000 posts "
            + "over 2023Q2 and 2023Q3, every platform, with disposal records), ingests it, trains the default model "
            + "(or reuses the one an earlier demo trained from the same corpus and settings), scores every post with "
            + "the classifier, the detectors and the financial clickbait model, aggregates the statistics tables, "
            + "and prints the quarterly per-platform table and the top categories, with the time of each step.",
        "",
        "A second run reuses the archive, the model and the scores when nothing they depend on changed, and "
            + "prints the same figures. Every step also records its own row in job_runs."})
public final class DemoCommand extends JobCommand {
  @Option(names = "--archive-dir", paramLabel = "DIR",
      description = "Where the generated archive lives (default: qinglang.demo.archive-dir, archives/demo).")
  String archiveDir;

  @Option(names = "--posts", paramLabel = "N",
      description = "Posts to generate (default: the demo profile's, 200,000).")
  Long posts;

  @Option(names = "--retrain", description = "Train a new model even when an earlier demo's can be reused.")
  boolean retrain;

  @Option(names = "--real-text", paramLabel = "DIR",
      description = "Real Chinese corpora (such as ../shared/data) mixed into the training corpus as legitimate text, "
          + "or \"bundled\" for the jar's own hand-written ordinary text (default: qinglang.classifier.training.real-text).")
  String realText;

  private String dir;

  @Override
  protected void validate(QinglangConfig config) {
    if (posts != null && posts < 1000) {
      throw new ConfigException("--posts must be at least 1000 (the demo needs both quarters and every platform), was "
          + posts);
    }
    dir = archiveDir != null ? archiveDir : config.reader().string("qinglang.demo.archive-dir");
    if (realText != null && !realText.equals(RealText.BUNDLED) && !new File(realText).isDirectory()) {
      throw new ConfigException("--real-text " + realText + ": not a directory (nor \"" + RealText.BUNDLED + "\")");
    }
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return new DemoJob(ctx.spark(), ctx.config(), ctx.warehouse(), spec.commandLine().getOut())
        .run(new DemoJob.Options(dir, posts, retrain, realText));
  }

  @Override
  protected String describe(JobStats s) {
    return "model " + s.details().get("model_version") + ", archive " + s.details().get("archive");
  }
}
