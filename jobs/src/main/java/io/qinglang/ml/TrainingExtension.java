package io.qinglang.ml;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A further model trained with the classifier and stored in the same model version (for example
 * the financial clickbait model of issue 5 under {@code <version>/fin_clickbait/}). Registered in
 * {@link TrainingExtensions#standard}; train calls each after the classifier, before the version
 * directory is renamed into place, so a version is complete or absent.
 */
public interface TrainingExtension {
  /** Sub-directory and model.json key of this component. */
  String name();

  /**
   * Trains on the labelled posts (posts columns plus {@code label}, {@code fin_clickbait},
   * {@code hard_negative}, {@code group}) and writes the component under {@code componentDir}.
   * Returns what model.json should say about it (parameters, metrics).
   */
  Map<String, Object> train(Dataset<Row> labelled, ClassifierSettings settings, String componentDir,
      Consumer<String> progress);
}
