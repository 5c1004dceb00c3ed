package io.qinglang.fin;

import java.util.ArrayList;
import java.util.List;

/**
 * The change a body implies without stating it: a metric's level for the reported period and its
 * level for the comparison period (归母净利润3.71亿元，上年同期为9.87亿元) give a change of -62.4%,
 * so a headline saying 净利润暴跌62% is supported, not unsupported.
 *
 * <p>Only positive levels of the same metric and period are compared (a loss turning into a profit has
 * no meaningful percentage), and only when the body states no percentage change of that metric
 * itself: a stated change always wins over a derived one.
 */
final class DerivedChange {
  private DerivedChange() {}

  /** One derived percentage-change figure per comparison-period level that has a reported-period partner. */
  static List<Figure> from(List<Figure> body) {
    List<Figure> derived = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Figure before = body.get(i);
      if (!before.prior() || !positiveLevel(before) || statesChange(body, before)) {
        continue;
      }
      Figure now = partner(body, i);
      if (now != null) {
        derived.add(change(now, before));
      }
    }
    return derived;
  }

  /** A plain positive amount of a named metric: no change, range, loss or level attached. */
  static boolean positiveLevel(Figure f) {
    return f.metric() != null && f.amount() != null && f.amount() > 0 && f.amountHigh() == null
        && f.pct() == null && f.points() == null && f.direction() == Direction.NONE
        && f.state() != Figure.State.LOSS;
  }

  /** The body already states a percentage change of this metric for the reported period. */
  static boolean statesChange(List<Figure> body, Figure prior) {
    return body.stream().anyMatch(b -> !b.prior() && b.metric() == prior.metric() && b.hasPct()
        && samePeriod(b, prior));
  }

  /** The nearest reported-period level of the same metric, looking back first (本期 X，上年同期 Y). */
  static Figure partner(List<Figure> body, int priorIndex) {
    Figure prior = body.get(priorIndex);
    for (int j = priorIndex - 1; j >= 0; j--) {
      if (matches(body.get(j), prior)) {
        return body.get(j);
      }
    }
    for (int j = priorIndex + 1; j < body.size(); j++) {
      if (matches(body.get(j), prior)) {
        return body.get(j);
      }
    }
    return null;
  }

  static boolean matches(Figure candidate, Figure prior) {
    return !candidate.prior() && candidate.metric() == prior.metric() && positiveLevel(candidate)
        && samePeriod(candidate, prior);
  }

  /** The same span of the year (the comparison period's year is the year before, so years are not compared). */
  static boolean samePeriod(Figure a, Figure b) {
    return a.period() == null || b.period() == null || a.period().sameSpan(b.period());
  }

  static Figure change(Figure now, Figure prior) {
    double pct = Math.round((now.amount() - prior.amount()) / prior.amount() * 1000) / 10.0;
    Direction direction = pct > 0 ? Direction.UP : pct < 0 ? Direction.DOWN : Direction.NONE;
    Hedge hedge = now.hedge() != Hedge.NONE || prior.hedge() != Hedge.NONE ? Hedge.ABOUT : Hedge.NONE;
    int start = Math.min(now.start(), prior.start());
    int end = Math.max(now.end(), prior.end());
    String text = prior.text().contains(now.text()) ? prior.text()
        : now.start() < prior.start() ? now.text() + "…" + prior.text() : prior.text() + "…" + now.text();
    return new Figure(now.metric(), now.metricText(), direction, pct, null, null, null, null, null, null, null, null,
        0, hedge, now.period(), Figure.Basis.YOY, false, false, start, end, text);
  }
}
