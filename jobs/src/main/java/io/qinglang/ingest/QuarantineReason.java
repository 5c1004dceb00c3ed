package io.qinglang.ingest;

/** Reason codes of the quarantine table. Codes with a field name read {@code code:field}. */
public final class QuarantineReason {
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String MALFORMED_CSV = "malformed_csv";
  public static final String MISSING_FIELD = "missing_field";
  public static final String BAD_TIMESTAMP = "bad_timestamp";
  public static final String UNKNOWN_PLATFORM = "unknown_platform";
  public static final String CONTENT_TOO_LONG = "content_too_long";
  public static final String BAD_ENCODING = "bad_encoding";
  public static final String BAD_TYPE = "bad_type";
  public static final String BAD_VALUE = "bad_value";

  private QuarantineReason() {}

  public static String of(String code, String field) {
    return code + ":" + field;
  }
}
