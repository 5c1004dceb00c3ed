package io.qinglang.score;

import io.qinglang.detect.CampaignDetector;
import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.DetectorResources;
import io.qinglang.detect.PostDetectors;
import io.qinglang.spark.Checkpoints;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Coordinated cross-platform campaigns as a scoring step. The detector needs every post of the
 * scope at once (it clusters them), and it judges negativity from the classifier's category, so the
 * classified posts are materialised once before it runs and reused for the final write. The clusters
 * it found are kept for the score job to write to {@code coordination_clusters}.
 *
 * <p>The classified posts are a local checkpoint rather than a cached frame: the frames built on them
 * (the campaign stages, then the financial model, the fusion and the output columns) then start from
 * a leaf instead of the classifier's whole plan, which Spark's driver otherwise analysed and optimised
 * again for every step (most of score's fixed cost). The price is Spark's (see {@link Checkpoints}):
 * if an executor holding part of them is lost, score fails instead of recomputing; it is idempotent,
 * so it can simply be run again.
 */
public final class CampaignEvidence implements EvidenceContributor {
  private static final Logger LOG = LogManager.getLogger(CampaignEvidence.class);

  private Dataset<Row> cachedInput;
  private CampaignDetector.Result result;

  @Override
  public String name() {
    return "coordinated campaigns";
  }

  @Override
  public Dataset<Row> contribute(Dataset<Row> scored, ScoringContext context) {
    release();
    cachedInput = Checkpoints.local(scored);
    DetectorResources resources = DetectorResources.load(DetectSettings.of(context.config()));
    result = CampaignDetector.of(resources, context.registry()).detect(cachedInput,
        ScoringPipeline.CLASSIFIER_CATEGORY, context.runId(), context.scoredAt(),
        line -> LOG.info("campaigns: {}", line));
    return PostDetectors.withCampaignEvidence(cachedInput, result.memberEvidence());
  }

  /** The clusters of the last {@link #contribute} call (columns of coordination_clusters). */
  public Optional<Dataset<Row>> clusters() {
    return result == null ? Optional.empty() : Optional.of(result.clusters());
  }

  /** Counts of the last run (clusters, attack_clusters, attack_posts, ...). */
  public java.util.Map<String, Long> counts() {
    return result == null ? java.util.Map.of() : result.counts();
  }

  @Override
  public void release() {
    if (result != null) {
      result.release();
      result = null;
    }
    if (cachedInput != null) {
      Checkpoints.release(cachedInput);
      cachedInput = null;
    }
  }
}
