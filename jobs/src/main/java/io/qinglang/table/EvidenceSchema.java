package io.qinglang.table;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Why a post was flagged: one struct per piece of evidence, from the classifier or a detector.
 * Personal data never appears raw in {@code detail} or {@code span}; it is masked first.
 */
public final class EvidenceSchema {
  /**
   * source: classifier, lexicon, personal_data, impersonation, coordination, fin_clickbait, ...
   * {@code source} and {@code kind} are always set, but are declared nullable: Delta refuses NOT NULL
   * on fields nested in arrays (DELTA_NESTED_NOT_NULL_CONSTRAINT) and could not create post_violations.
   */
  public static final StructType STRUCT = new StructType()
      .add("source", StringType, true)
      .add("kind", StringType, true)
      .add("detail", StringType, true)
      .add("span", StringType, true)
      .add("start", IntegerType, true)
      .add("end", IntegerType, true)
      .add("score", DoubleType, true);
  public static final ArrayType ARRAY = DataTypes.createArrayType(STRUCT, false);

  private EvidenceSchema() {}

  /** One evidence struct; {@code span} must already be masked when it holds personal data. */
  public static Row of(String source, String kind, String detail, String span, Integer start, Integer end,
      Double score) {
    return RowFactory.create(source, kind, detail, span, start, end, score);
  }
}
