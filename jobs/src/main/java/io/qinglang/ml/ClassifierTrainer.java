package io.qinglang.ml;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.text.JvmCache;
import io.qinglang.text.RegistryMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains the classifier on labelled posts:
 * <ol>
 *   <li>class weights (balanced, capped) so that rare categories count;
 *   <li>text preparation (normalize, tokenize, n-grams, cue and structured features) once, cached;
 *   <li>a validation split, by group when the labels name groups (forms), else by post, or k group
 *       folds whose posts are each scored by the model trained on the other folds;
 *   <li>fit vocabularies, IDF and the classifier on the training part; on the validation part fit
 *       the softmax temperature (calibration) and choose per-category thresholds for the target
 *       precision; measure the validation metrics of the complete decision;
 *   <li>refit on all posts (when configured) and assemble the final PipelineModel: preparation,
 *       fitted features and classifier, calibration, decision.
 * </ol>
 */
public final class ClassifierTrainer {
  /** What training produced. */
  public record Trained(PipelineModel model, Metrics validation, double temperature, double[] thresholds,
      Map<String, Object> metadata) {}

  /** Optional column of labelled posts: a per-post training weight multiplying the class weight. */
  public static final String SOURCE_WEIGHT = "source_weight";

  /** Working column: the fold that holds a post out of training (-1: always trained on). */
  static final String FOLD = "_fold";

  private ClassifierTrainer() {}

