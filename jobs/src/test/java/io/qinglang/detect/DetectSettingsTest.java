package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectSettingsTest {
  @Test
  void defaultsAreDocumentedValues() {
    DetectSettings s = DetectFixtures.SETTINGS;
    assertEquals(40, s.coordination().bands());
    assertEquals(4, s.coordination().rowsPerBand());
    assertEquals(160, s.coordination().numHashes());
    assertEquals(4, s.coordination().minAccounts());
    assertEquals(2, s.coordination().minPlatforms());
    assertEquals(24.0, s.coordination().windowHours());
    assertEquals(0.1, s.coordination().rewordedSimilarity());
    assertEquals(1000, s.coordination().rewordedMaxBlockPosts());
    assertEquals(6.0, s.coordination().burstWindowHours());
    assertEquals(0.1, s.coordination().burstEntry());
    assertEquals(0.2, s.coordination().burstMean());
    assertEquals(20000, s.coordination().burstMaxPosts());
    assertEquals(0.8, s.coordination().laterWindowShare());
    assertEquals(0.8, s.fusion().flagScore());
    assertEquals(20, s.quoteContext().window());
    assertEquals(6, s.quoteContext().minClaimChars());
    assertTrue(s.suggestions().enabled());
    assertTrue(s.hotEvents().enabled());
    assertEquals(30, s.suggestions().window());
    assertTrue(s.fusion().coordinationYieldsTo().contains(8));
    assertEquals(java.util.Set.of(4, 8), s.fusion().impersonationYieldsTo());
  }

  @Test
  void badValuesNameTheKey(@TempDir Path dir) throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.bands = 0")));
    assertTrue(e.getMessage().startsWith("qinglang.detect.coordination.bands: must be at least 1"), e.getMessage());
    ConfigException later = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.later-window-share = 1.5")));
    assertTrue(later.getMessage().startsWith("qinglang.detect.coordination.later-window-share"), later.getMessage());
    ConfigException f = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.fusion.review-score = 0.9")));
    assertTrue(f.getMessage().contains("must not exceed fusion.flag-score"), f.getMessage());
    ConfigException g = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.fusion.coordination-yields-to = [1, 11]")));
    assertTrue(g.getMessage().contains("'11' is not a category id"), g.getMessage());
    ConfigException y = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.fusion.impersonation-yields-to = [four]")));
    assertTrue(y.getMessage().startsWith("qinglang.detect.fusion.impersonation-yields-to"), y.getMessage());
    ConfigException q = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.quote-context.min-claim-chars = 1")));
    assertTrue(q.getMessage().startsWith("qinglang.detect.quote-context.min-claim-chars: must be at least 2"),
        q.getMessage());
    ConfigException r = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.reworded-similarity = 1.5")));
    assertTrue(r.getMessage().startsWith("qinglang.detect.coordination.reworded-similarity:"), r.getMessage());
    ConfigException b = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.reworded-max-block-posts = 1")));
    assertTrue(b.getMessage().startsWith("qinglang.detect.coordination.reworded-max-block-posts: must be at least 2"),
        b.getMessage());
    ConfigException bm = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.burst-mean = 1.5")));
    assertTrue(bm.getMessage().startsWith("qinglang.detect.coordination.burst-mean:"), bm.getMessage());
    ConfigException bp = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.coordination.burst-max-posts = 3")));
    assertTrue(bp.getMessage().startsWith("qinglang.detect.coordination.burst-max-posts: must be at least 4"),
        bp.getMessage());
    ConfigException w = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.suggestions.window = 0")));
    assertTrue(w.getMessage().startsWith("qinglang.detect.suggestions.window: must be at least 1"), w.getMessage());
    ConfigException o = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.suggestions.enabled = maybe")));
    assertTrue(o.getMessage().startsWith("qinglang.detect.suggestions.enabled"), o.getMessage());
    assertFalse(DetectSettings.of(TestConfigs.withOverrides(dir, "qinglang.detect.suggestions.enabled = false"))
        .suggestions().enabled());
    assertFalse(DetectSettings.of(TestConfigs.withOverrides(dir, "qinglang.detect.hot-events.enabled = false"))
        .hotEvents().enabled());
    ConfigException h = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.hot-events.enabled = sometimes")));
    assertTrue(h.getMessage().startsWith("qinglang.detect.hot-events.enabled"), h.getMessage());
  }

  @Test
  void lexiconsResolveNextToTheFileThatNamesThem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mine.txt"), "[negative]\n烂\n[positive]\n好\n[wrong]\nx\n");
    DetectSettings s = DetectSettings.of(TestConfigs.withOverrides(dir,
        "qinglang.detect.lexicons.campaigns = \"mine.txt\""));
    assertEquals(dir.resolve("mine.txt").toAbsolutePath().normalize(), s.lexicons().campaigns().localFile());
    ConfigException e = assertThrows(ConfigException.class, () -> DetectorResources.load(s));
    assertTrue(e.getMessage().contains("unknown section [wrong]"), e.getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> DetectSettings.of(
        TestConfigs.withOverrides(dir, "qinglang.detect.lexicons.stance-typo = \"x\"")));
    assertTrue(missing.getMessage().contains("unknown key"), missing.getMessage());
  }
}
