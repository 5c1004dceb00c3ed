package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import io.qinglang.score.ScoreJob;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = {
        "Classifies posts into categories 0..10 with a trained model and writes post_violations: category, "
            + "confidence, probabilities, needs_review, enterprise_ids and evidence for every scanned post. "
            + "MERGE on (platform, post_id, model_version): scoring again replaces rows, never duplicates them.",
        "",
        "Registry names follow the registry in force (--enterprises), not the one the model was trained with."})
public final class ScoreCommand extends JobCommand {
  @Option(names = "--model", paramLabel = "DIR",
      description = "Model version: a directory, or a version name under the model directory. Default: the newest.")
  String model;

  @Option(names = "--from", paramLabel = "DATE", description = "First publication date (YYYY-MM-DD, local zone).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last publication date (YYYY-MM-DD, inclusive).")
  String to;

  @Option(names = "--platform", paramLabel = "P", description = "Only this platform (id or alias).")
  String platform;

  private LocalDate fromDate;
  private LocalDate toDate;
  private String platformId;

  @Override
  protected void validate(QinglangConfig config) {
    fromDate = DateOptions.parse("--from", from);
    toDate = DateOptions.parse("--to", to);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      throw new ConfigException("--to " + to + " is before --from " + from);
    }
    if (platform != null) {
      String p = platform.trim().toLowerCase(java.util.Locale.ROOT);
      platformId = config.platforms().known().contains(p) ? p : config.platforms().aliases().get(p);
      if (platformId == null) {
        throw new ConfigException("--platform: '" + platform + "' is not one of " + config.platforms().known()
            + " nor an alias");
      }
    }
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return ScoreJob.run(ctx.spark(), ctx.config(), ctx.warehouse(), ctx.runId(), ctx.startedAt(),
        new ScoreJob.Options(model, fromDate, toDate, platformId), spec.commandLine().getOut());
  }

  @Override
  protected String describe(JobStats s) {
    return "scored " + s.rowsRead() + " posts with model " + s.details().get("model_version") + ": "
        + s.details().get("flagged") + " flagged, " + s.details().get("needs_review") + " for review";
  }
}
