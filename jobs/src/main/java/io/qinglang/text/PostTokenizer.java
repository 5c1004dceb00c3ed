package io.qinglang.text;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns normalized text ({@link TextNormalizer}) into tokens for the classifier, and into masked
 * text for character n-grams.
 * <ul>
 *   <li>placeholders ({@code <URL>}, {@code <MOBILE>}, ...) and emoji codes ([怒]) are single tokens;
 *   <li>registry names (confirmed mentions, {@link RegistryMatcher}) are cut out before HanLP sees the
 *       text, so each stays one token, and become {@code <ENT>}: the model learns what is said about an
 *       enterprise, not which enterprise;
 *   <li>the rest is segmented by HanLP; person names it recognizes (nature nr) become {@code <PER>}
 *       when enabled; tokens whose part of speech starts with a dropped prefix (default: w,
 *       punctuation) and stop words are left out of the tokens but stay in the masked text.
 * </ul>
 * Serializable: holds settings and entries only; segmenter and tries come from {@link JvmCache}.
 */
public final class PostTokenizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern ATOMS = Pattern.compile("<[A-Z]{2,8}>|\\[[^\\[\\]\\s<>]{1,6}\\]");

  /** Tokens and masked text of one post. */
  public record Result(List<String> tokens, String masked) {}

  private final String algorithm;
  private final boolean recognizePersons;
  private final String[] dropNatures;
  private final String[] stopWords;
  private final String[] customWords;
  private final String[] registryEntries;
  private final String customWordsFingerprint;
  private final String registryFingerprint;
  private transient Set<String> stopWordSet;
  private transient Segment segment;
  private transient RegistryMatcher registry;

  public PostTokenizer(String algorithm, boolean recognizePersons, List<String> dropNatures, List<String> stopWords,
      List<String> customWords, String[] registryEntries) {
    this.algorithm = algorithm;
    this.recognizePersons = recognizePersons;
    this.dropNatures = dropNatures.toArray(new String[0]);
    this.stopWords = stopWords.toArray(new String[0]);
    this.customWords = customWords.toArray(new String[0]);
    this.registryEntries = registryEntries.clone();
    this.customWordsFingerprint = JvmCache.fingerprint(this.customWords);
    this.registryFingerprint = JvmCache.fingerprint(this.registryEntries);
  }

  public Result tokenize(String normalized) {
    List<String> tokens = new ArrayList<>();
    StringBuilder masked = new StringBuilder(normalized == null ? 0 : normalized.length());
    if (normalized == null || normalized.isEmpty()) {
      return new Result(tokens, "");
    }
    Segment segment = segmenter();
    List<RegistryMatcher.Mention> mentions = registryEntries.length == 0 ? List.of()
        : registry().mentions(normalized);
    int at = 0;
    int next = 0;
    Matcher atoms = ATOMS.matcher(normalized);
    int atomStart = atoms.find() ? atoms.start() : -1;
    while (at < normalized.length()) {
      // The next cut: a registry mention or an atom, whichever comes first.
      while (next < mentions.size() && mentions.get(next).start() < at) {
        next++;
      }
      while (atomStart >= 0 && atomStart < at) {
        atomStart = atoms.find() ? atoms.start() : -1;
      }
      int mentionStart = next < mentions.size() ? mentions.get(next).start() : -1;
      int cut = min(mentionStart, atomStart);
      if (cut < 0) {
        segment(segment, normalized.substring(at), tokens, masked);
        break;
      }
      if (cut > at) {
        segment(segment, normalized.substring(at, cut), tokens, masked);
      }
      if (cut == mentionStart) {
        tokens.add(Placeholders.ENT);
        masked.append(Placeholders.charOf(Placeholders.ENT));
        at = mentions.get(next).end();
        next++;
      } else {
        String atom = atoms.group();
        tokens.add(atom);
        masked.append(Placeholders.isPlaceholder(atom) ? String.valueOf(Placeholders.charOf(atom)) : atom);
        at = atoms.end();
      }
    }
    return new Result(tokens, masked.toString());
  }

  private void segment(Segment segment, String chunk, List<String> tokens, StringBuilder masked) {
    if (chunk.isBlank()) {
      masked.append(' ');
      return;
    }
    for (Term term : segment.seg(chunk)) {
      String word = term.word;
      String nature = term.nature == null ? "" : term.nature.toString();
      if (word.isBlank()) {
        masked.append(' ');
        continue;
      }
      if (recognizePersons && "nr".equals(nature) && Surnames.startsWithSurname(word)) {
        tokens.add(Placeholders.PER);
        masked.append(Placeholders.charOf(Placeholders.PER));
        continue;
      }
      masked.append(word);
      if (dropped(nature) || stopWords().contains(word)) {
        continue;
      }
      tokens.add(word.strip());
    }
  }

  /** This JVM's segmenter for these settings (looked up once per deserialized copy). */
  private Segment segmenter() {
    Segment s = segment;
    if (s == null) {
      s = Segmenters.get(algorithm, recognizePersons, List.of(customWords), customWordsFingerprint);
      segment = s;
    }
    return s;
  }

  private RegistryMatcher registry() {
    RegistryMatcher r = registry;
    if (r == null) {
      r = RegistryMatcher.of(registryEntries, registryFingerprint);
      registry = r;
    }
    return r;
  }

  private boolean dropped(String nature) {
    for (String prefix : dropNatures) {
      if (nature.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> stopWords() {
    Set<String> s = stopWordSet;
    if (s == null) {
      s = new HashSet<>(List.of(stopWords));
      stopWordSet = s;
    }
    return s;
  }

  private static int min(int a, int b) {
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Math.min(a, b);
  }
}
