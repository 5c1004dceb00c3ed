package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;

import io.qinglang.text.CueLexicon;
import io.qinglang.text.Placeholders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classifier's pipeline: post text, normalization, HanLP tokens (registry names as {@code <ENT>}),
 * word n-grams and character n-grams as TF-IDF vectors over learned vocabularies (so that evidence
 * can name the terms), cue-lexicon counts, structured features and averaged word vectors, assembled
 * into one vector for the classifier. Calibration and decision stages are appended after fitting
 * ({@link ClassifierTrainer}).
 *
 * <p>Columns it adds: text, norm_text, tokens, masked_text, cue_features, structured_features, headline_features,
 * vector_words, word_vectors, vector_features (word vectors on), term_features, char_features,
 * features, raw_prediction (and model_prediction, raw_probability while training).
 */
public final class ClassifierPipeline {
  public static final String LABEL = "label";
  public static final String WEIGHT = "weight";
  public static final String FEATURES = "features";
  public static final String RAW = "raw_prediction";
  public static final String MODEL_PREDICTION = "model_prediction";
  /** The tokens word2vec reads (placeholders left out), and the average of their vectors before scaling. */
  public static final String VECTOR_WORDS = "vector_words";
  public static final String WORD_VECTORS = "word_vectors";
  /** The averaged word vectors, scaled (a feature block when word vectors are on). */
  public static final String VECTOR_FEATURES = "vector_features";
  /** A sensational headline over a body that defuses it ({@link HeadlineContrastFeatures}). */
  public static final String HEADLINE_FEATURES = "headline_features";
  /** The feature blocks in assembly order. */
  public static final List<String> BLOCKS = List.of("term_features", "char_features", "cue_features",
      "structured_features", HEADLINE_FEATURES, VECTOR_FEATURES);

  private ClassifierPipeline() {}

  /** The unfitted pipeline for these settings, with the training registry. */
  public static Pipeline build(ClassifierSettings s, String[] registryEntries, boolean weighted) {
    List<String> cues = s.cues();
    List<PipelineStage> stages = new ArrayList<>(featureStages(s, cues, registryEntries));
    stages.add(classifier(s, weighted));
    return new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
  }

  static List<PipelineStage> featureStages(ClassifierSettings s, List<String> cues, String[] registryEntries) {
    // Naive Bayes needs non-negative features: word vectors are left out for it.
    return featureStages(s, cues, registryEntries,
        s.wordVectors().enabled() && s.modelType() != ClassifierSettings.ModelType.NAIVE_BAYES);
  }

  static List<PipelineStage> featureStages(ClassifierSettings s, List<String> cues, String[] registryEntries,
      boolean wordVectors) {
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(PostText.stage());
    stages.add(new ChineseNormalizer().setInputCol(PostText.COLUMN).setOutputCol("norm_text")
        .setDodges(s.dodges()).setMaskNumbers(s.maskNumbers()));
    HanLpTokenizer tokenizer = new HanLpTokenizer().setInputCol("norm_text").setOutputCol("tokens")
        .setMaskedTextCol("masked_text").setSegmenter(s.segmenter()).setRecognizePersons(s.personPlaceholder())
        .setStopWords(s.stopwords()).setCustomWords(new CueLexicon(cues).phrases());
    tokenizer.setRegistryEntries(registryEntries);
    stages.add(tokenizer);
    stages.add(new CueLexiconFeatures().setInputCol("norm_text").setOutputCol("cue_features").setCues(cues));
    stages.add(new StructuredFeatures().setContentTypeCol("content_type").setTitleCol("title")
        .setInputCol("norm_text").setOutputCol("structured_features"));
    Map<String, List<String>> headline = s.headlineContrast();
    stages.add(new HeadlineContrastFeatures().setTitleCol("title").setContentCol("content")
        .setOutputCol(HEADLINE_FEATURES).setAlarmWords(headline.get("alarm")).setDefuseWords(headline.get("defuse"))
        .setDebunkWords(headline.get("debunk")));
    if (wordVectors) {
      stages.addAll(wordVectorStages(s.wordVectors(), s.seed()));
    }
    // Everything before the first estimator is a plain Transformer (text preparation, computed once while
    // training); word2vec, the vocabularies and the IDF weights are fitted.
    stages.add(new NGramTfIdf().setInputCol("tokens").setOutputCol("term_features").setSource("words")
        .setMinN(1).setMaxN(s.wordNgrams()).setVocabSize(s.wordVocabulary()).setMinDF(s.minDocFreq()));
    boolean chars = s.charNgramMax() > 0;
    if (chars) {
      stages.add(new NGramTfIdf().setInputCol("masked_text").setOutputCol("char_features").setSource("chars")
          .setMinN(s.charNgramMin()).setMaxN(s.charNgramMax()).setVocabSize(s.charVocabulary())
          .setMinDF(s.minDocFreq()));
    }
    List<String> blocks = new ArrayList<>(new LinkedHashSet<>(BLOCKS));
    if (!chars) {
      blocks.remove("char_features");
    }
    if (!wordVectors) {
      blocks.remove(VECTOR_FEATURES);
    }
    stages.add(new VectorAssembler().setInputCols(blocks.toArray(new String[0])).setOutputCol(FEATURES));
    return stages;
  }

