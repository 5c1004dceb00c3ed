package io.qinglang.detect;

import com.hankcs.hanlp.HanLP;
import io.qinglang.config.ConfigException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The forms in which names are compared: {@link #plain} (full-width folded, traditional converted to
 * simplified, lower case, only letters, digits and Chinese characters) and {@link #canonical} (plain
 * with every look-alike character replaced by the form it imitates, from the confusables lexicon).
 * {@link #mapText} does the character mapping on running text without removing anything, so offsets
 * into the original text stay valid.
 */
public final class NameForms implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<Character, Character> confusables;

  public NameForms(Lexicon confusablesLexicon) {
    confusablesLexicon.requireSections(java.util.Set.of("confusable"), java.util.Set.of("confusable"));
    Map<Character, Character> raw = new HashMap<>();
    for (Lexicon.Entry e : confusablesLexicon.entries("confusable")) {
      if (e.value() == null || e.word().codePointCount(0, e.word().length()) != 1
          || e.value().codePointCount(0, e.value().length()) != 1 || e.word().length() != 1 || e.value().length() != 1) {
        throw new ConfigException("lexicon " + confusablesLexicon.source() + ", line " + e.line()
            + ": [confusable] entries are one character = one character");
      }
      raw.put(Character.toLowerCase(e.word().charAt(0)), Character.toLowerCase(e.value().charAt(0)));
    }
    // Resolve chains (仟 = 千, 千 = 干 gives 仟 = 干); a cycle keeps the smallest character.
    Map<Character, Character> resolved = new HashMap<>();
    for (Character c : raw.keySet()) {
      Character target = c;
      java.util.Set<Character> seen = new java.util.HashSet<>();
      while (raw.containsKey(target) && seen.add(target)) {
        target = raw.get(target);
      }
      if (seen.contains(target) && raw.containsKey(target)) {
        target = seen.stream().min(Character::compare).orElse(c);
      }
      if (!target.equals(c)) {
        resolved.put(c, target);
      }
    }
    this.confusables = Map.copyOf(resolved);
  }

  /** Folded, simplified, lower-case, letters / digits / Chinese only. */
  public String plain(String name) {
    if (name == null) {
      return "";
    }
    String folded = PersonalDataPatterns.fold(name);
    String simplified = HanLP.convertToSimplifiedChinese(folded);
    if (simplified.length() != folded.length()) {
      simplified = folded; // phrase conversion changed the length: keep the characters as they are
    }
    StringBuilder b = new StringBuilder(simplified.length());
    for (int i = 0; i < simplified.length(); i++) {
      char c = simplified.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code plain} with look-alike characters replaced; same length as {@code plain}. */
  public String canonical(String plain) {
    char[] c = plain.toCharArray();
    for (int i = 0; i < c.length; i++) {
      Character to = confusables.get(c[i]);
      if (to != null) {
        c[i] = to;
      }
    }
    return new String(c);
  }

  /** Running text folded, lower-cased and confusable-mapped character by character (same length). */
  public String mapText(String text) {
    char[] c = PersonalDataPatterns.fold(text).toCharArray();
    for (int i = 0; i < c.length; i++) {
      char lower = Character.toLowerCase(c[i]);
      Character to = confusables.get(lower);
      c[i] = to != null ? to : lower;
    }
    return new String(c);
  }

  /** True when the character is a look-alike of another. */
  public boolean isVariant(char c) {
    return confusables.containsKey(c);
  }
}
