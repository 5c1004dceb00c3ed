package io.qinglang.score;

import io.qinglang.detect.DetectSettings;
import io.qinglang.detect.DetectorResources;
import io.qinglang.detect.PostDetectors;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The per-post detectors (personal data, impersonation) as a scoring step: adds their evidence
 * columns ({@link PostDetectors#EVIDENCE_COLUMNS}) for {@link DetectorFusion} to merge.
 */
public final class DetectorEvidence implements EvidenceContributor {
  @Override
  public String name() {
    return "personal data and impersonation detectors";
  }

  @Override
  public Dataset<Row> contribute(Dataset<Row> scored, ScoringContext context) {
    DetectorResources resources = DetectorResources.load(DetectSettings.of(context.config()));
    PostDetectors detectors = PostDetectors.of(resources, context.registry());
    // Contacts that official accounts publish themselves are not leaks (collected on the driver once).
    Set<String> officialContacts = detectors.officialContacts(scored);
    return detectors.withEvidence(scored, officialContacts);
  }
}
