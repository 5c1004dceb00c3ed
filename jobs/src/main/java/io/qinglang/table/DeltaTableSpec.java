package io.qinglang.table;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What one Delta table is: its name, schema (with column comments and NOT NULL), partitioning,
 * properties and CHECK constraints. Subclasses add how the table is written.
 */
public abstract class DeltaTableSpec {
  private static final String CONSTRAINT_PREFIX = "delta.constraints.";

  public abstract String name();

  public abstract String comment();

  public abstract StructType schema();

  public List<String> partitionColumns() {
    return List.of();
  }

  /**
   * Columns {@code maintain} Z-orders the table's files by (OPTIMIZE ... ZORDER BY): the columns
   * readers filter on that are not partition columns. Empty: plain compaction.
   */
  public List<String> zOrderColumns() {
    return List.of();
  }

  /** CHECK constraints by name. */
  public Map<String, String> checkConstraints() {
    return Map.of();
  }

  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("qinglang.table", name());
    return p;
  }

  public String path(Warehouse warehouse) {
    return warehouse.tablePath(name());
  }

  public boolean exists(SparkSession spark, Warehouse warehouse) {
    return DeltaTable.isDeltaTable(spark, path(warehouse));
  }

  /** The table, created first when it does not exist yet; missing nullable columns are added. */
  public DeltaTable createIfNotExists(SparkSession spark, Warehouse warehouse) {
    String path = path(warehouse);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark)
          .location(path)
          .addColumns(schema())
          .comment(comment());
      if (!partitionColumns().isEmpty()) {
        builder = builder.partitionedBy(partitionColumns().toArray(new String[0]));
      }
      for (Map.Entry<String, String> e : properties().entrySet()) {
        builder = builder.property(e.getKey(), e.getValue());
      }
      // CHECK constraints are table properties to Delta: setting them at creation takes one commit
      // instead of one ALTER TABLE (commit and table scan) per constraint. Delta enforces them the same way.
      for (Map.Entry<String, String> c : checkConstraints().entrySet()) {
        builder = builder.property(CONSTRAINT_PREFIX + c.getKey().toLowerCase(java.util.Locale.ROOT), c.getValue());
      }
      builder.execute();
    }
    DeltaTable table = DeltaTable.forPath(spark, path);
    addMissingColumns(spark, table, path);
    addMissingConstraints(spark, path);
    return table;
  }

  public Dataset<Row> read(SparkSession spark, Warehouse warehouse) {
    return spark.read().format("delta").load(path(warehouse));
  }

  /** The table's rows, or an empty frame of its schema when the table does not exist yet. */
  public Dataset<Row> readOrEmpty(SparkSession spark, Warehouse warehouse) {
    if (!exists(spark, warehouse)) {
      return spark.createDataFrame(List.of(), schema());
    }
    return read(spark, warehouse);
  }

  protected static String sqlPath(String path) {
    return "delta.`" + path.replace("`", "``") + "`";
  }

  private void addMissingColumns(SparkSession spark, DeltaTable table, String path) {
    Set<String> present = Set.of(table.toDF().schema().fieldNames());
    List<StructField> missing = java.util.Arrays.stream(schema().fields())
        .filter(f -> !present.contains(f.name()))
        .toList();
    if (missing.isEmpty()) {
      return;
    }
    String columns = missing.stream()
        .map(f -> "`" + f.name() + "` " + f.dataType().sql()
            + (f.getComment().isDefined() ? " COMMENT '" + Warehouse.escape(f.getComment().get()) + "'" : ""))
        .collect(Collectors.joining(", "));
    spark.sql("ALTER TABLE " + sqlPath(path) + " ADD COLUMNS (" + columns + ")");
  }

  private void addMissingConstraints(SparkSession spark, String path) {
    if (checkConstraints().isEmpty()) {
      return;
    }
    Map<String, String> tableProperties = new LinkedHashMap<>();
    for (Row row : spark.sql("SHOW TBLPROPERTIES " + sqlPath(path)).collectAsList()) {
      tableProperties.put(row.getString(0), row.getString(1));
    }
    for (Map.Entry<String, String> c : checkConstraints().entrySet()) {
      if (!tableProperties.containsKey(CONSTRAINT_PREFIX + c.getKey().toLowerCase(java.util.Locale.ROOT))) {
        spark.sql("ALTER TABLE " + sqlPath(path) + " ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
      }
    }
  }

  /**
   * Upserts a batch of archive records (one row per key) into a table that tracks when each record
   * was first and last seen: new keys are inserted; a key whose {@code hashColumn} changed is
   * rewritten except for first_seen_at; an unchanged key only gets the batch's last_seen_at.
   */
  protected void upsertSeen(SparkSession spark, Warehouse warehouse, Dataset<Row> batch, String matchCondition,
      String hashColumn) {
    DeltaTable table = createIfNotExists(spark, warehouse);
    Map<String, String> changed = new LinkedHashMap<>();
    for (String column : schema().fieldNames()) {
      if (!column.equals("first_seen_at")) {
        changed.put(column, "s." + column);
      }
    }
    table.as("t")
        .merge(batch.as("s"), matchCondition)
        .whenMatched("t." + hashColumn + " <> s." + hashColumn).updateExpr(changed)
        .whenMatched().updateExpr(Map.of("last_seen_at", "s.last_seen_at"))
        .whenNotMatched().insertAll()
        .execute();
  }
}
