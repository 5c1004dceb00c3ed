package io.qinglang.cli;

import io.qinglang.config.QinglangConfig;
import io.qinglang.run.ExecutorTaskCounter;
import io.qinglang.run.JobRun;
import io.qinglang.run.JobStats;
import io.qinglang.spark.SparkSessions;
import io.qinglang.table.JobRunsTable;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs a job against the warehouse: load and validate the configuration, check its
 * own arguments (both before Spark starts; problems exit with code 2), build the session, run, and
 * append one row to job_runs whether the run succeeds or fails.
 */
public abstract class JobCommand implements Callable<Integer> {
  private static final Logger LOG = LogManager.getLogger(JobCommand.class);

  @Mixin
  protected CommonOptions common;

  @Spec
  protected CommandSpec spec;

  /** Checks the command's own arguments before Spark starts; throws ConfigException when wrong. */
  protected void validate(QinglangConfig config) {}

  /** Runs the job. */
  protected abstract JobStats run(JobContext context) throws Exception;

  /** Files the run reads, for job_runs. */
  protected List<String> inputFiles() {
    return List.of();
  }

  /** A short account of the figures, printed after the run. */
  protected String describe(JobStats stats) {
    return "read " + stats.rowsRead() + ", wrote " + stats.rowsWritten();
  }

  @Override
  public Integer call() throws Exception {
    QinglangConfig config = common.load();
    validate(config);
    String command = spec.name();
    Instant started = Instant.now();
    String runId = JobRun.newRunId(command, started);
    SparkSession spark = SparkSessions.forJob(config);
    ExecutorTaskCounter tasks = new ExecutorTaskCounter();
    spark.sparkContext().addSparkListener(tasks);
    Warehouse warehouse = new Warehouse(config.warehouse());
    LOG.info("{} run {} on {} (warehouse {})", command, runId, spark.sparkContext().master(), warehouse.location());
    JobStats stats = JobStats.NONE;
    try {
      stats = run(new JobContext(spark, config, warehouse, runId, started));
      spark.sparkContext().removeSparkListener(tasks);
      stats = stats.withDetail("tasks_per_executor", tasks.summary());
      LOG.info("tasks per executor: {}", tasks.summary());
      record(spark, warehouse, new JobRun(runId, command, arguments(), started, Instant.now(), JobRun.SUCCEEDED,
          inputFiles(), stats, null));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s succeeded in %s: %s (run %s)%n", command, seconds(started), describe(stats), runId);
      out.flush();
      return 0;
    } catch (Exception | Error e) {
      try {
        record(spark, warehouse, new JobRun(runId, command, arguments(), started, Instant.now(), JobRun.FAILED,
            inputFiles(), stats, String.valueOf(e.getMessage())));
      } catch (Exception recordFailure) {
        LOG.error("could not record the failed run in job_runs", recordFailure);
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
  }

  private static void record(SparkSession spark, Warehouse warehouse, JobRun run) {
    new JobRunsTable().append(spark, warehouse, run);
  }

  private String arguments() {
    List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    int at = args.indexOf(spec.name());
    return String.join(" ", at >= 0 ? args.subList(at + 1, args.size()) : args);
  }

  static String seconds(Instant started) {
    Duration d = Duration.between(started, Instant.now());
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
