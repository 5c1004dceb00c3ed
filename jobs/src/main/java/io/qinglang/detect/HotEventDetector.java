package io.qinglang.detect;

import java.util.Optional;

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
public final class HotEventDetector extends WordPairDetector {
  private static final long serialVersionUID = 1L;
  public static final String COLUMN = "hot_event_evidence";
  public static final double SCORE = 0.6;
  public static final String KIND = "hot_event_marketing";

  public HotEventDetector(Lexicon lexicon, boolean enabled) {
    super(lexicon, new String[] {"event", "marketing", "critique"}, enabled, COLUMN, Evidence.HOT_EVENT, KIND, SCORE,
        "the post names a disaster, accident or scandal (\"%s\") and calls to buy (\"%s\")");
  }

  /** What was found: the event word and the call to buy. */
  public record Finding(String event, String call) {}

  public Optional<Finding> find(String title, String content) {
    return pair(title, content).map(m -> new Finding(m.first(), m.second()));
  }
}
