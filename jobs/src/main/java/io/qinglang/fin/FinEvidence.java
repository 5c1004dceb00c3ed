package io.qinglang.fin;

import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One contradiction between a headline and its body, in words a reviewer can check.
 *
 * @param kind direction_mismatch, magnitude_inflation, intensity_inflation, unsupported_number,
 *     loss_unsupported, state_mismatch, period_scope, minor_as_headline, trend_unsupported,
 *     catastrophe_unsupported, slowdown_as_decline, prior_as_current
 * @param detail "title: 净利润暴跌90%; body: 归母净利润2.96亿元，同比下降3.2%"
 * @param span the headline's words
 * @param start where they start in the headline's source text (the title, or the content when the
 *     headline is the post's first sentence or 【...】)
 * @param end where they end
 * @param score how strong the contradiction is (1 for a plain contradiction; log2 of the inflation)
 */
public record FinEvidence(String kind, String detail, String span, int start, int end, double score)
    implements Serializable {

  public static final String SOURCE = "fin_clickbait";

  /** As an {@link EvidenceSchema} struct, offsets shifted by where the headline starts in its source. */
  public Row toRow(int offset) {
    return EvidenceSchema.of(SOURCE, kind, detail, span, start + offset, end + offset, score);
  }
}
