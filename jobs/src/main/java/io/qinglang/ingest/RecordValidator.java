package io.qinglang.ingest;

import io.qinglang.config.QinglangConfig;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one parsed archive record (field name to JSON-like value: String, Number, Boolean, Map,
 * List or null) into an accepted post or a quarantine entry. Checks run in a fixed order so that a
 * record with several problems always gets the same reason.
 */
public final class RecordValidator implements Serializable {
  private final List<String> knownPlatforms;
  private final Map<String, String> aliases;
  private final String zoneId;
  private final int maxContentLength;
  private final long earliestMillis;
  private final long latestMillis;
  private transient TimestampParser timestamps;

  public RecordValidator(QinglangConfig.Platforms platforms, ZoneId zone, int maxContentLength,
      LocalDate earliest, Instant runStart) {
    this.knownPlatforms = List.copyOf(platforms.known());
    this.aliases = Map.copyOf(platforms.aliases());
    this.zoneId = zone.getId();
    this.maxContentLength = maxContentLength;
    this.earliestMillis = earliest.atStartOfDay(zone).toInstant().toEpochMilli();
    this.latestMillis = runStart.plusSeconds(86_400).toEpochMilli();
  }

  public static RecordValidator of(QinglangConfig config, Instant runStart) {
    return new RecordValidator(config.platforms(), config.timeZone(), config.ingest().maxContentLength(),
        config.ingest().earliestTimestamp(), runStart);
  }

  /** The canonical platform id for a value seen in an archive, or null when it is unknown. */
  public String canonicalPlatform(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (knownPlatforms.contains(lower)) {
      return lower;
    }
    return aliases.get(lower);
  }

  public ArchiveRecord validate(String sourceFile, long recordNo, String raw, Map<String, Object> fields) {
    Check c = new Check(sourceFile, recordNo, raw, fields);
    try {
      return c.run();
    } catch (Rejection r) {
      return ArchiveRecord.rejected(sourceFile, recordNo, raw, r.reason, r.detail, c.platform, c.postId);
    }
  }

  private final class Check {
    final String sourceFile;
    final long recordNo;
    final String raw;
    final Map<String, Object> fields;
    String platform;
    String postId;

    Check(String sourceFile, long recordNo, String raw, Map<String, Object> fields) {
      this.sourceFile = sourceFile;
      this.recordNo = recordNo;
      this.raw = raw;
      this.fields = fields;
    }

    ArchiveRecord run() {
      if (raw != null && raw.indexOf('\uFFFD') >= 0) {
        throw new Rejection(QuarantineReason.BAD_ENCODING, "the record is not valid UTF-8 text");
      }
      postId = requiredText(ArchiveFields.POST_ID);
      String platformValue = requiredText(ArchiveFields.PLATFORM);
      platform = canonicalPlatform(platformValue);
      if (platform == null) {
        throw new Rejection(QuarantineReason.UNKNOWN_PLATFORM,
            "platform '" + platformValue + "' is neither a known platform nor an alias in qinglang.platforms");
      }
      String accountId = requiredText(ArchiveFields.ACCOUNT_ID);
      Object publishedValue = fields.get(ArchiveFields.PUBLISHED_AT);
      if (isAbsent(publishedValue)) {
        throw missing(ArchiveFields.PUBLISHED_AT);
      }
      if (!(publishedValue instanceof String || publishedValue instanceof Number)) {
        throw badType(ArchiveFields.PUBLISHED_AT, "a string or a number");
      }
      Instant published;
      try {
        published = timestamps().parse(publishedValue);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new Rejection(QuarantineReason.BAD_TIMESTAMP, "published_at: " + e.getMessage());
      }
      long millis = published.toEpochMilli();
      if (millis < earliestMillis || millis > latestMillis) {
        throw new Rejection(QuarantineReason.BAD_TIMESTAMP,
            "published_at " + published + " is outside the plausible range (earliest-timestamp to run time + 1 day)");
      }
      String content = requiredText(ArchiveFields.CONTENT);
      String title = optionalText(ArchiveFields.TITLE);
      String contentType = optionalText(ArchiveFields.CONTENT_TYPE);
      contentType = contentType == null ? "post" : contentType.toLowerCase(Locale.ROOT);
      if (!ArchiveFields.CONTENT_TYPES.contains(contentType)) {
        throw new Rejection(QuarantineReason.of(QuarantineReason.BAD_VALUE, ArchiveFields.CONTENT_TYPE),
            "content_type '" + contentType + "' is not one of " + ArchiveFields.CONTENT_TYPES);
      }
      String accountName = optionalText(ArchiveFields.ACCOUNT_NAME);
      String url = optionalText(ArchiveFields.URL);
      String ipRegion = optionalText(ArchiveFields.IP_REGION);
      String query = optionalText(ArchiveFields.QUERY);
      Long reposts = count(ArchiveFields.REPOST_COUNT);
      Long comments = count(ArchiveFields.COMMENT_COUNT);
      Long likes = count(ArchiveFields.LIKE_COUNT);
      if (content.length() > maxContentLength || (title != null && title.length() > maxContentLength)) {
        throw new Rejection(QuarantineReason.CONTENT_TOO_LONG, "content or title is longer than "
            + maxContentLength + " characters (qinglang.ingest.max-content-length)");
      }
      Map<String, String> extra = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        if (!ArchiveFields.KNOWN.contains(e.getKey()) && !isAbsent(e.getValue())) {
          extra.put(e.getKey(), JsonValues.toText(e.getValue()));
        }
      }
      ZoneId zone = ZoneId.of(zoneId);
      return new ArchiveRecord(sourceFile, recordNo, raw, null, null, postId, platform, contentType, accountId,
          accountName, published, published.atZone(zone).toLocalDate(), title, content, url, reposts, comments,
          likes, ipRegion, query, extra, contentHash(title, content));
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
      if (isAbsent(value)) {
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

    Long count(String field) {
      Object value = fields.get(field);
      if (isAbsent(value) || (value instanceof String s && s.isBlank())) {
        return null;
      }
      Long parsed = Counts.parse(value);
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
  }

  private TimestampParser timestamps() {
    if (timestamps == null) {
      timestamps = new TimestampParser(ZoneId.of(zoneId));
    }
    return timestamps;
  }

  private static boolean isAbsent(Object value) {
    return value == null;
  }

  /** SHA-256 over title and content: two copies of a post with the same hash say the same thing. */
  public static String contentHash(String title, String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 1);
      digest.update(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Rejection extends RuntimeException {
    final String reason;
    final String detail;

    Rejection(String reason, String detail) {
      super(reason, null, false, false);
      this.reason = reason;
      this.detail = detail;
    }
  }
}
