package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  private static final String FILE = "outcry.jsonl";

  @Test
  void theSetIsCompleteAndEveryWaveIsLegitimate() throws IOException {
    Path dir = HoldoutSetChecks.locate("outcry");
    QinglangConfig config = ConfigLoader.load(null);
    List<HoldoutSetChecks.Post> posts = HoldoutSetChecks.readPosts(dir.resolve("posts").resolve(FILE));
    Map<String, HoldoutSetChecks.Label> labels = HoldoutSetChecks.readLabels(dir.resolve("labels.csv"));
    Map<String, HoldoutSetChecks.Meta> meta = HoldoutSetChecks.readMeta(dir.resolve("meta.csv"));
    assertEquals(60, posts.size());
    HoldoutSetChecks.assertLabelsCoverEveryPost(posts, labels, meta);
    HoldoutSetChecks.assertEveryRecordAccepted(FILE, posts, config);
    assertEquals(0, HoldoutSetChecks.checkClusters(FILE, posts, labels, meta, config), "no attack cluster");
    assertTrue(labels.values().stream().allMatch(l -> l.category() == 0), "every post is legitimate");
    Set<String> waves = meta.values().stream().map(HoldoutSetChecks.Meta::cluster).collect(Collectors.toSet());
    assertEquals(Set.of("PO1", "PO2", "PO3", "PO4", "PO5", "PO6", "PO7", "PO8", "FA1", "FA2"), waves);

    EnterpriseRegistry registry = EnterpriseRegistry.load(InputResource.file(dir.resolve("enterprises.csv")),
        config.platforms());
    Set<String> official = registry.officialAccounts();
    for (String fans : List.of("FA1", "FA2")) {
      assertTrue(posts.stream().filter(p -> meta.get(p.id()).cluster().equals(fans))
          .anyMatch(p -> official.contains(p.fields().get("platform") + ":" + p.fields().get("account_id"))),
          fans + ": announced by an official account of the registry");
    }
    HoldoutSetChecks.assertNamesAbsentFromOtherRegistries("outcry", HoldoutSetChecks.namesOf(registry), config);
  }
}
