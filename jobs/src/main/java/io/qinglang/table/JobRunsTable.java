package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.qinglang.run.JobRun;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row per run of any command, appended when the run ends (succeeded or failed). */
public final class JobRunsTable extends DeltaTableSpec {
  public static final String NAME = "job_runs";
  public static final StructType SCHEMA = new StructType()
      .add(required("run_id", StringType, "unique run id, <command>-<UTC time>-<random>"))
      .add(required("command", StringType, "ingest, train, score, ..."))
      .add(required("arguments", StringType, "the command line after the command name"))
      .add(required("started_at", TimestampType, "UTC"))
      .add(required("finished_at", TimestampType, "UTC"))
      .add(required("status", StringType, "succeeded or failed"))
      .add(required("input_files", DataTypes.createArrayType(StringType), "files read"))
      .add(required("rows_read", LongType, "records read"))
      .add(required("rows_written", LongType, "new rows written"))
      .add(required("rows_updated", LongType, "rows whose content changed (including later copies in the same input)"))
      .add(required("rows_unchanged", LongType, "rows already present with the same content"))
      .add(required("rows_quarantined", LongType, "records sent to quarantine"))
      .add(required("rows_duplicate", LongType, "exact copies within the same input"))
      .add(optional("error_message", StringType, "why a failed run failed"))
      .add(optional("details", DataTypes.createMapType(StringType, StringType), "command-specific figures"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "One row per run of any Qinglang command";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("known_status", "status IN ('succeeded', 'failed')");
    c.put("rows_non_negative", "rows_read >= 0 AND rows_written >= 0 AND rows_updated >= 0 "
        + "AND rows_unchanged >= 0 AND rows_quarantined >= 0 AND rows_duplicate >= 0");
    return c;
  }

  public void append(SparkSession spark, Warehouse warehouse, JobRun run) {
    createIfNotExists(spark, warehouse);
    Row row = RowFactory.create(run.runId(), run.command(), run.arguments(), Timestamp.from(run.startedAt()),
        Timestamp.from(run.finishedAt()), run.status(),
        scala.jdk.javaapi.CollectionConverters.asScala(run.inputFiles()).toSeq(),
        run.stats().rowsRead(), run.stats().rowsWritten(), run.stats().rowsUpdated(), run.stats().rowsUnchanged(),
        run.stats().rowsQuarantined(), run.stats().rowsDuplicate(), run.errorMessage(),
        scala.jdk.javaapi.CollectionConverters.asScala(run.stats().details()));
    spark.createDataFrame(List.of(row), SCHEMA).write().format("delta").mode("append").save(path(warehouse));
  }
}
