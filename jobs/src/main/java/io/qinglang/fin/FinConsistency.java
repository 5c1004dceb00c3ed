package io.qinglang.fin;

import io.qinglang.fin.Figure.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a headline claims with what the body's figures say, and turns the comparison into
 * numeric features and evidence a reviewer can check ("title: 净利润暴跌90%; body: 净利润同比下降3.2%").
 */
public final class FinConsistency {
  /** The feature vector's entries, in order. */
  public static final List<String> FEATURES = List.of(
      "claims",                  // checkable headline claims (log1p)
      "supported_fraction",      // share of claims the body supports (1 when there are none)
      "direction_mismatch",      // claims whose direction the body contradicts
      "magnitude_inflation",     // log2 of how much larger the headline's number is than the body's
      "intensity_inflation",     // strong words (暴跌, 崩盘) over small body changes
      "unsupported_number",      // headline numbers found nowhere in the body
      "loss_unsupported",        // a loss (亏损, 转亏) the body does not report
      "state_mismatch",          // a turnaround or profit claim where the body reports a loss, or the reverse
      "period_scope",            // a single quarter's figure presented as a longer period's
      "minor_as_headline",       // a minor metric's figure presented as revenue or profit
      "trend_unsupported",       // 持续/连续/连年 without several periods in the body
      "trend_claim",             // the headline presents a trend
      "catastrophe_unsupported", // 破产, 爆雷, 崩盘, 跑路, 退市 with no support in the body
      "catastrophe_supported",   // such words the body does support
      "question",                // the headline asks (？)
      "exclamation",             // the headline exclaims (！)
      "bait_words",              // 震惊, 真相, 曝光, 彻底 ...
      "strong_claims",           // headline claims in strong words
      "body_direction",          // mean direction of the body's major figures (-1..1)
      "title_direction",         // mean direction of the headline's claims (-1..1)
      "body_max_decline",        // largest decline of a major body figure (fraction, capped at 1)
      "title_max_decline",       // largest decline the headline states (fraction, capped at 1)
      "slowdown_as_decline",     // slower growth presented as a decline
      "prior_as_current",        // a comparison period's figure presented as the current one
      "no_claims");              // the headline makes no checkable claim

  public static final int SIZE = FEATURES.size();

  private static final Pattern TREND = FinLexicon.anyOf(FinLexicon.TRENDS);
  private static final Pattern BAIT = FinLexicon.anyOf(FinLexicon.BAIT);
  private static final Pattern NEGATION_BEFORE = Pattern.compile("(?:不|没|未|无|非|否认|澄清|谣言|并不存在|不存在)$");
  private static final Map<String, Pattern> CATASTROPHES = new java.util.LinkedHashMap<>();
  private static final Map<String, Pattern> CATASTROPHE_SUPPORT = Map.of(
      "bankruptcy", Pattern.compile("破产|重整|清算|清盘|资不抵债|停产|关停|倒闭"),
      "default", Pattern.compile("爆雷|暴雷|违约|逾期|未能兑付|无法兑付|展期"),
      "liquidity", Pattern.compile("资金链|流动性风险|流动性紧张|逾期|欠薪|无法偿还|违约"),
      "collapse", Pattern.compile("崩盘|崩溃|崩塌|破产|资不抵债|重整"),
      "flight", Pattern.compile("跑路|失联|被抓|立案|留置|卷款|潜逃|出境"),
      "delisting", Pattern.compile("退市|终止上市|暂停上市|摘牌|\\*ST|退市风险"));

  static {
    for (Map.Entry<String, List<String>> e : FinLexicon.CATASTROPHES.entrySet()) {
      CATASTROPHES.put(e.getKey(), FinLexicon.anyOf(e.getValue()));
    }
  }

  private FinConsistency() {}

  /** Features and evidence of one headline over one body. */
  public record Result(double[] features, List<FinEvidence> evidence) {}

  public static Result compare(String headline, List<Figure> headlineFigures, String body, List<Figure> bodyFigures) {
    return new Comparison(headline, headlineFigures, body, bodyFigures).run();
  }

