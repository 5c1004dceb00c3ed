package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.qinglang.ml.Metrics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gold: how well each model version did on each labelled set it was measured on. One row per
 * (evaluation_id, category); the overall figures (macro-F1, accuracy, false-positive rates) are
 * repeated on the 11 rows of an evaluation, and {@code confusion_row} holds that category's row of
 * the confusion matrix, so the 11 rows together hold the whole matrix. Appended by train (on its
 * validation part) and evaluate.
 */
public final class ModelEvaluationsTable extends DeltaTableSpec {
  public static final String NAME = "model_evaluations";
  public static final StructType SCHEMA = new StructType()
      .add(required("evaluation_id", StringType, "run that measured (train or evaluate run id)"))
      .add(required("model_version", StringType, "model measured"))
      .add(required("dataset", StringType, "what it was measured on: validation (train's held-back part) or "
          + "the labelled directory"))
      .add(required("evaluated_at", TimestampType, "when (UTC)"))
      .add(required("category", IntegerType, "true category 0..10"))
      .add(required("category_name", StringType, "display name of the category"))
      .add(required("precision", DoubleType, "share of posts decided as this category that carry it"))
      .add(required("recall", DoubleType, "share of posts of this category decided as it"))
      .add(required("f1", DoubleType, "harmonic mean of precision and recall"))
      .add(required("support", LongType, "labelled posts of this category"))
      .add(required("predicted", LongType, "posts decided as this category"))
      .add(required("macro_f1", DoubleType, "mean F1 over the categories with labelled posts"))
      .add(required("accuracy", DoubleType, "share of posts decided correctly"))
      .add(optional("false_positive_rate", DoubleType, "share of posts labelled 0 given a violation category"))
      .add(optional("hard_negative_false_positive_rate", DoubleType,
          "share of hard negatives (legitimate posts that look like violations) given a violation category"))
      .add(required("hard_negatives", LongType, "hard negatives in the set"))
      .add(required("posts", LongType, "labelled posts measured"))
      .add(required("confusion_row", DataTypes.createArrayType(LongType, false),
          "posts of this true category per decided category (index = category)"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: per-category precision, recall and F1 of each model version on each labelled set";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("category_range", "category >= 0 AND category <= 10");
    c.put("rates_range", "precision BETWEEN 0 AND 1 AND recall BETWEEN 0 AND 1 AND f1 BETWEEN 0 AND 1");
    return c;
  }

  /** Appends the 11 rows of one evaluation. */
  public void append(SparkSession spark, Warehouse warehouse, String evaluationId, String modelVersion,
      String dataset, Instant at, Metrics m, Map<Integer, String> names) {
    createIfNotExists(spark, warehouse);
    List<Row> rows = new ArrayList<>();
    for (Metrics.PerCategory p : m.categories()) {
      Long[] confusion = new Long[Metrics.CLASSES];
      for (int k = 0; k < Metrics.CLASSES; k++) {
        confusion[k] = m.confusion()[p.category()][k];
      }
      rows.add(RowFactory.create(evaluationId, modelVersion, dataset, Timestamp.from(at), p.category(),
          names.getOrDefault(p.category(), String.valueOf(p.category())), p.precision(), p.recall(), p.f1(),
          p.support(), p.predicted(), m.macroF1(), m.accuracy(), nan(m.falsePositiveRate()),
          nan(m.hardNegativeFalsePositiveRate()), m.hardNegatives(), m.total(),
          scala.jdk.javaapi.CollectionConverters.asScala(List.of(confusion)).toSeq()));
    }
    spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("append").save(path(warehouse));
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
