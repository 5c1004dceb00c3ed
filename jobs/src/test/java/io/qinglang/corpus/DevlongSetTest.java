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
import org.junit.jupiter.api.Test;

/**
 * The long-form campaign development set, {@code jobs/corpus/devlong} (twenty-eighth session): complete
 * labels, records that ingest cleanly, five attacks and five complaint waves that keep the clusters' rules,
 * and a registry whose names no held-out set or the gold set uses. Its counts are its own, not a held-out
 * set's, so it shares the checks of {@link HoldoutSetChecks} that fit any labelled set.
 */
class DevlongSetTest {
  private static final String FILE = "devlong.jsonl";

  @Test
  void theSetIsCompleteAndItsClustersKeepTheRules() throws IOException {
    Path dir = HoldoutSetChecks.locate("devlong");
    QinglangConfig config = ConfigLoader.load(null);
    List<HoldoutSetChecks.Post> posts = HoldoutSetChecks.readPosts(dir.resolve("posts").resolve(FILE));
    Map<String, HoldoutSetChecks.Label> labels = HoldoutSetChecks.readLabels(dir.resolve("labels.csv"));
    Map<String, HoldoutSetChecks.Meta> meta = HoldoutSetChecks.readMeta(dir.resolve("meta.csv"));
    assertEquals(75, posts.size());
    HoldoutSetChecks.assertLabelsCoverEveryPost(posts, labels, meta);

    HoldoutSetChecks.assertEveryRecordAccepted(FILE, posts, config);
    assertEquals(5, HoldoutSetChecks.checkClusters(FILE, posts, labels, meta, config), "attack clusters");
    long waves = meta.values().stream().map(HoldoutSetChecks.Meta::cluster).filter(c -> c.startsWith("DW"))
        .distinct().count();
    assertEquals(5, waves, "honest complaint waves");
    assertTrue(meta.entrySet().stream().filter(e -> e.getValue().cluster().startsWith("DW"))
        .allMatch(e -> labels.get(e.getKey()).category() == 0), "complaint waves are legitimate");

    EnterpriseRegistry registry = EnterpriseRegistry.load(InputResource.file(dir.resolve("enterprises.csv")),
        config.platforms());
    HoldoutSetChecks.assertNamesAbsentFromOtherRegistries("devlong", HoldoutSetChecks.namesOf(registry), config);
  }
}
