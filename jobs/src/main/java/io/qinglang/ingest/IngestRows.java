package io.qinglang.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import io.qinglang.table.PostsTable;
import io.qinglang.table.QuarantineTable;
import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The rows ingest writes besides the upsert accounting ({@link Upserts}): quarantine and table rows. */
public final class IngestRows {
  private IngestRows() {}

  /** Rejected records (any kind's staged rows) as quarantine rows. */
  public static Dataset<Row> quarantineRows(Dataset<Row> staged, String kind, String runId, Timestamp now) {
    return staged.filter(col("accepted").equalTo(false))
        .select(
            sha2(concat_ws("\u0001", col("source_file"), col("record_no").cast("string"),
                coalesce(col("raw_record"), lit(""))), 256).as("quarantine_id"),
            lit(kind).as("kind"),
            col("source_file"),
            col("record_no"),
            col("raw_record"),
            col("reason"),
            col("detail"),
            col("platform"),
            col("post_id"),
            lit(runId).as("ingest_run_id"),
            lit(now).as("quarantined_at"))
        .selectExpr(QuarantineTable.SCHEMA.fieldNames());
  }

  /** The batch of posts (latest copies) as posts rows. */
  public static Dataset<Row> postsRows(Dataset<Row> latest, String runId, Timestamp now) {
    return withSeen(latest, runId, now).selectExpr(PostsTable.SCHEMA.fieldNames());
  }

  /** The bookkeeping columns every ingested table has: the run and when the records were seen. */
  static Dataset<Row> withSeen(Dataset<Row> latest, String runId, Timestamp now) {
    return latest
        .withColumn("ingest_run_id", lit(runId))
        .withColumn("first_seen_at", lit(now))
        .withColumn("last_seen_at", lit(now));
  }
}
