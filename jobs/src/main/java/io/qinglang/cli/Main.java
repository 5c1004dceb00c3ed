package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "qinglang", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {
        "Qinglang: batch analytics for the 清朗·优化营商网络环境 campaign. Reads archives of posts from many "
            + "platforms into a Delta warehouse, classifies them into the campaign's ten categories and writes "
            + "per-platform statistics.",
        "",
        "Run 'qinglang <command> --help' for a command's options."},
    subcommands = {
        DemoCommand.class,
        IngestCommand.class,
        GenerateCommand.class,
        AggregateCommand.class,
        MaintainCommand.class,
        DetectCommand.class,
        EvaluateDetectorsCommand.class,
        BenchCampaignsCommand.class,
        RouteCommand.class,
        SqlCommand.class,
        TablesCommand.class,
        NotebookCommand.class,
        ReportCommand.class,
        TrainCommand.class,
        ScoreCommand.class,
        EvaluateCommand.class,
        BenchScoreCommand.class,
        TrainFinCommand.class,
        EvaluateFinCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the job failed (see the error; job_runs has a failed row)",
        "2:bad command line, configuration, registry or input path (nothing was run)"})
public final class Main {
  private static final Logger LOG = LogManager.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.exit(code);
  }

  /** The command line with Qinglang's error handling: configuration problems exit 2 in one line. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof ConfigException) {
        err.println("qinglang: error: " + ex.getMessage());
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
      LOG.error("{} failed", commandLine.getCommandName(), ex);
      err.println("qinglang: " + commandLine.getCommandName() + " failed: " + ex);
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return cl;
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"qinglang " + (v == null ? "development" : v), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }
  }
}
