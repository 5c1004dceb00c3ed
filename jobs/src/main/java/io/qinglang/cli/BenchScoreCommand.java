package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.run.JobStats;
import io.qinglang.score.ScoreBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-score", mixinStandardHelpOptions = true,
    description = {
        "Measures, on the same N posts, raw HanLP segmentation throughput on all cores and the score "
            + "transformation's throughput (every output column, no-op sink), and prints both and their ratio. "
            + "Needs a trained model. The posts are real text from --shared-data (repeated to N posts on eight "
            + "platforms, published over 120 days from 2023-05-01), or the gold training set when that directory "
            + "is missing.",
        "",
        "Example: jobs/bin/qinglang bench-score --posts 1000000"})
public final class BenchScoreCommand extends JobCommand {
  @Option(names = "--posts", paramLabel = "N", defaultValue = "1000000", description = "Posts to score (default 1000000).")
  long posts;

  @Option(names = "--model", paramLabel = "DIR",
      description = "Model version: a directory, or a version name under the model directory. Default: the newest.")
  String model;

  @Option(names = "--shared-data", paramLabel = "DIR",
      description = "Directory of real Chinese text (default: the nearest shared/data beside the repository or up to two of its parent folders, as for train).")
  Path sharedData;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
      description = "Partitions of the generated posts (default: 4 per core).")
  int partitions;

  @Option(names = "--with-merge", description = "Also time a full score with MERGE into a scratch post_violations.")
  boolean withMerge;

  @Override
  protected void validate(QinglangConfig config) {
    if (posts < 1) {
      throw new ConfigException("--posts: must be at least 1");
    }
    if (partitions < 0) {
      throw new ConfigException("--partitions: must not be negative");
    }
    if (sharedData != null && !Files.isDirectory(sharedData)) {
      throw new ConfigException("--shared-data " + sharedData + ": not a directory");
    }
  }

  private String sharedDataDir() {
    if (sharedData != null) {
      return sharedData.toString();
    }
    Path found = TrainingCorpus.autoRealText(Path.of(System.getProperty("qinglang.home", ".")));
    return found == null ? null : found.toString();
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return ScoreBenchmark.run(ctx.spark(), ctx.config(), ctx.runId(), ctx.startedAt(),
        new ScoreBenchmark.Options(posts, model, sharedDataDir(), partitions, withMerge), spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats s) {
    return s.rowsRead() + " posts: segmentation " + s.details().get("segment_posts_per_second") + " posts/s, score "
        + s.details().get("score_posts_per_second") + " posts/s, ratio " + s.details().get("ratio");
  }
}
