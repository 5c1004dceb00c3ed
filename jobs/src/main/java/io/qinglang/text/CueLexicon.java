package io.qinglang.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Domain cue phrases per category (conf/lexicons/cues.txt: "category TAB phrase"): words that
 * people use when they commit, or when they legitimately discuss, each kind of abuse (有偿删帖,
 * 收负面, 国进民退, 官方回应 ...). Counted as features and shown as evidence. A phrase may belong to
 * several categories. Phrases are char-normalized; matching is leftmost-longest on normalized text.
 */
public final class CueLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int CATEGORIES = 11;

  /** One cue found in text: characters [start, end), the phrase and its categories. */
  public record Cue(int start, int end, String phrase, int[] categories) {}

  private final String[] entries;
  private final String fingerprint;
  private transient PhraseMatcher<int[]> matcher;

  public CueLexicon(List<String> entries) {
    this.entries = entries.toArray(new String[0]);
    this.fingerprint = JvmCache.fingerprint(this.entries);
  }

  /** Every phrase of the lexicon (for the segmenter's custom words). */
  public List<String> phrases() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String e : entries) {
      out.add(e.substring(e.indexOf('\t') + 1));
    }
    return List.copyOf(out);
  }

  public List<Cue> find(String text) {
    List<Cue> out = new ArrayList<>();
    for (PhraseMatcher.Match<int[]> m : matcher().leftmostLongest(text)) {
      out.add(new Cue(m.start(), m.end(), m.phrase(), m.value()));
    }
    return out;
  }

  /** log(1 + matches) per category 0..10. */
  public double[] counts(String text) {
    double[] counts = new double[CATEGORIES];
    for (PhraseMatcher.Match<int[]> m : matcher().leftmostLongest(text)) {
      for (int c : m.value()) {
        counts[c] += 1;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.log1p(counts[i]);
    }
    return counts;
  }

  private PhraseMatcher<int[]> matcher() {
    PhraseMatcher<int[]> m = matcher;
    if (m == null) {
      m = build();
      matcher = m;
    }
    return m;
  }

  private PhraseMatcher<int[]> build() {
    return JvmCache.get("cues", fingerprint, () -> {
      Map<String, LinkedHashSet<Integer>> byPhrase = new HashMap<>();
      for (String e : entries) {
        int tab = e.indexOf('\t');
        int category = Integer.parseInt(e.substring(0, tab).strip());
        String phrase = CharNormalizer.normalize(e.substring(tab + 1)).strip();
        if (!phrase.isEmpty()) {
          byPhrase.computeIfAbsent(phrase, k -> new LinkedHashSet<>()).add(category);
        }
      }
      Map<String, int[]> map = new HashMap<>();
      byPhrase.forEach((k, v) -> map.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return new PhraseMatcher<>(map, PhraseMatcher.Boundaries.ASCII_BOTH);
    });
  }
}
