package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The n largest rows of each group as one ordered array of structs (ties broken by a key, ascending). */
final class TopN {
  private TopN() {}

  /**
   * @param rows one row per item, with its count
   * @param keys the groups
   * @param count what to rank by, descending
   * @param tie tie-breaker, ascending
   * @param fields the struct fields of the output array, in order
   * @param out name of the array column
   */
  static Dataset<Row> of(Dataset<Row> rows, List<String> keys, String count, String tie, int n, List<String> fields,
      String out) {
    Column[] keyColumns = keys.stream().map(k -> col(k)).toArray(Column[]::new);
    String struct = "struct(_pos, " + String.join(", ", fields) + ")";
    String named = fields.stream().map(f -> "'" + f + "', x." + f).collect(Collectors.joining(", "));
    return rows
        .withColumn("_pos", row_number().over(Window.partitionBy(keyColumns).orderBy(desc(count), asc(tie))))
        .filter(col("_pos").leq(n))
        .groupBy(keyColumns)
        .agg(expr("transform(array_sort(collect_list(" + struct + ")), x -> named_struct(" + named + "))").as(out));
  }
}
