package io.qinglang.ml;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigReader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.text.Lexicons;
import io.qinglang.text.Segmenters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The classifier's settings ({@code qinglang.classifier} in qinglang.conf), validated. */
public record ClassifierSettings(
    InputResource dodgesFile,
    InputResource stopwordsFile,
    InputResource cuesFile,
    InputResource headlineContrastFile,
    String segmenter,
    boolean personPlaceholder,
    boolean maskNumbers,
    int wordNgrams,
    int charNgramMin,
    int charNgramMax,
    int wordVocabulary,
    int charVocabulary,
    int minDocFreq,
    WordVectors wordVectors,
    ModelType modelType,
    double regularization,
    double smoothing,
    int maxIterations,
    boolean balancedWeights,
    double maxClassWeight,
    double minNoneWeight,
    double hardNegativeWeight,
    double validationFraction,
    int validationMaxGroupPosts,
    int validationSpreadLegitimateGroupPosts,
    boolean refitOnAll,
    int thresholdFolds,
    int cvFolds,
    long seed,
    double targetPrecision,
    double minThreshold,
    double maxThreshold,
    double maxFalsePositiveRate,
    double maxHardNegativeRate,
    double maxCappedThreshold,
    double thresholdCeiling,
    Map<Integer, Double> categoryCeilings,
    boolean capHandWrittenHardNegatives,
    double reviewThreshold,
    int evidenceTerms) {

  /** The classifiers train can fit. */
  public enum ModelType {
    LOGISTIC_REGRESSION("logistic-regression"), LINEAR_SVC("linear-svc"), NAIVE_BAYES("naive-bayes");

    private final String id;

    ModelType(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static ModelType parse(String value) {
      for (ModelType t : values()) {
        if (t.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      throw new IllegalArgumentException("'" + value + "' is not one of logistic-regression, linear-svc, naive-bayes");
    }
  }

  /**
   * Averaged word vectors (word2vec fitted on the training part's words): {@code size} 0 = off; words seen
   * fewer than {@code minCount} times get no vector; {@code scale} multiplies the average before the
   * classifier (with one L2 penalty for all features, a smaller scale makes the model lean on it less).
   */
  public record WordVectors(int size, int minCount, int iterations, double scale) {
    public boolean enabled() {
      return size > 0;
    }
  }

  private static final String P = "qinglang.classifier.";

  public static ClassifierSettings from(QinglangConfig config) {
    ConfigReader r = config.reader();
    String segmenter = r.string(P + "segmenter").toLowerCase(Locale.ROOT);
    if (!Segmenters.ALGORITHMS.contains(segmenter)) {
      throw r.error(P + "segmenter", "'" + segmenter + "' is not one of " + Set.copyOf(Segmenters.ALGORITHMS));
    }
    ModelType type;
    try {
      type = ModelType.parse(r.string(P + "model.type"));
    } catch (IllegalArgumentException e) {
      throw r.error(P + "model.type", e.getMessage());
    }
    String weights = r.string(P + "model.class-weights");
    if (!weights.equals("balanced") && !weights.equals("none")) {
      throw r.error(P + "model.class-weights", "'" + weights + "' is not balanced or none");
    }
    int charMin = r.intAtLeast(P + "features.char-ngram-min", 1);
    int charMax = r.intAtLeast(P + "features.char-ngram-max", 0);
    if (charMax > 5) {
      throw r.error(P + "features.char-ngram-max", "must be at most 5, not " + charMax);
    }
    if (charMax != 0 && charMax < charMin) {
      throw r.error(P + "features.char-ngram-max", "must be 0 or at least char-ngram-min (" + charMin + ")");
    }
    int wordNgrams = r.intAtLeast(P + "features.word-ngrams", 1);
    if (wordNgrams > 3) {
      throw r.error(P + "features.word-ngrams", "must be 1, 2 or 3, not " + wordNgrams);
    }
    double minT = r.doubleBetween(P + "decision.min-threshold", 0, 1);
    double maxT = r.doubleBetween(P + "decision.max-threshold", 0, 1);
    if (maxT < minT) {
      throw r.error(P + "decision.max-threshold", "must be at least decision.min-threshold (" + minT + ")");
    }
    ClassifierSettings s = new ClassifierSettings(
        r.input(P + "lexicons.dodges"),
        r.input(P + "lexicons.stopwords"),
        r.input(P + "lexicons.cues"),
        r.input(P + "lexicons.headline-contrast"),
        segmenter,
        r.bool(P + "person-placeholder"),
        r.bool(P + "mask-numbers"),
        wordNgrams,
        charMin,
        charMax,
        r.intAtLeast(P + "features.word-vocabulary", 100),
        r.intAtLeast(P + "features.char-vocabulary", 100),
        r.intAtLeast(P + "features.min-doc-freq", 1),
        wordVectors(r),
        type,
        r.doubleBetween(P + "model.regularization", 0, 1000),
        r.doubleBetween(P + "model.smoothing", 0, 1000),
        r.intAtLeast(P + "model.max-iterations", 1),
        weights.equals("balanced"),
        r.doubleBetween(P + "model.max-class-weight", 1, 1000),
        r.doubleBetween(P + "model.min-none-weight", 0, 1000),
        r.doubleBetween(P + "model.hard-negative-weight", 0.01, 1000),
        r.doubleBetween(P + "validation-fraction", 0.05, 0.5),
        r.intAtLeast(P + "validation-max-group-posts", 0),
        r.intAtLeast(P + "validation-spread-legitimate-group-posts", 0),
        r.bool(P + "refit-on-all"),
        thresholdFolds(r),
        r.intAtLeast(P + "cv-folds", 2),
        r.intAtLeast(P + "seed", 0),
        r.doubleBetween(P + "decision.target-precision", 0, 1),
        minT,
        maxT,
        r.doubleBetween(P + "decision.max-false-positive-rate", 0, 1),
        r.doubleBetween(P + "decision.max-hard-negative-rate", 0, 1),
        r.doubleBetween(P + "decision.max-capped-threshold", 0.5, 1),
        r.doubleBetween(P + "decision.threshold-ceiling", 0.5, 1),
        categoryCeilings(r),
        r.bool(P + "decision.cap-hand-written-hard-negatives"),
        r.doubleBetween(P + "decision.review-threshold", 0, 1),
        r.intAtLeast(P + "evidence-terms", 0));
    // Read the lexicons now so that a broken file stops the command before Spark starts.
    s.dodges();
    s.stopwords();
    s.cues();
    s.headlineContrast();
    return s;
  }

  public ClassifierSettings withModelType(ModelType type) {
    return new ClassifierSettings(dodgesFile, stopwordsFile, cuesFile, headlineContrastFile, segmenter, personPlaceholder, maskNumbers,
        wordNgrams, charNgramMin, charNgramMax, wordVocabulary, charVocabulary, minDocFreq, wordVectors, type,
        regularization, smoothing, maxIterations, balancedWeights, maxClassWeight, minNoneWeight, hardNegativeWeight,
        validationFraction, validationMaxGroupPosts, validationSpreadLegitimateGroupPosts, refitOnAll, thresholdFolds,
        cvFolds, seed, targetPrecision,
        minThreshold, maxThreshold, maxFalsePositiveRate, maxHardNegativeRate, maxCappedThreshold,
        thresholdCeiling, categoryCeilings, capHandWrittenHardNegatives, reviewThreshold, evidenceTerms);
  }

  public ClassifierSettings withRegularization(double value) {
    return new ClassifierSettings(dodgesFile, stopwordsFile, cuesFile, headlineContrastFile, segmenter, personPlaceholder, maskNumbers,
        wordNgrams, charNgramMin, charNgramMax, wordVocabulary, charVocabulary, minDocFreq, wordVectors, modelType,
        value, smoothing, maxIterations, balancedWeights, maxClassWeight, minNoneWeight, hardNegativeWeight,
        validationFraction, validationMaxGroupPosts, validationSpreadLegitimateGroupPosts, refitOnAll, thresholdFolds,
        cvFolds, seed, targetPrecision,
        minThreshold, maxThreshold, maxFalsePositiveRate, maxHardNegativeRate, maxCappedThreshold,
        thresholdCeiling, categoryCeilings, capHandWrittenHardNegatives, reviewThreshold, evidenceTerms);
  }

  /**
   * The ceiling for each category (index = id; 0 unused): {@code decision.threshold-ceiling}, or the
   * category's own value from {@code decision.category-ceilings}.
   */
  public double[] ceilings() {
    double[] c = new double[CategoryDecision.CLASSES];
    Arrays.fill(c, thresholdCeiling);
    categoryCeilings.forEach((id, value) -> c[id] = value);
    return c;
  }

  private static Map<Integer, Double> categoryCeilings(ConfigReader r) {
    String key = P + "decision.category-ceilings";
    Map<Integer, Double> out = new TreeMap<>();
    for (Map.Entry<String, String> e : r.stringMap(key).entrySet()) {
      int id;
      double value;
      try {
        id = Integer.parseInt(e.getKey().trim());
        value = Double.parseDouble(e.getValue().trim());
      } catch (NumberFormatException x) {
        throw r.error(key, "must map violation categories 1..10 to ceilings, not " + e.getKey() + " = " + e.getValue());
      }
      if (id < 1 || id > 10) {
        throw r.error(key, "'" + e.getKey() + "' is not a violation category 1..10");
      }
      if (value < 0.5 || value > 1) {
        throw r.error(key, "the ceiling of category " + id + " must be between 0.5 and 1, not " + value);
      }
      out.put(id, value);
    }
    return Collections.unmodifiableMap(out);
  }

  private static int thresholdFolds(ConfigReader r) {
    int folds = r.intAtLeast(P + "threshold-folds", 0);
    if (folds == 1 || folds > 10) {
      throw r.error(P + "threshold-folds", "must be 0 (one validation split) or 2 to 10, not " + folds);
    }
    return folds;
  }

  /** Whether thresholds and calibration are chosen on out-of-fold scores (k group folds) rather than one split. */
  public boolean outOfFold() {
    return thresholdFolds >= 2;
  }

  /** How many models score held-out posts: the threshold folds, or 1 for one validation split. */
  public int foldCount() {
    return outOfFold() ? thresholdFolds : 1;
  }

  private static WordVectors wordVectors(ConfigReader r) {
    int size = r.intAtLeast(P + "features.word-vector-size", 0);
    if (size > 1000) {
      throw r.error(P + "features.word-vector-size", "must be at most 1000, not " + size);
    }
    return new WordVectors(size, r.intAtLeast(P + "features.word-vector-min-count", 1),
        r.intAtLeast(P + "features.word-vector-iterations", 1),
        r.doubleBetween(P + "features.word-vector-scale", 0.001, 100));
  }

  public List<String> dodges() {
    return Lexicons.read(dodgesFile, 2);
  }

  public List<String> stopwords() {
    return Lexicons.read(stopwordsFile, 1);
  }

  public List<String> cues() {
    return Lexicons.read(cuesFile, 2);
  }

  /** The headline-contrast words by kind (alarm, defuse, debunk; each present, no other kind). */
  public Map<String, List<String>> headlineContrast() {
    Map<String, List<String>> byKind = new TreeMap<>();
    for (String kind : HEADLINE_KINDS) {
      byKind.put(kind, new ArrayList<>());
    }
    for (String entry : Lexicons.read(headlineContrastFile, 2)) {
      String[] parts = entry.split("\t");
      List<String> words = byKind.get(parts[0]);
      if (words == null) {
        throw new ConfigException("lexicon " + headlineContrastFile + ": '" + parts[0] + "' is not one of "
            + HEADLINE_KINDS + " (entry '" + entry.replace('\t', ' ') + "')");
      }
      words.add(parts[1]);
    }
    byKind.forEach((kind, words) -> {
      if (words.isEmpty()) {
        throw new ConfigException("lexicon " + headlineContrastFile + ": has no '" + kind + "' words");
      }
    });
    return byKind;
  }

  private static final List<String> HEADLINE_KINDS = List.of("alarm", "defuse", "debunk");
}
