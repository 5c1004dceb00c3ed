package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.EvidenceSchema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The detectors as steps of a scoring pipeline: two evidence contributors and a fusion, with the
 * shapes of {@code score.EvidenceContributor} ({@code name()}, {@code contribute(scored, ...)}) and
 * {@code score.Fusion} ({@code name()}, {@code fuse(scored, ...)}), over the frame the scoring
 * pipeline hands its steps: every posts column plus {@value #CLASSIFIER_CATEGORY},
 * {@value #CLASSIFIER_CONFIDENCE}, {@value #CLASSIFIER_NEEDS_REVIEW}, {@value #PROBABILITIES} (array
 * of 11 doubles) and {@value #EVIDENCE} (array of {@link EvidenceSchema#STRUCT}).
 *
 * <p>Contributors keep every row and every column, and add evidence only by appending to
 * {@value #EVIDENCE} (masked, as all detector evidence is). The fusion replaces {@code category},
 * {@code confidence}, {@code needs_review} and {@code evidence} by {@link FusionPolicy}'s decision
 * (plus one {@code fusion} evidence entry saying which rule decided). Wiring, with a
 * {@code ScoringContext ctx}:
 *
 * <pre>{@code
 * DetectorResources resources = DetectorResources.load(DetectSettings.of(ctx.config()));
 * ScoringDetectors.PerPost perPost = new ScoringDetectors.PerPost(resources);
 * ScoringDetectors.Campaigns campaigns = new ScoringDetectors.Campaigns(resources, log::info);
 * // EvidenceContributor adapters:
 * //   perPost.contribute(scored, ctx.registry())
 * //   campaigns.contribute(scored, ctx.registry(), ctx.runId(), ctx.scoredAt())
 * // Fusion adapter:
 * //   new ScoringDetectors.Fused(resources.settings().fusion()).fuse(scored)
 * // after writing post_violations:
 * //   new CoordinationClustersTable().replace(spark, warehouse, campaigns.result().clusters(), from, to);
 * //   campaigns.release();
 * }</pre>
 */
public final class ScoringDetectors {
  public static final String CLASSIFIER_CATEGORY = "classifier_category";
  public static final String CLASSIFIER_CONFIDENCE = "classifier_confidence";
  public static final String CLASSIFIER_NEEDS_REVIEW = "classifier_needs_review";
  public static final String PROBABILITIES = CampaignDetector.PROBABILITIES;
  public static final String EVIDENCE = "evidence";

  private ScoringDetectors() {}

  /** Appends an evidence array column (null counts as empty) to {@value #EVIDENCE}, then drops it. */
  static Dataset<Row> appendEvidence(Dataset<Row> frame, String column) {
    Column empty = array().cast(EvidenceSchema.ARRAY);
    Column existing = List.of(frame.columns()).contains(EVIDENCE) ? coalesce(col(EVIDENCE), empty) : empty;
    return frame.withColumn(EVIDENCE, concat(existing, coalesce(col(column).cast(EvidenceSchema.ARRAY), empty)))
        .drop(column);
  }

  /**
   * Personal data (category 3), impersonation (category 1), quotes cut out of context (category 5) and
   * allegations in suggestions (category 6, review-level), marketing that rides a disaster or scandal
   * (category 9, review-level) and trade secrets put out (category 3, review-level) for each post: an
   * {@code EvidenceContributor}. Contacts that official registry accounts publish in the scored
   * posts are no leaks (one small driver-side collect per call).
   */
  public static final class PerPost {
    private final DetectorResources resources;

    public PerPost(DetectorResources resources) {
      this.resources = resources;
    }

    public String name() {
      return "personal_data+impersonation+quote_context+suggestion+hot_event+trade_secret";
    }

    /** Same rows and columns; the per-post detectors' evidence appended to {@value #EVIDENCE}. */
    public Dataset<Row> contribute(Dataset<Row> scored, EnterpriseRegistry registry) {
      PostDetectors detectors = PostDetectors.of(resources, registry);
      Set<String> official = detectors.officialContacts(scored);
      Dataset<Row> out = detectors.withEvidence(scored, official);
      for (String column : PostDetectors.PER_POST_COLUMNS) {
        out = appendEvidence(out, column);
      }
      return out;
    }
  }

  /**
   * Coordinated campaigns (category 9): an {@code EvidenceContributor} that clusters the scored
   * posts (reading the classifier's decision from {@value #CLASSIFIER_CATEGORY} to judge negativity)
   * and appends {@code coordination/attack_cluster} evidence to the attack members. The clusters
   * (rows of {@code coordination_clusters}) stay available through {@link #result()} until
   * {@link #release()}.
   */
  public static final class Campaigns {
    private final DetectorResources resources;
    private final Consumer<String> progress;
    private final String categoryColumn;
    private CampaignDetector.Result result;

    public Campaigns(DetectorResources resources, Consumer<String> progress) {
      this(resources, progress, CLASSIFIER_CATEGORY);
    }

    /** @param categoryColumn the column holding the classifier's category (absent: stance lexicon only) */
    public Campaigns(DetectorResources resources, Consumer<String> progress, String categoryColumn) {
      this.resources = resources;
      this.progress = progress;
      this.categoryColumn = categoryColumn;
    }

    public String name() {
      return "coordination";
    }

    /** Same rows and columns; attack-cluster evidence appended to {@value #EVIDENCE} of member posts. */
    public Dataset<Row> contribute(Dataset<Row> scored, EnterpriseRegistry registry, String runId, Instant scoredAt) {
      release();
      result = CampaignDetector.of(resources, registry).detect(scored, categoryColumn, runId, scoredAt, progress);
      return appendEvidence(PostDetectors.withCampaignEvidence(scored, result.memberEvidence()),
          CampaignDetector.COLUMN);
    }

    /** The last run's clusters, member evidence and stage figures (null before the first run). */
    public CampaignDetector.Result result() {
      return result;
    }

    /** Unpersists the last run's cached frames. */
    public void release() {
      if (result != null) {
        result.release();
        result = null;
      }
    }
  }

  /**
   * A {@code Fusion}: the final {@code category}, {@code confidence}, {@code needs_review} and
   * {@code evidence} from the classifier's columns and the evidence (see {@link FusionPolicy} for the
   * rules). Frames without {@value #PROBABILITIES} are fused without probabilities.
   */
  public static final class Fused {
    private final FusionPolicy policy;

    public Fused(DetectSettings.Fusion settings) {
      this.policy = new FusionPolicy(settings);
    }

    public String name() {
      return "detectors";
    }

    public Dataset<Row> fuse(Dataset<Row> scored) {
      Set<String> cols = Set.of(scored.columns());
      for (String required : List.of(CLASSIFIER_CATEGORY, CLASSIFIER_CONFIDENCE, CLASSIFIER_NEEDS_REVIEW)) {
        if (!cols.contains(required)) {
          throw new IllegalArgumentException("fusion needs the column " + required + " (has " + cols + ")");
        }
      }
      Column probabilities = cols.contains(PROBABILITIES) ? col(PROBABILITIES)
          : org.apache.spark.sql.functions.lit(null).cast("array<double>");
      List<Column> evidence = cols.contains(EVIDENCE) ? List.of(col(EVIDENCE)) : List.of();
      return scored.withColumn("fused", policy.column(probabilities, col(CLASSIFIER_CATEGORY),
              col(CLASSIFIER_CONFIDENCE), col(CLASSIFIER_NEEDS_REVIEW), evidence))
          .withColumn("category", col("fused.category"))
          .withColumn("confidence", col("fused.confidence"))
          .withColumn("needs_review", col("fused.needs_review"))
          .withColumn(EVIDENCE, col("fused.evidence"))
          .drop("fused");
    }
  }
}
