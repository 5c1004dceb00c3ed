package io.qinglang.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A headline that reports what others say instead of saying it: the title, or an untitled post's first
 * sentence, opens with a hearsay word ({@code [hearsay]} of {@code quote_context.txt}: 听说, 有人说, 网传 ...)
 * within its first {@value #MAX_LEAD} characters ("问：听说……", "【辟谣】网传……", "不吐不快：听说……"). Clickbait
 * states its alarm as fact ("X倒闭了！"); a post that opens with "听说X倒闭了？" passes on or checks a rumour,
 * which is worry, a question or a rebuttal, and spreading a rumour is category 10 or 2, not 5. Fusion
 * withholds the classifier's category 5 from such a post and marks it for review.
 */
final class HearsayHeadline implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Evidence kind. */
  static final String KIND = "hearsay_headline";
  /** The hearsay word must start within this many characters of the headline's start. */
  static final int MAX_LEAD = 6;

  private final List<String> words;
  private final int longest;

  HearsayHeadline(List<String> words) {
    this.words = List.copyOf(words);
    this.longest = words.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The hearsay word that opens the headline, if one does. */
  Optional<String> find(String title, String content) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String headline = title != null && !title.isBlank() ? title : firstSentence(content);
    if (headline == null) {
      return Optional.empty();
    }
    String h = QuoteContextDetector.normalize(headline);
    String lead = h.substring(0, Math.min(h.length(), MAX_LEAD + longest));
    for (String w : words) {
      int at = lead.indexOf(w);
      if (at >= 0 && at <= MAX_LEAD) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private static String firstSentence(String content) {
    if (content == null || content.isBlank()) {
      return null;
    }
    String c = content.strip();
    return c.substring(0, QuoteContextDetector.sentenceEnd(c, 0));
  }
}
