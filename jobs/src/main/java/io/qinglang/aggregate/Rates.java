package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** How statistics turn counts into rates and shares. */
public final class Rates {
  private Rates() {}

  /** 10000 * part / whole, rounded to 2 decimals (half up); 0 when whole is 0. */
  public static Column per10k(Column part, Column whole) {
    return when(whole.gt(0), round(part.cast("double").multiply(10000.0).divide(whole), 2)).otherwise(lit(0.0));
  }

  /** part / whole rounded to 4 decimals; null when whole is 0. */
  public static Column share(Column part, Column whole) {
    return when(whole.gt(0), round(part.cast("double").divide(whole), 4));
  }

  /** Hours rounded to 2 decimals. */
  public static Column hours(Column value) {
    return round(value, 2);
  }
}
