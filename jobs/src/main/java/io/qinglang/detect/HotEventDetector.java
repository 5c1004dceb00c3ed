package io.qinglang.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Riding a hot event for malicious marketing (category 9): a post that names a disaster, an accident,
 * a death or a public scandal (lexicon {@code hot_events.txt}, section {@code event}: 地震, 暴雨, 塌房 ...)
 * and, in the same post, calls readers to buy, book or enter a draw ({@code marketing}: 下单, 立减,
 * 转发抽 ...), unless it reports or condemns such marketing ({@code critique}: 吃相, 道歉, 国难财 ...).
 *
 * <p>The evidence is review-level only ({@value #SCORE}): a shop announcing that it stays open in a
 * typhoon, or a relief notice with a donation link, carries the same words, and only the classifier's
 * reading of the whole post tells them apart. Fusion's corroboration rule gives 9 when the classifier's
 * top class is 9; otherwise the post is only marked for review. Matching is {@link WordPair}'s: half-width
 * text without spaces, a post first checked for an event word as written.
 */
public final class HotEventDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String COLUMN = "hot_event_evidence";
  public static final double SCORE = 0.6;
  public static final String KIND = "hot_event_marketing";

  private final WordPair rule;
  private final boolean enabled;

  public HotEventDetector(Lexicon lexicon, boolean enabled) {
    rule = new WordPair(lexicon, "event", "marketing", "critique");
    this.enabled = enabled;
  }

  /** What was found: the event word and the call to buy. */
  public record Finding(String event, String call) {}

  /** The evidence for one post (empty, or one entry). */
  public List<Evidence> detect(String title, String content) {
    return find(title, content).map(f -> List.of(new Evidence(Evidence.HOT_EVENT, KIND, describe(f),
        f.event() + " … " + f.call(), null, null, SCORE))).orElse(List.of());
  }

  private static String describe(Finding f) {
    return String.format(Locale.ROOT, "the post names a disaster, accident or scandal (\"%s\") and calls to buy (\"%s\")",
        f.event(), f.call());
  }

  public Optional<Finding> find(String title, String content) {
    if (!enabled) {
      return Optional.empty();
    }
    return rule.find(title, content).map(m -> new Finding(m.first(), m.second()));
  }

  /** Adds {@value #COLUMN} (array of evidence structs) from title and content. */
  public Dataset<Row> withEvidence(Dataset<Row> posts) {
    return posts.withColumn(COLUMN, column());
  }

  public Column column() {
    return EvidenceColumns.fromTitleAndContent(COLUMN, this::detect);
  }
}
