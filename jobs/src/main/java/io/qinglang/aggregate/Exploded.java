package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Scored posts with one row per enterprise they name (each enterprise once per post). */
final class Exploded {
  private Exploded() {}

  static Dataset<Row> enterprises(Dataset<Row> scored) {
    List<Column> columns = new ArrayList<>();
    for (String c : scored.columns()) {
      if (!c.equals("enterprise_ids")) {
        columns.add(col(c));
      }
    }
    columns.add(explode(array_distinct(col("enterprise_ids"))).as("enterprise_id"));
    return scored.select(columns.toArray(new Column[0]));
  }
}
