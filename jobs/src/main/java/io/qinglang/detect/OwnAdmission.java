package io.qinglang.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A post that cites the named enterprise's own admission and pushes no rival: "X官方已经承认是他们南门店的",
 * "X自己都发声明道歉了". An admitter word ({@code [admitter]} of {@code quote_context.txt}: 官方, 自己, 公司 ...),
 * then only adverbs ({@code [admission-adverb]}: 也, 都, 已经 ...; a negation is not one, so "官方不承认" is
 * nothing), then an admission ({@code [admission]}: 承认, 道歉, 发了声明 ...). Not when a doubt or demand opens
 * it ({@code [admission-doubt]}: "如果官方道歉", "要求厂家道歉"), a retraction follows it in the same sentence
 * ({@code [admission-retraction]}: "发声明辟谣"), it is asked ("官方承认了吗"), or the post anywhere makes the
 * writer's own pitch ({@code [pitch]}: 来我们, 链接, 私信我 ...). A fabricated smear of a competitor (category 10)
 * invents the incident and sells the rival; a customer repeating what the enterprise itself confirmed does
 * neither. Regulators and courts are not admitters: smears cite invented 通报 as readily as real ones. Fusion
 * withholds the classifier's category 10 from such a post and marks it for review.
 */
final class OwnAdmission implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Evidence kind. */
  static final String KIND = "own_admission";
  /** At most this many adverbs between the admitter and the admission. */
  static final int MAX_ADVERBS = 3;
  /**
   * A doubt or demand word counts when it starts within this many characters (plus the longest such word's length)
   * before the admitter, in the same clause.
   */
  static final int DOUBT_GAP = 4;
  /** A question mark or 吗 within this many characters after the admission makes it a question. */
  static final int QUESTION_GAP = 4;
  private static final String SENTENCE_END = "。！？!?；;\n";

  private final List<String> admitters;
  private final List<String> adverbs;
  private final List<String> admissions;
  private final List<String> doubts;
  private final List<String> retractions;
  private final List<String> pitches;
  /** How far before the admitter a doubt word may start: {@link #DOUBT_GAP} plus the longest doubt word. */
  private final int doubtReach;

  OwnAdmission(List<String> admitters, List<String> adverbs, List<String> admissions, List<String> doubts,
      List<String> retractions, List<String> pitches) {
    this.admitters = List.copyOf(admitters);
    this.adverbs = List.copyOf(adverbs);
    this.admissions = List.copyOf(admissions);
    this.doubts = List.copyOf(doubts);
    this.retractions = List.copyOf(retractions);
    this.pitches = List.copyOf(pitches);
    this.doubtReach = DOUBT_GAP + doubts.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The admission as the post words it ("官方已经承认"), if the post cites one and pushes no rival. */
  Optional<String> find(String title, String content) {
    if (admitters.isEmpty() || !mentionsAdmission(title) && !mentionsAdmission(content)) {
      return Optional.empty(); // most posts: no admission word, so nothing is copied or normalized
    }
    String t = QuoteContextDetector.normalize(WordScan.titleAndContent(title, content));
    if (WordScan.firstIn(t, pitches) != null) {
      return Optional.empty();
    }
    for (String admission : admissions) {
      for (int at = t.indexOf(admission); at >= 0; at = t.indexOf(admission, at + 1)) {
        Optional<String> phrase = admittedAt(t, at, admission);
        if (phrase.isPresent()) {
          return phrase;
        }
      }
    }
    return Optional.empty();
  }

  private boolean mentionsAdmission(String text) {
    return text != null && WordScan.firstIn(text, admissions) != null;
  }

  private Optional<String> admittedAt(String t, int at, String admission) {
    int start = at;
    for (int i = 0; i < MAX_ADVERBS; i++) {
      String adverb = endingAt(t, start, adverbs);
      if (adverb == null) {
        break;
      }
      start -= adverb.length();
    }
    String admitter = endingAt(t, start, admitters);
    if (admitter == null) {
      return Optional.empty();
    }
    start -= admitter.length();
    String before = t.substring(Math.max(0, start - doubtReach), start);
    if (WordScan.firstIn(before.substring(lastClauseBreak(before) + 1), doubts) != null) {
      return Optional.empty();
    }
    int end = at + admission.length();
    String after = t.substring(end, QuoteContextDetector.sentenceEnd(t, end));
    String soon = after.substring(0, Math.min(after.length(), QUESTION_GAP));
    if (WordScan.firstIn(after, retractions) != null || soon.contains("吗") || soon.contains("么")
        || endsAsQuestion(t, end, after.length())) {
      return Optional.empty();
    }
    return Optional.of(t.substring(start, end));
  }

  /** Whether the sentence holding the admission ends in a question mark right after it. */
  private static boolean endsAsQuestion(String t, int end, int rest) {
    int mark = end + rest;
    return rest <= QUESTION_GAP && mark < t.length() && (t.charAt(mark) == '?' || t.charAt(mark) == '？');
  }

  /** The longest word of the list that ends exactly at {@code end}, or null. */
  private static String endingAt(String t, int end, List<String> words) {
    String best = null;
    for (String w : words) {
      if (w.length() <= end && t.startsWith(w, end - w.length()) && (best == null || w.length() > best.length())) {
        best = w;
      }
    }
    return best;
  }

  private static int lastClauseBreak(String s) {
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      if (SENTENCE_END.indexOf(s.charAt(i)) >= 0 || s.charAt(i) == ',' || s.charAt(i) == '，') {
        last = i;
      }
    }
    return last;
  }
}
