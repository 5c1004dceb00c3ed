package io.qinglang.detect;

import io.qinglang.config.ConfigException;
import io.qinglang.config.InputResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word list in sections, the format of the detectors' files in {@code conf/lexicons/}: UTF-8,
 * one entry a line, {@code #} starts a comment, {@code [section]} starts a section, and an entry may
 * carry a value after a tab or {@code =} (for example a confusable character and its canonical form).
 * Entries keep their file order. Lexicons are small and serializable, so they travel to executors
 * inside the detectors that use them.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One line: a word and an optional value (null when the line has none). */
  public record Entry(String word, String value, int line) implements Serializable {}

  private final String source;
  private final String fingerprint;
  private final Map<String, List<Entry>> sections;

  private Lexicon(String source, String fingerprint, Map<String, List<Entry>> sections) {
    this.source = source;
    this.fingerprint = fingerprint;
    this.sections = sections;
  }

  /** Reads a lexicon; a missing file or a line outside any section is a ConfigException naming the file. */
  public static Lexicon load(InputResource resource) {
    try (InputStream in = resource.open()) {
      return parse(resource.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("lexicon " + resource + ": cannot read (" + e.getMessage() + ")");
    }
  }

  public static Lexicon parse(String source, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, List<Entry>> sections = new LinkedHashMap<>();
    List<Entry> current = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        if (name.isEmpty()) {
          throw new ConfigException("lexicon " + source + ", line " + (i + 1) + ": empty section name");
        }
        current = sections.computeIfAbsent(name, k -> new ArrayList<>());
        continue;
      }
      if (current == null) {
        throw new ConfigException("lexicon " + source + ", line " + (i + 1)
            + ": entry before the first [section] header");
      }
      String word = line;
      String value = null;
      int sep = indexOfSeparator(line);
      if (sep >= 0) {
        word = line.substring(0, sep).strip();
        value = line.substring(sep + 1).strip();
        if (word.isEmpty() || value.isEmpty()) {
          throw new ConfigException("lexicon " + source + ", line " + (i + 1) + ": '" + line
              + "' needs a word on both sides of the separator");
        }
      }
      current.add(new Entry(word, value, i + 1));
    }
    Map<String, List<Entry>> frozen = new LinkedHashMap<>();
    sections.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Lexicon(source, sha256(text), Collections.unmodifiableMap(frozen));
  }

  private static int indexOfSeparator(String line) {
    int tab = line.indexOf('\t');
    return tab >= 0 ? tab : line.indexOf('=');
  }

  /** Fails unless every section in {@code required} is present and only known sections appear. */
  public Lexicon requireSections(Set<String> required, Set<String> allowed) {
    for (String r : required) {
      if (!sections.containsKey(r)) {
        throw new ConfigException("lexicon " + source + ": section [" + r + "] is missing (expected "
            + String.join(", ", allowed) + ")");
      }
    }
    for (String s : sections.keySet()) {
      if (!allowed.contains(s)) {
        throw new ConfigException("lexicon " + source + ": unknown section [" + s + "] (expected "
            + String.join(", ", allowed) + ")");
      }
    }
    return this;
  }

  public String source() {
    return source;
  }

  /** SHA-256 of the text: detectors cache what they build from a lexicon under this key. */
  public String fingerprint() {
    return fingerprint;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Entry> entries(String section) {
    return sections.getOrDefault(section, List.of());
  }

  /** The words of a section, in file order, without duplicates. */
  public List<String> words(String section) {
    return entries(section).stream().map(Entry::word).distinct().toList();
  }

  /** Every section's entries, failing when one lacks a value. */
  public Map<String, String> pairs(String section) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Entry e : entries(section)) {
      if (e.value() == null) {
        throw new ConfigException("lexicon " + source + ", line " + e.line() + ": [" + section
            + "] entries are 'word<TAB>value' or 'word = value'");
      }
      map.put(e.word(), e.value());
    }
    return map;
  }
}
