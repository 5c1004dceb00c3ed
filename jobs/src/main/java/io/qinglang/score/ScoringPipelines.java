package io.qinglang.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The scoring pipeline that score and evaluate run. This is where detectors and further models plug
 * in: add an {@link EvidenceContributor} to the list (in the order they should run) and, when
 * their evidence should change the final category, replace {@link ClassifierFusion} by a fusion
 * that knows their columns.
 */
public final class ScoringPipelines {
  private ScoringPipelines() {}

  /**
   * Classifier, then the per-post detectors, coordinated campaigns and the financial-clickbait
   * model, fused by {@link DetectorFusion}.
   */
  public static ScoringPipeline standard() {
    List<EvidenceContributor> contributors = new ArrayList<>();
    contributors.add(new DetectorEvidence());
    contributors.add(new CampaignEvidence());
    contributors.add(new FinClickbaitEvidence());
    return new ScoringPipeline(contributors, new DetectorFusion());
  }

  /** The classifier alone (its decision is final): for comparisons and benchmarks of the model. */
  public static ScoringPipeline classifierOnly() {
    return new ScoringPipeline(List.of(), new ClassifierFusion());
  }
}
