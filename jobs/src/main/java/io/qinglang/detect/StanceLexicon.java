package io.qinglang.detect;

import io.qinglang.text.PhraseMatcher;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stance of a text toward the enterprise or person it names, from {@code conf/lexicons/campaigns.txt}:
 * negative when it has more negative than positive hits and no rebuttal word (别再转, 已经辟谣: a post
 * that rebuts a rumour repeats its words). A negation word ending right before a negative word
 * (并非造假) cancels that hit. Used for coordinated-campaign clusters when the classifier's categories
 * are not available.
 */
public final class StanceLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The hits in one text. */
  public record Stance(int negative, int positive, String firstNegative, int doubt, int rebuttal) {
    public boolean isNegative() {
      return negative > 0 && negative > positive && rebuttal == 0;
    }

    /** More positive than negative hits (官宣, 恭喜, 感谢 ...). */
    public boolean isPositive() {
      return positive > 0 && positive > negative;
    }

    /** The text asks whether a claim is true or waits for it to be confirmed (是真的吗, 等官方说法 ...). */
    public boolean isDoubting() {
      return doubt > 0;
    }

    /** The text calls a claim false or asks people not to pass it on (别再转, 已经辟谣, 情况说明 ...). */
    public boolean isRebutting() {
      return rebuttal > 0;
    }
  }

  private final List<String> negative;
  private final List<String> positive;
  private final List<String> doubt;
  private final List<String> rebuttal;
  private final List<String> negation;
  private final List<String> person;
  private final List<String> boilerplate;
  /** Enterprise-name endings (有限公司, 银行 ...), longest first. */
  private final List<String> endings;
  private transient PhraseMatcher<Integer> endingMatcher;

  private StanceLexicon(Lexicon lexicon) {
    lexicon.requireSections(Set.of("negative", "positive"),
        Set.of("negative", "positive", "doubt", "rebuttal", "negation", "person", "organisation", "boilerplate"));
    this.negative = lower(lexicon.words("negative"));
    this.positive = lower(lexicon.words("positive"));
    this.doubt = lower(lexicon.words("doubt"));
    this.rebuttal = lower(lexicon.words("rebuttal"));
    this.negation = lower(lexicon.words("negation"));
    this.person = lower(lexicon.words("person"));
    this.boilerplate = lower(lexicon.words("boilerplate"));
    List<String> sorted = new ArrayList<>(lower(lexicon.words("organisation")));
    sorted.sort((a, b) -> b.length() - a.length());
    this.endings = List.copyOf(sorted);
  }

  /** Prefixes that make an organisation-like phrase name nobody (这家公司, 某银行, 我们公司). */
  private static final java.util.regex.Pattern VAGUE = java.util.regex.Pattern.compile(
      "^(这|那|该|某|本|我|你|他|她|它|哪|每|各|一|有|没|两|几|别|其|此|贵|整个|所有|很多|不少)");

  /** Characters that end the name part: a name does not end in one, nor run across one. */
  private static final String NOT_NAME_END = "的了在是和与把被从向对给让就也都还又说到";

  /**
   * The first organisation the text names by an enterprise-name ending (青禾乳业, 锦川农商银行), or
   * null. Used as a cluster's target when no registry enterprise is named. Read from the left: at
   * each position, the shortest run of two to six Chinese characters followed by an ending (the
   * longest ending there); a run that names nobody (这家公司) is passed over, and reading goes on after
   * its ending.
   */
  public String organisation(String text) {
    if (endings.isEmpty() || text == null) {
      return null;
    }
    int n = text.length();
    // Where the longest ending starting at each position ends (0: none there); one pass over the text.
    int[] endingEnd = new int[n];
    endingMatcher().longestPerStart(text, (start, end, rank) -> endingEnd[start] = end);
    int s = 0;
    while (s < n) {
      int nameEnd = -1;
      for (int k = 1; k <= 6 && s + k < n && isHan(text.charAt(s + k - 1)); k++) {
        if (k >= 2 && endingEnd[s + k] > 0) {
          nameEnd = s + k;
          break;
        }
      }
      if (nameEnd < 0) {
        s++;
        continue;
      }
      String name = text.substring(s, nameEnd);
      // Keep the name part after the last non-name character the shortest run may have swallowed.
      for (int i = name.length() - 2; i >= 0; i--) {
        if (NOT_NAME_END.indexOf(name.charAt(i)) >= 0) {
          name = name.substring(i + 1);
          break;
        }
      }
      char last = name.charAt(name.length() - 1);
      if (name.length() >= 2 && NOT_NAME_END.indexOf(last) < 0 && !VAGUE.matcher(name).find()) {
        return name + text.substring(nameEnd, endingEnd[nameEnd]);
      }
      s = endingEnd[nameEnd];
    }
    return null;
  }

  private static boolean isHan(char c) {
    return c >= '\u4e00' && c <= '\u9fa5';
  }

  private PhraseMatcher<Integer> endingMatcher() {
    PhraseMatcher<Integer> m = endingMatcher;
    if (m == null) {
      Map<String, Integer> rank = new HashMap<>();
      for (int i = 0; i < endings.size(); i++) {
        rank.putIfAbsent(endings.get(i), i);
      }
      m = new PhraseMatcher<>(rank, PhraseMatcher.Boundaries.NONE);
      endingMatcher = m;
    }
    return m;
  }

  /** Phrases platforms add on their own (转发微博, 展开全文), removed before texts are compared. */
  public List<String> boilerplate() {
    return boilerplate;
  }

  public static StanceLexicon of(Lexicon lexicon) {
    return new StanceLexicon(lexicon);
  }

  private static List<String> lower(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  public Stance stance(String text) {
    if (text == null || text.isEmpty()) {
      return new Stance(0, 0, null, 0, 0);
    }
    String t = text.toLowerCase(Locale.ROOT);
    int neg = 0;
    String first = null;
    for (String w : negative) {
      int at = t.indexOf(w);
      while (at >= 0) {
        if (!negated(t, at)) {
          neg++;
          if (first == null) {
            first = w;
          }
        }
        at = t.indexOf(w, at + w.length());
      }
    }
    int pos = 0;
    for (String w : positive) {
      int at = t.indexOf(w);
      while (at >= 0) {
        pos++;
        at = t.indexOf(w, at + w.length());
      }
    }
    return new Stance(neg, pos, first, wordsIn(t, doubt), wordsIn(t, rebuttal));
  }

  /** How many of {@code words} occur in {@code t} (each counted once). */
  private static int wordsIn(String t, List<String> words) {
    int n = 0;
    for (String w : words) {
      n += t.contains(w) ? 1 : 0;
    }
    return n;
  }

  private boolean negated(String t, int at) {
    for (String n : negation) {
      int start = at - n.length();
      if (start >= 0 && t.startsWith(n, start)) {
        return true;
      }
    }
    return false;
  }

  /** The first word naming a person (董事长, 老板 ...), or null. */
  public String personWord(String text) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (String w : person) {
      if (t.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
