package io.qinglang.detect;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Finds where a post says it is not the enterprise's own account or shop: a dealer "授权经销商（非厂家）",
 * "本号为经销商账号，非品牌官方账号", a fan page "车友会（非官方）", "不是蜓骑官方". An impersonator claims the
 * opposite, so fusion does not take category 1 from the classifier for such a post ({@link FusionPolicy}).
 *
 * <p>A declaration is a negation (非, 不是, 并非) followed by one of the lexicon's {@code [not_official]} words
 * (官方, 厂家 ...), directly or across 品牌 or an enterprise's name (非檩澈家居官方账号). It must speak of the
 * writer, so these are not declarations: what others are ("其他号码均非官方", "不是官方的都是假的"), a question
 * ("是不是官方的", "非官方渠道？"), a warning word for others ("非官方勿扰", "非官方人员", "非官方App"). A post with a
 * {@code [counterfeit]} word (高仿, 原单, 同厂 ...) declares nothing: "not official but the same factory" is how
 * fakes are sold.
 */
public final class NotOwnDeclaration {
  /** Where the declaration is in the searched text, and its words. */
  public record Found(int start, int end, String phrase) {}

  private static final List<String> NEGATIONS = List.of("不是", "并非", "非");
  /** Just before the negation: the sentence is about others (均非, 都不是) or a question (是不是, 莫非, 除非). */
  private static final String OTHERS_BEFORE = "均都皆是莫除";
  private static final List<String> OTHERS_NEARBY = List.of("其他", "其它", "其余", "别的", "均", "都", "皆");
  /** Right after the word (a 的 skipped): whom it speaks of is someone else, or it asks. */
  private static final List<String> OTHERS_AFTER = List.of("勿", "人员", "渠道", "热线", "400", "800", "发布", "app",
      "网站", "域名", "链接", "都", "均", "一律", "吗", "呢", "?", "？");
  private static final String BRAND = "品牌";

  private final List<String> words;
  private final List<String> counterfeit;

  /**
   * @param words what the negation denies being (lower case)
   * @param counterfeit words of fakes sold as such (lower case)
   */
  NotOwnDeclaration(List<String> words, List<String> counterfeit) {
    this.words = List.copyOf(words);
    this.counterfeit = List.copyOf(counterfeit);
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** False when {@code text} holds no negation at all, so most posts are passed over before any folding. */
  static boolean mayDeclare(String text) {
    return WordScan.firstIn(text, NEGATIONS) != null;
  }

  /**
   * The first declaration in {@code text} (lower case, width folded; look-alike characters not mapped, so digits
   * stay digits), or null.
   *
   * @param nameEnd the end of the registry name starting at a position of {@code text}, or -1 when none starts there
   */
  Found find(String text, IntUnaryOperator nameEnd) {
    if (words.isEmpty() || text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      String negation = negationAt(text, i);
      if (negation == null || aboutOthersBefore(text, i)) {
        continue;
      }
      int p = i + negation.length();
      int end = wordEnd(text, p);
      if (end < 0) {
        int name = nameEnd.applyAsInt(p);
        if (name > p) {
          end = wordEnd(text, name);
        }
      }
      if (end > 0 && !aboutOthersAfter(text, end)) {
        return WordScan.firstIn(text, counterfeit) != null ? null : new Found(i, end, text.substring(i, end));
      }
      i = p - 1;
    }
    return null;
  }

  private static String negationAt(String text, int i) {
    for (String n : NEGATIONS) {
      if (text.startsWith(n, i)) {
        return n;
      }
    }
    return null;
  }

  /** The end of a denied word at {@code p}, with an optional 品牌 before it, or -1. */
  private int wordEnd(String text, int p) {
    int from = text.startsWith(BRAND, p) ? p + BRAND.length() : p;
    for (String w : words) {
      if (text.startsWith(w, from)) {
        return from + w.length();
      }
    }
    return -1;
  }

  private static boolean aboutOthersBefore(String text, int i) {
    if (i > 0 && OTHERS_BEFORE.indexOf(text.charAt(i - 1)) >= 0) {
      return true;
    }
    String before = text.substring(Math.max(0, i - 3), i);
    for (String w : OTHERS_NEARBY) {
      if (before.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean aboutOthersAfter(String text, int end) {
    int p = text.startsWith("的", end) ? end + 1 : end;
    for (String w : OTHERS_AFTER) {
      if (text.startsWith(w, p)) {
        return true;
      }
    }
    return false;
  }
}