  public static Trained train(Dataset<Row> labelled, ClassifierSettings s, EnterpriseRegistry registry,
      List<String> sources, Consumer<String> progress) {
    long started = System.nanoTime();
    String[] entries = RegistryMatcher.entries(registry);
    Map<Integer, Long> counts = labelCounts(labelled);
    progress.accept("labelled posts per category: " + counts);
    // As many partitions as cores: even work while preparing, few tasks per optimizer iteration.
    int partitions = Math.max(1, labelled.sparkSession().sparkContext().defaultParallelism());
    Dataset<Row> weighted = withWeights(labelled, counts, s).repartition(partitions);

    List<PipelineStage> stages = ClassifierPipeline.featureStages(s, s.cues(), entries);
    stages.add(ClassifierPipeline.classifier(s, s.balancedWeights()));
    int prefix = ClassifierPipeline.preparationLength(stages);
    List<Transformer> prep = new ArrayList<>();
    for (PipelineStage st : stages.subList(0, prefix)) {
      prep.add((Transformer) st);
    }
    List<PipelineStage> rest = new ArrayList<>(stages.subList(prefix, stages.size()));

    int folds = s.foldCount();
    Dataset<Row> prepared = applyAll(prep, withFolds(weighted, s)).persist(StorageLevel.MEMORY_AND_DISK());
    long n = prepared.count();
    progress.accept(String.format(Locale.ROOT, "prepared %d posts (normalized, segmented) in %.1f s", n,
        seconds(started)));

    // Each fold's posts are scored by a model that did not train on them; one split is the case of one fold.
    List<Row> rows = new ArrayList<>();
    List<Integer> fitIterations = new ArrayList<>();
    PipelineModel firstFold = null;
    for (int f = 0; f < folds; f++) {
      Dataset<Row> train = prepared.filter(col(FOLD).notEqual(f));
      Dataset<Row> heldOut = prepared.filter(col(FOLD).equalTo(f));
      long heldOutCount = heldOut.count();
      if (heldOutCount == 0 || heldOutCount == n) {
        throw new IllegalArgumentException("cannot split " + n + " labelled posts into training and validation "
            + "parts" + (folds > 1 ? " (fold " + (f + 1) + " of " + folds + " holds " + heldOutCount + ")" : "")
            + "; give more posts (or more groups)" + (folds > 1 ? ", or set qinglang.classifier.threshold-folds = 0 "
            + "(one validation split)" : ""));
      }
      long t1 = System.nanoTime();
      PipelineModel fitted = fit(rest, train);
      rows.addAll(fitted.transform(heldOut)
          .select(col(ClassifierPipeline.RAW), col(ClassifierPipeline.LABEL), col(LabeledData.HARD_NEGATIVE),
              col(LabeledData.GROUP))
          .collectAsList());
      progress.accept(String.format(Locale.ROOT, "%sfitted %s on %d posts and scored the %d held out in %.1f s%s",
          folds > 1 ? "fold " + (f + 1) + " of " + folds + ": " : "", s.modelType().id(), n - heldOutCount,
          heldOutCount, seconds(t1), iterationsOf(fitted, fitIterations, s)));
      if (f == 0) {
        firstFold = fitted;
      }
    }
    long validationCount = rows.size();
    String validationName = folds > 1 ? "out-of-fold validation" : "validation";

    double[][] raw = new double[rows.size()][];
    int[] labels = new int[rows.size()];
    boolean[] hard = new boolean[rows.size()];
    boolean[] handWritten = new boolean[rows.size()];
    String[] groups = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      raw[i] = ((Vector) rows.get(i).get(0)).toArray();
      labels[i] = (int) rows.get(i).getDouble(1);
      hard[i] = rows.get(i).getBoolean(2);
      groups[i] = rows.get(i).isNullAt(3) ? null : rows.get(i).getString(3);
      handWritten[i] = groups[i] != null && groups[i].startsWith(LabeledData.KIND_GROUP);
    }
    double temperature = SoftmaxCalibration.fitTemperature(raw, labels);
    double[][] probabilities = new double[raw.length][];
    double[][] uncalibrated = new double[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      probabilities[i] = SoftmaxCalibration.softmax(raw[i], temperature);
      uncalibrated[i] = SoftmaxCalibration.softmax(raw[i], 1);
    }
    Calibration before = Calibration.of(labels, uncalibrated);
    Calibration calibration = Calibration.of(labels, probabilities);
    progress.accept(String.format(Locale.ROOT, "%s calibration, softmax of the raw scores: %s", validationName,
        before.summary()));
    progress.accept(String.format(Locale.ROOT, "%s calibration, temperature %.3f: %s", validationName, temperature,
        calibration.summary()));
    double[] precisionThresholds = ThresholdSelector.choose(probabilities, labels, s.targetPrecision(),
        s.minThreshold(), s.maxThreshold());
    Metrics uncapped = decide(probabilities, labels, hard, precisionThresholds, s.reviewThreshold());
    progress.accept(String.format(Locale.ROOT, "%s, thresholds for precision %.2f only: macro-F1 %.3f, "
        + "false-positive rate on 0 %s, on hard negatives %s; thresholds %s", validationName, s.targetPrecision(),
        uncapped.macroF1(), Metrics.percent(uncapped.falsePositiveRate()),
        Metrics.percent(uncapped.hardNegativeFalsePositiveRate()), formatThresholds(precisionThresholds)));
    boolean[] cappedHard = hardNegativesToCap(hard, handWritten, s.capHandWrittenHardNegatives());
    ThresholdSelector.Capped capped = ThresholdSelector.capFalsePositives(probabilities, labels, cappedHard,
        precisionThresholds, s.maxFalsePositiveRate(), s.maxHardNegativeRate(), s.maxCappedThreshold());
    if (!capped.reached()) {
      progress.accept(String.format(Locale.ROOT, "warning: the false-positive caps (%.3f on 0, %.3f on hard "
          + "negatives) cannot be reached on validation: %d of %d legitimate posts and %d of %d hard negatives are "
          + "flagged with a probability of at least %.3f (decision.max-capped-threshold, or 1)",
          s.maxFalsePositiveRate(), s.maxHardNegativeRate(), capped.noneFlagged(), capped.none(),
          capped.hardFlagged(), capped.hard(), s.maxCappedThreshold()));
    }
    progress.accept(String.format(Locale.ROOT, "%s, thresholds capped at %s on 0 and %s on hard "
        + "negatives: thresholds %s", validationName, Metrics.percent(s.maxFalsePositiveRate()),
        Metrics.percent(s.maxHardNegativeRate()), formatThresholds(capped.thresholds())));
    // The out-of-fold caps over-count legitimate posts for categories whose forms a fold never saw
    // (MODEL.md, "Seventeenth session"): a ceiling keeps them from switching a category off.
    double[] thresholds = ThresholdSelector.ceiling(capped.thresholds(), precisionThresholds, s.ceilings());
    if (!Arrays.equals(thresholds, capped.thresholds())) {
      progress.accept(String.format(Locale.ROOT, "%s, thresholds the caps raised above %.2f%s brought down to it "
          + "(decision.threshold-ceiling, category-ceilings): %s", validationName, s.thresholdCeiling(),
          s.categoryCeilings().isEmpty() ? "" : " (" + s.categoryCeilings() + " for those categories)",
          formatThresholds(thresholds)));
    }
    Metrics validationMetrics = decide(probabilities, labels, hard, thresholds, s.reviewThreshold());
    progress.accept(String.format(Locale.ROOT, "%s (%d posts): temperature %.3f, macro-F1 %.3f, "
        + "false-positive rate on 0 %s, on hard negatives %s", validationName, raw.length, temperature,
        validationMetrics.macroF1(), Metrics.percent(validationMetrics.falsePositiveRate()),
        Metrics.percent(validationMetrics.hardNegativeFalsePositiveRate())));

