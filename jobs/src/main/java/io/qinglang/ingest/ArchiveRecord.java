package io.qinglang.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One archive record after validation: either an accepted post (normalised fields) or a rejection
 * with a reason code and a human-readable detail. Either way it keeps where it came from.
 */
public record ArchiveRecord(
    String sourceFile,
    long recordNo,
    String rawRecord,
    String reason,
    String detail,
    String postId,
    String platform,
    String contentType,
    String accountId,
    String accountName,
    Instant publishedAt,
    LocalDate publishedDate,
    String title,
    String content,
    String url,
    Long repostCount,
    Long commentCount,
    Long likeCount,
    String ipRegion,
    String query,
    Map<String, String> extra,
    String contentHash) {

  public boolean accepted() {
    return reason == null;
  }

  static ArchiveRecord rejected(String sourceFile, long recordNo, String raw, String reason, String detail,
      String platform, String postId) {
    return new ArchiveRecord(sourceFile, recordNo, raw, reason, detail, postId, platform, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null);
  }
}
