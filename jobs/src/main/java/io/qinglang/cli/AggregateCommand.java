package io.qinglang.cli;

import io.qinglang.aggregate.AggregateJob;
import io.qinglang.aggregate.AggregatePeriod;
import io.qinglang.aggregate.StatisticsSettings;
import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = {
        "Computes the statistics tables from post_violations (one model version), posts, disposals and "
            + "coordination_clusters: platform_daily_stats, platform_quarterly_metrics, enterprise_exposure, "
            + "handling_timeliness and campaign_summary.",
        "",
        "A run replaces exactly its period in each table (Delta replaceWhere): the dates from --from to --to "
            + "in platform_daily_stats, the weeks overlapping them in enterprise_exposure, and the quarters "
            + "overlapping them (plus the next quarter, whose change versus the previous one depends on them) in "
            + "the quarterly tables. Without --from and --to every table is rebuilt. Running it twice gives "
            + "identical tables. The versions read and written are recorded in job_runs.details."})
public final class AggregateCommand extends JobCommand {
  @Option(names = "--from", paramLabel = "DATE",
      description = "First publication date (YYYY-MM-DD, in the configured time zone). Default: the earliest.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Last publication date, inclusive. Default: the latest.")
  LocalDate to;

  @Option(names = "--model-version", paramLabel = "V",
      description = "Model version whose post_violations rows are counted. Default: the one scored most recently.")
  String modelVersion;

  private AggregatePeriod period;
  private EnterpriseRegistry registry;
  private StatisticsSettings settings;

  @Override
  protected void validate(QinglangConfig config) {
    try {
      period = new AggregatePeriod(from, to);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (modelVersion != null && modelVersion.isBlank()) {
      throw new ConfigException("--model-version: must not be empty");
    }
    settings = StatisticsSettings.of(config);
    registry = EnterpriseRegistry.load(config);
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return AggregateJob.run(ctx.spark(), ctx.config(), registry, settings, period, modelVersion);
  }

  @Override
  protected String describe(JobStats s) {
    StringBuilder sb = new StringBuilder();
    sb.append("model ").append(s.details().get("model_version")).append(", ").append(s.details().get("period"))
        .append(", ").append(s.details().get("posts_scanned")).append(" posts scanned; wrote");
    for (String table : List.of("platform_daily_stats", "handling_timeliness", "platform_quarterly_metrics",
        "enterprise_exposure", "campaign_summary")) {
      sb.append(' ').append(table).append(' ').append(s.details().get(table + ".rows_written")).append(" (v")
          .append(s.details().get(table + ".version")).append(')');
    }
    String notScored = s.details().get("posts_not_scored");
    if (notScored != null && !notScored.equals("0")) {
      sb.append("; ").append(notScored).append(" posts not scored yet");
    }
    return sb.toString();
  }
}
