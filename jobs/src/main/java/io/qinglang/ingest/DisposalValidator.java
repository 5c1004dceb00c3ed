package io.qinglang.ingest;

import io.qinglang.config.QinglangConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Validates disposal records: what a platform did with a clue referred to it. Fields: clue_id,
 * platform, post_id, referred_at (required), handled_at (null while pending), action (removed,
 * restricted, labelled, rejected or pending). A pending clue has no handled_at, every other action
 * has one, and a clue is not handled before it was referred.
 */
public final class DisposalValidator extends ArchiveValidator {
  public static final String CLUE_ID = "clue_id";
  public static final String PLATFORM = "platform";
  public static final String POST_ID = "post_id";
  public static final String REFERRED_AT = "referred_at";
  public static final String HANDLED_AT = "handled_at";
  public static final String ACTION = "action";
  public static final Set<String> FIELDS = Set.of(CLUE_ID, PLATFORM, POST_ID, REFERRED_AT, HANDLED_AT, ACTION);
  public static final String PENDING = "pending";
  public static final String REJECTED = "rejected";
  public static final List<String> ACTIONS = List.of("removed", "restricted", "labelled", REJECTED, PENDING);

  public DisposalValidator(QinglangConfig.Platforms platforms, ZoneId zone, LocalDate earliest, Instant runStart) {
    super(platforms, zone, earliest, runStart);
  }

  public static DisposalValidator of(QinglangConfig config, Instant runStart) {
    return new DisposalValidator(config.platforms(), config.timeZone(), config.ingest().earliestTimestamp(),
        runStart);
  }

  @Override
  public String kind() {
    return "disposal";
  }

  @Override
  public StructType stagedSchema() {
    return StagedRows.DISPOSALS;
  }

  @Override
  public Row stageRejected(String sourceFile, long recordNo, String raw, String reason, String detail) {
    return StagedRows.disposal(reason, detail, raw, sourceFile, recordNo, null, null, null, null, null, null, null,
        null, null);
  }

  @Override
  public Row stage(String sourceFile, long recordNo, String raw, Map<String, Object> fields) {
    RecordFields f = new RecordFields(fields);
    String clueId = null;
    String platform = null;
    String postId = null;
    try {
      if (raw != null && raw.indexOf('\uFFFD') >= 0) {
        throw new RecordFields.Rejection(QuarantineReason.BAD_ENCODING, "the record is not valid UTF-8 text");
      }
      clueId = f.requiredText(CLUE_ID);
      platform = platform(f, PLATFORM);
      postId = f.requiredText(POST_ID);
      Instant referred = timestamp(f, REFERRED_AT, true);
      Instant handled = timestamp(f, HANDLED_AT, false);
      String action = f.requiredText(ACTION).trim().toLowerCase(Locale.ROOT);
      if (!ACTIONS.contains(action)) {
        throw RecordFields.badValue(ACTION, "action '" + f.get(ACTION) + "' is not one of " + ACTIONS);
      }
      if (action.equals(PENDING) && handled != null) {
        throw RecordFields.badValue(HANDLED_AT, "a pending clue has no handled_at (got " + handled + ")");
      }
      if (!action.equals(PENDING) && handled == null) {
        throw new RecordFields.Rejection(QuarantineReason.of(QuarantineReason.MISSING_FIELD, HANDLED_AT),
            "action " + action + " needs handled_at (only pending clues have none)");
      }
      if (handled != null && handled.isBefore(referred)) {
        throw RecordFields.badValue(HANDLED_AT, "handled_at " + handled + " is before referred_at " + referred);
      }
      return StagedRows.disposal(null, null, raw, sourceFile, recordNo, postId, platform, clueId, referred,
          referred.atZone(zone()).toLocalDate(), handled, action, extra(f, FIELDS), recordHash(platform, postId, referred, handled, action));
    } catch (RecordFields.Rejection r) {
      return StagedRows.disposal(r.reason, r.detail, raw, sourceFile, recordNo, postId, platform, clueId, null,
          null, null, null, null, null);
    }
  }

  /** SHA-256 over what a disposal says: two copies with the same hash are the same record. */
  static String recordHash(String platform, String postId, Instant referred, Instant handled, String action) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String text = String.join("\u0001", platform, postId, String.valueOf(referred.toEpochMilli()),
          handled == null ? "" : String.valueOf(handled.toEpochMilli()), action);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
