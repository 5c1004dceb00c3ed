package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The long-form campaign development set, {@code jobs/corpus/devlong} (twenty-eighth session): complete
 * labels, records that ingest cleanly, five attacks and five complaint waves that keep the clusters' rules,
 * and a registry whose names no held-out set or the gold set uses. Its counts are its own, not a held-out
 * set's, so it shares the checks of {@link HoldoutSetChecks} that fit any labelled set.
 */
class DevlongSetTest {
  @Test
  void theSetIsCompleteAndItsClustersKeepTheRules() throws IOException {
    HoldoutSetChecks.DevelopmentSet set = HoldoutSetChecks.checkDevelopmentSet("devlong", 75);
    assertEquals(5, set.attackClusters(), "attack clusters");
    long waves = set.meta().values().stream().map(HoldoutSetChecks.Meta::cluster).filter(c -> c.startsWith("DW"))
        .distinct().count();
    assertEquals(5, waves, "honest complaint waves");
    assertTrue(set.meta().entrySet().stream().filter(e -> e.getValue().cluster().startsWith("DW"))
        .allMatch(e -> set.labels().get(e.getKey()).category() == 0), "complaint waves are legitimate");
  }
}
