package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and validation of the classifier's decision settings that train reads. */
class ClassifierSettingsTest {
  @Test
  void defaultsAreTheShippedRecipe(@TempDir Path dir) {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertEquals(0.5, s.minNoneWeight(), 1e-12);
    assertEquals(2.0, s.hardNegativeWeight(), 1e-12);
    assertEquals(0.03, s.maxFalsePositiveRate(), 1e-12);
    assertEquals(1.0, s.maxCappedThreshold(), 1e-12, "the plain greedy cap");
    assertEquals(0.9, s.thresholdCeiling(), 1e-12, "thresholds the caps raised come back down to 0.9");
    assertEquals(java.util.Map.of(2, 0.55, 5, 0.55), s.categoryCeilings());
    double[] ceilings = s.ceilings();
    assertEquals(0.55, ceilings[2], 1e-12);
    assertEquals(0.55, ceilings[5], 1e-12);
    assertEquals(0.9, ceilings[6], 1e-12);
    assertEquals(0.9, ceilings[10], 1e-12);
  }

  @Test
  void categoryCeilingsAreReadAndChecked(@TempDir Path dir) throws Exception {
    String key = "qinglang.classifier.decision.category-ceilings";
    Path ok = Files.createDirectories(dir.resolve("a"));
    // A user's file adds to the shipped map (HOCON merges objects); 1 switches a category's ceiling off.
    ClassifierSettings more = ClassifierSettings.from(TestConfigs.withOverrides(ok, key + " { 5 = 1, 6 = 0.8 }"));
    assertEquals(java.util.Map.of(2, 0.55, 5, 1.0, 6, 0.8), more.categoryCeilings());
    assertEquals(1.0, more.ceilings()[5], 1e-12);
    assertEquals(0.8, more.ceilings()[6], 1e-12);
    assertEquals(0.9, more.ceilings()[7], 1e-12);
    for (String bad : new String[] {"{ 0 = 0.7 }", "{ 11 = 0.7 }", "{ 5 = 0.4 }", "{ five = 0.7 }", "{ 5 = x }"}) {
      Path d = Files.createDirectories(dir.resolve("b" + Math.abs(bad.hashCode())));
      ConfigException e = assertThrows(ConfigException.class,
          () -> ClassifierSettings.from(TestConfigs.withOverrides(d, key + " = " + bad)));
      assertTrue(e.getMessage().contains("category-ceilings"), bad + ": " + e.getMessage());
    }
  }

  @Test
  void theCapsCeilingIsReadAndChecked(@TempDir Path dir) throws Exception {
    String key = "qinglang.classifier.decision.max-capped-threshold";
    Path ok = Files.createDirectories(dir.resolve("a"));
    assertEquals(0.9, ClassifierSettings.from(TestConfigs.withOverrides(ok, key + " = 0.9")).maxCappedThreshold(),
        1e-12);
    for (String bad : new String[] {"1.5", "0.2"}) {
      Path d = Files.createDirectories(dir.resolve("b" + bad));
      ConfigException e = assertThrows(ConfigException.class,
          () -> ClassifierSettings.from(TestConfigs.withOverrides(d, key + " = " + bad)));
      assertTrue(e.getMessage().contains("max-capped-threshold"), e.getMessage());
    }
  }

  @Test
  void theThresholdCeilingIsReadAndChecked(@TempDir Path dir) throws Exception {
    String key = "qinglang.classifier.decision.threshold-ceiling";
    Path ok = Files.createDirectories(dir.resolve("a"));
    assertEquals(0.7, ClassifierSettings.from(TestConfigs.withOverrides(ok, key + " = 0.7")).thresholdCeiling(), 1e-12);
    for (String bad : new String[] {"1.01", "0.4"}) {
      Path d = Files.createDirectories(dir.resolve("b" + bad));
      ConfigException e = assertThrows(ConfigException.class,
          () -> ClassifierSettings.from(TestConfigs.withOverrides(d, key + " = " + bad)));
      assertTrue(e.getMessage().contains("threshold-ceiling"), e.getMessage());
    }
  }

  @Test
  void theHeadlineContrastLexiconNeedsEachKindAndNoOther(@TempDir Path dir) throws Exception {
    java.util.Map<String, java.util.List<String>> shipped =
        ClassifierSettings.from(TestConfigs.withWarehouse(dir.resolve("wh"))).headlineContrast();
    assertEquals(java.util.Set.of("alarm", "defuse", "debunk"), shipped.keySet());
    assertTrue(shipped.get("alarm").contains("倒闭") && shipped.get("debunk").contains("辟谣"), shipped.toString());
    String key = "qinglang.classifier.lexicons.headline-contrast";
    String[][] bad = {
        {"alarm\t倒闭\ndefuse\t合格\n", "has no 'debunk' words"},
        {"alarm\t倒闭\ndefuse\t合格\ndebunk\t辟谣\nhype\t震惊\n", "'hype' is not one of"}};
    for (int i = 0; i < bad.length; i++) {
      Path d = Files.createDirectories(dir.resolve("b" + i));
      Files.writeString(d.resolve("hc.txt"), bad[i][0]);
      ConfigException e = assertThrows(ConfigException.class,
          () -> ClassifierSettings.from(TestConfigs.withOverrides(d, key + " = \"hc.txt\"")));
      assertTrue(e.getMessage().contains(bad[i][1]) && e.getMessage().contains("hc.txt"), e.getMessage());
    }
  }
}
