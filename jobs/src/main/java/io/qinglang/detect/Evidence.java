package io.qinglang.detect;

import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One piece of evidence as detectors build it; {@link #toRow()} gives the {@link EvidenceSchema}
 * struct that goes into {@code post_violations.evidence}. {@code span} holds masked personal data
 * only.
 */
public record Evidence(String source, String kind, String detail, String span, Integer start, Integer end,
    Double score) implements Serializable {

  public static final String PERSONAL_DATA = "personal_data";
  public static final String IMPERSONATION = "impersonation";
  public static final String COORDINATION = "coordination";
  public static final String QUOTE_CONTEXT = "quote_context";
  /** Allegations in suggestions and hot-list entries, review-level only ({@link SuggestionDetector}). */
  public static final String SUGGESTION = "suggestion";
  /** Marketing that rides a disaster, accident or scandal, review-level only ({@link HotEventDetector}). */
  public static final String HOT_EVENT = "hot_event";
  /** A confidential business document or figure put out, review-level only ({@link TradeSecretDetector}). */
  public static final String TRADE_SECRET = "trade_secret";
  public static final String CLASSIFIER = "classifier";
  public static final String FUSION = "fusion";
  /** Facts from the enterprise registry (no score, never a finding), e.g. a registered official account. */
  public static final String REGISTRY = "registry";

  public Row toRow() {
    return EvidenceSchema.of(source, kind, detail, span, start, end, score);
  }

  /** Reads an {@link EvidenceSchema} struct. */
  public static Evidence fromRow(Row r) {
    return new Evidence(r.getString(r.fieldIndex("source")), r.getString(r.fieldIndex("kind")),
        nullableString(r, "detail"), nullableString(r, "span"), nullableInt(r, "start"), nullableInt(r, "end"),
        r.isNullAt(r.fieldIndex("score")) ? null : r.getDouble(r.fieldIndex("score")));
  }

  public double scoreOrZero() {
    return score == null ? 0.0 : score;
  }

  private static String nullableString(Row r, String f) {
    int i = r.fieldIndex(f);
    return r.isNullAt(i) ? null : r.getString(i);
  }

  private static Integer nullableInt(Row r, String f) {
    int i = r.fieldIndex(f);
    return r.isNullAt(i) ? null : r.getInt(i);
  }
}
