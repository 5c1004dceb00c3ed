package io.qinglang.fin;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The whole analysis of one post: headline and body, whether it reports results, the figures of
 * both, and the consistency features. Pure Java, serializable, thread-safe.
 */
public final class FinAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Set<String> contentTypes;
  private final int longPostMinChars;
  private final int minBodyChars;
  private final int minCues;

  public FinAnalyzer(Set<String> contentTypes, int longPostMinChars, int minBodyChars, int minCues) {
    this.contentTypes = Set.copyOf(contentTypes);
    this.longPostMinChars = longPostMinChars;
    this.minBodyChars = minBodyChars;
    this.minCues = minCues;
  }

  /** The defaults of {@code qinglang.fin}. */
  public static FinAnalyzer defaults() {
    return new FinAnalyzer(Set.of("article", "post", "video"), 50, 30, 4);
  }

  public FinAnalysis analyze(String contentType, String title, String content) {
    FinArticle article = FinArticle.of(contentType, title, content, contentTypes, longPostMinChars);
    if (!article.hasHeadline() || !FinReportDetector.mayBeResults(content)) {
      return FinAnalysis.notApplicable(article, 0);
    }
    List<Figure> body = FigureExtractor.extract(article.body(), FigureExtractor.Mode.BODY);
    if (!article.headlineSource().equals("title") && body.stream().noneMatch(FinAnalyzer::majorFigure)) {
      // a post whose figures are all in its opening sentence: it is its own body
      article = article.withBody(content);
      body = FigureExtractor.extract(content, FigureExtractor.Mode.BODY);
    }
    if (article.body().strip().length() < minBodyChars) {
      return FinAnalysis.notApplicable(article, 0);
    }
    List<Figure> headline = FigureExtractor.extract(article.headline(), FigureExtractor.Mode.HEADLINE);
    FinReportDetector.Cues cues = FinReportDetector.cues(article.headline(), headline, article.body(), body);
    if (!cues.majorFigure() || cues.score() < minCues) {
      return FinAnalysis.notApplicable(article, cues.score());
    }
    FinConsistency.Result r = FinConsistency.compare(article.headline(), headline, article.body(), body);
    return new FinAnalysis(true, article, cues.score(), r.features(), r.evidence());
  }

  static boolean majorFigure(Figure f) {
    return !f.prior() && f.metric() != null && f.metric().major()
        && (f.pct() != null || f.amount() != null || f.effectiveState() != null);
  }
}
