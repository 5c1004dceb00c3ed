package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorpusTest {
  @Test
  void defaultsReadAndValidated(@TempDir Path dir) throws Exception {
    TrainingCorpus.Settings s = TrainingCorpus.Settings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertTrue(s.corpusDir().endsWith("corpus/training"), s.corpusDir());
    assertEquals(20000, s.maxGeneratedPosts());
    assertNull(s.realText());

    Path real = Files.createDirectory(dir.resolve("real"));
    TrainingCorpus.Settings withReal = TrainingCorpus.Settings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.training { real-text = \"" + real + "\", max-generated-posts = 0 }"));
    assertEquals(real.toString(), withReal.realText());
    assertEquals(0, withReal.maxGeneratedPosts());

    ConfigException e = assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.real-text = \"" + dir.resolve("nope") + "\"")));
    assertTrue(e.getMessage().contains("qinglang.classifier.training.real-text"), e.getMessage());
    assertThrows(ConfigException.class, () -> s.withRealText(dir.resolve("nope").toString()));
    assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.max-generated-posts = -1")));
  }

  @Test
  void goldSetIsBundled(@TempDir Path dir) {
    assertTrue(TrainingCorpus.hasGold());
    String gold = TrainingCorpus.goldDir(dir);
    assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(gold)).resolve("labels.csv")));
  }
}
