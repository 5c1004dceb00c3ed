package io.qinglang.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Quotes cut out of context (category 5): a headline states a claim that the body shows the
 * speaker did not make as a plain statement. The headline is the post's title; without one, a leading
 * 【...】 heading, or an opening clause that names a speaker before a colon ("X老板亲口承认：claim", a
 * word of the lexicon's {@code speaker} section within {@value #MAX_SPEAKER_CHARS} characters). Its claim is
 * the text after its last colon, or inside its quotation marks. The claim must appear inside quotation
 * marks or after a speech word ("说：") in the rest of the body: whole, or as an in-order subsequence
 * that keeps {@value #PARTIAL_SHARE} of its characters (at least {@code min-claim-chars}) within a span at
 * most {@value #SPAN_SLACK} characters longer than the claim (a headline rarely copies the quotation
 * exactly; claims over {@value #MAX_CLAIM_CHARS} characters are whole headlines, not quotes, and are
 * skipped). The words around it (lexicon {@code quote_context.txt}) must change its sense:
 * <ul>
 *   <li>{@code conditional}: a condition earlier in the same sentence ("如果不创新，X撑不过明年");
 *   <li>{@code disbelief}: a denial directly before it ("我从来不认为年轻人就该996");
 *   <li>{@code disagreement}: a rejection after it ("外界都说冬天来了，我不这么看");
 *   <li>{@code contrast}: the headline cut a "not X but Y" after its first half ("员工不是家人，是伙伴");
 *   <li>{@code follow_up}: the speaker qualified it right after the quotation ("他随后强调……");
 *   <li>{@code cut_admitted}: the writer says the rest of the speech was left out on purpose ("后面他说啥不重要",
 *       "视频我只截了这段"), after quoting the claim.
 * </ul>
 * A headline that names its speaker ("X老板：claim") over a body that quotes the speaker's own words as such
 * (a {@code full-quote} word before the quotation: "原话：“...”") where the claim is nowhere, whole or
 * partial, gives review-level evidence {@code not_in_quote}: the headline put words in the speaker's mouth.
 * Those give strong evidence ({@value #STRONG}). A claim the speaker only attributes to others
 * ("外界都说……") without a rejection gives review-level evidence ({@value #REVIEW}): the speaker may
 * agree. A headline that asks (？) or that already carries the condition or the denial gives nothing:
 * the matched claim then contains the marker, which only counts outside it.
 */
public final class QuoteContextDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String COLUMN = "quote_context_evidence";
  public static final double STRONG = 0.85;
  public static final double REVIEW = 0.6;
  static final String NOT_IN_QUOTE = "not_in_quote";
  /** Lexicon sections. */
  static final Set<String> SECTIONS = Set.of("conditional", "disbelief", "attributed", "disagreement", "contrast",
      "follow-up", "speech", "speaker", "cut-admission", "full-quote");
  /**
   * Sections a lexicon may have besides, all optional: {@code hearsay} ({@link HearsayHeadline}) and the words of
   * {@link OwnAdmission}.
   */
  static final Set<String> ALLOWED_SECTIONS = union(SECTIONS, Set.of("hearsay", "admitter", "admission-adverb",
      "admission", "admission-doubt", "admission-retraction", "pitch"));
  private static final String OPEN_QUOTES = "“\"「『‘'";
  private static final String CLOSE_QUOTES = "”\"」』’'";
  private static final String SENTENCE_END = "。！？!?；;\n";
  /** Besides an emoji or symbol, what ends an untitled post's unquoted opening claim. */
  private static final String OPENING_CLAUSE_END = SENTENCE_END + "【[#(（" + OPEN_QUOTES;
  private static final int DISBELIEF_GAP = 4;
  private static final int CONTRAST_GAP = 1;
  /** Longer "claims" are whole headlines, not quotes (and the partial search grows with the square of the length). */
  static final int MAX_CLAIM_CHARS = 40;
  /** The share of a headline's claim a partial match in the body must keep. */
  static final double PARTIAL_SHARE = 0.7;
  /** How much longer than the claim the body span of a partial match may be. */
  static final int SPAN_SLACK = 8;
  /** An untitled post's opening clause names its speaker within this many characters before the colon. */
  static final int MAX_SPEAKER_CHARS = 20;
  /** A full-quote word ("原话") introduces a quotation that opens within this many characters after it. */
  static final int FULL_QUOTE_GAP = 3;

  private final List<String> conditional;
  private final List<String> disbelief;
  private final List<String> attributed;
  private final List<String> disagreement;
  private final List<String> contrast;
  private final List<String> followUp;
  private final List<String> speech;
  private final List<String> speakers;
  private final List<String> cutAdmission;
  private final List<String> fullQuote;
  private final HearsayHeadline hearsay;
  private final OwnAdmission ownAdmission;
  private final int window;
  private final int minClaimChars;

  public QuoteContextDetector(Lexicon lexicon, int window, int minClaimChars) {
    lexicon.requireSections(SECTIONS, ALLOWED_SECTIONS);
    conditional = normalized(lexicon.words("conditional"));
    disbelief = normalized(lexicon.words("disbelief"));
    attributed = normalized(lexicon.words("attributed"));
    disagreement = normalized(lexicon.words("disagreement"));
    contrast = normalized(lexicon.words("contrast"));
    followUp = normalized(lexicon.words("follow-up"));
    speech = normalized(lexicon.words("speech"));
    speakers = normalized(lexicon.words("speaker"));
    cutAdmission = normalized(lexicon.words("cut-admission"));
    fullQuote = normalized(lexicon.words("full-quote"));
    hearsay = new HearsayHeadline(normalized(lexicon.words("hearsay")));
    ownAdmission = new OwnAdmission(normalized(lexicon.words("admitter")), normalized(lexicon.words("admission-adverb")),
        normalized(lexicon.words("admission")), normalized(lexicon.words("admission-doubt")),
        normalized(lexicon.words("admission-retraction")), normalized(lexicon.words("pitch")));
    this.window = window;
    this.minClaimChars = minClaimChars;
  }

  /** What was found: the claim as the body has it, where, and which words changed its sense. */
  public record Finding(String claim, int start, int end, String reason, String marker, boolean strong) {}

  /**
   * The evidence for one post: at most one quote finding, an unscored {@value HearsayHeadline#KIND} entry when the
   * headline reports what others say, and an unscored {@value OwnAdmission#KIND} entry when the post cites the
   * enterprise's own admission and pushes no rival (fusion reads those two; they decide nothing by themselves).
   */
  public List<Evidence> detect(String title, String content) {
    List<Evidence> out = new ArrayList<>(1);
    find(title, content).ifPresent(f -> out.add(new Evidence(Evidence.QUOTE_CONTEXT, f.reason(),
        String.format(Locale.ROOT, f.reason().equals(NOT_IN_QUOTE)
                ? "the headline states \"%s\" as said; the body quotes the speaker (\"%s\") without it (%s)"
                : "the headline states \"%s\" as said; in the body it stands with \"%s\" (%s)",
            PersonalDataMasker.mask(f.claim()), f.marker(), describe(f.reason())),
        PersonalDataMasker.mask(f.claim()), null, null, f.strong() ? STRONG : REVIEW)));
    hearsay.find(title, content).ifPresent(heard -> out.add(new Evidence(Evidence.QUOTE_CONTEXT, HearsayHeadline.KIND,
        "the headline reports what others say (\"" + heard + "\"): it passes on or checks a claim, it does not state it",
        heard, null, null, null)));
    ownAdmission.find(title, content).ifPresent(said -> out.add(new Evidence(Evidence.QUOTE_CONTEXT, OwnAdmission.KIND,
        "the post cites the enterprise's own admission (\"" + PersonalDataMasker.mask(said)
            + "\") and pushes no rival: it repeats a confirmed incident, it does not invent one",
        PersonalDataMasker.mask(said), null, null, null)));
    return out.isEmpty() ? List.of() : out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  private static String describe(String reason) {
    return switch (reason) {
      case "conditional" -> "said under a condition the headline dropped";
      case "disbelief" -> "the speaker denies it";
      case "disagreement" -> "the speaker rejects it";
      case "contrast" -> "the headline cut a 'not X but Y' in half";
      case "follow_up" -> "the speaker qualified it at once";
      case "cut_admitted" -> "the writer says the rest of the speech was left out";
      case NOT_IN_QUOTE -> "words put in the speaker's mouth";
      default -> "what others say, not the speaker's view";
    };
  }

  /** A headline and where the body's own text starts (a heading or opening clause is not searched). */
  private record Headline(String text, int bodyFrom, boolean quotedClaim) {
    /** The text before the claim's colon ("X老板亲口承认"), "" without one. */
    String speakerPart() {
      int colon = text.lastIndexOf(':');
      return colon > 0 ? text.substring(0, colon) : "";
    }
  }

  /** The strongest finding for a headline and body (offsets into the normalized body). */
  public Optional<Finding> find(String title, String content) {
    boolean titled = title != null && !title.isBlank();
    if (content == null || content.isBlank() || !titled && !startsWithBracket(content) && !colonNearStart(content)) {
      return Optional.empty(); // most posts: no headline, so the body is not normalized at all
    }
    String body = normalize(content);
    Headline headline = titled ? new Headline(normalize(title), 0, false) : untitledHeadline(body);
    if (headline == null || headline.text().indexOf('?') >= 0) {
      return Optional.empty();
    }
    String claim = claimOf(headline.text());
    int chars = claim.codePointCount(0, claim.length());
    if (chars < minClaimChars || chars > MAX_CLAIM_CHARS) {
      return Optional.empty();
    }
    Optional<Finding> f = best(body, claim, headline.bodyFrom(), claim);
    if (f.isEmpty()) {
      f = bestPartial(body, claim, headline.bodyFrom());
    }
    if (f.isEmpty() && headline.quotedClaim()) {
      // The opening clause quotes the speaker itself: only the writer's admission can show the cut.
      String marker = firstIn(body.substring(headline.bodyFrom()), cutAdmission);
      if (marker != null) {
        int at = body.indexOf(claim);
        f = Optional.of(new Finding(claim, at, at + claim.length(), "cut_admitted", marker, true));
      }
    }
    if (f.isEmpty() && !headline.quotedClaim() && firstIn(headline.speakerPart(), speakers) != null) {
      // The full quote is looked for first: it is rare, and the partial search it spares scans every sentence.
      f = notInFullQuote(body, claim, headline.bodyFrom()).filter(q -> !appears(body, claim, headline.bodyFrom()));
    }
    return f;
  }

  /** Whether the body holds the claim whole, or partially as {@link #bestPartial} counts it, in any sentence. */
  private boolean appears(String body, String claim, int from) {
    if (body.indexOf(claim, from) >= 0) {
      return true;
    }
    for (int start = from; start < body.length(); ) {
      int end = sentenceEnd(body, start);
      if (partialSpan(body, start, end, claim) != null) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** The body's first quotation given as the speaker's own words ("原话：“...”"), as a not_in_quote finding. */
  private Optional<Finding> notInFullQuote(String body, String claim, int from) {
    Finding first = null;
    for (String w : fullQuote) {
      int at = body.indexOf(w, from);
      for (; at >= 0 && (first == null || at < first.start()); at = body.indexOf(w, at + 1)) {
        int open = indexOfAny(body, OPEN_QUOTES, at + w.length());
        if (open >= 0 && open - (at + w.length()) <= FULL_QUOTE_GAP) {
          int close = indexOfAny(body, CLOSE_QUOTES, open + 1);
          first = new Finding(claim, open + 1, close > open ? close : body.length(), NOT_IN_QUOTE, w, false);
          break;
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /** A 【...】 heading, or an opening clause "speaker：claim" (the claim up to its sentence's end). */
  private Headline untitledHeadline(String body) {
    if (body.startsWith("【")) {
      int close = body.indexOf('】');
      return close > 1 ? new Headline(body.substring(1, close), close + 1, false) : null;
    }
    int colon = body.indexOf(':');
    if (colon < 2 || colon > MAX_SPEAKER_CHARS) {
      return null;
    }
    String speaker = body.substring(0, colon);
    if (firstIn(speaker, speakers) == null || SENTENCE_END.chars().anyMatch(c -> speaker.indexOf(c) >= 0)) {
      return null;
    }
    int from = colon + 1;
    if (from < body.length() && OPEN_QUOTES.indexOf(body.charAt(from)) >= 0) {
      int close = indexOfAny(body, CLOSE_QUOTES, from + 1);
      return close > from + 1 ? new Headline(body.substring(0, close + 1), close + 1, true) : null;
    }
    int end = from;
    while (end < body.length() && !endsOpeningClause(body.codePointAt(end))) {
      end += Character.charCount(body.codePointAt(end));
    }
    // An opening clause that ends in a question mark asks; it commits the speaker to nothing.
    boolean asks = end < body.length() && body.charAt(end) == '?';
    return end > from && !asks ? new Headline(body.substring(0, end), end, false) : null;
  }

  /** Where an unquoted opening claim stops: a sentence end, a quotation, a bracket, a tag or an emoji. */
  private static boolean endsOpeningClause(int cp) {
    if (cp < 0x10000 && OPENING_CLAUSE_END.indexOf(cp) >= 0) {
      return true;
    }
    int type = Character.getType(cp);
    return Character.isSupplementaryCodePoint(cp) || type == Character.OTHER_SYMBOL;
  }

  /** Whether a colon comes early in the raw text (checked before normalizing all of it). */
  private static boolean colonNearStart(String text) {
    int end = Math.min(text.length(), MAX_SPEAKER_CHARS + 8);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '：') {
        return true;
      }
    }
    return false;
  }

  /**
   * The strongest finding among the body's sentences that hold the claim as an in-order subsequence: at
   * least {@value #PARTIAL_SHARE} of its characters, within a span at most {@value #SPAN_SLACK} longer.
   */
  private Optional<Finding> bestPartial(String body, String claim, int from) {
    Finding best = null;
    int start = from;
    while (start < body.length()) {
      int end = sentenceEnd(body, start);
      int[] span = partialSpan(body, start, end, claim);
      if (span != null) {
        best = stronger(best, judge(body, body.substring(span[0], span[1]), claim, span[0], span[1]));
      }
      start = end + 1;
    }
    return Optional.ofNullable(best);
  }

  /** The span of body[start, end) that holds the claim partially (the share and slack above), or null. */
  private int[] partialSpan(String body, int start, int end, String claim) {
    int n = claim.length();
    int needed = Math.max(minClaimChars, (int) Math.ceil(PARTIAL_SHARE * n));
    return subsequenceSpan(body, start, end, claim, needed, n + SPAN_SLACK);
  }

  /**
   * The span of body[from, to), at most {@code maxSpan} long, that holds the most characters of
   * {@code claim} in order (the shorter on a tie), as {start, end, characters}; null when none holds
   * {@code needed}. Tried from every start that matches a claim character, each later claim character
   * taken at its first place (greedy; a short claim against one sentence: cheap).
   */
  static int[] subsequenceSpan(String body, int from, int to, String claim, int needed, int maxSpan) {
    int[] best = null;
    for (int s = from; s < to; s++) {
      if (claim.indexOf(body.charAt(s)) < 0) {
        continue;
      }
      int limit = Math.min(to, s + maxSpan);
      for (int c0 = 0; c0 + needed <= claim.length(); c0++) {
        if (claim.charAt(c0) != body.charAt(s)) {
          continue;
        }
        // Greedy: each later claim character at its first place after the previous match.
        int matched = 1;
        int at = s + 1;
        int last = s;
        for (int c = c0 + 1; c < claim.length() && at < limit; c++) {
          int k = body.indexOf(claim.charAt(c), at);
          if (k < 0 || k >= limit) {
            continue;
          }
          matched++;
          last = k;
          at = k + 1;
        }
        if (matched >= needed && (best == null || matched > best[2]
            || matched == best[2] && last + 1 - s < best[1] - best[0])) {
          best = new int[] {s, last + 1, matched};
        }
      }
    }
    return best;
  }

  private Optional<Finding> best(String body, String match, int bodyFrom, String claim) {
    Finding best = null;
    for (int from = bodyFrom; from < body.length(); ) {
      int at = body.indexOf(match, from);
      if (at < 0) {
        break;
      }
      best = stronger(best, judge(body, match, claim, at, at + match.length()));
      from = at + match.length();
    }
    return Optional.ofNullable(best);
  }

  /** The finding to keep: the first one, unless a later one is strong where the first is not. */
  private static Finding stronger(Finding best, Finding f) {
    return f != null && (best == null || f.strong() && !best.strong()) ? f : best;
  }

  /** The finding for {@code match} at [start, end) of the body; markers the headline's claim holds do not count. */
  private Finding judge(String body, String match, String claim, int start, int end) {
    Finding f = judgeMarkers(body, match, start, end);
    return f == null || claim.contains(f.marker()) ? null : f;
  }

  private Finding judgeMarkers(String body, String claim, int start, int end) {
    int quoteOpen = openQuoteBefore(body, start);
    boolean quoted = quoteOpen >= 0;
    int sentenceStart = sentenceStart(body, start);
    if (!quoted && !speechBefore(body, sentenceStart, start)) {
      return null;
    }
    int scopeStart = Math.max(quoted ? quoteOpen + 1 : sentenceStart, start - window);
    String before = body.substring(Math.max(scopeStart, sentenceStart), start);
    int quoteClose = quoted ? closeQuoteAfter(body, end) : -1;
    int scopeEnd = Math.min(body.length(), end + window);
    if (quoteClose >= 0) {
      scopeEnd = Math.min(scopeEnd, quoteClose);
    } else if (!quoted) {
      // Reported speech without quotation marks ends with its sentence: what follows is the writer's.
      scopeEnd = Math.min(scopeEnd, sentenceEnd(body, end));
    }
    String after = body.substring(end, Math.max(end, scopeEnd));
    String marker;
    if ((marker = endingWith(before, disbelief, DISBELIEF_GAP)) != null) {
      return new Finding(claim, start, end, "disbelief", marker, true);
    }
    if ((marker = firstIn(after, disagreement)) != null) {
      return new Finding(claim, start, end, "disagreement", marker, true);
    }
    if (negated(claim) && (marker = startingWith(after, contrast, CONTRAST_GAP)) != null) {
      return new Finding(claim, start, end, "contrast", marker, true);
    }
    // A condition counts anywhere earlier in the sentence (inside the quotation), up to twice the window.
    String sentenceBefore = body.substring(Math.max(Math.max(sentenceStart, quoteOpen + 1), start - 2 * window), start);
    if ((marker = firstIn(sentenceBefore, conditional)) != null && !sentenceBefore.contains(marker + "说")) {
      return new Finding(claim, start, end, "conditional", marker, true);
    }
    if (quoteClose >= 0) {
      String next = body.substring(quoteClose + 1, Math.min(body.length(), quoteClose + 1 + window));
      if ((marker = firstIn(next, followUp)) != null) {
        return new Finding(claim, start, end, "follow_up", marker, true);
      }
    }
    if ((marker = firstIn(body.substring(end), cutAdmission)) != null) {
      return new Finding(claim, start, end, "cut_admitted", marker, true);
    }
    if ((marker = firstIn(before, attributed)) != null) {
      return new Finding(claim, start, end, "attributed", marker, false);
    }
    return null;
  }

  /** The claim of a headline: after its last colon, or inside its quotation marks; no end punctuation. */
  static String claimOf(String headline) {
    String h = headline;
    int open = indexOfAny(h, OPEN_QUOTES, 0);
    if (open >= 0) {
      int close = indexOfAny(h, CLOSE_QUOTES, open + 1);
      if (close > open + 1) {
        return trimPunctuation(h.substring(open + 1, close));
      }
    }
    int colon = h.lastIndexOf(':');
    if (colon >= 0) {
      h = h.substring(colon + 1);
    }
    return trimPunctuation(h);
  }

  private static String trimPunctuation(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isPunctuation(s.charAt(a))) {
      a++;
    }
    while (b > a && isPunctuation(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isPunctuation(char c) {
    return "！!。.，,、…~～ \"'“”‘’「」『』《》".indexOf(c) >= 0;
  }

  private static boolean negated(String claim) {
    return claim.contains("不是") || claim.contains("并非") || claim.contains("没有") || claim.contains("不会");
  }

  private static int openQuoteBefore(String body, int start) {
    int sentence = sentenceStart(body, start);
    for (int i = start - 1; i >= Math.max(0, sentence - 1); i--) {
      char c = body.charAt(i);
      if (CLOSE_QUOTES.indexOf(c) >= 0 && OPEN_QUOTES.indexOf(c) < 0) {
        return -1;
      }
      if (OPEN_QUOTES.indexOf(c) >= 0) {
        return i;
      }
    }
    // A quotation may span sentences: look back further for an opening mark not yet closed.
    for (int i = sentence - 1; i >= 0; i--) {
      char c = body.charAt(i);
      if (CLOSE_QUOTES.indexOf(c) >= 0 && OPEN_QUOTES.indexOf(c) < 0) {
        return -1;
      }
      if (c == '“' || c == '「' || c == '『') {
        return i;
      }
    }
    return -1;
  }

  private static int closeQuoteAfter(String body, int end) {
    for (int i = end; i < body.length(); i++) {
      if (CLOSE_QUOTES.indexOf(body.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int sentenceStart(String body, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (SENTENCE_END.indexOf(body.charAt(i)) >= 0) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Where the sentence holding {@code at} ends (its end mark, or the text's length). */
  static int sentenceEnd(String body, int at) {
    for (int i = at; i < body.length(); i++) {
      if (SENTENCE_END.indexOf(body.charAt(i)) >= 0) {
        return i;
      }
    }
    return body.length();
  }

  private boolean speechBefore(String body, int sentenceStart, int start) {
    String before = body.substring(sentenceStart, start);
    return firstIn(before, speech) != null;
  }

  private static String firstIn(String text, List<String> words) {
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    for (String w : words) {
      int at = text.indexOf(w);
      if (at >= 0 && (at < bestAt || at == bestAt && w.length() > best.length())) {
        best = w;
        bestAt = at;
      }
    }
    return best;
  }

  private static String endingWith(String text, List<String> words, int gap) {
    for (String w : words) {
      int at = text.lastIndexOf(w);
      if (at >= 0 && text.length() - (at + w.length()) <= gap) {
        return w;
      }
    }
    return null;
  }

  private static String startingWith(String text, List<String> words, int gap) {
    for (String w : words) {
      int at = text.indexOf(w);
      if (at >= 0 && at <= gap) {
        return w;
      }
    }
    return null;
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Folded to half-width ({@link PersonalDataPatterns#fold}), whitespace but line breaks dropped. */
  static String normalize(String s) {
    String folded = PersonalDataPatterns.fold(s);
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!dropped(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean dropped(char c) {
    return Character.isWhitespace(c) && c != '\n';
  }

  /** Whether the text, once normalized, starts with 【 (checked without normalizing all of it). */
  private static boolean startsWithBracket(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!dropped(c)) {
        return c == '【';
      }
    }
    return false;
  }

  /** The words normalized as texts are, without empties and repeats. */
  static List<String> normalized(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      String n = normalize(w);
      if (!n.isEmpty() && !out.contains(n)) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  /** Adds {@value #COLUMN} (array of evidence structs) from the posts' title and content. */
  public Dataset<Row> withEvidence(Dataset<Row> posts) {
    return posts.withColumn(COLUMN, column());
  }

  public Column column() {
    return EvidenceColumns.fromTitleAndContent(COLUMN, this::detect);
  }
}
