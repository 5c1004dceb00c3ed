package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.generate.RealText;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.qinglang.registry.EnterpriseRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorpusTest {
  @Test
  void defaultsReadAndValidated(@TempDir Path dir) throws Exception {
    TrainingCorpus.Settings s = TrainingCorpus.Settings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertTrue(s.corpusDir().endsWith("corpus/training"), s.corpusDir());
    assertEquals(10000, s.maxGeneratedPosts());
    assertEquals(6.0, s.goldWeight());
    // "auto": the nearest shared/data beside the repository or up to two of its parent folders, else the bundled text.
    Path auto = TrainingCorpus.autoRealText(Path.of(System.getProperty("qinglang.home", ".")));
    assertEquals(auto == null ? RealText.BUNDLED : auto.toString(), s.realText());
    assertEquals(RealText.BUNDLED, TrainingCorpus.Settings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.training.real-text = bundled")).realText());
    assertEquals(RealText.BUNDLED, s.withRealText(RealText.BUNDLED).realText());
    assertNull(TrainingCorpus.Settings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.training.real-text = \"\"")).realText());

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
    ConfigException weight = assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.gold-weight = 0")));
    assertTrue(weight.getMessage().contains("qinglang.classifier.training.gold-weight"), weight.getMessage());
  }

  @Test
  void autoFindsTheSharedCorporaNextToTheRepository(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("work/repo"));
    assertNull(TrainingCorpus.autoRealText(repo), "no ../shared/data");
    Path shared = Files.createDirectories(dir.resolve("work/shared/data"));
    Files.writeString(shared.resolve("README.md"), "not a corpus");
    assertNull(TrainingCorpus.autoRealText(repo), "a directory without any known corpus");
    Files.writeString(shared.resolve("waimai_10k_reviews.csv"), "label,review\n1,很好吃\n");
    assertEquals(shared, TrainingCorpus.autoRealText(repo));
  }

  @Test
  void autoLooksAFewFoldersUpAndTakesTheNearestCorpora(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("work/teams/qinglang/repo"));
    Path far = Files.createDirectories(dir.resolve("work/shared/data"));
    Files.writeString(far.resolve("waimai_10k_reviews.csv"), "label,review\n1,很好吃\n");
    assertEquals(far, TrainingCorpus.autoRealText(repo), "three levels up");
    assertNull(TrainingCorpus.autoRealText(Files.createDirectories(repo.resolve("one/deeper"))), "beyond three levels up");
    Path near = Files.createDirectories(dir.resolve("work/teams/shared/data"));
    Files.writeString(near.resolve("waimai_10k_reviews.csv"), "label,review\n0,太慢了\n");
    assertEquals(near, TrainingCorpus.autoRealText(repo), "the nearest wins");
  }

  @Test
  void goldSetIsBundled(@TempDir Path dir) {
    assertTrue(TrainingCorpus.hasGold());
    String gold = TrainingCorpus.goldDir(dir);
    assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(gold)).resolve("labels.csv")));
  }

  @Test
  void labelledDirectoriesAddTheirInventedEnterprisesToTheTrainingRegistry(@TempDir Path dir) throws Exception {
    var config = TestConfigs.withWarehouse(dir.resolve("wh"));
    EnterpriseRegistry base = EnterpriseRegistry.load(config);
    String header = String.join(",", EnterpriseRegistry.HEADER);
    Path withNames = Files.createDirectory(dir.resolve("a"));
    Files.writeString(withNames.resolve("enterprises.csv"),
        header + "\nX01,青苔饮料有限公司,青苔饮料,苔苔茶,private,饮料,浙江,\n");
    Path headerOnly = Files.createDirectory(dir.resolve("b"));
    Files.writeString(headerOnly.resolve("enterprises.csv"), header + "\n");
    Path none = Files.createDirectory(dir.resolve("c"));
    List<String> messages = new ArrayList<>();

    EnterpriseRegistry training = TrainingCorpus.trainingRegistry(base,
        List.of(withNames.toUri().toString(), headerOnly.toString(), none.toString()), config.platforms(),
        messages::add);
    assertEquals(base.size() + 1, training.size());
    assertEquals(List.of("X01"), training.namesToIds().get("苔苔茶"));
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("1 enterprises added"), messages.toString());
    // The bundled gold set lists its invented enterprises next to its posts.
    assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(TrainingCorpus.goldDir(dir))).resolve("enterprises.csv")));
  }

  @Test
  void retiredHeldOutSetsAreReadFromTheJarAndValidated(@TempDir Path dir) throws Exception {
    TrainingCorpus.Settings s = TrainingCorpus.Settings.from(TestConfigs.withWarehouse(dir.resolve("wh")));
    assertEquals(12, s.retiredSets().size(), s.retiredSets().toString());
    assertTrue(s.retiredSets().contains("holdout") && s.retiredSets().contains("holdout12"), s.retiredSets().toString());
    assertFalse(s.retiredSets().contains("holdout13") || s.retiredSets().contains("holdout14")
        || s.retiredSets().contains("holdout15") || s.retiredSets().contains("holdout16")
        || s.retiredSets().contains("holdout17"), "the judges and the untouched sets stay out");
    assertTrue(TrainingCorpus.isBundledSet("holdout13"));
    assertFalse(TrainingCorpus.isBundledSet("../gold"));

    Path local = Path.of(java.net.URI.create(TrainingCorpus.bundledSetDir("holdout7", dir)));
    for (String file : List.of("labels.csv", "meta.csv", "enterprises.csv", "posts/holdout7.jsonl")) {
      Path copy = local.resolve(file);
      assertTrue(Files.isRegularFile(copy), copy.toString());
      assertEquals(-1L, Files.mismatch(copy, Path.of("corpus/holdout7").resolve(file)), file + " is the set's own");
    }

    assertTrue(TrainingCorpus.Settings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.training.retired-sets = []")).retiredSets().isEmpty());
    ConfigException unknown = assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.retired-sets = [holdout, nosuchset]")));
    assertTrue(unknown.getMessage().contains("retired-sets") && unknown.getMessage().contains("nosuchset"),
        unknown.getMessage());
    ConfigException twice = assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.retired-sets = [holdout2, holdout2]")));
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    assertThrows(ConfigException.class, () -> TrainingCorpus.Settings.from(
        TestConfigs.withOverrides(dir, "qinglang.classifier.training.retired-sets = holdout2")));
  }

  @Test
  void evaluateKnowsWhenTheModelTrainedOnTheSet() {
    var hadoop = new org.apache.hadoop.conf.Configuration();
    java.util.Map<String, Object> metadata = java.util.Map.of(TrainingCorpus.RETIRED_SETS_KEY, List.of("holdout", "holdout7"));
    assertEquals(java.util.Optional.of("holdout7"), TrainingCorpus.trainedOn(metadata, "corpus/holdout7", hadoop));
    assertEquals(java.util.Optional.empty(), TrainingCorpus.trainedOn(metadata, "corpus/holdout13", hadoop));
    assertEquals(java.util.Optional.empty(), TrainingCorpus.trainedOn(java.util.Map.of(), "corpus/holdout7", hadoop),
        "a model from before retired sets");
  }
}
