package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.route.RouteJob;
import io.qinglang.route.RoutingSettings;
import io.qinglang.run.JobStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "route", mixinStandardHelpOptions = true,
    description = {
        "Routes the flagged posts of post_violations (one model version) as clues to the bodies that act on "
            + "them: local_office, reporting_centre, governance_bureau, police and platform. One clue per "
            + "coordinated attack cluster (coordination_clusters), one per impersonating account, one per other "
            + "flagged post; clue ids are stable across runs. Writes the Delta table clue_referrals (one row per "
            + "clue and destination) by MERGE: a clue keeps its created_at and referral time, a disposal record "
            + "for one of its posts marks it handled, and a clue a new run no longer finds in the period is "
            + "closed.",
        "",
        "Rules, jurisdiction, priority and repeat offenders: qinglang.routing and qinglang.jurisdiction in "
            + "conf/qinglang.conf (README: Clue routing).",
        "",
        "With --export DIR the period's open clues are marked referred and written as DIR/<destination>.csv "
            + "(UTF-8 with BOM) and DIR/<destination>.xlsx; exporting the same period again gives identical "
            + "files. Personal data is masked in every file."})
public final class RouteCommand extends JobCommand {
  @Option(names = "--from", paramLabel = "DATE",
      description = "First publication date of a clue's earliest post (YYYY-MM-DD, inclusive). Default: all.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last such date (inclusive). Default: all.")
  String to;

  @Option(names = "--model-version", paramLabel = "V",
      description = "Model version whose flagged posts are routed. Default: the one scored most recently.")
  String modelVersion;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Write one CSV and one XLSX per destination into DIR (created if missing) and mark the "
          + "exported clues referred.")
  Path export;

  private RouteJob.Request request;
  private RoutingSettings settings;
  private EnterpriseRegistry registry;

  @Override
  protected void validate(QinglangConfig config) {
    try {
      request = new RouteJob.Request(DateOptions.parse("--from", from), DateOptions.parse("--to", to),
          modelVersion, export);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (modelVersion != null && modelVersion.isBlank()) {
      throw new ConfigException("--model-version: must not be empty");
    }
    if (export != null) {
      if (Files.exists(export) && !Files.isDirectory(export)) {
        throw new ConfigException("--export " + export + ": exists and is not a directory");
      }
      try {
        Files.createDirectories(export);
      } catch (IOException e) {
        throw new ConfigException("--export " + export + ": cannot create the directory (" + e.getMessage() + ")");
      }
      if (!Files.isWritable(export)) {
        throw new ConfigException("--export " + export + ": not writable");
      }
    }
    settings = RoutingSettings.of(config);
    registry = EnterpriseRegistry.load(config);
  }

  @Override
  protected JobStats run(JobContext ctx) {
    PrintWriter out = spec.commandLine().getOut();
    return RouteJob.run(ctx.spark(), ctx.config(), registry, settings, request, ctx.runId(), ctx.startedAt(),
        line -> {
          out.println(line);
          out.flush();
        });
  }

  @Override
  protected String describe(JobStats s) {
    Map<String, String> d = s.details();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "model %s, %s, jurisdiction %s: %s open clues", d.get("model_version"),
        d.get("period"), d.get("jurisdiction"), d.get("clues")));
    b.append("; by destination");
    d.forEach((k, v) -> {
      if (k.startsWith("destination.")) {
        b.append(' ').append(k.substring("destination.".length())).append('=').append(v);
      }
    });
    b.append("; by status");
    d.forEach((k, v) -> {
      if (k.startsWith("status.")) {
        b.append(' ').append(k.substring("status.".length())).append('=').append(v);
      }
    });
    b.append("; ").append(d.get("repeat_offender_clues")).append(" from repeat offenders");
    if (d.containsKey("exported_files")) {
      b.append("; ").append(d.get("exported_files")).append(" files in ").append(d.get("export_dir"));
    }
    return b.toString();
  }
}
