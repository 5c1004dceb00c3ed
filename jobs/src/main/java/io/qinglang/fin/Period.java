package io.qinglang.fin;

import java.io.Serializable;

/**
 * A reporting period: an optional year and a code. Codes: Q1..Q4 (a single quarter), H1, H2, Q1-Q3
 * (the first three quarters), FY (the year), M1-M11 (the first n months).
 */
public record Period(Integer year, String code, boolean single) implements Serializable {
  public static final String FY = "FY";

  public String codeOrYear() {
    return code == null ? FY : code;
  }

  /** True for a quarter reported on its own (一季度, Q3 单季), false for cumulative periods. */
  public boolean singleQuarter() {
    String c = codeOrYear();
    return c.length() == 2 && c.charAt(0) == 'Q' || single;
  }

  /** How much of the year it covers, in quarters (a single quarter 1, H1 2, Q1-Q3 3, FY 4). */
  public int quarters() {
    if (single) {
      return 1;
    }
    String c = codeOrYear();
    if (c.startsWith("M")) {
      return Math.max(1, Integer.parseInt(c.substring(1)) / 3);
    }
    return switch (c) {
      case "Q1", "Q2", "Q3", "Q4" -> 1;
      case "H1", "H2" -> 2;
      case "Q1-Q3" -> 3;
      default -> 4;
    };
  }

  /** Same period of the same year, when both years are known. */
  public boolean sameAs(Period other) {
    return sameSpan(other) && (year == null || other.year == null || year.equals(other.year));
  }

  /** The same span of a year (code and single-quarter flag), whatever the years. */
  public boolean sameSpan(Period other) {
    return other != null && codeOrYear().equals(other.codeOrYear()) && single == other.single;
  }

  public String label() {
    String y = year == null ? "" : year + "年";
    String c = switch (codeOrYear()) {
      case "Q1" -> "一季度";
      case "Q2" -> "二季度";
      case "Q3" -> "三季度";
      case "Q4" -> "四季度";
      case "H1" -> "上半年";
      case "H2" -> "下半年";
      case "Q1-Q3" -> "前三季度";
      case "FY" -> year == null ? "全年" : "";
      default -> "前" + codeOrYear().substring(1) + "月";
    };
    return y + c + (single && !codeOrYear().startsWith("Q") ? "单季" : single ? "单季" : "");
  }
}
