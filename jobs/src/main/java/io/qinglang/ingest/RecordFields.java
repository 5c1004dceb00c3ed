package io.qinglang.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one parsed archive record (field name to JSON-like value: String, Number, Boolean,
 * Map, List or null), shared by the validators of every record kind. A failed read throws
 * {@link Rejection} with the quarantine reason code and a detail for a person.
 */
final class RecordFields {
  private final Map<String, Object> fields;

  RecordFields(Map<String, Object> fields) {
    this.fields = fields;
  }

  Object get(String field) {
    return fields.get(field);
  }

  Map<String, Object> all() {
    return fields;
  }

  boolean absent(String field) {
    Object value = fields.get(field);
    return value == null || (value instanceof String s && s.isBlank());
  }

  String requiredText(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  /** Strings as they are, whole numbers as their digits; blank means absent. */
  String optionalText(String field) {
    Object value = fields.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s.isBlank() ? null : s;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    throw badType(field, "a string");
  }

  /** A non-negative count as platforms show it (1200, "1,200", "1.2万"), or null when absent. */
  Long count(String field) {
    if (absent(field)) {
      return null;
    }
    Long parsed = Counts.parse(fields.get(field));
    if (parsed == null) {
      throw badType(field, "a whole number (such as 1200 or 1.2万)");
    }
    if (parsed < 0) {
      throw new Rejection(QuarantineReason.of(QuarantineReason.BAD_VALUE, field), field + " is negative");
    }
    return parsed;
  }

  Rejection missing(String field) {
    return new Rejection(QuarantineReason.of(QuarantineReason.MISSING_FIELD, field),
        "required field " + field + " is missing or empty");
  }

  Rejection badType(String field, String expected) {
    Object value = fields.get(field);
    String kind = value instanceof Map ? "an object" : value instanceof List ? "an array"
        : value instanceof Boolean ? "a boolean" : "'" + value + "'";
    return new Rejection(QuarantineReason.of(QuarantineReason.BAD_TYPE, field),
        field + " must be " + expected + ", not " + kind);
  }

  static Rejection badValue(String field, String detail) {
    return new Rejection(QuarantineReason.of(QuarantineReason.BAD_VALUE, field), detail);
  }

  /** A record that cannot be accepted: the quarantine reason code and what is wrong. */
  static final class Rejection extends RuntimeException {
    final String reason;
    final String detail;

    Rejection(String reason, String detail) {
      super(reason, null, false, false);
      this.reason = reason;
      this.detail = detail;
    }
  }
}
