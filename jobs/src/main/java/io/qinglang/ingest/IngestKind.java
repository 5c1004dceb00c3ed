package io.qinglang.ingest;

import io.qinglang.config.QinglangConfig;
import io.qinglang.table.DeltaTableSpec;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code ingest} reads: the kinds of records, each with its validator, its key and the Delta
 * table it is upserted into. Reading, quarantine and the row accounting are the same for all.
 */
public enum IngestKind {
  /** Archives of posts into {@code posts}, keyed by (platform, post_id). */
  POSTS("post", List.of("platform", "post_id"), "content_hash") {
    @Override
    public ArchiveValidator validator(QinglangConfig config, Instant runStart) {
      return RecordValidator.of(config, runStart);
    }

    @Override
    public DeltaTableSpec table() {
      return new PostsTable();
    }

    @Override
    void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> latest, String runId, Timestamp now) {
      new PostsTable().merge(spark, warehouse, IngestRows.postsRows(latest, runId, now));
    }
  },

  /** Disposal records (what platforms did with referred clues) into {@code disposals}, keyed by clue_id. */
  DISPOSALS("disposal", List.of("clue_id"), "record_hash") {
    @Override
    public ArchiveValidator validator(QinglangConfig config, Instant runStart) {
      return DisposalValidator.of(config, runStart);
    }

    @Override
    public DeltaTableSpec table() {
      return new DisposalsTable();
    }

    @Override
    void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> latest, String runId, Timestamp now) {
      new DisposalsTable().merge(spark, warehouse,
          IngestRows.withSeen(latest, runId, now).selectExpr(DisposalsTable.SCHEMA.fieldNames()));
    }
  };

  private final String recordName;
  private final List<String> keys;
  private final String hashColumn;

  IngestKind(String recordName, List<String> keys, String hashColumn) {
    this.recordName = recordName;
    this.keys = keys;
    this.hashColumn = hashColumn;
  }

  /** One record's name, as the quarantine table's {@code kind} column holds it. */
  public String recordName() {
    return recordName;
  }

  public List<String> keys() {
    return keys;
  }

  public String hashColumn() {
    return hashColumn;
  }

  public abstract ArchiveValidator validator(QinglangConfig config, Instant runStart);

  public abstract DeltaTableSpec table();

  /** Upserts the batch (one row per key, the latest copies of the staged rows). */
  abstract void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> latest, String runId, Timestamp now);
}
