package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Calendar quarters labelled {@code 2023Q2}. Dates are local dates in the configured time zone
 * (published_date, referred_date), so a post at 2023-06-30T23:30+08:00 is in 2023Q2 even though it is
 * 15:30 UTC on the same day, and one at 2023-07-01T00:10+08:00 is in 2023Q3 although it is still
 * June 30 in UTC. Labels sort in time order as text.
 */
public final class Quarters {
  private static final Pattern LABEL = Pattern.compile("(\\d{4})Q([1-4])");

  private Quarters() {}

  public static String of(LocalDate date) {
    return date.getYear() + "Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }

  public static LocalDate start(String label) {
    Matcher m = parse(label);
    return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
  }

  public static LocalDate end(String label) {
    return start(label).plusMonths(3).minusDays(1);
  }

  public static String previous(String label) {
    return of(start(label).minusMonths(3));
  }

  public static String next(String label) {
    return of(start(label).plusMonths(3));
  }

  /** The quarter label of a date column. */
  public static Column of(Column date) {
    return concat(year(date).cast("string"), lit("Q"), quarter(date).cast("string"));
  }

  /** The label of the quarter after the one a label column names. */
  public static Column next(Column label) {
    Column y = label.substr(1, 4).cast("int");
    Column q = label.substr(6, 1).cast("int");
    return when(q.equalTo(4), concat(y.plus(1).cast("string"), lit("Q1")))
        .otherwise(concat(y.cast("string"), lit("Q"), q.plus(1).cast("string")));
  }

  private static Matcher parse(String label) {
    Matcher m = LABEL.matcher(label);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + label + "' is not a quarter such as 2023Q2");
    }
    return m;
  }
}
