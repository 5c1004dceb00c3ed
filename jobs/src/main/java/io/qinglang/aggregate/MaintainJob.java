package io.qinglang.aggregate;

import io.delta.tables.DeltaTable;
import io.qinglang.table.KnownTables;
import io.qinglang.table.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps the warehouse's Delta tables fast and small: OPTIMIZE compacts small files (with ZORDER BY the
 * columns readers filter on, where the table declares them), VACUUM deletes files no longer referenced
 * by versions younger than the retention. Time travel works only back to the retention: VACUUM with 168
 * hours keeps every version of the last seven days readable.
 */
public final class MaintainJob {
  private static final Logger LOG = LogManager.getLogger(MaintainJob.class);
  private static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
  /**
   * VACUUM lists the table's files in this many Spark tasks. Spark's default (10000) suits huge
   * clusters; on a laptop or small cluster it turns the vacuum of a small table into tens of thousands
   * of empty tasks. Unless set explicitly, maintain uses four tasks per core.
   */
  private static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  private MaintainJob() {}

  /** What maintain did to one table. */
  public record Result(String table, List<String> zOrder, long filesBefore, long filesAfter, long filesCompacted,
      long filesAdded, long filesVacuumed, boolean optimized, boolean vacuumed) {
    public String describe(double retentionHours) {
      StringBuilder sb = new StringBuilder(table).append(": ");
      if (optimized) {
        sb.append("OPTIMIZE").append(zOrder.isEmpty() ? "" : " ZORDER BY (" + String.join(", ", zOrder) + ")")
            .append(" rewrote ").append(filesCompacted).append(" file(s) into ").append(filesAdded);
      } else {
        sb.append("no OPTIMIZE");
      }
      sb.append("; ");
      if (vacuumed) {
        sb.append("VACUUM RETAIN ").append(formatHours(retentionHours)).append(" HOURS deleted ")
            .append(filesVacuumed).append(" unreferenced file(s)");
      } else {
        sb.append("no VACUUM");
      }
      return sb.append("; ").append(filesBefore).append(" -> ").append(filesAfter).append(" active file(s)")
          .toString();
    }
  }

  /**
   * @param tables table names (all the warehouse's tables when empty)
   * @param retentionHours VACUUM retention; below 168 only when {@code allowShortRetention}
   */
  public static List<Result> run(SparkSession spark, Warehouse warehouse, List<String> tables, boolean optimize,
      boolean vacuum, double retentionHours, boolean allowShortRetention) {
    if (vacuum && retentionHours < StatisticsSettings.SAFE_RETENTION_HOURS && !allowShortRetention) {
      throw new IllegalArgumentException("VACUUM retention " + retentionHours + " hours is below Delta's safe "
          + StatisticsSettings.SAFE_RETENTION_HOURS + " hours");
    }
    List<String> present = warehouse.tableNames(spark);
    List<String> names = tables.isEmpty() ? present : tables;
    for (String name : names) {
      if (!present.contains(name)) {
        throw new IllegalArgumentException("no table " + name + " in " + warehouse.location()
            + " (tables: " + String.join(", ", present) + ")");
      }
    }
    List<Result> results = new ArrayList<>();
    String previousCheck = spark.conf().get(RETENTION_CHECK, "true");
    if (vacuum && allowShortRetention) {
      spark.conf().set(RETENTION_CHECK, "false");
    }
    boolean listingSet = spark.conf().contains(LISTING_PARALLELISM);
    if (!listingSet) {
      spark.conf().set(LISTING_PARALLELISM, String.valueOf(Math.max(4, spark.sparkContext().defaultParallelism() * 4)));
    }
    try {
      int i = 0;
      for (String name : names) {
        i++;
        String path = warehouse.tablePath(name);
        DeltaTable table = DeltaTable.forPath(spark, path);
        long before = files(table);
        List<String> zOrder = KnownTables.zOrderColumns(name);
        long removed = 0;
        long added = 0;
        if (optimize) {
          Dataset<Row> metrics = zOrder.isEmpty() ? table.optimize().executeCompaction()
              : table.optimize().executeZOrderBy(zOrder.toArray(new String[0]));
          Row m = metrics.select("metrics.numFilesRemoved", "metrics.numFilesAdded").first();
          removed = m.getLong(0);
          added = m.getLong(1);
        }
        long vacuumed = 0;
        if (vacuum) {
          long stored = storedFiles(spark, path);
          // Delta prints "Deleted N files ..." on the console: keep standard output for the results.
          scala.Console$.MODULE$.withOut(System.err, () -> table.vacuum(retentionHours));
          vacuumed = stored - storedFiles(spark, path);
        }
        Result r = new Result(name, zOrder, before, files(DeltaTable.forPath(spark, path)), removed, added, vacuumed,
            optimize, vacuum);
        LOG.info("{}/{} {}", i, names.size(), r.describe(retentionHours));
        results.add(r);
      }
    } finally {
      spark.conf().set(RETENTION_CHECK, previousCheck);
      if (!listingSet) {
        spark.conf().unset(LISTING_PARALLELISM);
      }
    }
    return results;
  }

  /** Data files in the table's directory, referenced or not (the transaction log aside). */
  private static long storedFiles(SparkSession spark, String path) {
    try {
      Path root = new Path(path);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      long n = 0;
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        Path p = it.next().getPath();
        String relative = p.toUri().getPath().substring(root.toUri().getPath().length());
        if (!relative.startsWith("/_delta_log/") && !p.getName().startsWith(".")) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private static long files(DeltaTable table) {
    return table.detail().select("numFiles").first().getLong(0);
  }

  static String formatHours(double hours) {
    return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
  }
}
