package io.qinglang.fin;

import java.io.Serializable;

/**
 * One figure found in a headline or body: the metric it belongs to, which way it moved, its size
 * (a percentage change, an amount in yuan, a level such as a margin, or percentage points), how it
 * is hedged and the period it covers; {@code start}/{@code end} locate it in the text.
 *
 * @param pct signed percentage change (增长12% = 12, 下降3.2% = -3.2, 增长-3.2% = -3.2)
 * @param pctLow lower end of a range (both ends signed), or null
 * @param pctHigh upper end of a range, or null
 * @param pctAlt another reading of the same words (增长3倍: 300 literally, 200 as "to three times")
 * @param amount signed level in yuan (亏损2.3亿元 = -2.3e8)
 * @param amountHigh upper end of an amount range (亏损1.1到1.5亿: amount -1.1e8, high -1.5e8)
 * @param level a percentage that is a level (毛利率33.2%), not a change
 * @param points change in percentage points
 * @param state LOSS or PROFIT when the words say so (亏损, 扭亏为盈, 盈利), else null
 * @param intensity 1 for strong words (暴跌, 腰斩, 巨亏), -1 for weak ones (微降, 小幅), else 0
 * @param prior the figure is about the comparison period (上年同期亏损1560万元), not the reported one
 * @param trend the words present it as a trend (持续, 连续, 连年)
 */
public record Figure(
    Metric metric,
    String metricText,
    Direction direction,
    Double pct,
    Double pctLow,
    Double pctHigh,
    Double pctAlt,
    Double amount,
    Double amountHigh,
    Double level,
    Double points,
    State state,
    int intensity,
    Hedge hedge,
    Period period,
    Basis basis,
    boolean prior,
    boolean trend,
    int start,
    int end,
    String text) implements Serializable {

  /** Profit or loss as the words state it. */
  public enum State { LOSS, PROFIT }

  /** Compared with the same period a year earlier (同比) or with the previous period (环比). */
  public enum Basis { YOY, QOQ }

  /** The direction, also when only the sign of a number or a loss amount shows it. */
  public Direction effectiveDirection() {
    if (direction != Direction.NONE) {
      return direction;
    }
    if (pct != null && pct != 0) {
      return pct > 0 ? Direction.UP : Direction.DOWN;
    }
    if (points != null && points != 0) {
      return points > 0 ? Direction.UP : Direction.DOWN;
    }
    return Direction.NONE;
  }

  /** LOSS also for a negative profit amount (归母净利润-0.12亿元). */
  public State effectiveState() {
    if (state != null) {
      return state;
    }
    if (amount != null && isProfitMetric() && direction == Direction.NONE) {
      return amount < 0 ? State.LOSS : amount > 0 ? State.PROFIT : null;
    }
    return null;
  }

  public boolean isProfitMetric() {
    return metric == Metric.NET_PROFIT || metric == Metric.DEDUCTED_PROFIT || metric == Metric.OPERATING_PROFIT
        || metric == Metric.PERFORMANCE || metric == null;
  }

  /** A change with a size: a percentage, a range, or a multiple. */
  public boolean hasPct() {
    return pct != null;
  }

  /** Whether a percentage change stated elsewhere (with its hedge) agrees with this figure's. */
  public boolean pctAgrees(double stated, Hedge statedHedge) {
    if (pct == null) {
      return false;
    }
    double lo = pctLow != null ? Math.min(pctLow, pctHigh) : pct;
    double hi = pctLow != null ? Math.max(pctLow, pctHigh) : pct;
    if (Math.signum(stated) != 0 && Math.signum(lo) != 0 && Math.signum(stated) != Math.signum(lo)) {
      return false;
    }
    if (Math.abs(stated) >= Math.min(Math.abs(lo), Math.abs(hi)) - 0.6
        && Math.abs(stated) <= Math.max(Math.abs(lo), Math.abs(hi)) + 0.6) {
      return true;
    }
    return statedHedge.admits(stated, lo) || statedHedge.admits(stated, hi) || statedHedge.admits(stated, pct);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(metric == null ? "?" : metric.name()).append(' ').append(direction);
    if (pct != null) {
      b.append(" pct=").append(pct);
    }
    if (pctLow != null) {
      b.append(" [").append(pctLow).append(',').append(pctHigh).append(']');
    }
    if (amount != null) {
      b.append(" amount=").append(amount);
    }
    if (level != null) {
      b.append(" level=").append(level);
    }
    if (points != null) {
      b.append(" points=").append(points);
    }
    if (state != null) {
      b.append(' ').append(state);
    }
    if (hedge != Hedge.NONE) {
      b.append(' ').append(hedge);
    }
    if (intensity != 0) {
      b.append(" intensity=").append(intensity);
    }
    if (period != null) {
      b.append(" period=").append(period.year()).append('/').append(period.codeOrYear())
          .append(period.single() ? "/single" : "");
    }
    if (prior) {
      b.append(" prior");
    }
    if (trend) {
      b.append(" trend");
    }
    b.append(" \"").append(text).append('"');
    return b.toString();
  }
}