    // The hand-written kinds held out: the nearest this split comes to text in styles never trained on.
    Metrics handWrittenMetrics = decide(probabilities, labels, hard, thresholds, s.reviewThreshold(), handWritten);
    if (handWrittenMetrics.total() > 0) {
      progress.accept(String.format(Locale.ROOT, "%s, hand-written kinds only (%d posts): macro-F1 %.3f, "
          + "false-positive rate on 0 %s, on hard negatives %s", validationName, handWrittenMetrics.total(),
          handWrittenMetrics.macroF1(), Metrics.percent(handWrittenMetrics.falsePositiveRate()),
          Metrics.percent(handWrittenMetrics.hardNegativeFalsePositiveRate())));
    }

    List<GroupResult> byGroup = groupResults(probabilities, labels, groups, thresholds, s.reviewThreshold());
    List<String> weakest = byGroup.stream().filter(g -> g.group().startsWith(LabeledData.KIND_GROUP) && g.posts() >= 5)
        .limit(8).map(GroupResult::describe).toList();
    if (!weakest.isEmpty()) {
      progress.accept(validationName + ", weakest hand-written kinds: " + String.join("; ", weakest));
    }

    // Without a refit the model kept is the first fold's: with one split, the one its thresholds were chosen for.
    PipelineModel finalFit = firstFold;
    if (s.refitOnAll()) {
      long t2 = System.nanoTime();
      finalFit = fit(rest, prepared);
      progress.accept(String.format(Locale.ROOT, "refitted on all %d posts in %.1f s%s", n, seconds(t2),
          iterationsOf(finalFit, fitIterations, s)));
    }
    String fingerprint = fingerprint(labelled);
    prepared.unpersist();

