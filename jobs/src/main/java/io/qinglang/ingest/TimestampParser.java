package io.qinglang.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Parses {@code published_at}: ISO-8601 with or without an offset (no offset means the configured
 * time zone), a date alone (midnight local), or epoch seconds / milliseconds (numbers of 12 or more
 * digits are milliseconds).
 */
public final class TimestampParser {
  private static final Pattern EPOCH = Pattern.compile("\\d{1,13}(\\.\\d+)?");
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .appendPattern("uuuu[-][/]MM[-][/]dd")
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .toFormatter();
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendOffset("+HH:MM:ss", "Z")
      .toFormatter();
  private static final DateTimeFormatter OFFSET_COMPACT = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendOffset("+HHMM", "Z")
      .toFormatter();

  private final ZoneId zone;

  public TimestampParser(ZoneId zone) {
    this.zone = zone;
  }

  /** The instant, or throws IllegalArgumentException with a short reason. */
  public Instant parse(Object value) {
    if (value instanceof Number n) {
      return epoch(new BigDecimal(n.toString()));
    }
    String s = String.valueOf(value).trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty timestamp");
    }
    if (EPOCH.matcher(s).matches()) {
      return epoch(new BigDecimal(s));
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {OFFSET, OFFSET_COMPACT}) {
      try {
        return OffsetDateTime.parse(s, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
    } catch (DateTimeParseException ignored) {
      // try a date alone
    }
    try {
      return LocalDate.parse(s.replace('/', '-')).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is neither ISO-8601 nor epoch seconds/milliseconds");
    }
  }

  private static Instant epoch(BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative epoch value " + value);
    }
    BigDecimal millis = value.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0
        ? value
        : value.movePointRight(3);
    return Instant.ofEpochMilli(millis.longValue());
  }
}
