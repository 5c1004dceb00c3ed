package io.qinglang.detect;

import java.util.List;

/**
 * Small text helpers shared by the lexicon-driven per-post detectors ({@link SuggestionDetector}, {@link WordPair},
 * {@link OwnAdmission}).
 */
final class WordScan {
  private WordScan() {}

  /** Title and content joined by a line break; either may be null or blank. */
  static String titleAndContent(String title, String content) {
    boolean t = title != null && !title.isBlank();
    boolean c = content != null && !content.isBlank();
    return t && c ? title + "\n" + content : t ? title : c ? content : "";
  }

  /** The first of {@code words} (in list order) that {@code text} contains, or null. */
  static String firstIn(String text, List<String> words) {
    for (String w : words) {
      if (text.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
