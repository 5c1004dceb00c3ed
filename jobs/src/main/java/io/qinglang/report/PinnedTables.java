package io.qinglang.report;

import io.delta.tables.DeltaTable;
import io.qinglang.table.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse's tables, each pinned at its latest Delta version when the report starts and
 * registered under its bare name as a temporary view of that version: every query of one report sees
 * the same data even while other jobs write, and the report names the versions so that its figures
 * can be read back with time travel ({@code VERSION AS OF}).
 */
final class PinnedTables {
  /** One pinned table. */
  record Pin(String table, long version, Instant updated, String operation) {}

  private final SparkSession spark;
  private final Map<String, Pin> pins;
  private final List<Dataset<Row>> cached;

  private PinnedTables(SparkSession spark, Map<String, Pin> pins, List<Dataset<Row>> cached) {
    this.spark = spark;
    this.pins = pins;
    this.cached = cached;
  }

  /**
   * Pins every table; the tables named in {@code cache} (small summary tables that many queries read)
   * are also cached in memory until {@link #release}.
   */
  static PinnedTables pin(SparkSession spark, Warehouse warehouse, Set<String> cache) {
    Map<String, Pin> pins = new LinkedHashMap<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    for (String name : warehouse.tableNames(spark)) {
      String path = warehouse.tablePath(name);
      Row last = DeltaTable.forPath(spark, path).history(1).select("version", "timestamp", "operation").first();
      long version = last.getLong(0);
      Dataset<Row> table = spark.read().format("delta").option("versionAsOf", version).load(path);
      if (cache.contains(name)) {
        table = table.cache();
        cached.add(table);
      }
      table.createOrReplaceTempView(name);
      pins.put(name, new Pin(name, version, ((Timestamp) last.get(1)).toInstant(), last.getString(2)));
    }
    return new PinnedTables(spark, pins, cached);
  }

  /** Drops the in-memory copies and the temporary views (later queries in the session see the catalog again). */
  void release() {
    cached.forEach(Dataset::unpersist);
    pins.keySet().forEach(name -> spark.catalog().dropTempView(name));
  }

  boolean has(String table) {
    return pins.containsKey(table);
  }

  Pin get(String table) {
    return pins.get(table);
  }

  List<Pin> all() {
    return new ArrayList<>(pins.values());
  }
}