  private static final class Comparison {
    final String headline;
    final String headlineNorm;
    final String body;
    final String bodyNorm;
    final List<Figure> claims = new ArrayList<>();
    final List<Figure> current = new ArrayList<>();
    // changes computed from two stated levels (DerivedChange), named as such in the evidence
    final Set<Figure> derived = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Figure> all;
    final double[] f = new double[SIZE];
    final List<FinEvidence> evidence = new ArrayList<>();
    final Period mainPeriod;

    Comparison(String headline, List<Figure> headlineFigures, String body, List<Figure> bodyFigures) {
      this.headline = headline;
      this.headlineNorm = FinText.normalize(headline);
      this.body = body;
      this.bodyNorm = FinText.normalize(body);
      this.all = bodyFigures;
      Period main = null;
      for (Figure b : bodyFigures) {
        if (!b.prior() && b.period() != null && b.metric() != null && b.metric().major()) {
          main = b.period();
          break;
        }
      }
      this.mainPeriod = main;
      for (Figure b : bodyFigures) {
        if (!b.prior() && !historic(b)) {
          current.add(b);
        }
      }
      for (Figure b : DerivedChange.from(bodyFigures)) {
        if (!historic(b)) {
          current.add(b);
          derived.add(b);
        }
      }
      for (Figure h : headlineFigures) {
        if (h.prior() || h.metric() == Metric.STOCK_PRICE || h.metric() == Metric.DIVIDEND) {
          continue;
        }
        boolean checkable = h.effectiveDirection() != Direction.NONE || h.effectiveState() != null
            || h.pct() != null || h.amount() != null;
        if (checkable) {
          claims.add(h);
        }
      }
    }

    boolean historic(Figure b) {
      return mainPeriod != null && mainPeriod.year() != null && b.period() != null && b.period().year() != null
          && b.period().year() < mainPeriod.year();
    }

    Result run() {
      int supported = 0;
      int contradicted = 0;
      int strong = 0;
      double dirSum = 0;
      int dirCount = 0;
      double titleDecline = 0;
      for (Figure c : claims) {
        if (c.intensity() > 0) {
          strong++;
        }
        Direction d = c.effectiveDirection();
        if (d == Direction.UP || d == Direction.DOWN) {
          dirSum += d.sign();
          dirCount++;
        } else if (c.effectiveState() == State.LOSS) {
          dirSum -= 1;
          dirCount++;
        }
        if (c.pct() != null && c.pct() < 0) {
          titleDecline = Math.max(titleDecline, Math.min(1, -c.pct() / 100));
        }
        Outcome o = check(c);
        if (o == Outcome.SUPPORTED) {
          supported++;
        } else if (o == Outcome.CONTRADICTED) {
          contradicted++;
        }
      }
      f[0] = Math.log1p(claims.size());
      f[1] = claims.isEmpty() ? 1.0 : (double) supported / claims.size();
      f[17] = strong;
      f[19] = dirCount == 0 ? 0 : dirSum / dirCount;
      f[21] = titleDecline;
      f[24] = claims.isEmpty() ? 1 : 0;
      bodyDirection();
      trend();
      catastrophes();
      bait();
      return new Result(f, evidence);
    }

    enum Outcome { SUPPORTED, CONTRADICTED, UNCHECKED }

