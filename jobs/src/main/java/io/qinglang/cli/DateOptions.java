package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Date options of the commands (--from, --to, --start, --end): ISO dates, errors that name the option. */
final class DateOptions {
  private DateOptions() {}

  /** The date {@code value} of {@code option}, or null when the option was not given. */
  static LocalDate parse(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new ConfigException(option + ": '" + value + "' is not a date (use YYYY-MM-DD)");
    }
  }
}
