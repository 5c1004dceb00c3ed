package io.qinglang.ingest;

import io.qinglang.config.QinglangConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Validates archive records of posts (see README, "The archive format") into accepted posts or
 * quarantine entries.
 */
public final class RecordValidator extends ArchiveValidator {
  private final int maxContentLength;
  private final Map<String, String> contentTypeAliases;

  /** @param contentTypeAliases other names of content types (lower-case keys) and the type each stands for */
  public RecordValidator(QinglangConfig.Platforms platforms, ZoneId zone, int maxContentLength,
      LocalDate earliest, Instant runStart, Map<String, String> contentTypeAliases) {
    super(platforms, zone, earliest, runStart);
    this.maxContentLength = maxContentLength;
    this.contentTypeAliases = Map.copyOf(contentTypeAliases);
  }

  public static RecordValidator of(QinglangConfig config, Instant runStart) {
    return new RecordValidator(config.platforms(), config.timeZone(), config.ingest().maxContentLength(),
        config.ingest().earliestTimestamp(), runStart, config.ingest().contentTypeAliases());
  }

  @Override
  public String kind() {
    return "post";
  }

  @Override
  public StructType stagedSchema() {
    return StagedRows.SCHEMA;
  }

  @Override
  public Row stage(String sourceFile, long recordNo, String raw, Map<String, Object> fields) {
    return StagedRows.toRow(validate(sourceFile, recordNo, raw, fields));
  }

  @Override
  public Row stageRejected(String sourceFile, long recordNo, String raw, String reason, String detail) {
    return StagedRows.toRow(ArchiveRecord.rejected(sourceFile, recordNo, raw, reason, detail, null, null));
  }

  public ArchiveRecord validate(String sourceFile, long recordNo, String raw, Map<String, Object> fields) {
    Check c = new Check(sourceFile, recordNo, raw, new RecordFields(fields));
    try {
      return c.run();
    } catch (RecordFields.Rejection r) {
      return ArchiveRecord.rejected(sourceFile, recordNo, raw, r.reason, r.detail, c.platform, c.postId);
    }
  }

  private final class Check {
    final String sourceFile;
    final long recordNo;
    final String raw;
    final RecordFields f;
    String platform;
    String postId;

    Check(String sourceFile, long recordNo, String raw, RecordFields f) {
      this.sourceFile = sourceFile;
      this.recordNo = recordNo;
      this.raw = raw;
      this.f = f;
    }

    ArchiveRecord run() {
      if (raw != null && raw.indexOf('\uFFFD') >= 0) {
        throw new RecordFields.Rejection(QuarantineReason.BAD_ENCODING, "the record is not valid UTF-8 text");
      }
      postId = f.requiredText(ArchiveFields.POST_ID);
      platform = platform(f, ArchiveFields.PLATFORM);
      String accountId = f.requiredText(ArchiveFields.ACCOUNT_ID);
      Instant published = timestamp(f, ArchiveFields.PUBLISHED_AT, true);
      String content = f.requiredText(ArchiveFields.CONTENT);
      String title = f.optionalText(ArchiveFields.TITLE);
      String contentType = f.optionalText(ArchiveFields.CONTENT_TYPE);
      contentType = contentType == null ? "post" : contentType.trim().toLowerCase(Locale.ROOT);
      contentType = contentTypeAliases.getOrDefault(contentType, contentType);
      if (!ArchiveFields.CONTENT_TYPES.contains(contentType)) {
        throw RecordFields.badValue(ArchiveFields.CONTENT_TYPE, "content_type '" + contentType + "' is not one of "
            + ArchiveFields.CONTENT_TYPES + " nor an alias in qinglang.ingest.content-type-aliases");
      }
      String accountName = f.optionalText(ArchiveFields.ACCOUNT_NAME);
      String url = f.optionalText(ArchiveFields.URL);
      String ipRegion = f.optionalText(ArchiveFields.IP_REGION);
      String query = f.optionalText(ArchiveFields.QUERY);
      Long reposts = f.count(ArchiveFields.REPOST_COUNT);
      Long comments = f.count(ArchiveFields.COMMENT_COUNT);
      Long likes = f.count(ArchiveFields.LIKE_COUNT);
      if (content.length() > maxContentLength || (title != null && title.length() > maxContentLength)) {
        throw new RecordFields.Rejection(QuarantineReason.CONTENT_TOO_LONG, "content or title is longer than "
            + maxContentLength + " characters (qinglang.ingest.max-content-length)");
      }
      return new ArchiveRecord(sourceFile, recordNo, raw, null, null, postId, platform, contentType, accountId,
          accountName, published, published.atZone(zone()).toLocalDate(), title, content, url, reposts, comments,
          likes, ipRegion, query, extra(f, ArchiveFields.KNOWN), contentHash(title, content));
    }
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
}
