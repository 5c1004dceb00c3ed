package io.qinglang.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.ingest.ArchiveRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The near-miss development sets, {@code jobs/corpus/nearmiss} (forty-third session) and {@code nearmiss2}
 * (forty-fourth): 240 legitimate posts each, each hard negative named after the violation category it resembles
 * ({@code near_N_...}), a minimum near each of the ten categories, the rest ordinary ({@code plain}); records that
 * ingest cleanly on every platform and content type, and names no other set uses.
 */
class NearmissSetTest {
  private static final Pattern NEAR = Pattern.compile("near_(\\d+)_[a-z0-9_]+");

  @ParameterizedTest
  @CsvSource({"nearmiss, 240, 10", "nearmiss2, 240, 5"})
  void everyPostIsLegitimateAndEveryCategoryHasItsNearMisses(String name, int posts, int minNear) throws IOException {
    HoldoutSetChecks.DevelopmentSet set = HoldoutSetChecks.checkDevelopmentSet(name, posts);
    assertEquals(0, set.attackClusters(), "no attack cluster");
    assertTrue(set.labels().values().stream().allMatch(l -> l.category() == 0), "every post is legitimate");

    Map<Integer, Integer> nearPerCategory = new TreeMap<>();
    int ordinary = 0;
    for (Map.Entry<String, HoldoutSetChecks.Meta> e : set.meta().entrySet()) {
      HoldoutSetChecks.Meta m = e.getValue();
      assertTrue(m.cluster().isEmpty(), e.getKey() + ": no post belongs to a cluster");
      assertFalse(m.style().isBlank(), e.getKey() + ": no style");
      Matcher near = NEAR.matcher(m.subtype());
      if (m.kind().equals("ordinary")) {
        assertEquals("plain", m.subtype(), e.getKey() + ": an ordinary post's subtype is plain");
        ordinary++;
      } else {
        assertEquals("hard_negative", m.kind(), e.getKey() + ": kind");
        assertTrue(near.matches(), e.getKey() + ": a hard negative's subtype names its category: " + m.subtype());
        int category = Integer.parseInt(near.group(1));
        assertTrue(category >= 1 && category <= 10, e.getKey() + ": near category " + category);
        nearPerCategory.merge(category, 1, Integer::sum);
      }
    }
    for (int c = 1; c <= 10; c++) {
      assertTrue(nearPerCategory.getOrDefault(c, 0) >= minNear, "near misses of category " + c + ": " + nearPerCategory);
    }
    assertTrue(ordinary >= 40, "ordinary posts: " + ordinary);

    List<ArchiveRecord> records = HoldoutSetChecks.assertEveryRecordAccepted(set.file(), set.posts(), set.config());
    assertEquals(12, records.stream().map(ArchiveRecord::platform).distinct().count(), "every platform is used");
    Set<String> types = records.stream().map(ArchiveRecord::contentType).collect(Collectors.toSet());
    assertEquals(Set.of("post", "comment", "article", "video", "account", "app", "search_suggestion"), types);
    for (ArchiveRecord r : records) {
      if (r.contentType().equals("search_suggestion")) {
        assertEquals("system", r.accountId(), r.postId() + ": a suggestion is shown by the system");
      }
    }
  }
}
