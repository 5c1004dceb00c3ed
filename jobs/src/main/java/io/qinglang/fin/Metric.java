package io.qinglang.fin;

/** What a figure measures. The major ones are the headline figures of a periodic report. */
public enum Metric {
  REVENUE("营收", true),
  NET_PROFIT("净利润", true),
  DEDUCTED_PROFIT("扣非净利润", true),
  /** 业绩: revenue and profit together, as headlines say. */
  PERFORMANCE("业绩", true),
  OPERATING_PROFIT("营业利润", false),
  NON_RECURRING("非经常性损益", false),
  SEGMENT_REVENUE("分项收入", false),
  GROSS_MARGIN("毛利率", false),
  NET_MARGIN("净利率", false),
  GROSS_PROFIT("毛利", false),
  EPS("每股收益", false),
  CASH_FLOW("现金流", false),
  COST("费用", false),
  BALANCE("资产负债", false),
  VOLUME("销量/订单", false),
  PRICE("价格", false),
  RATIO("占比", false),
  DIVIDEND("分红", false),
  STOCK_PRICE("股价", false);

  private final String label;
  private final boolean major;

  Metric(String label, boolean major) {
    this.label = label;
    this.major = major;
  }

  public String label() {
    return label;
  }

  /** Revenue, net profit (归母 or 扣非) and 业绩: what a results headline is about. */
  public boolean major() {
    return major;
  }

  /** A rate (margin, ratio): the metrics that change in percentage points. */
  public boolean rate() {
    return this == GROSS_MARGIN || this == NET_MARGIN || this == RATIO;
  }

  /**
   * Whether a headline's claim about {@code title} (null: 业绩 in general) can be checked against a
   * body figure about {@code body} (null: unknown, never comparable).
   */
  public static boolean compatible(Metric title, Metric body) {
    if (body == null) {
      return false;
    }
    Metric t = title == null ? PERFORMANCE : title;
    Metric b = body;
    if (t == b) {
      return true;
    }
    if (t == PERFORMANCE) {
      return b == REVENUE || b == NET_PROFIT || b == DEDUCTED_PROFIT || b == OPERATING_PROFIT;
    }
    if (b == PERFORMANCE) {
      return t == REVENUE || t == NET_PROFIT || t == DEDUCTED_PROFIT;
    }
    return false;
  }
}
