package io.qinglang.fin;

/**
 * Text helpers for financial reports. {@link #normalize} keeps the length of the text, so offsets
 * found in the normalised text point at the same characters of the original.
 */
public final class FinText {
  private FinText() {}

  /** Common traditional characters: a text with none of them is not converted. */
  private static final String TRADITIONAL = "營淨潤績虧報財與個產據為發這說時後實經濟業會來國對們從現過還開關區點萬億長門問題"
      + "電話費資負債務鏈轉預減損聯網銷額幣單廠價權書東車輛貨運銀險體當無麼讓種樣應該總將級際廣華義樂戶師層觀議變勢"
      + "標準論紀處項頭場歷讀寫買賣漲盤歸屬淨凈環較創規劃庫齊獲鎖餘協調織蘋適筆";

  /**
   * Full-width ASCII (０-９, ％, ．, ＋, －, Ａ-Ｚ ...) to half-width, the ideographic space to a space,
   * minus-like signs (−, －, ﹣) to '-', and traditional characters to simplified (HanLP's converter,
   * kept only when it does not change the length). One character in, one character out.
   */
  public static String normalize(String text) {
    return simplified(width(text));
  }

  /** Traditional to simplified when the text has traditional characters and the length stays. */
  static String simplified(String text) {
    boolean traditional = false;
    for (int i = 0; i < text.length() && !traditional; i++) {
      traditional = TRADITIONAL.indexOf(text.charAt(i)) >= 0;
    }
    if (!traditional) {
      return text;
    }
    String s = com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(text);
    return s.length() == text.length() ? s : text;
  }

  private static String width(String text) {
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
