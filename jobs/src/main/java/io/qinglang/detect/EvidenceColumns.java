package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;

import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;

/** The evidence-array columns of per-post detectors that read only a post's title and content. */
final class EvidenceColumns {
  private EvidenceColumns() {}

  /** A detector of title and content; serializable, since Spark ships it to the executors inside the UDF. */
  interface TitleAndContent extends Serializable {
    List<Evidence> detect(String title, String content);
  }

  /** An array of {@link EvidenceSchema} structs named {@code name}, from the columns title and content. */
  static Column fromTitleAndContent(String name, TitleAndContent detector) {
    return functions.udf((UDF2<String, String, List<Row>>) (title, content) -> rows(detector.detect(title, content)),
        EvidenceSchema.ARRAY).withName(name).apply(col("title"), col("content"));
  }

  /** The evidence as {@link EvidenceSchema} rows. */
  static List<Row> rows(List<Evidence> evidence) {
    List<Row> rows = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) {
      rows.add(e.toRow());
    }
    return rows;
  }
}
