package io.qinglang.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The figures of one company's periodic report, drawn to suit the title the article will carry:
 * accurate bad news really is bad, a "trend" title gets one weak quarter inside a growing period, a
 * "minor metric" title gets growing main figures and one falling minor metric. The article body
 * states the figures; the title (a form of the grammar) reports or distorts them through the
 * {@code fin_*} built-ins.
 */
final class FinancialReport {
  enum Period { ANNUAL, Q1, H1, Q3 }

  final Period period;
  final int year;
  /** Revenue in 亿元 and its year-on-year change in percent. */
  final double revenue;
  final double revenuePct;
  /** Net profit attributable to shareholders in 亿元 (negative: a loss) and its change in percent. */
  final double netProfit;
  final double netProfitPct;
  final boolean loss;
  /** The minor metric and its change (always a fall), or null. */
  final String minorName;
  final double minorPct;
  /** The change of the last single quarter, or NaN when the period is one quarter. */
  final double quarterPct;
  final String quarterName;
  final boolean mentionQuarter;
  final boolean mentionMinor;
  /** The inflated change a distorting title claims (percent, positive number). */
  final double inflatedPct;

  private static final String[] MINOR = {"经营活动产生的现金流量净额", "经营性现金流", "海外业务收入", "投资收益",
      "合同负债", "其他业务收入", "销售商品收到的现金", "境外营收", "新业务板块收入", "公允价值变动收益", "线上渠道收入",
      "加盟业务收入"};

  FinancialReport(SplittableRandom rng, Form.FinType type, LocalDate published, boolean large) {
    int m = published.getMonthValue();
    int y = published.getYear();
    Period p;
    if (m <= 3) {
      p = Period.ANNUAL;
      y -= 1;
    } else if (m == 4) {
      p = rng.nextBoolean() ? Period.ANNUAL : Period.Q1;
      if (p == Period.ANNUAL) {
        y -= 1;
      }
    } else if (m <= 6) {
      p = rng.nextInt(10) < 7 ? Period.Q1 : Period.ANNUAL;
      if (p == Period.ANNUAL) {
        y -= 1;
      }
    } else if (m <= 9) {
      p = rng.nextInt(10) < 8 || m >= 8 ? Period.H1 : Period.Q1;
    } else {
      p = rng.nextInt(10) < 7 ? Period.Q3 : Period.H1;
    }
    if (type == Form.FinType.TREND && p == Period.Q1) {
      p = m >= 7 ? Period.H1 : Period.ANNUAL;
      if (p == Period.ANNUAL && y == published.getYear()) {
        y -= 1;
      }
    }
    period = p;
    year = y;
    double scale = switch (p) {
      case ANNUAL -> 1.0;
      case Q1 -> 0.24;
      case H1 -> 0.5;
      case Q3 -> 0.74;
    };
    revenue = round2(Math.exp(large ? rng.nextDouble(Math.log(300), Math.log(6000))
        : rng.nextDouble(Math.log(3), Math.log(2000))) * scale);
    double rev;
    double np;
    boolean isLoss = false;
    switch (type) {
      case FAITHFUL_BAD -> {
        rev = rng.nextDouble(-35, 6);
        np = -rng.nextDouble(2, 85);
        isLoss = rng.nextInt(10) < 2;
      }
      case FAITHFUL_GOOD -> {
        rev = rng.nextDouble(1, 45);
        np = rng.nextDouble(1, 120);
      }
      case FAITHFUL -> {
        rev = rng.nextDouble(-25, 40);
        np = rng.nextDouble(-60, 90);
      }
      case FLIP -> {
        rev = rng.nextDouble(-15, 30);
        np = rng.nextBoolean() ? rng.nextDouble(1, 40) : -rng.nextDouble(1, 30);
      }
      case INFLATE -> {
        rev = rng.nextDouble(-10, 12);
        np = -rng.nextDouble(0.8, 12);
      }
      case CRISIS -> {
        rev = rng.nextDouble(-8, 20);
        np = rng.nextDouble(-14, 12);
      }
      case TREND -> {
        rev = rng.nextDouble(2, 30);
        np = rng.nextDouble(2, 35);
      }
      case MINOR -> {
        rev = rng.nextDouble(3, 35);
        np = rng.nextDouble(3, 45);
      }
      default -> throw new IllegalStateException(type.toString());
    }
    revenuePct = round2(rev);
    netProfitPct = round2(Math.abs(np) < 0.3 ? 0.3 * Math.signum(np == 0 ? 1 : np) : np);
    loss = isLoss;
    double margin = rng.nextDouble(0.02, 0.25);
    double npValue = round2(Math.max(0.01, revenue * margin));
    netProfit = loss ? -npValue : npValue;
    boolean hasQuarter = p != Period.Q1;
    quarterName = switch (p) {
      case ANNUAL -> pick(rng, "第四季度", "四季度", "Q4");
      case H1 -> pick(rng, "第二季度", "二季度", "Q2");
      case Q3 -> pick(rng, "第三季度", "三季度", "Q3");
      case Q1 -> null;
    };
    if (!hasQuarter) {
      quarterPct = Double.NaN;
    } else if (type == Form.FinType.TREND) {
      quarterPct = -round2(rng.nextDouble(2, 25));
    } else {
      quarterPct = round2(netProfitPct + rng.nextDouble(-12, 12));
    }
    mentionQuarter = hasQuarter && (type == Form.FinType.TREND || rng.nextInt(10) < 5);
    mentionMinor = type == Form.FinType.MINOR || rng.nextInt(10) < 5;
    minorName = MINOR[rng.nextInt(MINOR.length)];
    minorPct = -round2(type == Form.FinType.MINOR ? rng.nextDouble(25, 70) : rng.nextDouble(3, 40));
    inflatedPct = Math.min(96, Math.max(30 + rng.nextDouble(0, 8), Math.abs(netProfitPct) * rng.nextDouble(5, 12)));
  }

