package io.qinglang.text;

import com.hankcs.hanlp.HanLP;

/**
 * Character-level normalization shared by every text stage and by the registry matcher, so that a
 * name in the registry and the same name in a post compare equal: traditional to simplified
 * Chinese (HanLP's phrase-level converter), full-width ASCII to half-width, the ideographic space
 * to a space, ASCII letters to lower case, zero-width characters removed. Punctuation such as
 * 【】「」《》。 is kept as it is (unlike HanLP's CharTable, which turns [ into 《).
 */
public final class CharNormalizer {
  private CharNormalizer() {}

  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String simplified = HanLP.convertToSimplifiedChinese(text);
    StringBuilder sb = new StringBuilder(simplified.length());
    for (int i = 0; i < simplified.length(); i++) {
      char c = simplified.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000' || c == '\u00A0') {
        c = ' ';
      } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u2060') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** True for a CJK unified ideograph (the characters Chinese words are made of). */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** True for an ASCII letter or digit. */
  public static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
