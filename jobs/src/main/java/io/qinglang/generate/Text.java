package io.qinglang.generate;

import java.time.LocalDateTime;

/** Number and date formatting without java.util.Formatter (which parses its pattern on every call). */
final class Text {
  private Text() {}

  /** Appends {@code v} zero-padded to {@code width} digits. */
  static StringBuilder pad(StringBuilder b, long v, int width) {
    String s = Long.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  static String pad(long v, int width) {
    return pad(new StringBuilder(width), v, width).toString();
  }

  /** yyyy-MM-dd + sep + HH:mm:ss. */
  static String dateTime(LocalDateTime t, char sep) {
    StringBuilder b = new StringBuilder(25);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append(sep);
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    return b.toString();
  }

  /** A non-negative number with {@code decimals} decimals, trailing zeros dropped ("3.2", "15"). */
  static String decimal(double v, int decimals) {
    long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    long r = Math.round(Math.abs(v) * scale);
    long whole = r / scale;
    long frac = r % scale;
    StringBuilder b = new StringBuilder().append(whole);
    if (frac != 0) {
      String f = pad(frac, decimals);
      int end = f.length();
      while (end > 0 && f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
    return b.toString();
  }
}
