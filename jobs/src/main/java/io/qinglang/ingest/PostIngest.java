package io.qinglang.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.table.PostsTable;
import io.qinglang.table.QuarantineTable;
import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The pure steps of ingesting posts: split, deduplicate, classify against the table, count. */
public final class PostIngest {
  private static final Column[] KEY = {col("platform"), col("post_id")};

  private PostIngest() {}

  /** Rejected records as quarantine rows. */
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

  /** Accepted records, keeping for each (platform, post_id) the last copy in file and record order. */
  public static Dataset<Row> latestCopies(Dataset<Row> accepted) {
    return accepted
        .withColumn("_copy", row_number().over(Window.partitionBy(KEY)
            .orderBy(desc("source_file"), desc("record_no"))))
        .filter(col("_copy").equalTo(1))
        .drop("_copy");
  }

  /** How the records of one input change the posts table. */
  public record Counts(long written, long updated, long unchanged, long duplicate) {}

  /**
   * Counts what the batch does to the table. Per (platform, post_id), {@code n} accepted copies with
   * {@code d} distinct contents: {@code n - d} are exact duplicates; the latest copy is new (written),
   * changed (updated) or the same as stored (unchanged); the {@code d - 1} earlier versions count as
   * updated, or as unchanged when the stored post ends up as it was (a second ingest of the same files).
   */
  public static Counts countChanges(Dataset<Row> accepted, Dataset<Row> latest, Dataset<Row> existing) {
    Dataset<Row> groups = accepted.groupBy(KEY)
        .agg(count(lit(1)).as("_n"), countDistinct(col("content_hash")).as("_d"));
    Dataset<Row> old = existing.select(col("platform"), col("post_id"), col("content_hash").as("_old_hash"));
    Column isNew = col("_old_hash").isNull();
    Column same = col("_old_hash").equalTo(col("content_hash"));
    Column changed = col("_old_hash").isNotNull().and(col("_old_hash").notEqual(col("content_hash")));
    Column earlier = col("_d").minus(1);
    Row r = latest.select(col("platform"), col("post_id"), col("content_hash"))
        .join(groups, new String[] {"platform", "post_id"})
        .join(old, new String[] {"platform", "post_id"}, "left")
        .agg(
            sum(when(isNew, 1L).otherwise(0L)),
            sum(when(changed, 1L).otherwise(0L)).plus(sum(when(same, 0L).otherwise(earlier))),
            sum(when(same, col("_d")).otherwise(0L)),
            sum(col("_n").minus(col("_d"))))
        .first();
    return new Counts(orZero(r, 0), orZero(r, 1), orZero(r, 2), orZero(r, 3));
  }

  private static long orZero(Row r, int i) {
    return r.isNullAt(i) ? 0L : r.getLong(i);
  }

  /** The batch as posts rows. */
  public static Dataset<Row> postsRows(Dataset<Row> latest, String runId, Timestamp now) {
    return latest
        .withColumn("ingest_run_id", lit(runId))
        .withColumn("first_seen_at", lit(now))
        .withColumn("last_seen_at", lit(now))
        .selectExpr(PostsTable.SCHEMA.fieldNames());
  }
}
