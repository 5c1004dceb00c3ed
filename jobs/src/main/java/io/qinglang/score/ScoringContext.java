package io.qinglang.score;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ModelStore;
import io.qinglang.registry.EnterpriseRegistry;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * What a scoring step may use: the session, the configuration, the registry in force (from the
 * configuration or --enterprises; not necessarily the one the model was trained with), the loaded
 * model (its directory can hold further persisted models, e.g. {@code <model dir>/fin_clickbait/}),
 * the run id and the scoring time.
 */
public record ScoringContext(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
    ModelStore.LoadedModel model, String runId, Instant scoredAt) {

  public String modelVersion() {
    return model.version();
  }

  /** The model version's directory (local path or URI). */
  public String modelDir() {
    return model.dir();
  }
}
