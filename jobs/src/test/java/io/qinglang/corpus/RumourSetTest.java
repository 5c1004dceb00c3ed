package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.ingest.ArchiveRecord;
import io.qinglang.registry.Enterprise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rumour-worry development set, {@code jobs/corpus/rumour} (thirty-seventh session): complete labels,
 * records that ingest cleanly, names no other set uses, and eight waves of ordinary people repeating or asking
 * about an unconfirmed claim, all legitimate, each from six accounts on at least four platforms within five
 * hours, every post naming the wave's enterprise, none from an official account of the registry.
 */
class RumourSetTest {
  private static final long FIVE_HOURS_MS = 5 * 3_600_000L;

  @Test
  void theSetIsCompleteAndEveryRumourWaveIsLegitimate() throws IOException {
    HoldoutSetChecks.DevelopmentSet set = HoldoutSetChecks.checkDevelopmentSet("rumour", 54);
    assertEquals(0, set.attackClusters(), "no attack cluster");
    assertTrue(set.labels().values().stream().allMatch(l -> l.category() == 0), "every post is legitimate");
    Set<String> waves = set.meta().values().stream().map(HoldoutSetChecks.Meta::cluster)
        .filter(c -> !c.isEmpty()).collect(Collectors.toSet());
    assertEquals(Set.of("RW1", "RW2", "RW3", "RW4", "RW5", "RW6", "RW7", "RW8"), waves);

    List<ArchiveRecord> records = HoldoutSetChecks.assertEveryRecordAccepted(set.file(), set.posts(), set.config());
    Map<String, List<Integer>> byWave = new TreeMap<>();
    for (int i = 0; i < set.posts().size(); i++) {
      HoldoutSetChecks.Post p = set.posts().get(i);
      HoldoutSetChecks.Meta m = set.meta().get(p.id());
      ArchiveRecord r = records.get(i);
      assertFalse(set.registry().isOfficialAccount(r.platform(), r.accountId()),
          p.id() + ": posted by an official account of the registry");
      if (m.cluster().isEmpty()) {
        assertEquals("ordinary", m.kind(), p.id() + ": a post outside the waves is ordinary");
      } else {
        assertEquals("hard_negative", m.kind(), p.id() + ": a wave post is a hard negative");
        assertEquals("rumour_worry", m.subtype(), p.id() + ": subtype");
        byWave.computeIfAbsent(m.cluster(), k -> new ArrayList<>()).add(i);
      }
    }

    for (Map.Entry<String, List<Integer>> e : byWave.entrySet()) {
      String wave = e.getKey();
      List<HoldoutSetChecks.Post> posts = e.getValue().stream().map(set.posts()::get).toList();
      List<ArchiveRecord> waveRecords = e.getValue().stream().map(records::get).toList();
      assertEquals(6, posts.size(), wave + ": posts");
      assertEquals(6, waveRecords.stream().map(ArchiveRecord::accountId).distinct().count(),
          wave + ": every post from its own account");
      long platforms = waveRecords.stream().map(ArchiveRecord::platform).distinct().count();
      assertTrue(platforms >= 4, wave + ": " + platforms + " platforms, at least 4 needed");
      long first = waveRecords.stream().mapToLong(r -> r.publishedAt().toEpochMilli()).min().orElseThrow();
      long last = waveRecords.stream().mapToLong(r -> r.publishedAt().toEpochMilli()).max().orElseThrow();
      assertTrue(last - first <= FIVE_HOURS_MS, wave + ": first to last post in more than five hours");

      Set<String> enterpriseIds = posts.stream().map(p -> set.meta().get(p.id()).enterprises())
          .collect(Collectors.toSet());
      assertEquals(1, enterpriseIds.size(), wave + ": one enterprise per wave, got " + enterpriseIds);
      String enterpriseId = enterpriseIds.iterator().next();
      Enterprise enterprise = set.registry().get(enterpriseId);
      assertNotNull(enterprise, wave + ": enterprise " + enterpriseId + " is not in the registry");
      List<String> names = enterprise.allNames();
      for (HoldoutSetChecks.Post p : posts) {
        String text = p.text("title") + "\n" + p.text("content");
        assertTrue(names.stream().anyMatch(text::contains),
            p.id() + ": names none of " + enterpriseId + "'s names, short names or brands " + names);
      }
    }
  }
}
