package io.qinglang.fin;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.qinglang.table.EvidenceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Applies the financial clickbait model to posts: adds {@code fin_clickbait} (null where the post
 * is not a results article with a headline), {@code fin_clickbait_prob} and {@code fin_evidence}
 * (the contradictions found and the model's score, for flagged posts; empty otherwise). A narrow
 * transformation: no shuffle, one pass over each partition.
 */
public final class FinScorer {
  public static final String FLAG = "fin_clickbait";
  public static final String PROB = "fin_clickbait_prob";
  public static final String EVIDENCE = "fin_evidence";

  /** Columns the model's stages add that the output does not keep. */
  static final List<String> INTERMEDIATE = List.of("fin_applies", "fin_headline", "fin_features",
      "fin_headline_text", "fin_headline_chars", "fin_headline_bigrams", "fin_title_unigrams", "fin_title_bigrams",
      "fin_vector", "fin_raw", "fin_probability", "fin_prediction");

  private FinScorer() {}

  public static Dataset<Row> score(Dataset<Row> posts, FinModel model) {
    return score(posts, model.pipeline(), model.threshold(), model.version());
  }

  public static Dataset<Row> score(Dataset<Row> posts, org.apache.spark.ml.PipelineModel pipeline,
      double threshold, String version) {
    for (String c : List.of(FLAG, PROB, EVIDENCE)) {
      if (Arrays.asList(posts.columns()).contains(c)) {
        throw new IllegalArgumentException("FinScorer: input already has a column " + c);
      }
    }
    Dataset<Row> t = pipeline.transform(posts);
    Column applies = col("fin_applies");
    Column p = functions.vector_to_array(col("fin_probability"), "float64").getItem(1);
    Column prob = when(applies, p).otherwise(lit(null).cast(DataTypes.DoubleType));
    Column flag = when(applies, p.geq(threshold)).otherwise(lit(null).cast(DataTypes.BooleanType));
    Column modelEvidence = struct(
        lit(FinEvidence.SOURCE).as("source"),
        lit("model").as("kind"),
        functions_concat("headline distorts the reported figures: probability ", format_number(p, 2),
            " (threshold " + threshold + ", model " + version + ")").as("detail"),
        col("fin_headline").as("span"),
        lit(null).cast(DataTypes.IntegerType).as("start"),
        lit(null).cast(DataTypes.IntegerType).as("end"),
        p.as("score"));
    Column evidence = when(applies.and(p.geq(threshold)),
        concat(col("fin_evidence"), array(modelEvidence)))
        .otherwise(lit(null).cast(EvidenceSchema.ARRAY));
    t = t.withColumn(PROB, prob)
        .withColumn(FLAG, flag)
        .withColumn("__fin_evidence", evidence)
        .drop("fin_evidence")
        .withColumnRenamed("__fin_evidence", EVIDENCE);
    t = t.withColumn(EVIDENCE, when(col(EVIDENCE).isNull(), emptyEvidence()).otherwise(col(EVIDENCE)));
    List<String> drop = new ArrayList<>();
    for (String c : INTERMEDIATE) {
      if (Arrays.asList(t.columns()).contains(c) && !Arrays.asList(posts.columns()).contains(c)) {
        drop.add(c);
      }
    }
    return t.drop(drop.toArray(new String[0]));
  }

  /** An empty evidence array of the shared schema. */
  public static Column emptyEvidence() {
    return array().cast(EvidenceSchema.ARRAY);
  }

  private static Column functions_concat(String before, Column value, String after) {
    return org.apache.spark.sql.functions.concat(lit(before), value, lit(after));
  }
}
