package io.qinglang.aggregate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INTERIM masking of personal data in the text that statistics show (typical cases), until the
 * detectors' masking utility (issue 6) lands on main; then {@link #mask} should delegate to it and this
 * class be removed. Deliberately eager: anything that looks like a resident ID, bank card, mobile or
 * landline number, or e-mail address is masked, without the detectors' validation (check digits,
 * Luhn, context), because a typical case shown to people must never leak a value. Masked forms follow
 * the detectors' convention: 110105********1234, 6222********0123, 138****5678, 010-****5678,
 * z***@example.com.
 */
public final class InterimPersonalDataMasker {
  private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
  private static final Pattern BANK_CARD = Pattern.compile("(?<!\\d)\\d{4}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}[ -]\\d{7,8}(?!\\d)");

  private InterimPersonalDataMasker() {}

  /** The text with personal data masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = replace(RESIDENT_ID, text, v -> keep(v, 6, 4));
    s = replace(BANK_CARD, s, v -> keep(digits(v), 4, 4));
    s = replace(EMAIL, s, v -> v.charAt(0) + "***" + v.substring(v.indexOf('@')));
    s = replace(MOBILE, s, v -> {
      String d = digits(v);
      d = d.substring(d.length() - 11);
      return d.substring(0, 3) + "****" + d.substring(7);
    });
    s = replace(LANDLINE, s, v -> {
      int sep = Math.max(v.indexOf('-'), v.indexOf(' '));
      String number = v.substring(sep + 1);
      return v.substring(0, sep) + "-" + "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    });
    return s;
  }

  private static String replace(Pattern p, String text, java.util.function.UnaryOperator<String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String keep(String value, int head, int tail) {
    return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
  }

  private static String digits(String value) {
    return value.replaceAll("[^0-9]", "");
  }
}
