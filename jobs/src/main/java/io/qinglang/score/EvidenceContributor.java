package io.qinglang.score;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A step of {@link ScoringPipeline} that adds evidence about posts the classifier has scored:
 * detectors (personal data, impersonation, coordinated campaigns) and the financial clickbait model.
 * Contributors run in the order of {@link ScoringPipelines#standard}, each on the output of the one
 * before, then the {@link Fusion} decides the final category.
 *
 * <p>The frame a contributor receives has the columns listed in {@link ScoringPipeline} (the post,
 * {@code text}, {@code norm_text}, the classifier's decision, {@code probabilities},
 * {@code enterprise_ids}, {@code evidence}, {@code fin_clickbait}, {@code fin_clickbait_prob}). It must
 * return every one of them, may fill {@code fin_clickbait} / {@code fin_clickbait_prob}, may add
 * columns of its own (prefixed with its name, for the fusion to read), and adds evidence only by
 * appending to {@code evidence} ({@link Evidence#append}), masking personal data first. It must not
 * drop or reorder rows: every scanned post gets a row in post_violations.
 */
public interface EvidenceContributor {
  /** A short name for logs (for example "personal_data"). */
  String name();

  Dataset<Row> contribute(Dataset<Row> scored, ScoringContext context);

  /** Frees what {@link #contribute} cached; called once the scored rows are written. */
  default void release() {}
}
