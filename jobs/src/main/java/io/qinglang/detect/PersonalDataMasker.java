package io.qinglang.detect;

import io.qinglang.detect.PersonalDataPatterns.Candidate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Masks personal data in free text before people read it: every human-readable output (evidence,
 * reports, summaries, typical cases, exports) passes its text through {@link #mask(String)}.
 *
 * <p>Masking is deliberately broader than detection: it needs no context and masks every candidate
 * that could be real, including ID numbers with a wrong check digit, grouped card numbers failing
 * Luhn and passport-like codes. Formats: resident ID {@code 110105********1234}, mobile
 * {@code 138****5678}, landline {@code 010-****5678}, card {@code 6222********1234}, e-mail
 * {@code z***@example.com}, plate {@code 粤B****8}, passport {@code E******78}, address
 * {@code 北京市朝阳区****} (the administrative prefix stays), school class {@code **小学*年*班}, flight {@code MU****} (only
 * next to a flight word: a model number stays), an entrepreneur's medical detail {@code **病情**} (only near a word
 * naming a boss: a patient's own post stays). 400/800 service numbers stay as they are.
 * Already masked values ({@code 138****5678}) are left alone, so masking twice changes nothing.
 */
public final class PersonalDataMasker {
  /** The Spark SQL function registered by {@link #register(SparkSession)}. */
  public static final String SQL_FUNCTION = "mask_personal_data";

  private PersonalDataMasker() {}

  /** {@code text} with every personal-data candidate replaced by its masked form; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    List<Candidate> found = PersonalDataPatterns.find(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int at = 0;
    for (Candidate c : found) {
      if (c.kind() == PersonalDataKind.HOTLINE) {
        continue;
      }
      b.append(text, at, c.start()).append(c.masked());
      at = c.end();
    }
    b.append(text, at, text.length());
    return b.toString();
  }

  /** True when {@code text} holds something {@link #mask} would change. */
  public static boolean containsPersonalData(String text) {
    return PersonalDataPatterns.find(text).stream().anyMatch(c -> c.kind() != PersonalDataKind.HOTLINE);
  }

  /** The masking function as a Spark column expression. */
  public static Column maskColumn(Column text) {
    return udf().apply(text);
  }

  /** Registers {@code mask_personal_data(text)} for Spark SQL (reports and the sql command use it). */
  public static void register(SparkSession spark) {
    spark.udf().register(SQL_FUNCTION, udf());
  }

  private static UserDefinedFunction udf() {
    return functions.udf((UDF1<String, String>) PersonalDataMasker::mask, DataTypes.StringType)
        .withName(SQL_FUNCTION);
  }
}
