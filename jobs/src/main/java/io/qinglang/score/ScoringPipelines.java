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

  public static ScoringPipeline standard() {
    List<EvidenceContributor> contributors = new ArrayList<>();
    // Issue 6 (detectors): personal data, impersonation, coordinated campaigns, e.g.
    //   contributors.add(new PersonalDataContributor());
    // Issue 5 (financial clickbait): contributors.add(new FinClickbaitContributor());
    return new ScoringPipeline(contributors, new ClassifierFusion());
  }
}
