package io.qinglang.text;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes post text for the classifier. In order:
 * <ol>
 *   <li>characters: traditional to simplified, full-width to half-width, lower-case ASCII ({@link CharNormalizer});
 *   <li>links become {@code <URL>}, e-mail addresses {@code <EMAIL>}, @mentions {@code <AT>};
 *   <li>{@code #topic#} becomes {@code <TOPIC> topic} (the words of a topic carry meaning);
 *   <li>{@code [emoji]} codes such as [怒] are kept, spaced out so that they stay one token;
 *   <li>separators slipped between Chinese characters to dodge filters (删*帖, 黑 公 关) are removed;
 *   <li>filter-dodging spellings (V信, 薇信, 删tie, 私我, ...) are mapped to canonical forms from the
 *       dodge lexicon (variant, canonical), leftmost-longest;
 *   <li>when {@code maskNumbers}: contact and personal-data shapes become placeholders (WeChat and QQ
 *       ids, resident ID numbers, bank cards, 400/800 hotlines, mobiles, landlines) and any other
 *       number {@code <NUM>}, so that the model learns shapes, never values;
 *   <li>runs of white space become one space.
 * </ol>
 * Serializable: it holds only the lexicon entries; the trie is built once per JVM ({@link JvmCache}).
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern URL = Pattern.compile(
      "(?:https?://|www\\.)[\\w\\-.~:/?#\\[\\]@!$&'()*+,;=%]+"
          + "|(?<![\\w@.])[a-z0-9][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+)*\\.(?:com|cn|net|org|top|xyz|vip|cc|shop|info|site|app)"
          + "(?:/[\\w\\-.~/?=&%#]*)?(?![a-z0-9])");
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,}");
  private static final Pattern MENTION = Pattern.compile("@[^\\s@:,.!?;()\\[\\]#<>，。！？：；、（）【】「」《》\"'“”‘’]{1,20}");
  private static final Pattern TOPIC = Pattern.compile("#([^#\\s<>]{1,40})#");
  private static final Pattern EMOJI = Pattern.compile("\\[([^\\[\\]\\s<>]{1,6})\\]");
  private static final Pattern HAN_SEPARATOR = Pattern.compile("(?<=\\p{IsHan})[ *_.·~|^\\-/\\\\]{1,2}(?=\\p{IsHan})");
  private static final Pattern WXID = Pattern.compile("(微信号?|wechat|weixin)\\s*[:：]?\\s*([a-z][a-z0-9_\\-]{5,19})(?![a-z0-9_\\-])");
  private static final Pattern QQ = Pattern.compile("(qq号?|qq群)\\s*[:：]?\\s*(\\d{5,11})(?!\\d)");
  private static final Pattern IDNO = Pattern.compile("(?<![0-9])\\d{6}(?:18|19|20)\\d{2}[01]\\d[0-3]\\d{4}[0-9x](?![0-9a-z])");
  private static final Pattern CARD = Pattern.compile("(?<![0-9])(?:\\d{16,19}|\\d{4}(?:[ \\-]\\d{4}){3}(?:[ \\-]?\\d{1,3})?)(?![0-9])");
  private static final Pattern HOTLINE = Pattern.compile("(?<![0-9])[48]00[ \\-]?\\d{3}[ \\-]?\\d{4}(?![0-9])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[ \\-]?)?1[3-9]\\d(?:[ \\-]?\\d{4}){2}(?![0-9])");
  private static final Pattern PHONE = Pattern.compile("(?<![0-9])0\\d{2,3}[ \\-]\\d{7,8}(?![0-9])");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String[] dodges;
  private final boolean maskNumbers;
  private final String fingerprint;
  private transient PhraseMatcher<String> matcher;

  /**
   * @param dodges lexicon entries "variant TAB canonical"
   * @param maskNumbers replace numbers and contact / personal-data shapes by placeholders
   */
  public TextNormalizer(List<String> dodges, boolean maskNumbers) {
    this.dodges = dodges.toArray(new String[0]);
    this.maskNumbers = maskNumbers;
    this.fingerprint = JvmCache.fingerprint(this.dodges);
  }

  public String normalize(String raw) {
    String s = CharNormalizer.normalize(raw);
    if (s.isEmpty()) {
      return s;
    }
    // Each pattern runs only on text that holds what every match of it needs (a scan of the text is far
    // cheaper than a regex search that finds nothing).
    if (s.indexOf('.') >= 0 || s.contains("http")) {
      s = URL.matcher(s).replaceAll(" " + Placeholders.URL + " ");
    }
    if (s.indexOf('@') >= 0) {
      s = EMAIL.matcher(s).replaceAll(" " + Placeholders.EMAIL + " ");
      s = MENTION.matcher(s).replaceAll(" " + Placeholders.AT + " ");
    }
    if (s.indexOf('#') >= 0) {
      s = TOPIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement(" " + Placeholders.TOPIC + " " + m.group(1) + " "));
    }
    if (s.indexOf('[') >= 0) {
      s = EMOJI.matcher(s).replaceAll(m -> Matcher.quoteReplacement(" [" + m.group(1) + "] "));
    }
    s = HAN_SEPARATOR.matcher(s).replaceAll("");
    s = mapDodges(s);
    if (maskNumbers) {
      if (s.contains("微信") || s.contains("wechat") || s.contains("weixin")) {
        s = WXID.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + Placeholders.WXID + " "));
      }
      if (s.contains("qq")) {
        s = QQ.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + Placeholders.QQNUM + " "));
      }
      if (hasDigit(s)) {
        s = IDNO.matcher(s).replaceAll(" " + Placeholders.IDNO + " ");
        s = CARD.matcher(s).replaceAll(" " + Placeholders.CARD + " ");
        s = HOTLINE.matcher(s).replaceAll(" " + Placeholders.HOTLINE + " ");
        s = MOBILE.matcher(s).replaceAll(" " + Placeholders.MOBILE + " ");
        s = PHONE.matcher(s).replaceAll(" " + Placeholders.PHONE + " ");
        s = NUMBER.matcher(s).replaceAll(Placeholders.NUM);
      }
    }
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** An ASCII digit ({@code \\d} of the number patterns) anywhere in {@code s}. */
  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The dodge spellings in {@code charNormalized} text (leftmost-longest), for evidence. */
  public List<PhraseMatcher.Match<String>> dodgesIn(String charNormalized) {
    return dodgeMatcher().leftmostLongest(charNormalized);
  }

  private String mapDodges(String s) {
    PhraseMatcher<String> matcher = dodgeMatcher();
    if (matcher.isEmpty()) {
      return s;
    }
    List<PhraseMatcher.Match<String>> found = matcher.leftmostLongest(s);
    if (found.isEmpty()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int at = 0;
    for (PhraseMatcher.Match<String> m : found) {
      sb.append(s, at, m.start()).append(m.value());
      at = m.end();
    }
    return sb.append(s, at, s.length()).toString();
  }

  private PhraseMatcher<String> dodgeMatcher() {
    PhraseMatcher<String> m = matcher;
    if (m == null) {
      m = buildDodgeMatcher();
      matcher = m;
    }
    return m;
  }

  private PhraseMatcher<String> buildDodgeMatcher() {
    return JvmCache.get("dodges", fingerprint, () -> {
      Map<String, String> map = new LinkedHashMap<>();
      for (String entry : dodges) {
        String[] parts = entry.split("\t");
        if (parts.length == 2) {
          map.put(CharNormalizer.normalize(parts[0]), CharNormalizer.normalize(parts[1]));
        }
      }
      // Latin-letter variants match only at word starts: "vx" in "devx" is not a dodge.
      return new PhraseMatcher<>(map, PhraseMatcher.Boundaries.ASCII_START);
    });
  }
}
