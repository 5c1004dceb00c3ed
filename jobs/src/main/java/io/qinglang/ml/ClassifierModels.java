package io.qinglang.ml;

import io.qinglang.text.CueLexicon;
import io.qinglang.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.NaiveBayesModel;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Matrix;

/** Reading a trained classifier PipelineModel: its stages, feature names and class weights. */
public final class ClassifierModels {
  private ClassifierModels() {}

  /** Sets the registry in force on every registry-aware stage (tokenizer's {@code <ENT>}). */
  public static void applyRegistry(PipelineModel model, String[] entries) {
    for (Transformer t : model.stages()) {
      if (t instanceof RegistryAware r) {
        r.setRegistryEntries(entries);
      }
    }
  }

  public static <T extends Transformer> T stage(PipelineModel model, Class<T> type) {
    for (Transformer t : model.stages()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new IllegalArgumentException("the model has no " + type.getSimpleName() + " stage");
  }

  public static TextNormalizer normalizer(PipelineModel model) {
    return stage(model, ChineseNormalizer.class).normalizer();
  }

  public static CueLexicon cues(PipelineModel model) {
    return stage(model, CueLexiconFeatures.class).lexicon();
  }

  public static CategoryDecision decision(PipelineModel model) {
    return stage(model, CategoryDecision.class);
  }

  /** Name prefix of the word-vector dimensions ("vector:0" ...): no single one of them means anything. */
  public static final String VECTOR_PREFIX = "vector:";

  /** Names of the assembled feature vector's entries ("word:删帖", "char:删帖", "cue:7", "count<URL>" ...). */
  public static String[] featureNames(PipelineModel model) {
    VectorAssembler assembler = stage(model, VectorAssembler.class);
    List<String> names = new ArrayList<>();
    for (String block : assembler.getInputCols()) {
      switch (block) {
        case "term_features", "char_features" -> names.addAll(vocabulary(model, block));
        case "cue_features" -> names.addAll(List.of(CueLexiconFeatures.featureNames()));
        case "structured_features" -> names.addAll(List.of(StructuredFeatures.featureNames()));
        case ClassifierPipeline.HEADLINE_FEATURES -> names.addAll(List.of(HeadlineContrastFeatures.featureNames()));
        case ClassifierPipeline.VECTOR_FEATURES -> {
          int size = stage(model, Word2VecModel.class).getVectorSize();
          for (int i = 0; i < size; i++) {
            names.add(VECTOR_PREFIX + i);
          }
        }
        default -> throw new IllegalArgumentException("unknown feature block " + block);
      }
    }
    return names.toArray(new String[0]);
  }

  private static List<String> vocabulary(PipelineModel model, String outputCol) {
    for (Transformer t : model.stages()) {
      if (t instanceof NGramTfIdfModel m && m.getOutputCol().equals(outputCol)) {
        return List.of(NGramTfIdfModel.names(m.getVocabulary(), m.getSource()));
      }
    }
    throw new IllegalArgumentException("the model has no vocabulary for " + outputCol);
  }

  /**
   * Per-class feature weights, [class][feature]: logistic regression coefficients, the linear SVC
   * of each one-vs-rest class, or naive Bayes log-likelihoods centred over the classes. A feature's
   * contribution to class c is its value times weights[c][feature].
   */
  public static double[][] classWeights(PipelineModel model) {
    for (Transformer t : model.stages()) {
      if (t instanceof LogisticRegressionModel lr) {
        return rows(lr.coefficientMatrix());
      }
      if (t instanceof NaiveBayesModel nb) {
        double[][] theta = rows(nb.theta());
        int features = theta[0].length;
        for (int j = 0; j < features; j++) {
          double mean = 0;
          for (double[] row : theta) {
            mean += row[j];
          }
          mean /= theta.length;
          for (double[] row : theta) {
            row[j] -= mean;
          }
        }
        return theta;
      }
      if (t instanceof OneVsRestModel ovr) {
        ClassificationModel<?, ?>[] models = ovr.models();
        double[][] w = new double[models.length][];
        for (int c = 0; c < models.length; c++) {
          w[c] = ((LinearSVCModel) models[c]).coefficients().toArray();
        }
        return w;
      }
    }
    throw new IllegalArgumentException("the model has no supported classifier stage");
  }

  /**
   * The optimizer iterations the fit of this freshly trained model took: logistic regression's, or the
   * largest of the one-vs-rest SVCs'. -1 when there are none to report: naive Bayes, or a model loaded
   * from disk (Spark keeps the training summary only in the JVM that fitted it).
   */
  public static int fitIterations(PipelineModel model) {
    int most = -1;
    for (Transformer t : model.stages()) {
      if (t instanceof LogisticRegressionModel lr && lr.hasSummary()) {
        most = Math.max(most, lr.summary().totalIterations());
      } else if (t instanceof OneVsRestModel ovr) {
        for (ClassificationModel<?, ?> m : ovr.models()) {
          if (m instanceof LinearSVCModel svc && svc.hasSummary()) {
            most = Math.max(most, svc.summary().totalIterations());
          }
        }
      }
    }
    return most;
  }

  /** How a fit's iterations read in train's output ("" when there are none to report). */
  public static String iterationsNote(int iterations, int maxIterations) {
    if (iterations < 0) {
      return "";
    }
    if (iterations >= maxIterations) {
      return String.format(java.util.Locale.ROOT, "; the optimizer stopped at its limit of %d iterations before "
          + "converging (qinglang.classifier.model.max-iterations)", maxIterations);
    }
    // Fewer than the limit: stopped by its tolerance, or by a line search that could not go on.
    return String.format(java.util.Locale.ROOT, "; the optimizer stopped after %d of at most %d iterations",
        iterations, maxIterations);
  }

  private static double[][] rows(Matrix m) {
    double[][] out = new double[m.numRows()][m.numCols()];
    for (int i = 0; i < m.numRows(); i++) {
      for (int j = 0; j < m.numCols(); j++) {
        out[i][j] = m.apply(i, j);
      }
    }
    return out;
  }
}
