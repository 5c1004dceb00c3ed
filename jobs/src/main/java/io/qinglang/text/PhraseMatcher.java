package io.qinglang.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds dictionary phrases in text with HanLP's Aho-Corasick double-array trie: every occurrence
 * ({@link #all}) or the leftmost-longest non-overlapping ones ({@link #leftmostLongest}). Built once
 * and then read-only, so one instance may be shared by every task of a JVM. Never serialized: hold
 * it in a static cache and rebuild it from its (serializable) source entries where needed.
 */
public final class PhraseMatcher<V> {
  /** One occurrence of a phrase: characters [start, end) of the text. */
  public record Match<V>(int start, int end, String phrase, V value) {
    public int length() {
      return end - start;
    }
  }

  /** Where a phrase made of ASCII letters or digits at its edges may match. */
  public enum Boundaries {
    /** Anywhere. */
    NONE,
    /** Not right after another ASCII letter or digit ("vx" is not found in "devx", but is in "vxabc"). */
    ASCII_START,
    /** Neither right after nor right before another ASCII letter or digit ("byd" is not found in "abyd1"). */
    ASCII_BOTH
  }

  private final AhoCorasickDoubleArrayTrie<V> trie;
  private final Boundaries boundaries;

  /**
   * @param phrases phrase to value; empty phrases are ignored
   * @param boundaries how phrases with ASCII letters or digits at their edges are delimited
   */
  public PhraseMatcher(Map<String, V> phrases, Boundaries boundaries) {
    TreeMap<String, V> sorted = new TreeMap<>();
    for (Map.Entry<String, V> e : phrases.entrySet()) {
      if (e.getKey() != null && !e.getKey().isEmpty()) {
        sorted.put(e.getKey(), e.getValue());
      }
    }
    this.boundaries = boundaries;
    if (sorted.isEmpty()) {
      this.trie = null;
    } else {
      this.trie = new AhoCorasickDoubleArrayTrie<>();
      this.trie.build(sorted);
    }
  }

  public boolean isEmpty() {
    return trie == null;
  }

  /** Every occurrence, in order of start then length (longest first). */
  public List<Match<V>> all(String text) {
    List<Match<V>> out = new ArrayList<>();
    if (trie == null || text == null || text.isEmpty()) {
      return out;
    }
    trie.parseText(text, (begin, end, value) -> {
      if (bounded(text, begin, end)) {
        out.add(new Match<>(begin, end, text.substring(begin, end), value));
      }
    });
    out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.length(), a.length()));
    return out;
  }

  /** Non-overlapping occurrences, preferring the leftmost and then the longest. */
  public List<Match<V>> leftmostLongest(String text) {
    List<Match<V>> all = all(text);
    List<Match<V>> out = new ArrayList<>();
    int covered = 0;
    for (Match<V> m : all) {
      if (m.start() >= covered) {
        out.add(m);
        covered = m.end();
      }
    }
    return out;
  }

  /** Receives the longest phrase starting at one position: characters [start, end) and its value. */
  public interface LongestHit<V> {
    void hit(int start, int end, V value);
  }

  /**
   * For every position where a phrase starts, the longest phrase starting there, in order of position;
   * phrases may overlap (a shorter one starting inside a longer one is reported too). One pass of the
   * trie over the text, no substrings: for hot loops that would otherwise look up every substring.
   */
  @SuppressWarnings("unchecked")
  public void longestPerStart(String text, LongestHit<V> out) {
    if (trie == null || text == null || text.isEmpty()) {
      return;
    }
    int[] ends = new int[text.length()];
    Object[] values = new Object[text.length()];
    trie.parseText(text, (begin, end, value) -> {
      if (end > ends[begin] && bounded(text, begin, end)) {
        ends[begin] = end;
        values[begin] = value;
      }
    });
    for (int i = 0; i < ends.length; i++) {
      if (ends[i] > 0) {
        out.hit(i, ends[i], (V) values[i]);
      }
    }
  }

  private boolean bounded(String text, int begin, int end) {
    if (boundaries == Boundaries.NONE) {
      return true;
    }
    if (CharNormalizer.isAsciiAlnum(text.charAt(begin)) && begin > 0
        && CharNormalizer.isAsciiAlnum(text.charAt(begin - 1))) {
      return false;
    }
    return boundaries == Boundaries.ASCII_START || !(CharNormalizer.isAsciiAlnum(text.charAt(end - 1)) && end < text.length()
        && CharNormalizer.isAsciiAlnum(text.charAt(end)));
  }
}
