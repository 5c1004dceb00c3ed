package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.spark.SparkSessions;
import io.qinglang.table.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {
        "Runs one Spark SQL statement against the warehouse. Every table resolves by its bare name "
            + "(posts, quarantine, job_runs, ...), and Delta time travel works:",
        "  SELECT count(*) FROM posts VERSION AS OF 3",
        "  SELECT * FROM platform_quarterly_metrics TIMESTAMP AS OF '2023-07-01 00:00:00'",
        "With --format csv or json only the result goes to standard output (logs go to standard error). "
            + "Timestamps are shown in UTC."})
public final class SqlCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL statement.")
  String statement;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv (RFC-4180 with a header line) or json (one object per line).")
  ResultPrinter.Format format;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "Rows shown in table format (default 100); csv and json print every row.")
  int limit;

  @Override
  public Integer call() {
    if (statement.isBlank()) {
      throw new ConfigException("STATEMENT: the SQL statement is empty");
    }
    if (limit < 1) {
      throw new ConfigException("--limit: must be at least 1");
    }
    QinglangConfig config = common.load();
    SparkSession spark = SparkSessions.forJob(config);
    // mask_personal_data(text): the same masking every report applies (README, "Detectors and fusion").
    io.qinglang.detect.PersonalDataMasker.register(spark);
    new Warehouse(config.warehouse()).registerTables(spark);
    Dataset<Row> result;
    try {
      result = spark.sql(statement);
    } catch (Exception e) {
      // A statement that does not parse or names unknown tables or columns is the user's input error.
      if (e instanceof AnalysisException a) {
        throw new ConfigException("STATEMENT: " + a.getSimpleMessage().replace('\n', ' '));
      }
      throw e;
    }
    ResultPrinter.print(result.schema(), result.toLocalIterator(), format, spec.commandLine().getOut(), limit);
    return 0;
  }
}
