package io.qinglang.fin;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains the financial clickbait classifier: consistency features (and optionally hashed headline
 * character n-grams) assembled into a vector for logistic regression or gradient-boosted trees,
 * chosen by cross-validation that holds out whole writing styles. Only posts the detector treats as
 * results articles are trained on; evaluation counts every labelled post (a distorted article the
 * detector skips is a miss).
 */
public final class FinTrainer {
  public static final String LOGISTIC_REGRESSION = "logistic_regression";
  public static final String GBT = "gbt";
  private static final int MAX_FOLDS = 6;
  private static final int TITLE_DIRECTION = FinConsistency.FEATURES.indexOf("title_direction");

  private FinTrainer() {}

  /** Counts of one evaluation, and the figures derived from them. */
  public record Counts(long tp, long fp, long fn, long tn, long badNewsFlagged, long badNews, long missedByDetector) {
    public long support() {
      return tp + fn;
    }

    public long total() {
      return tp + fp + fn + tn;
    }

    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static Counts of(List<Prediction> predictions, double threshold) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      long tn = 0;
      long bad = 0;
      long badFlagged = 0;
      long missed = 0;
      for (Prediction p : predictions) {
        boolean flagged = p.flagged(threshold);
        boolean badNews = !p.label() && p.applies() && p.titleDirection() < 0;
        if (badNews) {
          bad++;
        }
        if (p.label()) {
          if (flagged) {
            tp++;
          } else {
            fn++;
            if (!p.applies()) {
              missed++;
            }
          }
        } else if (flagged) {
          fp++;
          if (badNews) {
            badFlagged++;
          }
        } else {
          tn++;
        }
      }
      return new Counts(tp, fp, fn, tn, badFlagged, bad, missed);
    }
  }

  /** One labelled post scored by a model. */
  public record Prediction(String postId, String style, String source, boolean label, boolean applies,
      double probability, double titleDirection) {
    boolean flagged(double threshold) {
      return applies && probability >= threshold;
    }
  }

  /** What training produced. */
  public record Result(
      PipelineModel model,
      String classifier,
      Map<String, Counts> crossValidation,
      Map<String, Counts> evaluation,
      List<Prediction> holdoutPredictions,
      long trainRows,
      long trainApplicable,
      long trainPositives,
      long holdoutRows,
      List<String> trainStyles,
      List<String> holdoutStyles) {}

  /** The pipeline: featurizer, optional headline n-grams, assembler, classifier. */
  public static Pipeline pipeline(FinSettings s, String classifier) {
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(FinFeaturizer.of(s));
    List<String> inputs = new ArrayList<>(List.of("fin_features"));
    if (s.titleFeatures() > 0) {
      stages.add(new SQLTransformer().setStatement(
          "SELECT *, coalesce(fin_headline, '') AS fin_headline_text FROM __THIS__"));
      stages.add(new RegexTokenizer().setInputCol("fin_headline_text").setOutputCol("fin_headline_chars")
          .setPattern("").setGaps(true).setMinTokenLength(1).setToLowercase(true));
      stages.add(new NGram().setN(2).setInputCol("fin_headline_chars").setOutputCol("fin_headline_bigrams"));
      stages.add(new HashingTF().setInputCol("fin_headline_chars").setOutputCol("fin_title_unigrams")
          .setNumFeatures(s.titleFeatures()).setBinary(true));
      stages.add(new HashingTF().setInputCol("fin_headline_bigrams").setOutputCol("fin_title_bigrams")
          .setNumFeatures(s.titleFeatures()).setBinary(true));
      inputs.add("fin_title_unigrams");
      inputs.add("fin_title_bigrams");
    }
    stages.add(new VectorAssembler().setInputCols(inputs.toArray(new String[0])).setOutputCol("fin_vector"));
    if (classifier.equals(GBT)) {
      stages.add(new GBTClassifier()
          .setFeaturesCol("fin_vector").setLabelCol("fin_label").setWeightCol("fin_weight")
          .setPredictionCol("fin_prediction").setProbabilityCol("fin_probability").setRawPredictionCol("fin_raw")
          .setMaxDepth(3).setMaxIter(60).setStepSize(0.1).setMinInstancesPerNode(2).setSeed(7L));
    } else {
      stages.add(new LogisticRegression()
          .setFeaturesCol("fin_vector").setLabelCol("fin_label").setWeightCol("fin_weight")
          .setPredictionCol("fin_prediction").setProbabilityCol("fin_probability").setRawPredictionCol("fin_raw")
          .setMaxIter(100).setTol(1e-5).setRegParam(0.02).setElasticNetParam(0.0).setStandardization(true));
    }
    return new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
  }

  public static Result train(Dataset<Row> labeled, FinSettings s, Consumer<String> progress) {
    Dataset<Row> fin = labeled.filter(col("fin_clickbait").isNotNull())
        .select(col("post_id"), col("content_type"), col("title"), col("content"), col("style"), col("source"),
            col("heldout"), col("fin_clickbait"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    @SuppressWarnings("unchecked")
    Dataset<Row>[] featuredRef = new Dataset[] {fin};
    try {
      // held out: the configured writing styles, and what a generator marked as held-out forms
      Column holdout = (s.holdoutStyles().isEmpty() ? lit(false) : col("style").isin(s.holdoutStyles().toArray()))
          .or(col("heldout"));
      Dataset<Row> train = fin.filter(org.apache.spark.sql.functions.not(holdout));
      Dataset<Row> test = fin.filter(holdout);
      FinFeaturizer featurizer = FinFeaturizer.of(s);
      featuredRef[0] = featurizer.transform(train)
          .select(col("post_id"), col("content_type"), col("title"), col("content"), col("style"), col("source"),
              col("fin_clickbait"), col(featurizer.appliesCol()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> featured = featuredRef[0];
      long trainRows = 0;
      long applicable = 0;
      long positives = 0;
      for (Row r : featured.groupBy(col(featurizer.appliesCol()), col("fin_clickbait")).count().collectAsList()) {
        long n = r.getLong(2);
        trainRows += n;
        if (r.getBoolean(0)) {
          applicable += n;
          positives += r.getBoolean(1) ? n : 0;
        }
      }
      long negatives = applicable - positives;
      int partitions = (int) Math.max(1, Math.min(featured.sparkSession().sparkContext().defaultParallelism(),
          applicable / 5000 + 1));
      Dataset<Row> trainApplicable = featured.filter(col(featurizer.appliesCol())).drop(featurizer.appliesCol())
          .coalesce(partitions);
      progress.accept(String.format("training on %d labelled results articles (%d distorted, %d faithful; "
          + "%d labelled posts skipped by the detector)", applicable, positives, negatives, trainRows - applicable));
      if (positives < 2 || negatives < 2) {
        throw new IllegalArgumentException("not enough training data: need at least 2 distorted and 2 faithful "
            + "results articles, have " + positives + " and " + negatives);
      }
      Dataset<Row> weighted = withLabelAndWeight(trainApplicable, positives, negatives);
      List<String> styles = new ArrayList<>(new TreeSet<>(weighted.select("style").distinct().as(
          org.apache.spark.sql.Encoders.STRING()).collectAsList()));
      List<String> candidates = s.classifier().equals("auto") ? List.of(LOGISTIC_REGRESSION, GBT)
          : List.of(s.classifier());
      Map<String, Counts> cv = new LinkedHashMap<>();
      String chosen = candidates.get(0);
      if (candidates.size() > 1) {
        double best = -1;
        for (String c : candidates) {
          Counts counts = crossValidate(weighted, styles, s, c, progress);
          cv.put(c, counts);
          progress.accept(String.format("cross-validation %s: precision %.3f recall %.3f F1 %.3f", c,
              counts.precision(), counts.recall(), counts.f1()));
          if (counts.f1() > best + 1e-9) {
            best = counts.f1();
            chosen = c;
          }
        }
      }
      progress.accept("fitting " + chosen + " on the training split");
      long t0 = System.nanoTime();
      PipelineModel model = pipeline(s, chosen).fit(weighted);
      progress.accept(String.format("fitted %s in %.1f s", chosen, (System.nanoTime() - t0) / 1e9));
      Map<String, Counts> evaluation = new LinkedHashMap<>();
      List<Prediction> trainPredictions = predict(model, train);
      evaluation.put("train (resubstitution)", Counts.of(trainPredictions, s.threshold()));
      List<Prediction> testPredictions = predict(model, test);
      long holdoutRows = testPredictions.size();
      if (!testPredictions.isEmpty()) {
        evaluation.put("holdout", Counts.of(testPredictions, s.threshold()));
        Map<String, List<Prediction>> bySource = new TreeMap<>();
        Map<String, List<Prediction>> byStyle = new TreeMap<>();
        for (Prediction p : testPredictions) {
          bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
          byStyle.computeIfAbsent(p.style(), k -> new ArrayList<>()).add(p);
        }
        if (bySource.size() > 1) {
          bySource.forEach((k, v) -> evaluation.put("holdout source " + k, Counts.of(v, s.threshold())));
        }
        if (byStyle.size() <= 12) {
          byStyle.forEach((k, v) -> evaluation.put("holdout style " + k, Counts.of(v, s.threshold())));
        }
      }
      return new Result(model, chosen, cv, evaluation, testPredictions, trainRows, applicable, positives,
          holdoutRows, styles, s.holdoutStyles());
    } finally {
      fin.unpersist();
      featuredRef[0].unpersist();
    }
  }

  static Dataset<Row> withLabelAndWeight(Dataset<Row> rows, long positives, long negatives) {
    double total = positives + negatives;
    double wPos = total / (2.0 * positives);
    double wNeg = total / (2.0 * negatives);
    return rows
        .withColumn("fin_label", when(col("fin_clickbait"), lit(1.0)).otherwise(lit(0.0)))
        .withColumn("fin_weight", when(col("fin_clickbait"), lit(wPos)).otherwise(lit(wNeg)));
  }

  /**
   * Pooled predictions of models trained without one group of writing styles on that group.
   * With fewer than three styles the folds are random (by post id).
   */
  static Counts crossValidate(Dataset<Row> weighted, List<String> styles, FinSettings s, String classifier,
      Consumer<String> progress) {
    List<Prediction> pooled = new ArrayList<>();
    boolean byStyle = styles.size() >= 3;
    int folds = byStyle ? Math.min(MAX_FOLDS, styles.size()) : 4;
    for (int k = 0; k < folds; k++) {
      Column inFold;
      if (byStyle) {
        List<String> foldStyles = new ArrayList<>();
        for (int i = k; i < styles.size(); i += folds) {
          foldStyles.add(styles.get(i));
        }
        inFold = col("style").isin(foldStyles.toArray());
      } else {
        inFold = org.apache.spark.sql.functions.pmod(org.apache.spark.sql.functions.hash(col("post_id")), lit(folds))
            .equalTo(k);
      }
      Dataset<Row> fit = weighted.filter(org.apache.spark.sql.functions.not(inFold));
      Dataset<Row> check = weighted.filter(inFold);
      long pos = fit.filter(col("fin_clickbait")).count();
      long all = fit.count();
      if (pos < 1 || pos == all) {
        continue;
      }
      Dataset<Row> reweighted = withLabelAndWeight(fit.drop("fin_label", "fin_weight"), pos, all - pos);
      PipelineModel m = pipeline(s, classifier).fit(reweighted);
      pooled.addAll(predict(m, check.drop("fin_label", "fin_weight")));
    }
    return Counts.of(pooled, s.threshold());
  }

  /** Scores labelled posts with a model; posts the detector skips get probability 0 and applies false. */
  public static List<Prediction> predict(PipelineModel model, Dataset<Row> rows) {
    Dataset<Row> t = model.transform(rows);
    List<Row> collected = t.select(
            col("post_id"), col("style"), col("source"), col("fin_clickbait"), col("fin_applies"),
            functions.vector_to_array(col("fin_probability"), "float64").getItem(1).as("p"),
            functions.vector_to_array(col("fin_features"), "float64").getItem(TITLE_DIRECTION).as("td"))
        .collectAsList();
    List<Prediction> out = new ArrayList<>();
    for (Row r : collected) {
      boolean applies = r.getBoolean(4);
      out.add(new Prediction(r.getString(0), r.getString(1), r.getString(2), r.getBoolean(3), applies,
          applies ? r.getDouble(5) : 0.0, r.getDouble(6)));
    }
    return out;
  }
}
