package io.qinglang.text;

import com.hankcs.hanlp.seg.Dijkstra.DijkstraSegment;
import com.hankcs.hanlp.seg.NShort.NShortSegment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionaryTransformMatrixDictionary;
import com.hankcs.hanlp.dictionary.TransformMatrix;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The HanLP segmenters of this JVM. HanLP objects are not serializable and their configuration
 * calls are not thread-safe, so a segmenter is built lazily, configured completely before anyone
 * sees it, and shared read-only afterwards: one per (algorithm, person-name recognition, custom
 * word list) and JVM, held in {@link JvmCache}. Spark stages carry only the settings (strings and
 * booleans) and call {@link #get} inside their tasks; they never capture a segmenter in a closure.
 *
 * <p>Custom words (the domain terms of the cue lexicon such as 国进民退 or 黑公关) go into a trie of
 * the segmenter's own, next to HanLP's bundled custom dictionary, which every segmenter reads and
 * none changes; so segmenters with different word lists live side by side in one JVM, and building
 * one never disturbs another that is segmenting in a concurrent task.
 */
public final class Segmenters {
  private static final Logger LOG = LogManager.getLogger(Segmenters.class);
  /** Algorithms available in HanLP portable without extra model files. */
  public static final Set<String> ALGORITHMS = Set.of("viterbi", "dijkstra", "nshort");

  private Segmenters() {}

  /** The segmenter for these settings, built on first use in this JVM. */
  public static Segment get(String algorithm, boolean recognizePersons, List<String> customWords) {
    return get(algorithm, recognizePersons, customWords, JvmCache.fingerprint(customWords));
  }

  /** As {@link #get(String, boolean, List)} with the word list's fingerprint computed once by the caller. */
  public static Segment get(String algorithm, boolean recognizePersons, List<String> customWords,
      String customWordsFingerprint) {
    String algo = algorithm.toLowerCase(Locale.ROOT);
    if (!ALGORITHMS.contains(algo)) {
      throw new IllegalArgumentException("segmenter '" + algorithm + "' is not one of " + ALGORITHMS);
    }
    String key = algo + "|" + recognizePersons + "|" + customWordsFingerprint;
    return JvmCache.get("segmenter", key, () -> build(algo, recognizePersons, customWords));
  }

  /** A plain segmenter (Viterbi, no person names, no extra words), e.g. to check word boundaries. */
  public static Segment plain() {
    return get("viterbi", false, List.of());
  }

  private static Segment build(String algorithm, boolean recognizePersons, List<String> customWords) {
    long started = System.nanoTime();
    settleTagMatrix();
    // Our words go into a trie of this segmenter's own. HanLP's insert() would retag a word the bundled
    // dictionary already has inside the shared trie, and a dictionary path would reload that shared trie in
    // place while other threads segment with it (their posts lose the bundled words for a moment).
    BinTrie<CoreDictionary.Attribute> words = new BinTrie<>();
    for (String word : customWords) {
      String w = CharNormalizer.normalize(word).strip();
      if (w.length() >= 2) {
        words.put(w, CoreDictionary.Attribute.create("nz 1000"));
      }
    }
    DynamicCustomDictionary dictionary = new DynamicCustomDictionary(CustomDictionary.DEFAULT.dat, words, null);
    Segment base = switch (algorithm) {
      case "dijkstra" -> new DijkstraSegment();
      case "nshort" -> new NShortSegment();
      default -> new ViterbiSegment();
    };
    Segment segment = base
        .enablePartOfSpeechTagging(true)
        .enableNameRecognize(recognizePersons)
        .enableCustomDictionary(dictionary);
    LOG.info("built HanLP {} segmenter (person names {}, {} custom words) in {} ms", algorithm,
        recognizePersons ? "on" : "off", customWords.size(), (System.nanoTime() - started) / 1_000_000);
    return segment;
  }

  /**
   * Stops HanLP 1.8.6 from regrowing its part-of-speech transition matrix for every sentence it tags.
   * Viterbi.compute grows the matrix whenever its {@code states} are fewer than {@code Nature.values()}
   * (107 against 148 out of the box), and growing never updates {@code states}; so each sentence
   * allocated and copied two 148 x 148 matrices (a tenth of scoring's time, most of its garbage). Grown
   * once here (the new rows and columns are zeros, as every regrowth made them) and with {@code states}
   * of the new length, the matrix stays as it is. {@code states} is otherwise read only when loading.
   */
  static synchronized void settleTagMatrix() {
    TransformMatrix matrix = CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary;
    int natures = Nature.values().length;
    if (matrix.states.length < natures) {
      matrix.extend(natures);
      matrix.states = Arrays.copyOf(matrix.states, natures);
    }
  }
}