  private static double round2(double d) {
    return Math.round(d * 100) / 100.0;
  }

  private static String pick(SplittableRandom rng, String... options) {
    return options[rng.nextInt(options.length)];
  }

  String periodName(SplittableRandom rng) {
    return switch (period) {
      case ANNUAL -> pick(rng, year + "年", year + "年度", year + "年全年");
      case Q1 -> pick(rng, year + "年一季度", year + "年第一季度", year + "年Q1");
      case H1 -> pick(rng, year + "年上半年", year + "年半年度", year + "年上半年");
      case Q3 -> pick(rng, year + "年前三季度", year + "年1-9月", year + "年前三季度");
    };
  }

  String periodShort(SplittableRandom rng) {
    return switch (period) {
      case ANNUAL -> pick(rng, "去年", "全年", year + "年", "年报");
      case Q1 -> pick(rng, "一季度", "Q1", "一季报");
      case H1 -> pick(rng, "上半年", "半年报", "中报");
      case Q3 -> pick(rng, "前三季度", "三季报");
    };
  }

  static String amount(double yi) {
    double a = Math.abs(yi);
    if (a >= 1) {
      return Text.decimal(a, a >= 100 ? 1 : 2) + "亿元";
    }
    return Text.decimal(a * 10000, 0) + "万元";
  }

  static String pct(double p) {
    return Text.decimal(p, 2) + "%";
  }

  private static String trim(String s) {
    if (s.indexOf('.') >= 0) {
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      if (s.charAt(end - 1) == '.') {
        end--;
      }
      s = s.substring(0, end);
    }
    return s;
  }

  static String up(SplittableRandom rng) {
    return pick(rng, "增长", "增长", "上升", "增加", "提升");
  }

  static String down(SplittableRandom rng) {
    return pick(rng, "下降", "下降", "下滑", "减少", "回落");
  }

  static String dir(SplittableRandom rng, double pct) {
    return pct >= 0 ? up(rng) : down(rng);
  }

  /** The change in words as a faithful reporter rounds it: 近三成, 超两成, 约5%, 翻倍. */
  static String rough(SplittableRandom rng, double pct) {
    double a = Math.abs(pct);
    if (a >= 100) {
      return a < 200 ? pick(rng, "翻倍", "超一倍") : "超" + (int) (a / 100) + "倍";
    }
    if (a >= 10) {
      int tens = (int) (a / 10);
      double rem = a - tens * 10;
      String[] cn = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
      if (rem >= 7) {
        return "近" + cn[tens + 1] + "成";
      }
      if (rem >= 1) {
        return pick(rng, "超", "逾") + cn[tens] + "成";
      }
      return "约" + cn[tens] + "成";
    }
    if (a < 3) {
      return pick(rng, "约", "") + Text.decimal(a, 1) + "%";
    }
    long r = Math.round(a);
    return (r > a ? pick(rng, "约", "近") : pick(rng, "约", "超")) + r + "%";
  }

  boolean npUp() {
    return !loss && netProfitPct >= 0;
  }
}
