package io.qinglang.cli;

import io.qinglang.aggregate.MaintainJob;
import io.qinglang.aggregate.StatisticsSettings;
import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {
        "Compacts the warehouse's Delta tables (OPTIMIZE, with ZORDER BY the columns readers filter on where a "
            + "table declares them) and deletes files no version younger than the retention needs (VACUUM). "
            + "Prints what it did per table.",
        "",
        "Time travel (VERSION AS OF / TIMESTAMP AS OF) reaches back only as far as the retention: the default "
            + "168 hours (Delta's own safe minimum, from qinglang.maintain.vacuum-retention-hours) keeps seven "
            + "days of versions. A shorter retention is refused unless --allow-short-retention is given; it can "
            + "break readers and writers running at the same time."})
public final class MaintainCommand extends JobCommand {
  @Option(names = "--vacuum-hours", paramLabel = "H",
      description = "VACUUM retention in hours (default: qinglang.maintain.vacuum-retention-hours, 168).")
  Double vacuumHours;

  @Option(names = "--allow-short-retention",
      description = "Allow a retention below 168 hours (deletes files older versions still need).")
  boolean allowShortRetention;

  @Option(names = "--table", paramLabel = "NAME",
      description = "Only this table (repeatable). Default: every table of the warehouse.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--no-optimize", description = "Skip OPTIMIZE.")
  boolean noOptimize;

  @Option(names = "--no-vacuum", description = "Skip VACUUM.")
  boolean noVacuum;

  private double retention;
  private List<MaintainJob.Result> results = List.of();

  @Override
  protected void validate(QinglangConfig config) {
    retention = vacuumHours != null ? vacuumHours : StatisticsSettings.of(config).vacuumRetentionHours();
    if (retention < 0 || Double.isNaN(retention)) {
      throw new ConfigException("--vacuum-hours: must not be negative");
    }
    if (!noVacuum && retention < StatisticsSettings.SAFE_RETENTION_HOURS && !allowShortRetention) {
      throw new ConfigException("--vacuum-hours " + retention + " is below Delta's safe retention of "
          + StatisticsSettings.SAFE_RETENTION_HOURS + " hours: versions older than that could no longer be read "
          + "(time travel) and running jobs could fail; add --allow-short-retention to do it anyway");
    }
  }

  @Override
  protected JobStats run(JobContext ctx) {
    try {
      results = MaintainJob.run(ctx.spark(), ctx.warehouse(), tables, !noOptimize, !noVacuum, retention,
          allowShortRetention);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("vacuum_retention_hours", String.valueOf(retention));
    long compacted = 0;
    long vacuumed = 0;
    for (MaintainJob.Result r : results) {
      out.println(r.describe(retention));
      details.put(r.table() + ".files_compacted", String.valueOf(r.filesCompacted()));
      details.put(r.table() + ".files_vacuumed", String.valueOf(r.filesVacuumed()));
      compacted += r.filesCompacted();
      vacuumed += r.filesVacuumed();
    }
    out.flush();
    return new JobStats(0, 0, 0, 0, 0, 0, details).withDetail("tables", results.size())
        .withDetail("files_compacted", compacted).withDetail("files_vacuumed", vacuumed);
  }

  @Override
  protected String describe(JobStats s) {
    return s.details().get("tables") + " table(s), " + s.details().get("files_compacted") + " file(s) compacted, "
        + s.details().get("files_vacuumed") + " unreferenced file(s) deleted";
  }
}
