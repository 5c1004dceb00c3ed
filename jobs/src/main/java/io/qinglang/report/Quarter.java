package io.qinglang.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter as the statistics tables label it ({@code 2023Q2}); its dates are local dates
 * in the configured time zone, like {@code published_date}.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {
  private static final Pattern LABEL = Pattern.compile("(\\d{4})Q([1-4])");
  private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四"};

  public Quarter {
    if (year < 1000 || year > 9999 || number < 1 || number > 4) {
      throw new IllegalArgumentException("no such quarter: " + year + "Q" + number);
    }
  }

  /** The quarter a label such as {@code 2023Q2} names; IllegalArgumentException when it names none. */
  public static Quarter parse(String label) {
    Matcher m = LABEL.matcher(label == null ? "" : label.trim().toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + label + "' is not a quarter (write it as 2023Q2: year, Q, 1 to 4)");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate start() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  /** The last day of the quarter (inclusive). */
  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  public Quarter previous() {
    return of(start().minusMonths(3));
  }

  public Quarter next() {
    return of(start().plusMonths(3));
  }

  /** {@code 2023Q2}, the label the tables use. */
  public String label() {
    return year + "Q" + number;
  }

  /** {@code 2023年第二季度}. */
  public String chinese() {
    return year + "年第" + CHINESE_NUMBERS[number - 1] + "季度";
  }

  @Override
  public int compareTo(Quarter o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return label();
  }
}