    Outcome check(Figure c) {
      Metric metric = c.metric() == null ? Metric.PERFORMANCE : c.metric();
      List<Figure> compatible = current.stream()
          .filter(b -> Metric.compatible(metric, b.metric()) && sameBasis(c, b)).toList();
      List<Figure> candidates = compatible;
      if (c.period() != null && c.period().code() != null) {
        List<Figure> samePeriod = compatible.stream()
            .filter(b -> b.period() == null || samePeriod(c.period(), b.period())).toList();
        if (!samePeriod.isEmpty()) {
          candidates = samePeriod;
        }
      } else if (mainPeriod != null) {
        // no period in the headline: it speaks of the reported period
        List<Figure> main = compatible.stream()
            .filter(b -> b.period() == null || samePeriod(mainPeriod, b.period())).toList();
        if (!main.isEmpty()) {
          candidates = main;
        }
      }
      Outcome outcome = Outcome.UNCHECKED;
      State state = c.effectiveState();
      if (state == State.LOSS && c.isProfitMetric()) {
        outcome = merge(outcome, checkLoss(c, candidates));
      } else if (state == State.PROFIT && c.isProfitMetric() && c.amount() == null) {
        outcome = merge(outcome, checkProfit(c, candidates));
      }
      Direction d = c.effectiveDirection();
      if (d == Direction.UP || d == Direction.DOWN) {
        outcome = merge(outcome, checkDirection(c, d, metric, candidates, compatible));
      } else if (c.amount() != null && state != State.LOSS) {
        outcome = merge(outcome, checkAmount(c, candidates));
      } else if (c.level() != null && c.pct() == null) {
        outcome = merge(outcome, numberFoundAnywhere(c.level(), c.hedge()) ? Outcome.SUPPORTED : Outcome.UNCHECKED);
      }
      return outcome;
    }

    Outcome merge(Outcome a, Outcome b) {
      if (a == Outcome.CONTRADICTED || b == Outcome.CONTRADICTED) {
        return Outcome.CONTRADICTED;
      }
      if (a == Outcome.SUPPORTED || b == Outcome.SUPPORTED) {
        return Outcome.SUPPORTED;
      }
      return Outcome.UNCHECKED;
    }

    /** 同比 claims are checked against 同比 figures, 环比 against 环比. */
    static boolean sameBasis(Figure c, Figure b) {
      boolean cq = c.basis() == Figure.Basis.QOQ;
      boolean bq = b.basis() == Figure.Basis.QOQ;
      return cq == bq || b.pct() == null && b.points() == null;
    }

    /** Same period, treating a year-less period as the reported one. */
    boolean samePeriod(Period a, Period b) {
      return a.codeOrYear().equals(b.codeOrYear()) && (a.single() == b.single() || a.singleQuarter() && b.singleQuarter())
          && (a.year() == null || b.year() == null || a.year().equals(b.year()));
    }

