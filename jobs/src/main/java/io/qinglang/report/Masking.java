package io.qinglang.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one place where the report and the notebooks mask personal data in text people read (typical
 * cases, account names, evidence, campaign texts, exports). Statistics and detectors mask before they
 * write; this masks again on the way out, because a page must never show a raw value. Masking is
 * eager and needs no context: any run of digits shaped like a resident ID (18 or 15 digits), a bank
 * card (16 to 19 digits, grouped or not), a mainland mobile number (with or without +86) or a
 * landline with area code, and any e-mail address, is masked; values already masked stay as they are
 * (masking twice changes nothing). Masked forms: {@code 110105********1234}, {@code 6222*********0123},
 * {@code 138****5678}, {@code 010-****5678}, {@code z***@example.com}.
 *
 * <p>TODO(lead): when the detectors' {@code io.qinglang.detect.PersonalDataMasker} is on main,
 * {@link #mask} should delegate to it (it validates and covers more kinds: plates, passports, addresses).
 */
public final class Masking {
  /** The Spark SQL function that {@link #register} defines (the same name the detectors use). */
  public static final String SQL_FUNCTION = "mask_personal_data";

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  /**
   * A whole run of digits (single spaces or hyphens between groups allowed, an ID's final X too), also
   * when letters touch it: {@code ID110105199001011234} is masked as well.
   */
  private static final Pattern DIGITS = Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?\\d+(?:[ -]\\d+)*[Xx]?(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0\\d{2,3})[ -](\\d{7,8})(?![0-9])");

  private Masking() {}

  /** {@code text} with personal data masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = replace(EMAIL, text, m -> {
      String v = m.group();
      return v.charAt(0) + "***" + v.substring(v.indexOf('@'));
    });
    s = replace(LANDLINE, s, m -> m.group(1) + "-" + "*".repeat(m.group(2).length() - 4)
        + m.group(2).substring(m.group(2).length() - 4));
    return replace(DIGITS, s, m -> maskDigits(m.group()));
  }

  /** Registers {@code mask_personal_data(text)} for Spark SQL. */
  public static void register(SparkSession spark) {
    spark.udf().register(SQL_FUNCTION, (UDF1<String, String>) Masking::mask, DataTypes.StringType);
  }

  private static String maskDigits(String token) {
    String digits = token.replaceAll("[^0-9Xx]", "");
    if (token.startsWith("+86") || (token.startsWith("86") && digits.length() == 13)) {
      digits = digits.substring(2);
    }
    int n = digits.length();
    boolean x = digits.endsWith("X") || digits.endsWith("x");
    if (n == 18 || (n == 15 && looksLikeOldId(digits))) {
      return digits.substring(0, 6) + "*".repeat(n - 10) + digits.substring(n - 4);
    }
    String plain = x ? digits.substring(0, n - 1) : digits;
    String tail = x ? digits.substring(n - 1) : "";
    int m = plain.length();
    if (m == 11 && plain.charAt(0) == '1') {
      return plain.substring(0, 3) + "****" + plain.substring(7) + tail;
    }
    if (m >= 16 && m <= 19) {
      return plain.substring(0, 4) + "*".repeat(m - 8) + plain.substring(m - 4) + tail;
    }
    if (m >= 15) {
      // Any other long digit run could be an identifier people must not read: keep only its ends.
      return plain.substring(0, 3) + "*".repeat(m - 6) + plain.substring(m - 3) + tail;
    }
    return token;
  }

  /** A 15-digit first-generation ID: 6-digit area code then a YYMMDD birth date. */
  private static boolean looksLikeOldId(String d) {
    if (!d.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int month = Integer.parseInt(d.substring(8, 10));
    int day = Integer.parseInt(d.substring(10, 12));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
