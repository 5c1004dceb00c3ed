package io.qinglang.text;

import java.io.Serializable;
import java.util.List;

/**
 * A sensational headline whose own body defuses it, the commonest shape of a clickbait post
 * (category 5): "XX 被查封！" over a body that says the shop is closed for renovation, "XX 致癌？" over
 * test results that all passed, "利润腰斩" over a report of a 3% fall. The pair is what matters: an
 * alarm in a headline alone is also how factual bad news reads, and a calm body alone is most posts.
 *
 * <p>The headline is the title, else a leading 【...】 heading, else the first sentence of a post of
 * at least {@value #MIN_BODY_CHARS} more characters. An alarm word inside quotation marks does not
 * count, and a headline with a debunking word (网传, 辟谣, 是真的吗 ...) holds no alarm: it reports the
 * rumour instead of spreading it. Matching is on character-normalized text without white space.
 *
 * <p>Features (all non-negative): the headline holds an alarm; it holds a debunking word; log(1 + the
 * distinct defusing words of the body); the alarm and a defusing word together.
 */
public final class HeadlineContrast implements Serializable {
  private static final long serialVersionUID = 1L;
  /** An untitled post's first sentence is a headline only when at least this much text follows it. */
  public static final int MIN_BODY_CHARS = 20;
  /** The longest first sentence taken as a headline. */
  static final int MAX_HEADLINE_CHARS = 60;
  /** Characters of an untitled post read to find its headline (enough for the headline and a body). */
  private static final int PREFIX_CHARS = 200;
  public static final List<String> FEATURE_NAMES =
      List.of("headline:alarm", "headline:debunk", "headline:body_defuses", "headline:alarm_defused");

  private final String[] alarm;
  private final String[] defuse;
  private final String[] debunk;

  public HeadlineContrast(List<String> alarm, List<String> defuse, List<String> debunk) {
    this.alarm = normalized(alarm);
    this.defuse = normalized(defuse);
    this.debunk = normalized(debunk);
  }

  /** A post split into its headline and the rest (both normalized, no white space); headline "" when none. */
  public record Split(String headline, String body) {}

  /** The four features of a post. */
  public double[] features(String title, String content) {
    double[] v = new double[FEATURE_NAMES.size()];
    // Most posts stop at the headline, so only the title or the start of the text is normalized first.
    boolean titled = title != null && !title.isBlank();
    String start = content == null || titled ? "" : content.substring(0, Math.min(content.length(), PREFIX_CHARS));
    String headline = split(title, start).headline();
    if (headline.isEmpty()) {
      return v;
    }
    boolean debunked = containsAny(headline, debunk);
    boolean alarmed = !debunked && containsAny(unquoted(headline), alarm);
    v[1] = debunked ? 1 : 0;
    v[0] = alarmed ? 1 : 0;
    if (!alarmed) {
      return v; // the body is only read under an alarm
    }
    String body = split(title, content).body();
    int defusing = 0;
    for (String w : defuse) {
      if (body.contains(w)) {
        defusing++;
      }
    }
    v[2] = Math.log1p(defusing);
    v[3] = defusing > 0 ? 1 : 0;
    return v;
  }

  /** The headline and body of a post (see the class comment). */
  public static Split split(String title, String content) {
    String body = compact(content);
    if (title != null && !title.isBlank()) {
      return new Split(compact(title), body);
    }
    if (body.startsWith("【")) {
      int close = body.indexOf('】');
      if (close > 1) {
        return new Split(body.substring(1, close), body.substring(close + 1));
      }
    }
    int limit = Math.min(body.length(), MAX_HEADLINE_CHARS + 1);
    for (int i = 4; i < limit; i++) {
      if ("。!?\n".indexOf(body.charAt(i)) >= 0) {
        int end = i + 1;
        while (end < body.length() && "。!?".indexOf(body.charAt(end)) >= 0) {
          end++;
        }
        String rest = body.substring(end);
        return rest.length() >= MIN_BODY_CHARS ? new Split(body.substring(0, end), rest) : new Split("", body);
      }
    }
    return new Split("", body);
  }

  /** The headline without its quotations (“...”, "...", 「...」, 『...』). */
  static String unquoted(String headline) {
    StringBuilder out = new StringBuilder(headline.length());
    char close = 0;
    for (int i = 0; i < headline.length(); i++) {
      char c = headline.charAt(i);
      if (close != 0) {
        if (c == close) {
          close = 0;
        }
        continue;
      }
      close = switch (c) {
        case '“' -> '”';
        case '"' -> '"';
        case '「' -> '」';
        case '『' -> '』';
        default -> 0;
      };
      if (close == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean containsAny(String text, String[] words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Character-normalized, white space removed (newlines kept: they end a first sentence). */
  static String compact(String text) {
    String n = CharNormalizer.normalize(text);
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '\n' || !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String[] normalized(List<String> words) {
    return words.stream().map(HeadlineContrast::compact).map(String::strip).filter(w -> !w.isEmpty())
        .distinct().toArray(String[]::new);
  }
}
