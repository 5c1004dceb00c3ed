package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.report.ReportSettings;
import io.qinglang.report.notebook.Notebook;
import io.qinglang.report.notebook.NotebookException;
import io.qinglang.report.notebook.NotebookJob;
import io.qinglang.report.notebook.NotebookParser;
import io.qinglang.spark.SparkSessions;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "notebook", mixinStandardHelpOptions = true,
    description = {
        "Runs one SQL notebook (Databricks source format, see notebooks/README.md) against the warehouse and "
            + "writes it as a self-contained HTML page: Markdown, each SQL cell's result table, and a chart "
            + "(SVG) for every cell with a '-- chart:' line. Tables resolve by bare name. The warehouse is only "
            + "read.",
        "A notebook that does not follow the format, or a bad chart line, exits 2 before Spark starts; a cell "
            + "that fails exits 1; both name the notebook and the cell."})
public final class NotebookCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook file, e.g. notebooks/platform_comparison.sql.")
  Path notebook;

  @Option(names = "--out", paramLabel = "FILE",
      description = "The HTML page to write (default: the notebook's name with .html, in the working directory).")
  Path out;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "Sets a widget of the notebook (CREATE WIDGET TEXT NAME ...) instead of its default; repeatable. "
          + "Example: --param quarter=2023Q2")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() {
    QinglangConfig config = common.load();
    ReportSettings settings = ReportSettings.from(config);
    Notebook parsed;
    try {
      parsed = NotebookParser.read(notebook);
    } catch (NotebookException e) {
      throw new ConfigException(e.getMessage());
    }
    Path target = out != null ? out : Path.of(baseName(notebook) + ".html");
    SparkSession spark = SparkSessions.forJob(config);
    Warehouse warehouse = new Warehouse(config.warehouse());
    Instant started = Instant.now();
    PrintWriter err = spec.commandLine().getErr();
    NotebookJob.Result result;
    try {
      result = NotebookJob.run(spark, warehouse, settings, config.timeZone(), parsed, params, target);
    } catch (NotebookException e) {
      err.println("qinglang: notebook failed: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("notebook %s: %d SQL cells, %d charts in %s; wrote %s%n", parsed.name(), result.sqlCells(),
        result.charts(), JobCommand.seconds(started), result.page().toAbsolutePath());
    o.flush();
    return 0;
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