    Outcome checkDirection(Figure c, Direction d, Metric metric, List<Figure> candidates, List<Figure> compatible) {
      List<Figure> same = candidates.stream().filter(b -> b.effectiveDirection() == d).toList();
      List<Figure> opposite = candidates.stream().filter(b -> b.effectiveDirection().opposes(d)).toList();
      // a loss figure agrees with a decline; a turnaround with a rise
      if (same.isEmpty() && d == Direction.DOWN) {
        same = candidates.stream().filter(b -> b.effectiveState() == State.LOSS && b.effectiveDirection() != Direction.UP)
            .toList();
      }
      if (same.isEmpty() && !opposite.isEmpty()) {
        f[2] += 1;
        Figure o = best(opposite, c);
        add("direction_mismatch", c, o, 1.0);
        if (d == Direction.DOWN && candidates.stream().anyMatch(b -> b.direction() == Direction.SLOW)) {
          f[22] = 1;
          Figure slow = candidates.stream().filter(b -> b.direction() == Direction.SLOW).findFirst().orElseThrow();
          add("slowdown_as_decline", c, slow, 1.0);
        }
        lookElsewhere(c, metric, compatible);
        return Outcome.CONTRADICTED;
      }
      if (same.isEmpty()) {
        if (c.pct() != null) {
          if (restated(c)) {
            return Outcome.SUPPORTED;
          }
          if (!lookElsewhere(c, metric, compatible) && !compatible.isEmpty()) {
            f[5] += 1;
            addAbsent("unsupported_number", c, "no such change of " + label(c) + " in the body");
          }
          return Outcome.UNCHECKED;
        }
        return Outcome.UNCHECKED;
      }
      if (c.pct() != null) {
        List<Figure> sized = same.stream().filter(Figure::hasPct).toList();
        for (Figure b : sized) {
          if (agrees(c, b)) {
            return narrowerScope(c, b) ? Outcome.CONTRADICTED : Outcome.SUPPORTED;
          }
        }
        if (lookElsewhere(c, metric, compatible)) {
          return Outcome.CONTRADICTED;
        }
        if (sized.isEmpty() && restated(c)) {
          return Outcome.SUPPORTED;
        }
        if (sized.isEmpty()) {
          f[5] += 1;
          Figure b = same.get(0);
          add("unsupported_number", c, b, 1.0);
          return Outcome.UNCHECKED;
        }
        Figure closest = best(sized, c);
        double stated = Math.abs(c.pct());
        double actual = Math.abs(closest.pct());
        if (stated > actual) {
          double ratio = Math.log(stated / Math.max(actual, 0.5)) / Math.log(2);
          if (ratio > f[3]) {
            f[3] = ratio;
          }
          add("magnitude_inflation", c, closest, ratio);
          return ratio >= 0.6 ? Outcome.CONTRADICTED : Outcome.UNCHECKED;
        }
        return Outcome.UNCHECKED;
      }
      if (same.stream().allMatch(b -> narrowerScope(c, b, false))) {
        narrowerScope(c, same.get(0));
        return Outcome.CONTRADICTED;
      }
      if (c.intensity() > 0) {
        double max = same.stream().filter(Figure::hasPct).mapToDouble(b -> Math.abs(b.pct())).max().orElse(-1);
        boolean loss = same.stream().anyMatch(b -> b.effectiveState() == State.LOSS);
        if (max >= 0 && max < 20 && !loss) {
          double degree = (20 - max) / 20;
          f[4] = Math.max(f[4], degree);
          add("intensity_inflation", c, best(same.stream().filter(Figure::hasPct).toList(), c), degree);
          return Outcome.CONTRADICTED;
        }
      }
      return Outcome.SUPPORTED;
    }

    /** The body repeats the headline's change without naming a metric (62.4%的跌幅是真的). */
    boolean restated(Figure c) {
      return current.stream().anyMatch(b -> b.metric() == null && b.hasPct()
          && b.effectiveDirection() == c.effectiveDirection() && agrees(c, b));
    }

    boolean agrees(Figure c, Figure b) {
      if (c.pctLow() != null) {
        // a range in the headline: it agrees when the body's figure or range overlaps it
        double lo = Math.min(Math.abs(c.pctLow()), Math.abs(c.pctHigh()));
        double hi = Math.max(Math.abs(c.pctLow()), Math.abs(c.pctHigh()));
        double blo = b.pctLow() != null ? Math.min(Math.abs(b.pctLow()), Math.abs(b.pctHigh())) : Math.abs(b.pct());
        double bhi = b.pctLow() != null ? Math.max(Math.abs(b.pctLow()), Math.abs(b.pctHigh())) : Math.abs(b.pct());
        return blo <= hi + 0.6 && bhi >= lo - 0.6;
      }
      if (b.pctAgrees(c.pct(), c.hedge())) {
        return true;
      }
      return c.pctAlt() != null && b.pctAgrees(c.pctAlt(), c.hedge());
    }

    /**
     * The headline's number belongs to another figure of the body: a minor metric (a segment's
     * revenue, cash flow), a single quarter presented as the year, or the comparison period.
     */
    boolean lookElsewhere(Figure c, Metric metric, List<Figure> compatible) {
      if (c.pct() == null) {
        // no number: a single quarter's decline may still be presented as the year's
        return scopeByDirection(c, compatible);
      }
      for (Figure b : all) {
        if (!b.hasPct() || b.effectiveDirection() != c.effectiveDirection() || !agrees(c, b)) {
          continue;
        }
        boolean sameMetric = Metric.compatible(metric, b.metric());
        if (!sameMetric && metric.major() && b.metric() != null) {
          f[9] += 1;
          add("minor_as_headline", c, b, 1.0);
          return true;
        }
        if (sameMetric && (b.prior() || historic(b))) {
          f[23] += 1;
          add("prior_as_current", c, b, 1.0);
          return true;
        }
        if (sameMetric && b.period() != null && claimedQuarters(c) > b.period().quarters()) {
          f[8] += 1;
          add("period_scope", c, b, 1.0);
          return true;
        }
      }
      return false;
    }

