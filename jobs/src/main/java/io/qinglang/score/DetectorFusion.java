package io.qinglang.score;

import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.FusionPolicy;
import io.qinglang.detect.PostDetectors;
import io.qinglang.fin.FinCategoryRule;
import io.qinglang.fin.FinSettings;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The final decision: the detectors' evidence and the classifier combine by {@link FusionPolicy}
 * (strong structural evidence decides, weaker evidence corroborates or sends to review), then the
 * financial-clickbait rule confirms or vetoes category 5 for results articles ({@link FinCategoryRule}).
 */
public final class DetectorFusion implements Fusion {
  @Override
  public String name() {
    return "detector evidence, classifier and financial clickbait";
  }

  @Override
  public Dataset<Row> fuse(Dataset<Row> scored, ScoringContext context) {
    List<String> present = PostDetectors.EVIDENCE_COLUMNS.stream()
        .filter(Arrays.asList(scored.columns())::contains).toList();
    FusionPolicy policy = new FusionPolicy(DetectSettings.of(context.config()).fusion());
    Dataset<Row> fused = policy.fuse(scored, present, context.config().categoryNames());
    return FinCategoryRule.fuse(fused, FinSettings.of(context.config()).vetoBelow());
  }
}
