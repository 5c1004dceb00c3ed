package io.qinglang.score;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The last step of {@link ScoringPipeline}: sets the final {@code category}, {@code confidence} and
 * {@code needs_review} from the classifier's columns ({@code classifier_category},
 * {@code classifier_confidence}, {@code classifier_needs_review}, {@code probabilities}), the
 * contributors' columns and the evidence. Same rows in, same rows out.
 */
public interface Fusion {
  String name();

  Dataset<Row> fuse(Dataset<Row> scored, ScoringContext context);
}