  /**
   * Placeholders (<MOBILE>, <ENT> ...) left out, word2vec's average of the remaining words' vectors, scaled.
   * Placeholders stay features of their own; in an average they made short posts with a contact id or a
   * city read like doxxing (MODEL.md, "Eighth session").
   */
  static List<PipelineStage> wordVectorStages(ClassifierSettings.WordVectors v, long seed) {
    double[] scale = new double[v.size()];
    Arrays.fill(scale, v.scale());
    return List.of(
        new StopWordsRemover().setInputCol("tokens").setOutputCol(VECTOR_WORDS).setCaseSensitive(true)
            .setStopWords(Placeholders.ALL.toArray(new String[0])),
        // One partition: with more, word2vec merges the partitions' updates in an order that varies between
        // runs. With withWordVectorsFitted's fixed order, the same data and seed give the same vectors.
        new Word2Vec().setInputCol(VECTOR_WORDS).setOutputCol(WORD_VECTORS).setVectorSize(v.size())
            .setMinCount(v.minCount()).setMaxIter(v.iterations()).setNumPartitions(1).setSeed(seed),
        new ElementwiseProduct().setInputCol(WORD_VECTORS).setOutputCol(VECTOR_FEATURES)
            .setScalingVec(Vectors.dense(scale)));
  }

  /** How many stages at the start are plain Transformers (the text preparation before the first estimator). */
  static int preparationLength(List<PipelineStage> stages) {
    int n = 0;
    while (n < stages.size() && !(stages.get(n) instanceof Estimator)) {
      n++;
    }
    return n;
  }

  /**
   * The stages with each word2vec estimator replaced by its fit on {@code train} in a fixed order. Word2vec's
   * stochastic gradient descent depends on the order of the sentences, and the order of a shuffled Dataset
   * differs between runs: sorted by platform, post id and text into one partition, the same data and seed give
   * the same vectors. Word2vec must come before any other estimator (its input is prepared text).
   */
  static List<PipelineStage> withWordVectorsFitted(List<PipelineStage> stages, Dataset<Row> train) {
    List<PipelineStage> out = new ArrayList<>(stages);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Word2Vec w) {
        Dataset<Row> ordered = train.select(col("platform"), col("post_id"), col(PostText.COLUMN), col(w.getInputCol()))
            .orderBy(col("platform"), col("post_id"), col(PostText.COLUMN)).coalesce(1);
        out.set(i, w.fit(ordered));
      }
    }
    return out;
  }

  static PipelineStage classifier(ClassifierSettings s, boolean weighted) {
    switch (s.modelType()) {
      case LINEAR_SVC: {
        LinearSVC svc = new LinearSVC().setRegParam(s.regularization()).setMaxIter(s.maxIterations())
            .setStandardization(false).setMaxBlockSizeInMB(256);
        if (weighted) {
          svc.setWeightCol(WEIGHT);
        }
        OneVsRest ovr = new OneVsRest().setClassifier(svc).setFeaturesCol(FEATURES).setLabelCol(LABEL)
            .setRawPredictionCol(RAW).setPredictionCol(MODEL_PREDICTION).setParallelism(2);
        if (weighted) {
          ovr.setWeightCol(WEIGHT);
        }
        return ovr;
      }
      case NAIVE_BAYES: {
        NaiveBayes nb = new NaiveBayes().setModelType("multinomial").setSmoothing(s.smoothing())
            .setFeaturesCol(FEATURES).setLabelCol(LABEL).setRawPredictionCol(RAW)
            .setProbabilityCol("raw_probability").setPredictionCol(MODEL_PREDICTION);
        if (weighted) {
          nb.setWeightCol(WEIGHT);
        }
        return nb;
      }
      default: {
        // Large blocks: the aggregator does dense (features x classes) work once per block, so with
        // sparse text features few big blocks are much faster than many small ones.
        LogisticRegression lr = new LogisticRegression().setFamily("multinomial").setRegParam(s.regularization())
            .setElasticNetParam(0).setMaxIter(s.maxIterations()).setStandardization(false).setTol(1e-6)
            .setMaxBlockSizeInMB(256)
            .setFeaturesCol(FEATURES).setLabelCol(LABEL).setRawPredictionCol(RAW)
            .setProbabilityCol("raw_probability").setPredictionCol(MODEL_PREDICTION);
        if (weighted) {
          lr.setWeightCol(WEIGHT);
        }
        return lr;
      }
    }
  }
}
