package io.qinglang.ingest;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Engagement counts as platforms show them: 1200, "1,200", "1.2万", "3.4w", "2k", "1.5亿". */
final class Counts {
  private static final Pattern DISPLAY = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(万|w|W|k|K|千|亿)?\\+?");

  private Counts() {}

  /** The count, or null when the value is not a whole number in one of those forms. */
  static Long parse(Object value) {
    BigDecimal number;
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else if (value instanceof String s) {
      Matcher m = DISPLAY.matcher(s.trim().replace(",", ""));
      if (!m.matches()) {
        return null;
      }
      number = new BigDecimal(m.group(1));
      String unit = m.group(2);
      if (unit != null) {
        number = number.multiply(BigDecimal.valueOf(switch (unit) {
          case "万", "w", "W" -> 10_000L;
          case "亿" -> 100_000_000L;
          default -> 1_000L;
        }));
      }
    } else {
      return null;
    }
    try {
      return number.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
