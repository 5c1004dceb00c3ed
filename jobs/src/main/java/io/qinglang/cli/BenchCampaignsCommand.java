package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.detect.CampaignBenchmark;
import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.DetectorResources;
import io.qinglang.generate.RealText;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-campaigns", mixinStandardHelpOptions = true,
    description = {
        "Benchmarks the coordinated-campaign detector: generates posts (background text plus injected attack, "
            + "fan-repost and slow-copy campaigns), runs the detector with the configured settings and prints the time "
            + "and rows of every stage, the candidate-pair count, throughput, and recall / precision on the injected "
            + "attacks. Writes nothing.",
        "",
        "Background text: the --background files (one text a line; TSV/CSV lines give their longest Chinese field), "
            + "by default the corpora train finds (../shared/data, or up to two folders further up), else pseudo-text."})
public final class BenchCampaignsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--posts", paramLabel = "N", defaultValue = "1000000", description = "Posts in all (default ${DEFAULT-VALUE}).")
  long posts;

  @Option(names = "--campaigns", paramLabel = "K", defaultValue = "200", description = "Injected campaigns (default ${DEFAULT-VALUE}).")
  int campaigns;

  @Option(names = "--campaign-posts", paramLabel = "M", defaultValue = "8",
      description = "Posts per injected campaign (default ${DEFAULT-VALUE}).")
  int campaignPosts;

  @Option(names = "--background", paramLabel = "FILE", description = "Background text file (repeatable).")
  List<Path> background;

  @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "16",
      description = "Partitions of the generated posts (default ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() {
    QinglangConfig config = common.load();
    if (posts < 1 || campaigns < 0 || campaignPosts < 2 || partitions < 1) {
      throw new ConfigException("--posts, --partitions must be positive, --campaigns >= 0, --campaign-posts >= 2");
    }
    if ((long) campaigns * campaignPosts > posts) {
      throw new ConfigException("--campaigns x --campaign-posts exceeds --posts");
    }
    List<Path> files = new ArrayList<>();
    if (background != null) {
      for (Path p : background) {
        if (!Files.isRegularFile(p)) {
          throw new ConfigException("--background: file not found: " + p);
        }
        files.add(p);
      }
    } else {
      Path shared = TrainingCorpus.autoRealText(Path.of(System.getProperty("qinglang.home", ".")));
      for (String name : shared == null ? List.<String>of() : RealText.TEXT_FILES) {
        Path p = shared.resolve(name);
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    DetectorResources resources = DetectorResources.load(DetectSettings.of(config));
    SparkSession spark = SparkSessions.forJob(config);
    CampaignBenchmark.run(spark, registry, resources,
        new CampaignBenchmark.Options(posts, campaigns, campaignPosts, files, seed, partitions), config.timeZone(),
        spec.commandLine().getOut());
    return 0;
  }
}