    boolean scopeByDirection(Figure c, List<Figure> compatible) {
      int claimed = claimedQuarters(c);
      for (Figure b : compatible) {
        if (b.effectiveDirection() == c.effectiveDirection() && b.period() != null
            && claimed > b.period().quarters()) {
          f[8] += 1;
          add("period_scope", c, b, 1.0);
          return true;
        }
      }
      return false;
    }

    /**
     * The headline names a longer period (全年, 2023年) than the only body figure that supports it
     * (a single quarter): records the evidence when {@code record}.
     */
    boolean narrowerScope(Figure c, Figure b) {
      return narrowerScope(c, b, true);
    }

    boolean narrowerScope(Figure c, Figure b, boolean record) {
      if (c.period() == null || c.period().code() == null || b.period() == null) {
        return false;
      }
      if (c.period().quarters() <= b.period().quarters() || samePeriod(c.period(), b.period())) {
        return false;
      }
      if (record) {
        f[8] += 1;
        add("period_scope", c, b, 1.0);
      }
      return true;
    }

    int claimedQuarters(Figure c) {
      if (c.period() != null && c.period().code() != null) {
        return c.period().quarters();
      }
      return mainPeriod != null ? mainPeriod.quarters() : 4;
    }

    Outcome checkLoss(Figure c, List<Figure> candidates) {
      List<Figure> profit = new ArrayList<>();
      List<Figure> losses = new ArrayList<>();
      for (Figure b : candidates) {
        if (!b.isProfitMetric()) {
          continue;
        }
        if (b.effectiveState() == State.LOSS) {
          losses.add(b);
        } else if (b.effectiveState() == State.PROFIT || (b.amount() != null && b.amount() > 0)) {
          profit.add(b);
        }
      }
      // a loss word with no amount (如此巨亏) does not outweigh a profit the body states in figures
      boolean lossInWordsOnly = losses.stream().allMatch(b -> b.amount() == null)
          && profit.stream().anyMatch(b -> b.amount() != null);
      if (!losses.isEmpty() && !lossInWordsOnly) {
        if (c.direction() == Direction.DOWN && c.state() == State.LOSS) {
          // 亏损扩大 against the amounts: a smaller loss than the comparison period's is a narrowing
          Figure prior = all.stream().filter(b -> b.prior() && b.isProfitMetric() && b.amount() != null
              && b.amount() < 0).findFirst().orElse(null);
          Figure now = losses.stream().filter(b -> b.amount() != null).findFirst().orElse(null);
          if (prior != null && now != null && Math.abs(now.amount()) < Math.abs(prior.amount()) * 0.97) {
            f[2] += 1;
            add("direction_mismatch", c, now, 1.0);
            return Outcome.CONTRADICTED;
          }
        }
        for (Figure b : losses) {
          if (c.direction() == Direction.DOWN && b.direction() == Direction.UP && b.state() == State.LOSS) {
            // 亏损扩大 against 亏损收窄
            f[2] += 1;
            add("direction_mismatch", c, b, 1.0);
            return Outcome.CONTRADICTED;
          }
        }
        if (c.amount() != null) {
          Figure closest = null;
          double distance = Double.MAX_VALUE;
          for (Figure b : losses) {
            if (b.amount() != null && Math.abs(Math.log(Math.abs(c.amount()) / Math.max(1, Math.abs(b.amount()))))
                < distance) {
              distance = Math.abs(Math.log(Math.abs(c.amount()) / Math.max(1, Math.abs(b.amount()))));
              closest = b;
            }
          }
          if (closest != null) {
            double ratio = Math.abs(c.amount()) / Math.max(1, Math.abs(closest.amount()));
            if (ratio > 1.3 && !(closest.amountHigh() != null
                && Math.abs(c.amount()) <= Math.abs(closest.amountHigh()) * 1.12)) {
              double log = Math.log(ratio) / Math.log(2);
              f[3] = Math.max(f[3], log);
              add("magnitude_inflation", c, closest, log);
              return Outcome.CONTRADICTED;
            }
          }
        }
        if (c.intensity() > 0 && c.amount() == null) {
          Outcome small = smallLoss(c, losses);
          if (small != null) {
            return small;
          }
        }
        return Outcome.SUPPORTED;
      }
      boolean bodyDecline = candidates.stream().anyMatch(b -> b.isProfitMetric() && b.hasPct() && b.pct() < 0);
      if (!profit.isEmpty() || bodyDecline) {
        f[6] += 1;
        Figure b = bodyDecline
            ? candidates.stream().filter(x -> x.isProfitMetric() && x.hasPct() && x.pct() < 0).findFirst().orElseThrow()
            : profit.get(0);
        add("loss_unsupported", c, b, 1.0);
        return Outcome.CONTRADICTED;
      }
      return Outcome.UNCHECKED;
    }

