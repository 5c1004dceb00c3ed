package io.qinglang.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the lexicon-driven pair detectors ({@link HotEventDetector}, {@link TradeSecretDetector}) share: a
 * {@link WordPair} rule over title and content, a switch, and one evidence entry per matching post (its source,
 * kind and score fixed, its detail the two words found put into a sentence), added as a column of its own.
 */
abstract class WordPairDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WordPair rule;
  private final boolean enabled;
  private final String column;
  private final String source;
  private final String kind;
  private final double score;
  private final String detail;

  /**
   * @param sections the first section, the second and the veto, as {@link WordPair} reads them
   * @param detail a format with two {@code %s}: the word of the first section, then of the second
   */
  WordPairDetector(Lexicon lexicon, String[] sections, boolean enabled, String column, String source, String kind,
      double score, String detail) {
    this.rule = new WordPair(lexicon, sections[0], sections[1], sections[2]);
    this.enabled = enabled;
    this.column = column;
    this.source = source;
    this.kind = kind;
    this.score = score;
    this.detail = detail;
  }

  /** The evidence for one post (empty, or one entry). */
  public List<Evidence> detect(String title, String content) {
    return pair(title, content).map(m -> List.of(new Evidence(source, kind,
        String.format(Locale.ROOT, detail, m.first(), m.second()), m.first() + " … " + m.second(), null, null,
        score))).orElse(List.of());
  }

  /** The two words found, or empty (always empty when switched off). */
  final Optional<WordPair.Match> pair(String title, String content) {
    if (!enabled) {
      return Optional.empty();
    }
    return rule.find(title, content);
  }

  /** Adds this detector's column (array of evidence structs) from title and content. */
  public Dataset<Row> withEvidence(Dataset<Row> posts) {
    return posts.withColumn(column, column());
  }

  public Column column() {
    return EvidenceColumns.fromTitleAndContent(column, this::detect);
  }
}
