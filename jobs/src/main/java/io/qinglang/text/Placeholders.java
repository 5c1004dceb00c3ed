package io.qinglang.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The placeholder tokens that stand for things whose exact value must not be learned: links,
 * mentions, personal data shapes, numbers, registry enterprises and person names. In normalized
 * text they appear as {@code <NAME>}; in masked text (the input of character n-grams) each is one
 * private-use character so that an n-gram such as "&lt;ENT&gt;董事" stays one gram.
 */
public final class Placeholders {
  public static final String URL = "<URL>";
  public static final String AT = "<AT>";
  public static final String TOPIC = "<TOPIC>";
  public static final String EMAIL = "<EMAIL>";
  public static final String IDNO = "<IDNO>";
  public static final String CARD = "<CARD>";
  public static final String MOBILE = "<MOBILE>";
  public static final String PHONE = "<PHONE>";
  public static final String HOTLINE = "<HOTLINE>";
  public static final String QQNUM = "<QQNUM>";
  public static final String WXID = "<WXID>";
  public static final String NUM = "<NUM>";
  public static final String ENT = "<ENT>";
  public static final String PER = "<PER>";

  /** Every placeholder, in a fixed order: the order gives each its private-use character. */
  public static final List<String> ALL =
      List.of(URL, AT, TOPIC, EMAIL, IDNO, CARD, MOBILE, PHONE, HOTLINE, QQNUM, WXID, NUM, ENT, PER);

  /** Placeholders as they occur in normalized text (upper-case letters between angle brackets). */
  public static final Pattern IN_TEXT = Pattern.compile("<[A-Z]{2,8}>");

  private static final char FIRST_PRIVATE_USE = '\uE000';
  private static final Map<String, Character> CHARS;

  static {
    java.util.HashMap<String, Character> m = new java.util.HashMap<>();
    for (int i = 0; i < ALL.size(); i++) {
      m.put(ALL.get(i), (char) (FIRST_PRIVATE_USE + i));
    }
    CHARS = Map.copyOf(m);
  }

  private Placeholders() {}

  public static boolean isPlaceholder(String token) {
    return CHARS.containsKey(token);
  }

  /** The private-use character standing for {@code placeholder} in masked text. */
  public static char charOf(String placeholder) {
    Character c = CHARS.get(placeholder);
    if (c == null) {
      throw new IllegalArgumentException("not a placeholder: " + placeholder);
    }
    return c;
  }

  /** Masked text made readable again: private-use characters back to their placeholder names. */
  public static String readable(String masked) {
    StringBuilder sb = new StringBuilder(masked.length() + 8);
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      int idx = c - FIRST_PRIVATE_USE;
      if (idx >= 0 && idx < ALL.size()) {
        sb.append(ALL.get(idx));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
