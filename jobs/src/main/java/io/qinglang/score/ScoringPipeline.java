package io.qinglang.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.qinglang.ml.ClassifierModels;
import io.qinglang.ml.ClassifierPipeline;
import io.qinglang.ml.EnterpriseLinker;
import io.qinglang.ml.PostText;
import io.qinglang.table.EvidenceSchema;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.text.RegistryMatcher;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;

/**
 * Scores posts: the classifier model (with the registry in force), its evidence, entity linking,
 * then the evidence contributors in order, then the fusion. Every input row gives one output row.
 *
 * <p>Columns of the frame contributors and the fusion see (besides every input column of posts):
 * <ul>
 *   <li>{@code text} (the post text the classifier reads, see {@link PostText}; evidence offsets refer
 *       to it) and {@code norm_text} (normalized: simplified, half-width, placeholders);
 *   <li>{@code classifier_category} (int), {@code classifier_confidence} (double),
 *       {@code classifier_needs_review} (boolean), {@code probabilities} (array of 11 doubles);
 *   <li>{@code enterprise_ids} (array of registry ids named in the post);
 *   <li>{@code evidence} (array of {@link EvidenceSchema#STRUCT});
 *   <li>{@code fin_clickbait} (boolean, null), {@code fin_clickbait_prob} (double, null);
 *   <li>{@code category}, {@code confidence}, {@code needs_review}: the classifier's until the fusion
 *       sets the final ones.
 * </ul>
 */
public final class ScoringPipeline {
  private static final Logger LOG = LogManager.getLogger(ScoringPipeline.class);
  public static final String CLASSIFIER_CATEGORY = "classifier_category";
  public static final String CLASSIFIER_CONFIDENCE = "classifier_confidence";
  public static final String CLASSIFIER_NEEDS_REVIEW = "classifier_needs_review";
  public static final String PROBABILITIES = "probabilities";
  public static final String CATEGORY = "category";
  public static final String CONFIDENCE = "confidence";
  public static final String NEEDS_REVIEW = "needs_review";
  public static final String ENTERPRISE_IDS = "enterprise_ids";
  public static final String FIN_CLICKBAIT = "fin_clickbait";
  public static final String FIN_CLICKBAIT_PROB = "fin_clickbait_prob";
  /** Intermediate columns of the classifier pipeline that scoring drops. */
  private static final List<String> INTERNAL = List.of("tokens", "masked_text", "term_features", "char_features",
      "cue_features", "structured_features", ClassifierPipeline.HEADLINE_FEATURES, "features", "raw_prediction", "raw_probability", "probability",
      "model_prediction", ClassifierPipeline.VECTOR_WORDS, ClassifierPipeline.WORD_VECTORS,
      ClassifierPipeline.VECTOR_FEATURES);

  private final List<EvidenceContributor> contributors;
  private final Fusion fusion;

  public ScoringPipeline(List<EvidenceContributor> contributors, Fusion fusion) {
    this.contributors = List.copyOf(contributors);
    this.fusion = fusion;
  }

  public List<EvidenceContributor> contributors() {
    return contributors;
  }

  public Fusion fusion() {
    return fusion;
  }

  /** Frees what the contributors cached; call after the scored rows are written. */
  public void release() {
    for (EvidenceContributor c : contributors) {
      c.release();
    }
  }

