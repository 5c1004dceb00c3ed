package io.qinglang.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.report.ResultTable.Kind;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How values of a {@link ResultTable} are written for people (pages) and for machines (CSV). */
public final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Values() {}

  /**
   * A value as people read it: whole numbers with thousands separators, decimals with up to two
   * places (four below 1), shares as percentages, timestamps in {@code zone} to the minute (or as
   * ISO-8601 UTC when {@code zone} is null), lists joined by commas. Null is the empty string.
   */
  public static String display(Object value, Kind kind, ZoneId zone) {
    if (value == null) {
      return "";
    }
    if (kind == Kind.PERCENT && value instanceof Number n) {
      return percent(n.doubleValue());
    }
    if (value instanceof Long l) {
      return String.format(Locale.ROOT, "%,d", l);
    }
    if (value instanceof Double || value instanceof BigDecimal) {
      return decimal(((Number) value).doubleValue());
    }
    if (value instanceof Instant i) {
      return zone == null ? DateTimeFormatter.ISO_INSTANT.format(i) : LOCAL_MINUTES.format(i.atZone(zone));
    }
    if (value instanceof LocalDateTime t) {
      return LOCAL_SECONDS.format(t);
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof List<?> list && list.stream().noneMatch(v -> v instanceof List || v instanceof Map)) {
      List<String> parts = new ArrayList<>();
      for (Object v : list) {
        parts.add(v == null ? "null" : display(v, kindOfValue(v), zone));
      }
      return String.join(", ", parts);
    }
    if (value instanceof List || value instanceof Map) {
      return json(value);
    }
    return String.valueOf(value);
  }

  /**
   * A value as a CSV field: numbers in full (no separators, no exponent), timestamps as ISO-8601 with
   * the offset of {@code zone}, dates as ISO-8601, nested values as JSON. Null is the empty string.
   */
  public static String export(Object value, ZoneId zone) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Instant i) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone).toOffsetDateTime());
    }
    if (value instanceof List || value instanceof Map) {
      return json(value);
    }
    return String.valueOf(value);
  }

  /** {@code 0.8512} as {@code 85.1%}. */
  public static String percent(double share) {
    return format("#,##0.0", share * 100) + "%";
  }

  /** A decimal with up to two places, or up to four when its magnitude is below 1. */
  public static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    return format(Math.abs(value) < 1 ? "0.####" : "#,##0.##", value);
  }

  /** A signed change: {@code +12}, {@code -3.5}, {@code 0}. */
  public static String signed(double change, boolean whole) {
    String text = whole ? String.format(Locale.ROOT, "%,d", Math.round(change)) : decimal(change);
    return change > 0 ? "+" + text : text;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(jsonReady(value));
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static Object jsonReady(Object value) {
    if (value instanceof Instant || value instanceof LocalDate || value instanceof LocalDateTime) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(jsonReady(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), jsonReady(v)));
      return out;
    }
    return value;
  }

  static Kind kindOfValue(Object v) {
    if (v instanceof Long) {
      return Kind.INTEGER;
    }
    if (v instanceof Double || v instanceof BigDecimal) {
      return Kind.DECIMAL;
    }
    if (v instanceof Instant) {
      return Kind.TIMESTAMP;
    }
    if (v instanceof LocalDate) {
      return Kind.DATE;
    }
    return Kind.TEXT;
  }

  private static String format(String pattern, double value) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    String s = f.format(value);
    return s.equals("-0") ? "0" : s;
  }
}