    /**
     * 巨亏, 亏麻了 over a loss that is small (under 5% of revenue and under 1 billion yuan) or
     * that narrowed: an intensity the figures do not support.
     */
    Outcome smallLoss(Figure c, List<Figure> losses) {
      double revenue = current.stream().filter(b -> b.metric() == Metric.REVENUE && b.amount() != null
          && b.amount() > 0 && b.direction() == Direction.NONE).mapToDouble(Figure::amount).max().orElse(-1);
      for (Figure b : losses) {
        if (b.amount() == null) {
          continue;
        }
        double loss = Math.abs(b.amount());
        boolean narrowed = losses.stream().anyMatch(x -> x.direction() == Direction.UP);
        if (loss < 1e9 && (revenue > 0 && loss / revenue < 0.05 || narrowed)) {
          double degree = revenue > 0 ? Math.max(0, 1 - loss / revenue / 0.05) : 0.5;
          f[4] = Math.max(f[4], Math.max(degree, 0.5));
          add("intensity_inflation", c, b, degree);
          return Outcome.CONTRADICTED;
        }
      }
      return null;
    }

    Outcome checkProfit(Figure c, List<Figure> candidates) {
      boolean bodyProfit = candidates.stream().anyMatch(b -> b.isProfitMetric() && b.effectiveState() == State.PROFIT);
      List<Figure> loss = candidates.stream()
          .filter(b -> b.isProfitMetric() && b.effectiveState() == State.LOSS && b.metric() != Metric.DEDUCTED_PROFIT)
          .toList();
      if (!bodyProfit && !loss.isEmpty()) {
        f[7] += 1;
        add("state_mismatch", c, loss.get(0), 1.0);
        return Outcome.CONTRADICTED;
      }
      return bodyProfit ? Outcome.SUPPORTED : Outcome.UNCHECKED;
    }

    Outcome checkAmount(Figure c, List<Figure> candidates) {
      List<Figure> amounts = candidates.stream().filter(b -> b.amount() != null && b.direction() == Direction.NONE)
          .toList();
      if (amounts.isEmpty()) {
        return Outcome.UNCHECKED;
      }
      Figure closest = null;
      double bestRatio = Double.MAX_VALUE;
      for (Figure b : amounts) {
        if (Math.signum(b.amount()) != Math.signum(c.amount())) {
          continue;
        }
        double ratio = Math.abs(c.amount()) / Math.max(1, Math.abs(b.amount()));
        double distance = Math.abs(Math.log(ratio));
        if (distance < Math.abs(Math.log(bestRatio))) {
          bestRatio = ratio;
          closest = b;
        }
      }
      if (closest == null) {
        return Outcome.UNCHECKED;
      }
      if (bestRatio <= 1.12 && bestRatio >= 0.88) {
        return Outcome.SUPPORTED;
      }
      if (bestRatio > 1.3) {
        double log = Math.log(bestRatio) / Math.log(2);
        f[3] = Math.max(f[3], log);
        add("magnitude_inflation", c, closest, log);
        return Outcome.CONTRADICTED;
      }
      return Outcome.UNCHECKED;
    }