    List<Transformer> all = new ArrayList<>(prep);
    for (Transformer t : finalFit.stages()) {
      // Scoring reads the raw scores only: no need to compute the classifier's own probability and prediction.
      if (t instanceof org.apache.spark.ml.classification.LogisticRegressionModel lr) {
        lr.setProbabilityCol("").setPredictionCol("");
      } else if (t instanceof org.apache.spark.ml.classification.NaiveBayesModel nb) {
        nb.setProbabilityCol("").setPredictionCol("");
      }
      all.add(t);
    }
    all.add(new SoftmaxCalibration().setRawCol(ClassifierPipeline.RAW).setOutputCol("probability")
        .setTemperature(temperature));
    all.add(new CategoryDecision().setProbabilityCol("probability").setThresholds(thresholds)
        .setReviewThreshold(s.reviewThreshold()));
    PipelineModel model = new Pipeline().setStages(all.toArray(new PipelineStage[0])).fit(labelled.limit(0));

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("classifier", s.modelType().id());
    metadata.put("parameters", parameters(s));
    metadata.put("thresholds", thresholds);
    metadata.put("precision_thresholds", precisionThresholds);
    metadata.put("capped_thresholds", capped.thresholds());
    metadata.put("false_positive_caps_reached", capped.reached());
    metadata.put("review_threshold", s.reviewThreshold());
    metadata.put("temperature", temperature);
    // Per fit (the folds', then the refit's): whether max-iterations cut an optimizer short (-1: none to report).
    metadata.put("fit_iterations", fitIterations);
    Map<String, Object> calibrationFigures = new LinkedHashMap<>();
    calibrationFigures.put("scores", validationName);
    calibrationFigures.put("softmax_of_raw_scores", before.summaryMap());
    calibrationFigures.put("with_temperature", calibration.summaryMap());
    metadata.put("calibration", calibrationFigures);
    Map<String, Object> reg = new LinkedHashMap<>();
    reg.put("fingerprint", registry.fingerprint());
    reg.put("source", registry.source());
    reg.put("enterprises", registry.size());
    metadata.put("registry", reg);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("fingerprint", fingerprint);
    data.put("sources", sources);
    data.put("posts", n);
    data.put("validation_posts", validationCount);
    data.put("validation_folds", folds);
    data.put("per_category", counts);
    metadata.put("training_data", data);
    Map<String, Object> lex = new LinkedHashMap<>();
    lex.put("dodges", s.dodgesFile().toString() + " " + JvmCache.fingerprint(s.dodges()));
    lex.put("stopwords", s.stopwordsFile().toString() + " " + JvmCache.fingerprint(s.stopwords()));
    lex.put("cues", s.cuesFile().toString() + " " + JvmCache.fingerprint(s.cues()));
    lex.put("headline_contrast", s.headlineContrastFile().toString() + " "
        + JvmCache.fingerprint(s.headlineContrast().values().stream().flatMap(List::stream).toList()));
    metadata.put("lexicons", lex);
    metadata.put("feature_sizes", featureSizes(finalFit));
    metadata.put("validation", summary(validationMetrics));
    if (handWrittenMetrics.total() > 0) {
      metadata.put("validation_hand_written_kinds", summary(handWrittenMetrics));
    }
    metadata.put("validation_precision_thresholds_only", summary(uncapped));
    metadata.put("validation_groups", byGroup.stream().map(GroupResult::toMap).toList());
    metadata.put("training_seconds", Math.round(seconds(started)));
    return new Trained(model, validationMetrics, temperature, thresholds, metadata);
  }

  /** How the decision did on one held-out group (form or kind): {@code category} is its most common label. */
  record GroupResult(String group, int category, long posts, long right, long flagged) {
    String describe() {
      return String.format(Locale.ROOT, "%s (%d) %d of %d right", group, category, right, posts);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", group);
      m.put("category", category);
      m.put("posts", posts);
      m.put("right", right);
      m.put("flagged", flagged);
      return m;
    }
  }

  /** Per held-out group, the complete decision's results; worst share right first, then by name. */
  static List<GroupResult> groupResults(double[][] probabilities, int[] labels, String[] groups, double[] thresholds,
      double review) {
    Map<String, long[]> tally = new java.util.TreeMap<>();
    for (int i = 0; i < probabilities.length; i++) {
      if (groups[i] == null) {
        continue;
      }
      // posts, right, flagged, then posts per label
      long[] t = tally.computeIfAbsent(groups[i], g -> new long[3 + Metrics.CLASSES]);
      int c = CategoryDecision.decide(probabilities[i], thresholds, review).category();
      t[0]++;
      t[1] += c == labels[i] ? 1 : 0;
      t[2] += c != 0 ? 1 : 0;
      t[3 + labels[i]]++;
    }
    List<GroupResult> out = new ArrayList<>();
    tally.forEach((g, t) -> {
      int label = 0;
      for (int c = 1; c < Metrics.CLASSES; c++) {
        label = t[3 + c] > t[3 + label] ? c : label;
      }
      out.add(new GroupResult(g, label, t[0], t[1], t[2]));
    });
    out.sort(java.util.Comparator.comparingDouble((GroupResult r) -> (double) r.right() / r.posts())
        .thenComparing(GroupResult::group));
    return out;
  }

  /** Adds the fit's optimizer iterations to {@code counts} and returns how its progress line says them. */
  private static String iterationsOf(PipelineModel fitted, List<Integer> counts, ClassifierSettings s) {
    int iterations = ClassifierModels.fitIterations(fitted);
    counts.add(iterations);
    return ClassifierModels.iterationsNote(iterations, s.maxIterations());
  }

  /** The feature and classifier stages fitted on {@code train} (word vectors on a fixed order of it). */
  private static PipelineModel fit(List<PipelineStage> rest, Dataset<Row> train) {
    return new Pipeline().setStages(ClassifierPipeline.withWordVectorsFitted(rest, train)
        .toArray(new PipelineStage[0])).fit(train);
  }

  /** Metrics of the complete decision (thresholds, review) from calibrated probabilities. */
  static Metrics decide(double[][] probabilities, int[] labels, boolean[] hard, double[] thresholds, double review) {
    return decide(probabilities, labels, hard, thresholds, review, null);
  }

  /** As above, over the posts {@code include} marks (null: all of them). */
  static Metrics decide(double[][] probabilities, int[] labels, boolean[] hard, double[] thresholds, double review,
      boolean[] include) {
    long[][] confusion = new long[Metrics.CLASSES][Metrics.CLASSES];
    long hardCount = 0;
    long hardFlagged = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if (include != null && !include[i]) {
        continue;
      }
      int c = CategoryDecision.decide(probabilities[i], thresholds, review).category();
      confusion[labels[i]][c]++;
      if (hard != null && hard[i]) {
        hardCount++;
        if (c != 0) {
          hardFlagged++;
        }
      }
    }
    return new Metrics(confusion, hardCount, hardFlagged);
  }

  static Dataset<Row> applyAll(List<Transformer> transformers, Dataset<Row> data) {
    Dataset<Row> out = data;
    for (Transformer t : transformers) {
      out = t.transform(out);
    }
    return out;
  }

  static Map<Integer, Long> labelCounts(Dataset<Row> labelled) {
    Map<Integer, Long> counts = new java.util.TreeMap<>();
    for (Row r : labelled.groupBy(col(ClassifierPipeline.LABEL)).agg(count(lit(1))).collectAsList()) {
      counts.put((int) r.getDouble(0), r.getLong(1));
    }
    return counts;
  }

  /**
   * Balanced class weights n / (classes * n_c), capped at maxClassWeight, category 0 at least
   * minNoneWeight (or 1 for all); hard negatives weigh hardNegativeWeight times their class weight.
   */
  static Dataset<Row> withWeights(Dataset<Row> labelled, Map<Integer, Long> counts, ClassifierSettings s) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Column weight = lit(1.0);
    if (s.balancedWeights()) {
      weight = null;
      for (Map.Entry<Integer, Long> e : counts.entrySet()) {
        double w = Math.min(s.maxClassWeight(), (double) total / (counts.size() * (double) e.getValue()));
        if (e.getKey() == 0) {
          // Flagging a legitimate post is the worst failure: category 0 is not down-weighted below this.
          w = Math.max(w, s.minNoneWeight());
        }
        weight = weight == null ? when(col(ClassifierPipeline.LABEL).equalTo(e.getKey().doubleValue()), w)
            : weight.when(col(ClassifierPipeline.LABEL).equalTo(e.getKey().doubleValue()), w);
      }
      weight = weight.otherwise(1.0);
    }
    if (s.hardNegativeWeight() != 1.0) {
      weight = when(col(LabeledData.HARD_NEGATIVE), weight.multiply(s.hardNegativeWeight())).otherwise(weight);
    }
    if (Arrays.asList(labelled.columns()).contains(SOURCE_WEIGHT)) {
      weight = weight.multiply(coalesce(col(SOURCE_WEIGHT), lit(1.0)));
    }
    return labelled.withColumn(ClassifierPipeline.WEIGHT, weight);
  }

  /**
   * Adds {@link #FOLD}: the fold whose model scores the post without training on it, or -1 when every
   * model trains on it. One validation split ({@code threshold-folds} 0) is a single fold 0 holding
   * {@code validation-fraction} of the posts; {@code threshold-folds} k gives folds 0..k-1.
   *
   * <p>Posts with a group: whole groups are held out, per category, in an order given by a seeded hash
   * of the group; one split takes them until the category has its share, k folds give each to the fold
   * holding the fewest of the category's posts so far. A category's last group in that order stays in
   * training when every group of it could be held out, so a category with one group is never held out
   * whole. Groups of a violation category with more than {@code validation-max-group-posts} posts stay
   * in training unless the category has no smaller group. Posts without a group, and the posts of
   * category-0 groups with more than {@code validation-spread-legitimate-group-posts} posts (when it
   * is above 0): a seeded hash of (platform, post_id).
   */
  static Dataset<Row> withFolds(Dataset<Row> labelled, ClassifierSettings s) {
    int folds = s.foldCount();
    double fraction = s.validationFraction();
    Column groupHash = xxhash64(lit(s.seed()), col(LabeledData.GROUP));
    List<Row> groups = labelled.filter(col(LabeledData.GROUP).isNotNull())
        .groupBy(col(LabeledData.GROUP), col(ClassifierPipeline.LABEL))
        .agg(count(lit(1)).as("n"), functions.first(groupHash).as("h"))
        .collectAsList();
    // The majority label of each group decides which category's quota it counts against.
    Map<String, Row> majority = new LinkedHashMap<>();
    for (Row r : groups) {
      Row prev = majority.get(r.getString(0));
      if (prev == null || r.getLong(2) > prev.getLong(2)) {
        majority.put(r.getString(0), r);
      }
    }
    Map<Double, List<Row>> byLabel = new java.util.TreeMap<>();
    List<String> spread = new ArrayList<>();
    for (Row r : majority.values()) {
      if (r.getDouble(1) == 0.0 && s.validationSpreadLegitimateGroupPosts() > 0
          && r.getLong(2) > s.validationSpreadLegitimateGroupPosts()) {
        spread.add(r.getString(0));
      } else {
        byLabel.computeIfAbsent(r.getDouble(1), k -> new ArrayList<>()).add(r);
      }
    }
    List<List<String>> heldOut = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      heldOut.add(new ArrayList<>());
    }
    for (Map.Entry<Double, List<Row>> e : byLabel.entrySet()) {
      List<Row> rows = e.getValue();
      rows.sort((a, b) -> Long.compare(a.getLong(3), b.getLong(3)));
      long total = rows.stream().mapToLong(r -> r.getLong(2)).sum();
      // Legitimate groups of any size may be held out: the false-positive caps are measured on them.
      List<Row> eligible = heldOutCandidates(rows, e.getKey() == 0.0 ? 0 : s.validationMaxGroupPosts());
      // When every group is eligible, the last one stays in training.
      int limit = eligible.size() == rows.size() ? rows.size() - 1 : eligible.size();
      long[] taken = new long[folds];
      for (int i = 0; i < limit; i++) {
        int f = folds == 1 ? 0 : lightest(taken);
        if (folds == 1 && taken[0] >= fraction * total) {
          break;
        }
        heldOut.get(f).add(eligible.get(i).getString(0));
        taken[f] += eligible.get(i).getLong(2);
      }
    }
    Column postHash = pmod(xxhash64(lit(s.seed()), concat_ws("\u0001", col("platform"), col("post_id"))),
        lit(1000L));
    Column byPost = folds == 1 ? when(postHash.lt(lit(Math.round(fraction * 1000))), 0).otherwise(-1)
        : pmod(postHash, lit(folds)).cast("int");
    Column byGroup = lit(-1);
    for (int f = folds - 1; f >= 0; f--) {
      if (!heldOut.get(f).isEmpty()) {
        byGroup = when(col(LabeledData.GROUP).isin(heldOut.get(f).toArray()), f).otherwise(byGroup);
      }
    }
    Column byPostToo = col(LabeledData.GROUP).isNull();
    if (!spread.isEmpty()) {
      byPostToo = byPostToo.or(col(LabeledData.GROUP).isin(spread.toArray()));
    }
    return labelled.withColumn(FOLD, when(byPostToo, byPost).otherwise(byGroup));
  }

  /** The index of the smallest count (the first of equal ones). */
  static int lightest(long[] counts) {
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < counts[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The validation posts the hard-negative cap counts: the hand-written hard negatives when
   * {@code handWrittenOnly} and there is one, else every hard negative.
   */
  static boolean[] hardNegativesToCap(boolean[] hard, boolean[] handWritten, boolean handWrittenOnly) {
    if (!handWrittenOnly) {
      return hard;
    }
    boolean[] both = new boolean[hard.length];
    boolean any = false;
    for (int i = 0; i < hard.length; i++) {
      both[i] = hard[i] && handWritten[i];
      any |= both[i];
    }
    return any ? both : hard;
  }

  /**
   * The groups of one category that may go to validation, in their order: those of at most
   * {@code maxPosts} posts (column 2), or all of them when none is that small or {@code maxPosts} is 0.
   */
  static List<Row> heldOutCandidates(List<Row> groups, int maxPosts) {
    if (maxPosts <= 0) {
      return groups;
    }
    List<Row> small = groups.stream().filter(r -> r.getLong(2) <= maxPosts).toList();
    return small.isEmpty() ? groups : small;
  }

  /**
   * A fingerprint of the labelled posts, independent of order: count and sums of two row hashes over
   * (platform, post_id, title, content, label).
   */
  static String fingerprint(Dataset<Row> labelled) {
    Column row = concat_ws("\u0001", col("platform"), col("post_id"), coalesce(col("title"), lit("")),
        coalesce(col("content"), lit("")), col(ClassifierPipeline.LABEL).cast("string"));
    Row r = labelled.agg(count(lit(1)), sum(xxhash64(row).cast("decimal(38,0)")),
        sum(hash(row).cast("decimal(38,0)"))).first();
    return JvmCache.fingerprint(List.of(String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2))));
  }

  static Map<String, Object> parameters(ClassifierSettings s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("segmenter", s.segmenter());
    p.put("person_placeholder", s.personPlaceholder());
    p.put("mask_numbers", s.maskNumbers());
    p.put("word_ngrams", s.wordNgrams());
    p.put("char_ngrams", s.charNgramMax() == 0 ? "off" : s.charNgramMin() + ".." + s.charNgramMax());
    p.put("word_vocabulary", s.wordVocabulary());
    p.put("char_vocabulary", s.charVocabulary());
    p.put("min_doc_freq", s.minDocFreq());
    ClassifierSettings.WordVectors v = s.wordVectors();
    p.put("word_vectors", !v.enabled() ? "off" : String.format(Locale.ROOT,
        "size %d, min count %d, %d iterations, scale %s", v.size(), v.minCount(), v.iterations(), v.scale()));
    p.put("model", s.modelType().id());
    p.put("regularization", s.regularization());
    p.put("smoothing", s.smoothing());
    p.put("max_iterations", s.maxIterations());
    p.put("class_weights", s.balancedWeights() ? "balanced (max " + s.maxClassWeight() + ", category 0 at least "
        + s.minNoneWeight() + ")" : "none");
    p.put("hard_negative_weight", s.hardNegativeWeight());
    p.put("validation_fraction", s.validationFraction());
    p.put("validation_max_group_posts", s.validationMaxGroupPosts());
    p.put("validation_spread_legitimate_group_posts", s.validationSpreadLegitimateGroupPosts());
    p.put("refit_on_all", s.refitOnAll());
    p.put("threshold_folds", s.thresholdFolds());
    p.put("seed", s.seed());
    p.put("target_precision", s.targetPrecision());
    p.put("min_threshold", s.minThreshold());
    p.put("max_threshold", s.maxThreshold());
    p.put("max_capped_threshold", s.maxCappedThreshold());
    p.put("threshold_ceiling", s.thresholdCeiling());
    p.put("category_ceilings", s.categoryCeilings());
    p.put("max_false_positive_rate", s.maxFalsePositiveRate());
    p.put("max_hard_negative_rate", s.maxHardNegativeRate());
    p.put("cap_hand_written_hard_negatives", s.capHandWrittenHardNegatives());
    return p;
  }

  static Map<String, Object> featureSizes(PipelineModel fitted) {
    Map<String, Object> sizes = new LinkedHashMap<>();
    for (Transformer t : fitted.stages()) {
      if (t instanceof NGramTfIdfModel m) {
        sizes.put(m.getOutputCol(), m.getVocabulary().length);
      }
      if (t instanceof org.apache.spark.ml.feature.Word2VecModel w) {
        sizes.put("word_vector_vocabulary", w.getVectors().count());
      }
    }
    return sizes;
  }

  static Map<String, Object> summary(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("posts", m.total());
    out.put("macro_f1", m.macroF1());
    out.put("accuracy", m.accuracy());
    out.put("false_positive_rate_0", Double.isNaN(m.falsePositiveRate()) ? null : m.falsePositiveRate());
    out.put("hard_negative_false_positive_rate",
        Double.isNaN(m.hardNegativeFalsePositiveRate()) ? null : m.hardNegativeFalsePositiveRate());
    List<Map<String, Object>> per = new ArrayList<>();
    for (Metrics.PerCategory p : m.categories()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("category", p.category());
      c.put("precision", p.precision());
      c.put("recall", p.recall());
      c.put("f1", p.f1());
      c.put("support", p.support());
      per.add(c);
    }
    out.put("categories", per);
    out.put("confusion", m.confusion());
    return out;
  }

  static String formatThresholds(double[] t) {
    StringBuilder b = new StringBuilder();
    for (int c = 1; c < t.length; c++) {
      b.append(c == 1 ? "" : " ").append(c).append('=').append(t[c] >= 0.999 && t[c] < 1
          ? String.format(Locale.ROOT, "%.6f", t[c]) : String.format(Locale.ROOT, "%.3f", t[c]));
    }
    return b.toString();
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
