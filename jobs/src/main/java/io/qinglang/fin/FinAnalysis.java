package io.qinglang.fin;

import java.io.Serializable;
import java.util.List;

/**
 * What the financial-report analysis found for one post.
 *
 * @param applies the post is a results article with a headline: the model decides for it
 * @param article its headline and body
 * @param cueScore how strongly it looks like a results report
 * @param features {@link FinConsistency#FEATURES}, zeros when it does not apply
 * @param evidence the contradictions found, empty when it does not apply
 */
public record FinAnalysis(boolean applies, FinArticle article, int cueScore, double[] features,
    List<FinEvidence> evidence) implements Serializable {

  public static FinAnalysis notApplicable(FinArticle article, int cueScore) {
    return new FinAnalysis(false, article, cueScore, new double[FinConsistency.SIZE], List.of());
  }
}
