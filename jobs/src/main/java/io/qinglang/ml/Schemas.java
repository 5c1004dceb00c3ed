package io.qinglang.ml;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks for the custom stages' transformSchema. */
final class Schemas {
  private Schemas() {}

  static void require(StructType schema, String column, DataType type, String stage) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(stage + ": input column '" + column + "' is missing (columns: "
          + String.join(", ", schema.fieldNames()) + ")");
    }
    DataType actual = schema.apply(column).dataType();
    if (!actual.sameType(type) && !(type.typeName().equals("array") && actual.typeName().equals("array"))) {
      throw new IllegalArgumentException(stage + ": input column '" + column + "' must be " + type.simpleString()
          + " but is " + actual.simpleString());
    }
  }

  static StructType addVector(StructType schema, String column, String[] names, String stage) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(stage + ": output column '" + column + "' already exists");
    }
    return schema.add(new StructField(column, org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false,
        VectorMetadata.of(column, names)));
  }

  static StructType add(StructType schema, String column, DataType type, boolean nullable, String stage) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(stage + ": output column '" + column + "' already exists");
    }
    return schema.add(new StructField(column, type, nullable, org.apache.spark.sql.types.Metadata.empty()));
  }
}
