package io.qinglang.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule of the lexicon-driven pair detectors ({@link HotEventDetector}, {@link TradeSecretDetector}): a post
 * holds a word of one lexicon section and a word of a second, and none of a third. Title and body are read
 * together, folded to half-width with spaces dropped; a post is first checked for a word of the first section
 * as written (one scan, no copy), so most posts are never normalized.
 */
final class WordPair implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The first word of each of the two sections found. */
  record Match(String first, String second) {}

  private final List<String> first;
  private final List<String> second;
  private final List<String> veto;

  /** Reads the three sections; the lexicon must have exactly these (a clear error names the file otherwise). */
  WordPair(Lexicon lexicon, String first, String second, String veto) {
    Set<String> sections = Set.of(first, second, veto);
    lexicon.requireSections(sections, sections);
    this.first = QuoteContextDetector.normalized(lexicon.words(first));
    this.second = QuoteContextDetector.normalized(lexicon.words(second));
    this.veto = QuoteContextDetector.normalized(lexicon.words(veto));
  }

  Optional<Match> find(String title, String content) {
    String raw = WordScan.titleAndContent(title, content);
    if (WordScan.firstIn(raw, first) == null) {
      return Optional.empty();
    }
    String text = QuoteContextDetector.normalize(raw);
    String a = WordScan.firstIn(text, first);
    String b = a == null ? null : WordScan.firstIn(text, second);
    if (b == null || WordScan.firstIn(text, veto) != null) {
      return Optional.empty();
    }
    return Optional.of(new Match(a, b));
  }
}
