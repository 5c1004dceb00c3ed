package io.qinglang.generate;

import com.hankcs.hanlp.HanLP;
import java.util.List;
import java.util.Locale;

/** Pinyin spellings through HanLP's static converter (loaded lazily, once per JVM). */
final class Pinyin {
  private Pinyin() {}

  /** Toneless pinyin syllables run together ("biyadi"); Latin letters and digits kept, others dropped. */
  static String of(String text) {
    StringBuilder b = new StringBuilder();
    List<com.hankcs.hanlp.dictionary.py.Pinyin> py = HanLP.convertToPinyinList(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if (Character.isLetterOrDigit(c)) {
          b.append(Character.toLowerCase(c));
        }
        continue;
      }
      if (i < py.size()) {
        String s = py.get(i).getPinyinWithoutTone();
        if (!"none".equals(s)) {
          b.append(s.replace("ü", "v"));
        }
      }
    }
    return b.toString();
  }

  /** The first letter of each syllable ("byd"). */
  static String initials(String text) {
    StringBuilder b = new StringBuilder();
    List<com.hankcs.hanlp.dictionary.py.Pinyin> py = HanLP.convertToPinyinList(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if (Character.isLetterOrDigit(c)) {
          b.append(Character.toLowerCase(c));
        }
        continue;
      }
      if (i < py.size()) {
        String s = py.get(i).getPinyinWithoutTone();
        if (!"none".equals(s) && !s.isEmpty()) {
          b.append(s.charAt(0));
        }
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Syllables separated by spaces, first letters capitalised ("Bi Ya Di"). */
  static String spaced(String text) {
    StringBuilder b = new StringBuilder();
    List<com.hankcs.hanlp.dictionary.py.Pinyin> py = HanLP.convertToPinyinList(text);
    for (int i = 0; i < text.length() && i < py.size(); i++) {
      String s = py.get(i).getPinyinWithoutTone();
      if ("none".equals(s) || s.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1).replace("ü", "v"));
    }
    return b.toString();
  }
}
