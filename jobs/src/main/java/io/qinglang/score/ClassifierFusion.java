package io.qinglang.score;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The fusion when no detector overrides anything: the classifier's decision is final. */
public final class ClassifierFusion implements Fusion {
  @Override
  public String name() {
    return "classifier";
  }

  @Override
  public Dataset<Row> fuse(Dataset<Row> scored, ScoringContext context) {
    return scored
        .withColumn(ScoringPipeline.CATEGORY, col(ScoringPipeline.CLASSIFIER_CATEGORY))
        .withColumn(ScoringPipeline.CONFIDENCE, col(ScoringPipeline.CLASSIFIER_CONFIDENCE))
        .withColumn(ScoringPipeline.NEEDS_REVIEW, col(ScoringPipeline.CLASSIFIER_NEEDS_REVIEW));
  }
}
