package io.qinglang.fin;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.qinglang.table.EvidenceSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fusion rule between the ten-category classifier and the financial clickbait model.
 *
 * <ul>
 *   <li>A distorted financial headline ({@code fin_clickbait = true}) is category 5 unless the
 *       classifier found a more specific category (anything but 0 and 5): then that category stays
 *       and the financial evidence is added to it.
 *   <li>Accurate financial reporting is not clickbait: when the classifier says 5 for a results
 *       article whose headline the financial model finds faithful (probability below
 *       {@code veto-below}), the post becomes 0 with {@code needs_review = true}, so a person looks
 *       instead of the post being flagged. {@code veto-below = 0} switches this off.
 *   <li>Everything else is unchanged.
 * </ul>
 */
public final class FinCategoryRule {
  public static final int CLICKBAIT = 5;

  private FinCategoryRule() {}

  /** One post's decision after the rule. */
  public record Decision(int category, double confidence, boolean needsReview, boolean finEvidence, boolean vetoed) {}

  /** The rule for one post (the same as {@link #apply} does for a frame). */
  public static Decision decide(int category, double confidence, boolean needsReview, Boolean finClickbait,
      Double finProb, double vetoBelow) {
    if (Boolean.TRUE.equals(finClickbait)) {
      if (category == 0) {
        return new Decision(CLICKBAIT, finProb, false, true, false);
      }
      if (category == CLICKBAIT) {
        return new Decision(CLICKBAIT, Math.max(confidence, finProb), needsReview, true, false);
      }
      return new Decision(category, confidence, needsReview, true, false);
    }
    if (Boolean.FALSE.equals(finClickbait) && category == CLICKBAIT && finProb != null && finProb < vetoBelow) {
      return new Decision(0, 1 - finProb, true, false, true);
    }
    return new Decision(category, confidence, needsReview, false, false);
  }

  /**
   * Applies the rule to scored rows with {@code category, confidence, needs_review, evidence} and
   * {@code fin_clickbait, fin_clickbait_prob} (the financial evidence already in {@code evidence}):
   * sets the final category, confidence and needs_review, and appends a note to the evidence of a
   * vetoed category 5. This is the fusion step of scoring.
   */
  public static Dataset<Row> fuse(Dataset<Row> scored, double vetoBelow) {
    Column fin = col(FinScorer.FLAG);
    Column prob = col(FinScorer.PROB);
    Column cat = col("category");
    Column distorted = fin.equalTo(true);
    Column vetoed = fin.equalTo(false).and(cat.equalTo(CLICKBAIT)).and(prob.lt(vetoBelow));
    Column newCategory = when(distorted.and(cat.isin(0, CLICKBAIT)), lit(CLICKBAIT))
        .when(vetoed, lit(0))
        .otherwise(cat);
    Column newConfidence = when(distorted.and(cat.equalTo(0)), prob)
        .when(distorted.and(cat.equalTo(CLICKBAIT)), greatest(col("confidence"), prob))
        .when(vetoed, lit(1.0).minus(prob))
        .otherwise(col("confidence"));
    Column newReview = when(distorted.and(cat.equalTo(0)), lit(false))
        .when(vetoed, lit(true))
        .otherwise(col("needs_review"));
    Column vetoEvidence = array(struct(
        lit(FinEvidence.SOURCE).as("source"),
        lit("faithful_headline").as("kind"),
        concat(lit("the headline agrees with the reported figures (probability of distortion "),
            format_number(prob, 2), lit("); the classifier's category 5 is held for review")).as("detail"),
        lit(null).cast(DataTypes.StringType).as("span"),
        lit(null).cast(DataTypes.IntegerType).as("start"),
        lit(null).cast(DataTypes.IntegerType).as("end"),
        prob.as("score"))).cast(EvidenceSchema.ARRAY);
    return scored
        .withColumn("evidence", when(vetoed, concat(col("evidence"), vetoEvidence)).otherwise(col("evidence")))
        .withColumn("confidence", newConfidence)
        .withColumn("needs_review", newReview)
        .withColumn("category", newCategory);
  }

  /**
   * The rule on rows shaped like post_violations ({@code category, category_name, confidence,
   * needs_review, evidence}) plus the output of {@link FinScorer} ({@code fin_clickbait,
   * fin_clickbait_prob, fin_evidence}): the financial evidence is merged into {@code evidence}
   * (and dropped), the rule applied and {@code category_name} updated.
   */
  public static Dataset<Row> apply(Dataset<Row> scored, Map<Integer, String> categoryNames, double vetoBelow) {
    List<Column> names = new ArrayList<>();
    categoryNames.forEach((k, v) -> {
      names.add(lit(k));
      names.add(lit(v));
    });
    Column nameMap = functions.map(names.toArray(new Column[0]));
    Dataset<Row> merged = scored
        .withColumn("evidence", concat(col("evidence"),
            functions.coalesce(col(FinScorer.EVIDENCE), FinScorer.emptyEvidence())))
        .drop(FinScorer.EVIDENCE)
        .withColumn("__fin_before", col("category"));
    return fuse(merged, vetoBelow)
        .withColumn("category_name", when(col("category").equalTo(col("__fin_before")), col("category_name"))
            .otherwise(functions.coalesce(functions.element_at(nameMap, col("category")),
                col("category").cast(DataTypes.StringType))))
        .drop("__fin_before");
  }
}
