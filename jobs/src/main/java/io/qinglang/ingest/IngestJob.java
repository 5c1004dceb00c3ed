package io.qinglang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import io.qinglang.table.DeltaTableSpec;
import io.qinglang.table.QuarantineTable;
import io.qinglang.table.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingests archives of one record kind ({@link IngestKind}: posts into {@code posts}, disposal
 * records into {@code disposals}); rejected records go to {@code quarantine}.
 */
public final class IngestJob {
  private static final Logger LOG = LogManager.getLogger(IngestJob.class);

  private IngestJob() {}

  /** Ingests archives of posts. */
  public static JobStats run(SparkSession spark, QinglangConfig config, List<ArchiveInputs.ArchiveFile> files,
      String runId, Instant started) {
    return run(spark, config, IngestKind.POSTS, files, runId, started);
  }

  public static JobStats run(SparkSession spark, QinglangConfig config, IngestKind kind,
      List<ArchiveInputs.ArchiveFile> files, String runId, Instant started) {
    Warehouse warehouse = new Warehouse(config.warehouse());
    Timestamp now = Timestamp.from(started);
    ArchiveValidator validator = kind.validator(config, started);
    LOG.info("reading {} {} file(s)", files.size(), kind.recordName());
    Dataset<Row> staged = ArchiveReader.read(spark, files, validator).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
      long read = 0;
      long quarantined = 0;
      for (Row r : staged.groupBy(col("accepted"), col("reason")).agg(count(lit(1))).collectAsList()) {
        long n = r.getLong(2);
        read += n;
        if (!r.getBoolean(0)) {
          quarantined += n;
          details.put("quarantined." + r.getString(1), String.valueOf(n));
        }
      }
      LOG.info("read {} records, {} rejected", read, quarantined);

      Dataset<Row> accepted = staged.filter(col("accepted"));
      Dataset<Row> latest = Upserts.latestCopies(accepted, kind.keys()).persist(StorageLevel.MEMORY_AND_DISK());
      DeltaTableSpec table = kind.table();
      Upserts.Counts counts = Upserts.countChanges(accepted, latest, table.readOrEmpty(spark, warehouse),
          kind.keys(), kind.hashColumn());

      QuarantineTable quarantine = new QuarantineTable();
      quarantine.merge(spark, warehouse, IngestRows.quarantineRows(staged, validator.kind(), runId, now));
      LOG.info("merging into {}: {} new, {} updated, {} unchanged", table.path(warehouse), counts.written(),
          counts.updated(), counts.unchanged());
      kind.merge(spark, warehouse, latest, runId, now);
      latest.unpersist();

      JobStats stats = new JobStats(read, counts.written(), counts.updated(), counts.unchanged(), quarantined,
          counts.duplicate(), details);
      if (!stats.balanced()) {
        throw new IllegalStateException("row accounting does not balance: " + stats);
      }
      return stats;
    } finally {
      staged.unpersist();
    }
  }
}
