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
    assertEquals(0.5, s.coordination().burstShare());
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
    assertEquals(java.util.Set.of(1, 5), s.fusion().officialAccountWithholds());
  }

  @Test
  void badValuesNameTheKey(@TempDir Path dir) throws Exception {
    assertRejected(dir, "qinglang.detect.coordination.bands = 0",
        "qinglang.detect.coordination.bands: must be at least 1");
    assertRejected(dir, "qinglang.detect.coordination.later-window-share = 1.5",
        "qinglang.detect.coordination.later-window-share");
    String review = rejection(dir, "qinglang.detect.fusion.review-score = 0.9");
    assertTrue(review.contains("must not exceed fusion.flag-score"), review);
    String category = rejection(dir, "qinglang.detect.fusion.coordination-yields-to = [1, 11]");
    assertTrue(category.contains("'11' is not a category id"), category);
    assertRejected(dir, "qinglang.detect.fusion.impersonation-yields-to = [four]",
        "qinglang.detect.fusion.impersonation-yields-to");
    assertRejected(dir, "qinglang.detect.fusion.official-account-withholds = [11]",
        "qinglang.detect.fusion.official-account-withholds");
    assertRejected(dir, "qinglang.detect.quote-context.min-claim-chars = 1",
        "qinglang.detect.quote-context.min-claim-chars: must be at least 2");
    assertRejected(dir, "qinglang.detect.coordination.reworded-similarity = 1.5",
        "qinglang.detect.coordination.reworded-similarity:");
    assertRejected(dir, "qinglang.detect.coordination.reworded-max-block-posts = 1",
        "qinglang.detect.coordination.reworded-max-block-posts: must be at least 2");
    assertRejected(dir, "qinglang.detect.coordination.burst-mean = 1.5", "qinglang.detect.coordination.burst-mean:");
    assertRejected(dir, "qinglang.detect.coordination.burst-share = -0.1", "qinglang.detect.coordination.burst-share:");
    assertRejected(dir, "qinglang.detect.coordination.burst-max-posts = 3",
        "qinglang.detect.coordination.burst-max-posts: must be at least 4");
    assertRejected(dir, "qinglang.detect.suggestions.window = 0",
        "qinglang.detect.suggestions.window: must be at least 1");
    assertRejected(dir, "qinglang.detect.suggestions.enabled = maybe", "qinglang.detect.suggestions.enabled");
    assertFalse(DetectSettings.of(TestConfigs.withOverrides(dir, "qinglang.detect.suggestions.enabled = false"))
        .suggestions().enabled());
    assertFalse(DetectSettings.of(TestConfigs.withOverrides(dir, "qinglang.detect.hot-events.enabled = false"))
        .hotEvents().enabled());
    assertRejected(dir, "qinglang.detect.hot-events.enabled = sometimes", "qinglang.detect.hot-events.enabled");
    assertFalse(DetectSettings.of(TestConfigs.withOverrides(dir, "qinglang.detect.trade-secrets.enabled = false"))
        .tradeSecrets().enabled());
    assertRejected(dir, "qinglang.detect.trade-secrets.enabled = often", "qinglang.detect.trade-secrets.enabled");
  }

  /** The message DetectSettings rejects a configuration file holding {@code override} with. */
  private static String rejection(Path dir, String override) {
    return assertThrows(ConfigException.class, () -> DetectSettings.of(TestConfigs.withOverrides(dir, override)),
        override).getMessage();
  }

  private static void assertRejected(Path dir, String override, String messageStart) {
    String message = rejection(dir, override);
    assertTrue(message.startsWith(messageStart), message);
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
