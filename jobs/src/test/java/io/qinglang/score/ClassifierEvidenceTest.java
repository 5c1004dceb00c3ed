package io.qinglang.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.qinglang.testing.SparkExtension;
import io.qinglang.text.CueLexicon;
import io.qinglang.text.TextNormalizer;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ClassifierEvidenceTest {
  private static final String[] NAMES = {"word:删帖", "word:费用", "vector:0", "vector:1", "vector:2"};

  /** Terms (span, score) the evidence lists for category 1 of a post with these feature values. */
  private static List<Row> terms(SparkSession spark, double[] weights, double[] features) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ClassifierEvidence e = new ClassifierEvidence(jsc.broadcast(new double[][] {new double[5], weights}),
        jsc.broadcast(NAMES), new CueLexicon(List.of()), new TextNormalizer(List.of(), true),
        new double[] {0, 0.5}, 5, "m1", Map.of(1, "one"));
    return e.evidence(Vectors.dense(features), 1, false, new double[] {0.2, 0.8}, "").stream()
        .filter(r -> "term".equals(r.getString(1))).toList();
  }

  @Test
  void theWordVectorDimensionsCountAsOneTermWithTheirNetContribution(SparkSession spark) {
    // Contributions: 删帖 0.6, 费用 0.1, vectors 0.5 - 0.2 + 0.4 = 0.7.
    List<Row> t = terms(spark, new double[] {2, 1, 5, 2, 4}, new double[] {0.3, 0.1, 0.1, -0.1, 0.1});
    assertEquals(List.of(ClassifierEvidence.WORD_VECTORS_TERM, "word:删帖", "word:费用"), t.stream().map(r -> r.getString(3)).toList());
    assertEquals(0.7, t.get(0).getDouble(6), 1e-3);
    assertFalse(t.stream().anyMatch(r -> r.getString(3).startsWith("vector:")));
  }

  @Test
  void vectorsThatPullAwayFromTheCategoryAreNotShown(SparkSession spark) {
    // Dimensions 0 and 2 push towards the category, but the net of the three is -0.1.
    List<Row> t = terms(spark, new double[] {2, 1, 5, 8, 1}, new double[] {0.3, 0.1, 0.1, -0.1, 0.2});
    assertEquals(List.of("word:删帖", "word:费用"), t.stream().map(r -> r.getString(3)).toList());
  }
}
