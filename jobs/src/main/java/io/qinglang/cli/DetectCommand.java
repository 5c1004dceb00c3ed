package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.detect.DetectJob;
import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.DetectorResources;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {
        "Runs the evidence detectors over the posts table: personal data (category 3), impersonation "
            + "(category 1), quotes cut out of context (category 5) and coordinated cross-platform campaigns "
            + "(category 9). Writes the Delta table "
            + "coordination_clusters (re-running over the same period replaces that period's clusters) and prints "
            + "the evidence found per detector and kind, with examples (personal data masked).",
        "",
        "The score command applies the same detectors and fuses their evidence with the classifier into "
            + "post_violations; detect shows what the detectors alone see. Settings: qinglang.detect in "
            + "conf/qinglang.conf, lexicons in conf/lexicons/."})
public final class DetectCommand extends JobCommand {
  @Option(names = "--from", paramLabel = "DATE", description = "First publication date (YYYY-MM-DD, inclusive).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last publication date (YYYY-MM-DD, inclusive).")
  String to;

  @Option(names = "--platform", paramLabel = "P", description = "Only this platform (id or alias).")
  String platform;

  @Option(names = "--no-campaigns", negatable = false,
      description = "Skip the coordinated-campaign detector (and leave coordination_clusters as it is).")
  boolean noCampaigns;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "3",
      description = "Examples printed per evidence kind and attack clusters listed (default ${DEFAULT-VALUE}).")
  int examples;

  private DetectJob.Options options;
  private DetectorResources resources;
  private EnterpriseRegistry registry;

  @Override
  protected void validate(QinglangConfig config) {
    LocalDate f = DateOptions.parse("--from", from);
    LocalDate t = DateOptions.parse("--to", to);
    if (f != null && t != null && t.isBefore(f)) {
      throw new ConfigException("--to " + t + " is before --from " + f);
    }
    if (examples < 0) {
      throw new ConfigException("--examples: must not be negative");
    }
    String p = null;
    if (platform != null) {
      String v = platform.trim();
      p = config.platforms().known().contains(v) ? v : config.platforms().aliases().get(v.toLowerCase(Locale.ROOT));
      if (p == null) {
        throw new ConfigException("--platform: '" + platform + "' is not one of " + config.platforms().known()
            + " or their aliases");
      }
    }
    options = new DetectJob.Options(f, t, p, !noCampaigns, examples);
    registry = EnterpriseRegistry.load(config);
    resources = DetectorResources.load(DetectSettings.of(config));
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return DetectJob.run(ctx.spark(), ctx.config(), registry, resources, options, ctx.runId(), ctx.startedAt(),
        spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats stats) {
    return String.format(Locale.ROOT, "scanned %,d posts, %s posts with detector evidence, %,d clusters",
        stats.rowsRead(), stats.details().getOrDefault("posts_with_evidence", "0"), stats.rowsWritten());
  }
}