    boolean numberFoundAnywhere(double value, Hedge hedge) {
      for (Figure b : all) {
        Double v = b.level() != null ? b.level() : b.pct();
        if (v != null && hedge.admits(value, v)) {
          return true;
        }
      }
      return false;
    }

    void bodyDirection() {
      double sum = 0;
      int n = 0;
      double maxDecline = 0;
      for (Figure b : current) {
        if (b.metric() == null || !b.metric().major()) {
          continue;
        }
        Direction d = b.effectiveDirection();
        if (d == Direction.UP || d == Direction.DOWN) {
          sum += d.sign();
          n++;
        }
        if (b.hasPct() && b.pct() < 0) {
          maxDecline = Math.max(maxDecline, Math.min(1, -b.pct() / 100));
        }
      }
      f[18] = n == 0 ? 0 : sum / n;
      f[20] = maxDecline;
    }

    void trend() {
      Matcher m = TREND.matcher(headlineNorm);
      int at = -1;
      while (m.find()) {
        if (!negated(headlineNorm, m.start())) {
          at = m.start();
          break;
        }
      }
      if (at < 0) {
        return;
      }
      f[11] = 1;
      boolean bodyTrend = false;
      Matcher b = TREND.matcher(bodyNorm);
      while (b.find()) {
        if (!negated(bodyNorm, b.start())) {
          bodyTrend = true;
          break;
        }
      }
      if (bodyTrend) {
        return;
      }
      // the headline's own direction for the trend: its claims in the same clause, else overall
      Direction d = Direction.NONE;
      State state = null;
      Metric metric = null;
      Figure claim = null;
      for (Figure c : claims) {
        if (c.trend() || claim == null) {
          claim = c;
          d = c.effectiveDirection();
          state = c.effectiveState();
          metric = c.metric();
          if (c.trend()) {
            break;
          }
        }
      }
      Set<String> periods = new HashSet<>();
      for (Figure x : all) {
        if (!Metric.compatible(metric == null ? Metric.PERFORMANCE : metric, x.metric())) {
          continue;
        }
        boolean same = (d == Direction.UP || d == Direction.DOWN) && x.effectiveDirection() == d
            || state == State.LOSS && x.effectiveState() == State.LOSS
            || state == State.PROFIT && x.effectiveState() == State.PROFIT
            || d == Direction.SLOW && x.direction() == Direction.SLOW;
        if (same) {
          periods.add(x.prior() ? "prior" : x.period() == null ? "?" : x.period().label());
        }
      }
      if (periods.size() < 2) {
        f[10] = 1;
        String span = FinText.span(headline, Math.max(0, at - 6), Math.min(headline.length(), at + 6));
        String detail = "title: " + (claim != null ? claim.text() : span) + "; body: "
            + (periods.isEmpty() ? "no such change in any period" : "only one period (" + String.join(", ", periods)
            + ")") + bodyCounterTrend(metric, d);
        evidence.add(new FinEvidence("trend_unsupported", detail, claim != null ? claim.text() : span,
            claim != null ? claim.start() : at, claim != null ? claim.end() : at + 2, 1.0));
      }
    }

    String bodyCounterTrend(Metric metric, Direction d) {
      for (Figure x : all) {
        if ((x.prior() || historic(x) || x.period() != null && mainPeriod != null && !samePeriod(mainPeriod, x.period()))
            && Metric.compatible(metric == null ? Metric.PERFORMANCE : metric, x.metric())
            && x.effectiveDirection().opposes(d)) {
          return "; other period: " + shorten(x.text());
        }
      }
      return "";
    }

