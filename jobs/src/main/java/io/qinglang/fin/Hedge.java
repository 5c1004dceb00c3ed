package io.qinglang.fin;

/** How a number is qualified: 约 (about), 近 (nearly), 超/逾 (over), 不足 (under). */
public enum Hedge {
  NONE, ABOUT, NEAR, OVER, UNDER;

  /**
   * Whether a stated magnitude (non-negative) with this hedge is consistent with an exact one,
   * allowing the rounding headlines use (约15% for 15.2%, 近一成 for 9.6%, 超三成 for 34%).
   */
  public boolean admits(double stated, double exact) {
    double s = Math.abs(stated);
    double x = Math.abs(exact);
    double tolerance = Math.max(1.0, 0.1 * Math.max(s, x));
    return switch (this) {
      case NONE, ABOUT -> Math.abs(s - x) <= tolerance;
      case NEAR -> x <= s + 0.6 && x >= s * 0.75 - 0.5;
      case OVER -> x >= s - 0.6 && x <= s * 1.65 + 3;
      case UNDER -> x <= s + 0.6 && x >= s * 0.5 - 0.5;
    };
  }
}
