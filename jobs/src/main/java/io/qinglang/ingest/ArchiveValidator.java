package io.qinglang.ingest;

import io.qinglang.config.QinglangConfig;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Validates the records of one kind (posts: {@link RecordValidator}; disposal records:
 * {@link DisposalValidator}) into staged rows: accepted records with their normalised fields, or
 * rejections with a quarantine reason. The archive readers ({@link ArchiveReader},
 * {@link TextArchiveReader}) are the same for every kind. Staged schemas start with
 * {@link StagedRows#COMMON}; checks run in a fixed order so that a record with several problems
 * always gets the same reason.
 */
public abstract class ArchiveValidator implements Serializable {
  private final List<String> knownPlatforms;
  private final Map<String, String> aliases;
  private final String zoneId;
  private final long earliestMillis;
  private final long latestMillis;
  private transient TimestampParser timestamps;

  protected ArchiveValidator(QinglangConfig.Platforms platforms, ZoneId zone, LocalDate earliest, Instant runStart) {
    this.knownPlatforms = List.copyOf(platforms.known());
    this.aliases = Map.copyOf(platforms.aliases());
    this.zoneId = zone.getId();
    this.earliestMillis = earliest.atStartOfDay(zone).toInstant().toEpochMilli();
    this.latestMillis = runStart.plusSeconds(86_400).toEpochMilli();
  }

  /** What the records are, as the quarantine table's {@code kind} says: post or disposal. */
  public abstract String kind();

  /** The schema of the staged rows: {@link StagedRows#COMMON} followed by the kind's own fields. */
  public abstract StructType stagedSchema();

  /** One parsed record as a staged row (accepted or rejected). */
  public abstract Row stage(String sourceFile, long recordNo, String raw, Map<String, Object> fields);

  /** A record rejected before it could be parsed (malformed line, bad encoding) as a staged row. */
  public abstract Row stageRejected(String sourceFile, long recordNo, String raw, String reason, String detail);

  /** The canonical platform id for a value seen in an archive, or null when it is unknown. */
  public String canonicalPlatform(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (knownPlatforms.contains(lower)) {
      return lower;
    }
    return aliases.get(lower);
  }

  protected ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  /** The required, known platform of a record. */
  String platform(RecordFields f, String field) {
    String value = f.requiredText(field);
    String platform = canonicalPlatform(value);
    if (platform == null) {
      throw new RecordFields.Rejection(QuarantineReason.UNKNOWN_PLATFORM,
          "platform '" + value + "' is neither a known platform nor an alias in qinglang.platforms");
    }
    return platform;
  }

  /**
   * A timestamp field read like {@code published_at}: ISO-8601 with or without an offset, a date, or
   * epoch seconds / milliseconds, between {@code qinglang.ingest.earliest-timestamp} and one day after
   * the run. Null when the field is absent and not required.
   */
  Instant timestamp(RecordFields f, String field, boolean required) {
    Object value = f.get(field);
    if (value == null) {
      if (required) {
        throw f.missing(field);
      }
      return null;
    }
    if (!(value instanceof String || value instanceof Number)) {
      throw f.badType(field, "a string or a number");
    }
    if (value instanceof String s && s.isBlank()) {
      if (required) {
        throw f.missing(field);
      }
      return null;
    }
    Instant instant;
    try {
      instant = timestamps().parse(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new RecordFields.Rejection(QuarantineReason.BAD_TIMESTAMP, field + ": " + e.getMessage());
    }
    long millis = instant.toEpochMilli();
    if (millis < earliestMillis || millis > latestMillis) {
      throw new RecordFields.Rejection(QuarantineReason.BAD_TIMESTAMP, field + " " + instant
          + " is outside the plausible range (earliest-timestamp to run time + 1 day)");
    }
    return instant;
  }

  /** Fields outside the format, kept as text (anything but a string as JSON). */
  static Map<String, String> extra(RecordFields f, Set<String> known) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : f.all().entrySet()) {
      if (!known.contains(e.getKey()) && e.getValue() != null) {
        extra.put(e.getKey(), JsonValues.toText(e.getValue()));
      }
    }
    return extra;
  }

  private TimestampParser timestamps() {
    if (timestamps == null) {
      timestamps = new TimestampParser(ZoneId.of(zoneId));
    }
    return timestamps;
  }
}
