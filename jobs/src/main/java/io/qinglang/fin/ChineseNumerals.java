package io.qinglang.fin;

/** Chinese numerals as written in financial news: 三, 十五, 二十三, 一百二十, 两, 五点五, 3 (digits pass through). */
public final class ChineseNumerals {
  private static final String DIGITS = "零〇一二两三四五六七八九";
  private static final int[] VALUES = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};

  private ChineseNumerals() {}

  /** The value of a numeral, or null when it is not one (几, 数, empty). */
  public static Double parse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
      try {
        return Double.parseDouble(t.replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    int point = t.indexOf('点');
    if (point >= 0) {
      Double whole = integer(t.substring(0, point));
      String frac = t.substring(point + 1);
      if (whole == null || frac.isEmpty()) {
        return null;
      }
      StringBuilder digits = new StringBuilder();
      for (char c : frac.toCharArray()) {
        int i = DIGITS.indexOf(c);
        if (i < 0) {
          return null;
        }
        digits.append(VALUES[i]);
      }
      return whole + Double.parseDouble("0." + digits);
    }
    return integer(t);
  }

  private static Double integer(String t) {
    if (t.isEmpty()) {
      return null;
    }
    long total = 0;
    long section = 0;
    long digit = -1;
    for (char c : t.toCharArray()) {
      int i = DIGITS.indexOf(c);
      if (i >= 0) {
        digit = VALUES[i];
        continue;
      }
      long unit = switch (c) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1000;
        case '万' -> 10_000;
        case '亿' -> 100_000_000;
        default -> -1;
      };
      if (unit < 0) {
        return null;
      }
      if (unit >= 10_000) {
        section += Math.max(digit, 0);
        total = (total + section) * unit;
        section = 0;
      } else {
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
    if (digit >= 0) {
      section += digit;
    }
    return (double) (total + section);
  }
}
