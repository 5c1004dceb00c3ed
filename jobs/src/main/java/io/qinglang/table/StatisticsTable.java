package io.qinglang.table;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * A table that {@code aggregate} computes from other tables: each run replaces exactly the period it
 * computed (Delta {@code replaceWhere}) in one transaction, or the whole table when no period is given.
 * Rows carry no run id or time, so computing the same period from the same inputs twice gives
 * identical tables.
 */
public abstract class StatisticsTable extends DeltaTableSpec {
  /**
   * Replaces the rows matching {@code period} (a SQL predicate on the table's columns; null: every
   * row) with {@code rows}, which must all match it.
   */
  public Written replace(SparkSession spark, Warehouse warehouse, Dataset<Row> rows, String period) {
    long before = createIfNotExists(spark, warehouse).history(1).select("version").first().getLong(0);
    Dataset<Row> conformed = conform(rows);
    if (!partitionColumns().isEmpty()) {
      conformed = conformed.repartition(partitionColumns().stream().map(c -> col(c)).toArray(Column[]::new));
    }
    var writer = conformed.write().format("delta").mode("overwrite");
    if (period != null) {
      writer = writer.option("replaceWhere", period);
    }
    writer.save(path(warehouse));
    Row last = io.delta.tables.DeltaTable.forPath(spark, path(warehouse)).history(1)
        .select("version", "operationMetrics").first();
    if (last.getLong(0) == before) {
      // Delta records no commit when nothing was added or removed (an empty period stays empty).
      return new Written(before, 0);
    }
    java.util.Map<String, String> metrics = last.isNullAt(1) ? java.util.Map.of() : last.getJavaMap(1);
    return new Written(last.getLong(0), Long.parseLong(metrics.getOrDefault("numOutputRows", "0")));
  }

  /** What one replace wrote: the Delta version and the rows written. */
  public record Written(long version, long rows) {}

  /** The rows with exactly the table's columns, in order and of its types. */
  public Dataset<Row> conform(Dataset<Row> rows) {
    Column[] columns = Arrays.stream(schema().fields())
        .map(StructField::name)
        .map(name -> col(name).cast(schema().apply(name).dataType()).as(name))
        .toArray(Column[]::new);
    return rows.select(columns);
  }
}
