package io.qinglang.fin;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a text reports a company's periodic results: revenue or profit figures, a reporting
 * period, year-on-year comparisons, report words (年报, 一季报, 业绩预告, 预增, 扭亏). Macro data
 * (社会消费品零售总额同比增长), share-price moves and texts that only name the metrics (a job ad, a
 * tutorial) are not results reports.
 */
public final class FinReportDetector {
  /** Cheap test before extraction: without one of these words a text is not about results. */
  private static final Pattern QUICK = Pattern.compile(
      "营收|收入|净利|利润|业绩|亏|盈|年报|季报|财报|中报|营业额|销售额|预增|预减"
          + "|營收|淨利|凈利|利潤|業績|虧|年報|季報|財報|中報|營業額|銷售額|預增|預減");
  private static final Pattern REPORT = FinLexicon.anyOf(FinLexicon.REPORT_WORDS);
  private static final Pattern COMPARE = Pattern.compile("同比|环比|较上年|较去年|比上年|比去年|[Yy][Oo][Yy]");

  private FinReportDetector() {}

  public static boolean mayBeResults(String text) {
    return text != null && QUICK.matcher(text).find();
  }

  /** How strongly a headline and body look like a results report. */
  public record Cues(boolean majorFigure, int score) {}

  /**
   * Cues: a current figure (number or stated profit/loss) of a major metric in the body (required),
   * plus one point each for report words, a 同比/环比 comparison, a reporting period, and a headline
   * that makes a claim about a major metric.
   */
  public static Cues cues(String headline, List<Figure> headlineFigures, String body, List<Figure> bodyFigures) {
    boolean majorFigure = false;
    boolean period = false;
    for (Figure f : bodyFigures) {
      if (f.prior()) {
        continue;
      }
      boolean major = f.metric() != null && f.metric().major();
      boolean sized = f.pct() != null || f.amount() != null || f.effectiveState() != null;
      if (major && sized) {
        majorFigure = true;
      }
      if (major && f.period() != null) {
        period = true;
      }
    }
    int score = majorFigure ? 2 : 0;
    String all = FinText.normalize((headline == null ? "" : headline) + "\n" + body);
    if (REPORT.matcher(all).find()) {
      score++;
    }
    if (COMPARE.matcher(all).find()) {
      score++;
    }
    if (period) {
      score++;
    }
    if (headlineFigures.stream().anyMatch(f -> f.metric() == null || f.metric().major())) {
      score++;
    }
    return new Cues(majorFigure, score);
  }

  /**
   * Whether a headline on its own announces results: a figure of a major metric (a change, an
   * amount, a profit or loss), or a report word together with a direction.
   */
  public static boolean isResultsHeadline(String headline) {
    if (!mayBeResults(headline)) {
      return false;
    }
    List<Figure> figures = FigureExtractor.extract(headline, FigureExtractor.Mode.HEADLINE);
    for (Figure f : figures) {
      boolean major = f.metric() != null && f.metric().major();
      boolean claim = f.pct() != null || f.amount() != null || f.effectiveState() != null
          || f.effectiveDirection() != Direction.NONE;
      if (major && claim) {
        return true;
      }
    }
    return REPORT.matcher(FinText.normalize(headline)).find()
        && figures.stream().anyMatch(f -> f.effectiveDirection() != Direction.NONE || f.effectiveState() != null);
  }
}
