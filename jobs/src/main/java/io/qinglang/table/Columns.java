package io.qinglang.table;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** Short-hands for schema fields with comments. */
public final class Columns {
  private Columns() {}

  public static StructField required(String name, DataType type, String comment) {
    return new StructField(name, type, false, comment(comment));
  }

  public static StructField optional(String name, DataType type, String comment) {
    return new StructField(name, type, true, comment(comment));
  }

  private static Metadata comment(String comment) {
    return new MetadataBuilder().putString("comment", comment).build();
  }
}
