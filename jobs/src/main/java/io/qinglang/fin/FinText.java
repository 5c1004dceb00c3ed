package io.qinglang.fin;

/**
 * Text helpers for financial reports. {@link #normalize} keeps the length of the text, so offsets
 * found in the normalised text point at the same characters of the original.
 */
public final class FinText {
  private FinText() {}

  /**
   * Full-width ASCII (０-９, ％, ．, ＋, －, Ａ-Ｚ ...) to half-width, the ideographic space to a space,
   * minus-like signs (−, －, ﹣) to '-'. One character in, one character out.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    char[] out = text.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        out[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000' || c == '\u00A0') {
        out[i] = ' ';
      } else if (c == '\u2212' || c == '\uFE63') {
        out[i] = '-';
      }
    }
    return new String(out);
  }

  /** True for CJK unified ideographs. */
  public static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** The text between start and end of {@code original}, trimmed of spaces and clause punctuation. */
  public static String span(String original, int start, int end) {
    int s = Math.max(0, start);
    int e = Math.min(original.length(), end);
    while (s < e && isTrim(original.charAt(s))) {
      s++;
    }
    while (e > s && isTrim(original.charAt(e - 1))) {
      e--;
    }
    return original.substring(s, e);
  }

  private static boolean isTrim(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || "，,。；;：:、！!？?".indexOf(c) >= 0;
  }
}
