package io.qinglang.score;

import io.qinglang.ml.ClassifierModels;
import io.qinglang.text.CharNormalizer;
import io.qinglang.text.CueLexicon;
import io.qinglang.text.PhraseMatcher;
import io.qinglang.text.Placeholders;
import io.qinglang.text.TextNormalizer;
import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * The classifier's evidence for a post it flagged, or left at 0 with needs_review:
 * <ul>
 *   <li>{@code classifier/model}: the category considered (the decided one, or for a review the most
 *       likely violation), its probability and threshold, and the model version;
 *   <li>{@code classifier/term}: the features that pushed most towards that category (a word or word
 *       pair, a character n-gram, a cue count or a structured feature such as a WeChat id shape),
 *       with their contribution (feature value times weight); the word vectors' dimensions count as one
 *       term, their net contribution;
 *   <li>{@code lexicon/cue:<category>}: cue phrases found in the text, with their position in the
 *       post text (title and content as {@code text} joins them);
 *   <li>{@code lexicon/dodge}: filter-dodging spellings found (V信 for 微信 ...), with their position.
 * </ul>
 * Posts the classifier leaves at 0 without review get no classifier evidence. Terms come from the
 * normalized text, where numbers and contact details are already placeholders; a term that still
 * holds three digits or more is not shown.
 */
final class ClassifierEvidence implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_CUES = 10;
  /** The term that stands for the word vectors' net contribution (the average meaning of the post's words). */
  static final String WORD_VECTORS_TERM = "word vectors (the post's words as a whole)";

  private final Broadcast<double[][]> weights;
  private final Broadcast<String[]> names;
  private final CueLexicon cues;
  private final TextNormalizer normalizer;
  private final double[] thresholds;
  private final int topTerms;
  private final String modelVersion;
  private final Map<Integer, String> categoryNames;

  ClassifierEvidence(Broadcast<double[][]> weights, Broadcast<String[]> names, CueLexicon cues,
      TextNormalizer normalizer, double[] thresholds, int topTerms, String modelVersion,
      Map<Integer, String> categoryNames) {
    this.weights = weights;
    this.names = names;
    this.cues = cues;
    this.normalizer = normalizer;
    this.thresholds = thresholds;
    this.topTerms = topTerms;
    this.modelVersion = modelVersion;
    this.categoryNames = Map.copyOf(categoryNames);
  }

  List<Row> evidence(Vector features, int category, boolean review, double[] probabilities, String text) {
    List<Row> out = new ArrayList<>();
    if (category == 0 && !review) {
      return out;
    }
    int considered = category;
    if (considered == 0) {
      for (int c = 1; c < probabilities.length; c++) {
        if (considered == 0 || probabilities[c] > probabilities[considered]) {
          considered = c;
        }
      }
    }
    double p = probabilities[considered];
    out.add(EvidenceSchema.of("classifier", "model", String.format(Locale.ROOT,
        "%s category %d (%s): p=%.3f, threshold %.2f, model %s", category == 0 ? "review:" : "decided:",
        considered, categoryNames.getOrDefault(considered, ""), p, thresholds[considered], modelVersion),
        null, null, null, p));
    if (features != null && topTerms > 0) {
      out.addAll(terms(features, considered));
    }
    out.addAll(spans(text, considered));
    return out;
  }

  private List<Row> terms(Vector features, int c) {
    double[] w = weights.value()[c];
    String[] n = names.value();
    int k = topTerms;
    String[] best = new String[k];
    double[] bestScore = new double[k];
    int[] indices;
    double[] values;
    if (features instanceof org.apache.spark.ml.linalg.SparseVector sv) {
      indices = sv.indices();
      values = sv.values();
    } else {
      values = features.toArray();
      indices = new int[values.length];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = i;
      }
    }
    double vectors = 0;
    for (int i = 0; i < indices.length; i++) {
      int j = indices[i];
      if (j >= w.length) {
        continue;
      }
      double score = values[i] * w[j];
      if (n[j].startsWith(ClassifierModels.VECTOR_PREFIX)) {
        // One word-vector dimension means nothing alone: their net contribution competes as one term.
        vectors += score;
        continue;
      }
      if (score > 0 && digits(n[j]) < 3) {
        rank(Placeholders.readable(n[j]), score, best, bestScore);
      }
    }
    if (vectors > 0) {
      rank(WORD_VECTORS_TERM, vectors, best, bestScore);
    }
    List<Row> out = new ArrayList<>();
    for (int slot = 0; slot < k && best[slot] != null; slot++) {
      out.add(EvidenceSchema.of("classifier", "term", "contribution to category " + c, best[slot], null, null,
          round(bestScore[slot])));
    }
    return out;
  }

  /** Puts a term into the descending top list if it beats one of its entries. */
  private static void rank(String term, double score, String[] best, double[] bestScore) {
    for (int slot = 0; slot < best.length; slot++) {
      if (best[slot] == null || score > bestScore[slot]) {
        for (int m = best.length - 1; m > slot; m--) {
          best[m] = best[m - 1];
          bestScore[m] = bestScore[m - 1];
        }
        best[slot] = term;
        bestScore[slot] = score;
        return;
      }
    }
  }

  /** Cue phrases (of the considered category and of category 0) and dodges, located in the post text. */
  private List<Row> spans(String text, int considered) {
    List<Row> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String chars = CharNormalizer.normalize(text);
    boolean aligned = chars.length() == text.length();
    int shown = 0;
    for (CueLexicon.Cue cue : cues.find(chars)) {
      for (int c : cue.categories()) {
        if ((c == considered || c == 0) && shown < MAX_CUES) {
          out.add(EvidenceSchema.of("lexicon", "cue:" + c, "cue phrase of category " + c + " ("
              + categoryNames.getOrDefault(c, "") + ")", aligned ? text.substring(cue.start(), cue.end()) : cue.phrase(),
              aligned ? cue.start() : null, aligned ? cue.end() : null, null));
          shown++;
          break;
        }
      }
    }
    for (PhraseMatcher.Match<String> m : normalizer.dodgesIn(chars)) {
      out.add(EvidenceSchema.of("lexicon", "dodge", "filter-dodging spelling of " + m.value(),
          aligned ? text.substring(m.start(), m.end()) : m.phrase(), aligned ? m.start() : null,
          aligned ? m.end() : null, null));
    }
    return out;
  }

  private static int digits(String s) {
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        d++;
      }
    }
    return d;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
