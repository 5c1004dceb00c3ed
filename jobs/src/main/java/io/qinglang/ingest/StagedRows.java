package io.qinglang.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.sql.Date;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Validated archive records as Spark rows: accepted records and rejections side by side. Every kind's
 * staged schema starts with {@link #COMMON} (what the quarantine table needs).
 */
public final class StagedRows {
  /** The leading columns of every kind's staged rows. */
  public static final StructType COMMON = new StructType()
      .add("accepted", BooleanType, false)
      .add("reason", StringType)
      .add("detail", StringType)
      .add("raw_record", StringType)
      .add("source_file", StringType, false)
      .add("record_no", LongType, false)
      .add("post_id", StringType)
      .add("platform", StringType);

  /** Staged posts. */
  public static final StructType SCHEMA = COMMON
      .add("content_type", StringType)
      .add("account_id", StringType)
      .add("account_name", StringType)
      .add("published_at", TimestampType)
      .add("published_date", DateType)
      .add("title", StringType)
      .add("content", StringType)
      .add("url", StringType)
      .add("repost_count", LongType)
      .add("comment_count", LongType)
      .add("like_count", LongType)
      .add("ip_region", StringType)
      .add("query", StringType)
      .add("extra", DataTypes.createMapType(StringType, StringType))
      .add("content_hash", StringType);

  /** Staged disposal records. */
  public static final StructType DISPOSALS = COMMON
      .add("clue_id", StringType)
      .add("referred_at", TimestampType)
      .add("referred_date", DateType)
      .add("handled_at", TimestampType)
      .add("action", StringType)
      .add("extra", DataTypes.createMapType(StringType, StringType))
      .add("record_hash", StringType);

  private StagedRows() {}

  public static Row toRow(ArchiveRecord r) {
    return RowFactory.create(
        r.accepted(), r.reason(), r.detail(), r.accepted() ? null : r.rawRecord(), r.sourceFile(), r.recordNo(),
        r.postId(), r.platform(), r.contentType(), r.accountId(), r.accountName(),
        r.publishedAt() == null ? null : Timestamp.from(r.publishedAt()),
        r.publishedDate() == null ? null : Date.valueOf(r.publishedDate()),
        r.title(), r.content(), r.url(), r.repostCount(), r.commentCount(), r.likeCount(), r.ipRegion(), r.query(),
        r.extra() == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(r.extra()),
        r.contentHash());
  }

  /** A staged disposal record: accepted when {@code reason} is null. */
  static Row disposal(String reason, String detail, String raw, String sourceFile, long recordNo, String postId,
      String platform, String clueId, java.time.Instant referredAt, java.time.LocalDate referredDate,
      java.time.Instant handledAt, String action, java.util.Map<String, String> extra, String recordHash) {
    return RowFactory.create(reason == null, reason, detail, reason == null ? null : raw, sourceFile, recordNo,
        postId, platform, clueId, referredAt == null ? null : Timestamp.from(referredAt),
        referredDate == null ? null : Date.valueOf(referredDate), handledAt == null ? null : Timestamp.from(handledAt), action,
        extra == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(extra), recordHash);
  }
}
