package io.qinglang.fin;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * A post seen as a headline over a body. Articles (and posts, videos) with a title use it; a post
 * without one uses a leading 【headline】, or, when the post is long, its first sentence.
 *
 * @param headline the headline text (never null when {@link #hasHeadline()})
 * @param headlineSource title, bracket (【...】 at the start of the content) or first_sentence
 * @param headlineOffset where the headline starts in its source text (the title, or the content)
 * @param body the text the headline is checked against
 */
public record FinArticle(String headline, String headlineSource, int headlineOffset, String body)
    implements Serializable {

  public static final FinArticle NONE = new FinArticle(null, null, 0, null);

  public boolean hasHeadline() {
    return headline != null;
  }

  /**
   * The headline and body of a post, or {@link #NONE} when the post has no headline to check
   * (a comment, an account bio, a short post without a title).
   */
  public static FinArticle of(String contentType, String title, String content, Set<String> contentTypes,
      int longPostMinChars) {
    String type = contentType == null ? "post" : contentType.trim().toLowerCase(Locale.ROOT);
    if (!contentTypes.contains(type) || content == null || content.isBlank()) {
      return NONE;
    }
    if (title != null && !title.isBlank()) {
      return new FinArticle(title.strip(), "title", title.indexOf(title.strip()), content);
    }
    String norm = FinText.normalize(content);
    int i = skipTopics(norm, 0);
    if (i < norm.length() && norm.charAt(i) == '【') {
      int close = norm.indexOf('】', i + 1);
      if (close > i + 3 && close - i <= 80) {
        String headline = content.substring(i + 1, close).strip();
        String body = content.substring(close + 1);
        if (!headline.isEmpty() && !body.isBlank()) {
          return new FinArticle(headline, "bracket", i + 1, body);
        }
      }
    }
    if (content.length() < longPostMinChars) {
      return NONE;
    }
    int end = sentenceEnd(norm, i);
    if (end >= 0 && end - i < 12) {
      // 一季报炸了！ alone says little: the next sentence belongs to the headline
      int next = sentenceEnd(norm, end + 1);
      if (next >= 0 && next - i <= 60) {
        end = next;
      }
    }
    if (end < 0 || end - i < 4 || end - i > 60) {
      return NONE;
    }
    // the headline keeps its own punctuation (a question or exclamation mark is part of the bait)
    String headline = content.substring(i, end + (norm.charAt(end) == '\n' ? 0 : 1)).strip();
    String body = content.substring(end + 1);
    if (body.strip().length() < 20) {
      return NONE;
    }
    return new FinArticle(headline, "first_sentence", i, body);
  }

  /** The index of the last character of the sentence starting at {@code from}, or -1. */
  static int sentenceEnd(String norm, int from) {
    for (int j = from; j < norm.length(); j++) {
      char c = norm.charAt(j);
      if (c == '。' || c == '!' || c == '?' || c == '\n' || c == '…' || c == '‼' || c == '⁉') {
        int end = j;
        while (end + 1 < norm.length() && "!?…‼⁉".indexOf(norm.charAt(end + 1)) >= 0) {
          end++;
        }
        return end;
      }
    }
    return -1;
  }

  /** Skips leading spaces and #话题# tags. */
  static int skipTopics(String norm, int from) {
    int i = from;
    while (true) {
      while (i < norm.length() && Character.isWhitespace(norm.charAt(i))) {
        i++;
      }
      if (i < norm.length() && norm.charAt(i) == '#') {
        int close = norm.indexOf('#', i + 1);
        if (close > i && close - i <= 30) {
          i = close + 1;
          continue;
        }
      }
      return i;
    }
  }

  /** The same headline over another body. */
  public FinArticle withBody(String newBody) {
    return new FinArticle(headline, headlineSource, headlineOffset, newBody);
  }
}
