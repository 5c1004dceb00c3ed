package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_date;

import io.qinglang.table.Warehouse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the detectors' {@code coordination_clusters} table (cluster_id, platforms, first_at,
 * is_attack, ...) when it exists and counts the clusters judged attacks per quarter in which they
 * started (first_at in the configured time zone), per platform they reached or overall.
 */
public final class CoordinationClusters {
  public static final String TABLE = "coordination_clusters";

  private CoordinationClusters() {}

  /** The table's rows, or null when the warehouse has no such table yet. */
  public static Dataset<Row> read(SparkSession spark, Warehouse warehouse, Long version) {
    String path = warehouse.tablePath(TABLE);
    if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
      return null;
    }
    var reader = spark.read().format("delta");
    if (version != null) {
      reader = reader.option("versionAsOf", version);
    }
    Dataset<Row> clusters = reader.load(path);
    check(clusters.schema());
    return clusters;
  }

  /** The columns statistics read must be there with these types; anything else is a clear error. */
  static void check(StructType schema) {
    List<String> problems = new ArrayList<>();
    expect(schema, "cluster_id", DataTypes.StringType, problems);
    expect(schema, "platforms", DataTypes.createArrayType(DataTypes.StringType), problems);
    expect(schema, "first_at", DataTypes.TimestampType, problems);
    expect(schema, "is_attack", DataTypes.BooleanType, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("table " + TABLE + " does not have the columns statistics read: "
          + String.join("; ", problems));
    }
  }

  private static void expect(StructType schema, String name, DataType type, List<String> problems) {
    if (!List.of(schema.fieldNames()).contains(name)) {
      problems.add("no column " + name);
      return;
    }
    DataType actual = schema.apply(name).dataType();
    boolean same = actual instanceof ArrayType a && type instanceof ArrayType t
        ? a.elementType().equals(t.elementType()) : actual.equals(type);
    if (!same) {
      problems.add(name + " is " + actual.simpleString() + ", expected " + type.simpleString());
    }
  }

  /**
   * Attack clusters per quarter (and per platform when {@code perPlatform}): columns quarter,
   * [platform,] coordinated_clusters. Empty when {@code clusters} is null.
   */
  public static Dataset<Row> counts(SparkSession spark, Dataset<Row> clusters, ZoneId zone, boolean perPlatform) {
    if (clusters == null) {
      StructType schema = new StructType().add("quarter", DataTypes.StringType);
      if (perPlatform) {
        schema = schema.add("platform", DataTypes.StringType);
      }
      return spark.createDataFrame(List.of(), schema.add("coordinated_clusters", DataTypes.LongType));
    }
    Dataset<Row> attacks = clusters.filter(col("is_attack"))
        .withColumn("quarter", Quarters.of(to_date(from_utc_timestamp(col("first_at"), zone.getId()))));
    if (perPlatform) {
      return attacks.select(col("quarter"), col("cluster_id"), explode(array_distinct(col("platforms"))).as("platform"))
          .groupBy("quarter", "platform").agg(countDistinct("cluster_id").as("coordinated_clusters"));
    }
    return attacks.groupBy("quarter").agg(countDistinct("cluster_id").as("coordinated_clusters"));
  }
}