  /** Every column: posts, classifier, evidence, contributors' columns, final decision. */
  public Dataset<Row> scoreDetailed(Dataset<Row> posts, ScoringContext ctx) {
    PipelineModel model = ctx.model().pipeline();
    String[] entries = RegistryMatcher.entries(ctx.registry());
    ClassifierModels.applyRegistry(model, entries);
    int evidenceTerms = ctx.config().reader().has("qinglang.classifier.evidence-terms")
        ? ctx.config().reader().intAtLeast("qinglang.classifier.evidence-terms", 0) : 5;

    Dataset<Row> scored = model.transform(posts)
        .withColumnRenamed(CATEGORY, CLASSIFIER_CATEGORY)
        .withColumnRenamed(CONFIDENCE, CLASSIFIER_CONFIDENCE)
        .withColumnRenamed(NEEDS_REVIEW, CLASSIFIER_NEEDS_REVIEW);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    ClassifierEvidence explain = new ClassifierEvidence(
        jsc.broadcast(ClassifierModels.classWeights(model)),
        jsc.broadcast(ClassifierModels.featureNames(model)),
        ClassifierModels.cues(model), ClassifierModels.normalizer(model),
        ClassifierModels.decision(model).getThresholds(), evidenceTerms, ctx.modelVersion(),
        ctx.config().categoryNames());
    Column evidence = udf((UDF5<Vector, Integer, Boolean, scala.collection.Seq<Double>, String, List<Row>>)
        (features, category, review, probabilities, text) -> {
          double[] p = new double[probabilities.size()];
          for (int i = 0; i < p.length; i++) {
            p[i] = probabilities.apply(i);
          }
          return explain.evidence(features, category, review, p, text);
        }, EvidenceSchema.ARRAY).apply(col("features"), col(CLASSIFIER_CATEGORY), col(CLASSIFIER_NEEDS_REVIEW),
        col(PROBABILITIES), col(PostText.COLUMN));
    // Only posts the classifier flags or sends to review get its evidence: the others skip the work.
    scored = scored.withColumn(Evidence.COLUMN, when(col(CLASSIFIER_CATEGORY).notEqual(0)
        .or(col(CLASSIFIER_NEEDS_REVIEW)), evidence).otherwise(org.apache.spark.sql.functions.array()
        .cast(EvidenceSchema.ARRAY)));

    // Linking reads the normalized text (names are matched in both spellings, see RegistryMatcher).
    scored = new EnterpriseLinker().setInputCol("norm_text").setOutputCol(ENTERPRISE_IDS)
        .withRegistryEntries(entries).transform(scored);
    scored = scored.drop(INTERNAL.stream().filter(c -> !Arrays.asList(posts.columns()).contains(c))
        .toArray(String[]::new));
    scored = scored
        .withColumn(FIN_CLICKBAIT, lit(null).cast(DataTypes.BooleanType))
        .withColumn(FIN_CLICKBAIT_PROB, lit(null).cast(DataTypes.DoubleType))
        .withColumn(CATEGORY, col(CLASSIFIER_CATEGORY))
        .withColumn(CONFIDENCE, col(CLASSIFIER_CONFIDENCE))
        .withColumn(NEEDS_REVIEW, col(CLASSIFIER_NEEDS_REVIEW));
    for (EvidenceContributor c : contributors) {
      LOG.info("scoring: adding evidence from {}", c.name());
      scored = c.contribute(scored, ctx);
    }
    LOG.info("scoring: final decision by {}", fusion.name());
    return fusion.fuse(scored, ctx);
  }

  /** Rows of post_violations. */
  public Dataset<Row> score(Dataset<Row> posts, ScoringContext ctx) {
    return toPostViolations(scoreDetailed(posts, ctx), ctx);
  }

  /** Projects a detailed frame onto the post_violations schema. */
  public static Dataset<Row> toPostViolations(Dataset<Row> detailed, ScoringContext ctx) {
    List<Column> names = new ArrayList<>();
    for (Map.Entry<Integer, String> e : new java.util.TreeMap<>(ctx.config().categoryNames()).entrySet()) {
      names.add(lit(e.getKey()));
      names.add(lit(e.getValue()));
    }
    Column categoryName = element_at(map(names.toArray(new Column[0])), col(CATEGORY));
    Column reach = when(col("repost_count").isNull().and(col("comment_count").isNull())
        .and(col("like_count").isNull()), lit(null).cast(DataTypes.LongType))
        .otherwise(org.apache.spark.sql.functions.coalesce(col("repost_count"), lit(0L))
            .plus(org.apache.spark.sql.functions.coalesce(col("comment_count"), lit(0L)))
            .plus(org.apache.spark.sql.functions.coalesce(col("like_count"), lit(0L))));
    Dataset<Row> out = detailed
        .withColumn("category_name", categoryName)
        .withColumn("reach", reach)
        .withColumn("model_version", lit(ctx.modelVersion()))
        .withColumn("run_id", lit(ctx.runId()))
        .withColumn("scored_at", lit(Timestamp.from(ctx.scoredAt())));
    return out.selectExpr(PostViolationsTable.SCHEMA.fieldNames());
  }
}