    void catastrophes() {
      Set<String> unsupported = new LinkedHashSet<>();
      for (Map.Entry<String, Pattern> e : CATASTROPHES.entrySet()) {
        Matcher m = e.getValue().matcher(headlineNorm);
        while (m.find()) {
          if (negated(headlineNorm, m.start())) {
            continue;
          }
          String group = e.getKey();
          if (supportedInBody(group)) {
            f[13] += 1;
          } else if (unsupported.add(group)) {
            f[12] += 1;
            String word = headline.substring(m.start(), m.end());
            evidence.add(new FinEvidence("catastrophe_unsupported", "title: " + word + "; body: no mention of "
                + String.join("/", FinLexicon.CATASTROPHES.get(group).subList(0,
                Math.min(3, FinLexicon.CATASTROPHES.get(group).size()))) + " or the like", word, m.start(), m.end(),
                1.0));
          }
          break;
        }
      }
    }

    boolean supportedInBody(String group) {
      Pattern own = CATASTROPHES.get(group);
      Pattern support = CATASTROPHE_SUPPORT.get(group);
      for (Pattern p : new Pattern[] {own, support}) {
        Matcher m = p.matcher(bodyNorm);
        while (m.find()) {
          if (!negated(bodyNorm, m.start())) {
            return true;
          }
        }
      }
      if (group.equals("collapse")) {
        // 崩盘 may describe a real collapse: a decline of half or more, or a swing into loss
        return f[20] >= 0.5 || current.stream().anyMatch(b -> b.isProfitMetric() && b.state() == State.LOSS
            && b.direction() == Direction.DOWN);
      }
      return false;
    }

    void bait() {
      f[14] = headlineNorm.indexOf('?') >= 0 ? 1 : 0;
      f[15] = headlineNorm.indexOf('!') >= 0 ? 1 : 0;
      Matcher m = BAIT.matcher(headlineNorm);
      int n = 0;
      while (m.find()) {
        n++;
      }
      f[16] = n;
    }

    static boolean negated(String text, int at) {
      String before = text.substring(Math.max(0, at - 4), at);
      return NEGATION_BEFORE.matcher(before).find() || before.endsWith("不算") || before.endsWith("并非")
          || before.endsWith("不是") || before.endsWith("没有");
    }

    Figure best(List<Figure> figures, Figure c) {
      if (figures.isEmpty()) {
        return null;
      }
      Figure best = figures.get(0);
      if (c.pct() == null) {
        for (Figure b : figures) {
          if (b.hasPct()) {
            return b;
          }
        }
        return best;
      }
      double distance = Double.MAX_VALUE;
      for (Figure b : figures) {
        if (!b.hasPct()) {
          continue;
        }
        double dd = Math.abs(Math.abs(b.pct()) - Math.abs(c.pct()));
        if (dd < distance) {
          distance = dd;
          best = b;
        }
      }
      return best;
    }

    String label(Figure c) {
      return c.metric() == null ? Metric.PERFORMANCE.label() : c.metricText() != null ? c.metricText()
          : c.metric().label();
    }

    void add(String kind, Figure claim, Figure bodyFigure, double score) {
      String bodyText = bodyFigure == null ? "(none)" : shorten(bodyFigure.text());
      String where = bodyFigure != null && bodyFigure.period() != null && (kind.equals("period_scope")
          || kind.equals("prior_as_current")) ? " [" + (bodyFigure.prior() ? "comparison period"
          : bodyFigure.period().label()) + "]" : "";
      if (bodyFigure != null && derived.contains(bodyFigure)) {
        where += String.format(Locale.ROOT, " [%+.1f%% computed from the two levels]", bodyFigure.pct());
      }
      String detail = "title: " + claim.text() + "; body: " + bodyText + where;
      evidence.add(new FinEvidence(kind, detail, claim.text(), claim.start(), claim.end(), score));
    }

    void addAbsent(String kind, Figure claim, String bodyNote) {
      evidence.add(new FinEvidence(kind, "title: " + claim.text() + "; body: " + bodyNote, claim.text(),
          claim.start(), claim.end(), 1.0));
    }

    static String shorten(String s) {
      if (s.length() <= 48) {
        return s;
      }
      return s.substring(0, 16) + "…" + s.substring(s.length() - 28);
    }
  }
}
