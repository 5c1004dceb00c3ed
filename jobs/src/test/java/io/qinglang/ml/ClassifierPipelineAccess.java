package io.qinglang.ml;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.text.RegistryMatcher;
import java.util.List;
import org.apache.spark.ml.PipelineStage;

public final class ClassifierPipelineAccess {
  public static List<PipelineStage> features(ClassifierSettings s, EnterpriseRegistry r) {
    return ClassifierPipeline.featureStages(s, s.cues(), RegistryMatcher.entries(r));
  }
}
