package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public-outcry development set, {@code jobs/corpus/outcry} (thirty-sixth session): complete labels,
 * records that ingest cleanly, eight outcry waves and two fan waves, all legitimate, each wave from distinct
 * accounts within a day, the fans' announcements posted by an official account of the registry, and names
 * no other set uses.
 */
class OutcrySetTest {
  @Test
  void theSetIsCompleteAndEveryWaveIsLegitimate() throws IOException {
    HoldoutSetChecks.DevelopmentSet set = HoldoutSetChecks.checkDevelopmentSet("outcry", 60);
    assertEquals(0, set.attackClusters(), "no attack cluster");
    assertTrue(set.labels().values().stream().allMatch(l -> l.category() == 0), "every post is legitimate");
    Set<String> waves = set.meta().values().stream().map(HoldoutSetChecks.Meta::cluster).collect(Collectors.toSet());
    assertEquals(Set.of("PO1", "PO2", "PO3", "PO4", "PO5", "PO6", "PO7", "PO8", "FA1", "FA2"), waves);

    Set<String> official = set.registry().officialAccounts();
    for (String fans : List.of("FA1", "FA2")) {
      assertTrue(set.posts().stream().filter(p -> set.meta().get(p.id()).cluster().equals(fans))
          .anyMatch(p -> official.contains(p.fields().get("platform") + ":" + p.fields().get("account_id"))),
          fans + ": announced by an official account of the registry");
    }
  }
}
