package io.qinglang.score;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;

import io.qinglang.table.EvidenceSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Helpers for the {@code evidence} column (array of {@link EvidenceSchema#STRUCT}). */
public final class Evidence {
  public static final String COLUMN = "evidence";

  private Evidence() {}

  /** Appends {@code more} (an array of evidence structs, null for none) to each row's evidence. */
  public static Dataset<Row> append(Dataset<Row> scored, Column more) {
    Column empty = array().cast(EvidenceSchema.ARRAY);
    return scored.withColumn(COLUMN, concat(coalesce(col(COLUMN), empty),
        coalesce(more.cast(EvidenceSchema.ARRAY), empty)));
  }
}
