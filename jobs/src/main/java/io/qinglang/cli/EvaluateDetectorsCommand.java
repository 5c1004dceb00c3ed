package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.DetectorEvaluation;
import io.qinglang.detect.DetectorResources;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate-detectors", mixinStandardHelpOptions = true,
    description = {
        "Measures the evidence detectors alone (fusion without a classifier) on a labelled set: precision and "
            + "recall of personal data (3), impersonation (1), quotes cut out of context (5) and coordinated "
            + "campaigns (9), recall per form, and "
            + "flags on category-0 posts. Reads DIR: posts in the archive format, labels.csv (post_id,category,...) "
            + "and optionally meta.csv (subtype, cluster) or kinds.csv (kind). Writes nothing.",
        "",
        "Pass the set's own registry with --enterprises (e.g. jobs/corpus/holdout/enterprises.csv)."})
public final class EvaluateDetectorsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--labeled", paramLabel = "DIR", required = true, description = "The labelled set.")
  Path labeled;

  @Option(names = "--errors", description = "List every false flag and every missed post with its evidence.")
  boolean errors;

  @Override
  public Integer call() {
    QinglangConfig config = common.load();
    if (!Files.isDirectory(labeled)) {
      throw new ConfigException("--labeled: not a directory: " + labeled);
    }
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    DetectorResources resources = DetectorResources.load(DetectSettings.of(config));
    SparkSession spark = SparkSessions.forJob(config);
    PrintWriter out = spec.commandLine().getOut();
    List<DetectorEvaluation.Outcome> outcomes = DetectorEvaluation.run(spark, config, registry, resources,
        labeled.toAbsolutePath().normalize(), out);
    DetectorEvaluation.print(outcomes, errors, out);
    return 0;
  }
}
