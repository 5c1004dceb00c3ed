package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class ValidationSplitTest {
  private static final StructType SCHEMA = new StructType()
      .add("platform", DataTypes.StringType)
      .add("post_id", DataTypes.StringType)
      .add(LabeledData.GROUP, DataTypes.StringType)
      .add(ClassifierPipeline.LABEL, DataTypes.DoubleType);

  /**
   * Category 1: two kinds of 100 posts and six of 5; category 2: one kind of 100 posts; category 0 the
   * same kinds as category 1 (legit-*).
   */
  private static Dataset<Row> posts(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> sizes = new TreeMap<>(Map.of("kind:big-a", 100, "kind:big-b", 100, "kind:only", 100));
    for (int g = 0; g < 6; g++) {
      sizes.put("kind:small-" + g, 5);
    }
    sizes.forEach((group, n) -> {
      for (int i = 0; i < n; i++) {
        rows.add(RowFactory.create("weibo", group + "-" + i, group, group.equals("kind:only") ? 2.0 : 1.0));
        if (!group.equals("kind:only")) {
          rows.add(RowFactory.create("weibo", "legit-" + group + "-" + i, "legit-" + group, 0.0));
        }
      }
    });
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Whether one of the two large groups with this prefix is held out (exactly one can be). */
  private static boolean oneLargeGroupHeldOut(Map<String, Set<Boolean>> sides, String prefix) {
    boolean a = sides.get(prefix + "kind:big-a").contains(true);
    boolean b = sides.get(prefix + "kind:big-b").contains(true);
    return a ^ b;
  }

  private static Map<String, Set<Boolean>> sides(Dataset<Row> flagged) {
    Map<String, Set<Boolean>> sides = new TreeMap<>();
    for (Row r : flagged.select(LabeledData.GROUP, ClassifierTrainer.FOLD).collectAsList()) {
      sides.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getInt(1) == 0);
    }
    return sides;
  }

  /** The folds each group's posts fall in. */
  private static Map<String, Set<Integer>> folds(Dataset<Row> withFolds) {
    Map<String, Set<Integer>> folds = new TreeMap<>();
    for (Row r : withFolds.select(LabeledData.GROUP, ClassifierTrainer.FOLD).collectAsList()) {
      folds.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getInt(1));
    }
    return folds;
  }

  @Test
  void groupsAboveTheLimitStayInTraining(SparkSession spark, @TempDir Path dir) throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.validation-max-group-posts = 60\nqinglang.classifier.threshold-folds = 0\n"
            + "qinglang.classifier.validation-spread-legitimate-group-posts = 0"));
    Map<String, Set<Boolean>> sides = sides(ClassifierTrainer.withFolds(posts(spark), s));
    sides.values().forEach(v -> assertEquals(1, v.size(), "a group is split: " + sides));
    assertEquals(Set.of(false), sides.get("kind:big-a"));
    assertEquals(Set.of(false), sides.get("kind:big-b"));
    // The category's 20% quota (46 posts) comes from the small kinds alone: all six of them.
    for (int g = 0; g < 6; g++) {
      assertEquals(Set.of(true), sides.get("kind:small-" + g), sides.toString());
    }
    // A category with nothing but a large group keeps it in training (its only group).
    assertEquals(Set.of(false), sides.get("kind:only"));
    // Legitimate kinds of any size may be held out: 46 posts need one of the large ones.
    assertTrue(oneLargeGroupHeldOut(sides, "legit-"), sides.toString());
  }

  @Test
  void withoutALimitALargeGroupFillsTheQuota(SparkSession spark, @TempDir Path dir) throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.validation-max-group-posts = 0\nqinglang.classifier.threshold-folds = 0\n"
            + "qinglang.classifier.validation-spread-legitimate-group-posts = 0"));
    Map<String, Set<Boolean>> sides = sides(ClassifierTrainer.withFolds(posts(spark), s));
    // 46 posts cannot be reached before one of the two large kinds, and only one group can be last.
    assertTrue(oneLargeGroupHeldOut(sides, ""), sides.toString());
    assertTrue(oneLargeGroupHeldOut(sides, "legit-"), sides.toString());
  }

  @Test
  void foldsHoldEachEligibleGroupOnceAndShareACategoryEvenly(SparkSession spark, @TempDir Path dir)
      throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.threshold-folds = 3\nqinglang.classifier.validation-max-group-posts = 60\n"
            + "qinglang.classifier.validation-spread-legitimate-group-posts = 0"));
    Map<String, Set<Integer>> folds = folds(ClassifierTrainer.withFolds(posts(spark), s));
    folds.values().forEach(v -> assertEquals(1, v.size(), "a group is split: " + folds));
    // Large groups of a category with small ones, and a category's only group, are always trained on.
    assertEquals(Set.of(-1), folds.get("kind:big-a"));
    assertEquals(Set.of(-1), folds.get("kind:big-b"));
    assertEquals(Set.of(-1), folds.get("kind:only"));
    // The six small kinds of 5 posts: two per fold.
    int[] perFold = new int[3];
    for (int g = 0; g < 6; g++) {
      perFold[folds.get("kind:small-" + g).iterator().next()]++;
    }
    assertArrayEquals(new int[] {2, 2, 2}, perFold, folds.toString());
    // Legitimate kinds of any size are held out, all but the last in hash order: seven of eight.
    long legitHeldOut = folds.entrySet().stream()
        .filter(e -> e.getKey().startsWith("legit-") && !e.getValue().contains(-1)).count();
    assertEquals(7, legitHeldOut, folds.toString());
    Set<Integer> legitFolds = new TreeSet<>();
    folds.forEach((group, f) -> {
      if (group.startsWith("legit-")) {
        legitFolds.addAll(f);
      }
    });
    // Each group goes to the fold holding the fewest of its category's posts so far: no fold is left without.
    assertTrue(legitFolds.containsAll(Set.of(0, 1, 2)), folds.toString());
  }

  @Test
  void largeLegitimateGroupsAreSpreadOverTheFoldsPostByPost(SparkSession spark, @TempDir Path dir)
      throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.threshold-folds = 3\nqinglang.classifier.validation-max-group-posts = 60\n"
            + "qinglang.classifier.validation-spread-legitimate-group-posts = 60"));
    Map<String, Set<Integer>> folds = folds(ClassifierTrainer.withFolds(posts(spark), s));
    // The two legitimate kinds of 100 posts have posts in every fold and none trained on by all models.
    assertEquals(Set.of(0, 1, 2), folds.get("legit-kind:big-a"), folds.toString());
    assertEquals(Set.of(0, 1, 2), folds.get("legit-kind:big-b"), folds.toString());
    // Small legitimate kinds and every violation kind are still kept whole.
    for (int g = 0; g < 6; g++) {
      assertEquals(1, folds.get("legit-kind:small-" + g).size(), folds.toString());
      assertEquals(1, folds.get("kind:small-" + g).size(), folds.toString());
    }
    assertEquals(Set.of(-1), folds.get("kind:big-a"));
    assertEquals(Set.of(-1), folds.get("kind:only"));
  }

  @Test
  void postsWithoutAGroupAreSpreadOverTheFoldsByHash(SparkSession spark, @TempDir Path dir) throws Exception {
    ClassifierSettings s = ClassifierSettings.from(TestConfigs.withOverrides(dir,
        "qinglang.classifier.threshold-folds = 4"));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(RowFactory.create("weibo", "p" + i, null, (double) (i % 3)));
    }
    Map<Integer, Integer> sizes = new TreeMap<>();
    for (Row r : ClassifierTrainer.withFolds(spark.createDataFrame(rows, SCHEMA), s)
        .select(ClassifierTrainer.FOLD).collectAsList()) {
      sizes.merge(r.getInt(0), 1, Integer::sum);
    }
    assertEquals(Set.of(0, 1, 2, 3), sizes.keySet());
    sizes.values().forEach(n -> assertTrue(n > 60 && n < 140, sizes.toString()));
  }

  @Test
  void oneFoldIsNotAChoice(@TempDir Path dir) {
    org.junit.jupiter.api.Assertions.assertThrows(io.qinglang.config.ConfigException.class,
        () -> ClassifierSettings.from(TestConfigs.withOverrides(dir, "qinglang.classifier.threshold-folds = 1")));
  }

  private static double[] probabilities(int category, double p) {
    double[] out = new double[Metrics.CLASSES];
    java.util.Arrays.fill(out, (1 - p) / (Metrics.CLASSES - 1));
    out[category] = p;
    return out;
  }

  @Test
  void groupResultsCountTheDecisionPerHeldOutGroupWorstFirst() {
    double[][] p = {probabilities(9, 0.9), probabilities(9, 0.4), probabilities(0, 0.9), probabilities(0, 0.9),
        probabilities(2, 0.8), probabilities(1, 0.9), probabilities(3, 0.9)};
    int[] labels = {9, 9, 9, 0, 0, 1, 3};
    String[] groups = {"kind:a", "kind:a", "kind:a", "kind:b", "kind:b", "form.c", null};
    double[] thresholds = new double[Metrics.CLASSES];
    java.util.Arrays.fill(thresholds, 0.5);
    List<ClassifierTrainer.GroupResult> results = ClassifierTrainer.groupResults(p, labels, groups, thresholds, 0.3);
    assertEquals(List.of(new ClassifierTrainer.GroupResult("kind:a", 9, 3, 1, 1),
        new ClassifierTrainer.GroupResult("kind:b", 0, 2, 1, 1),
        new ClassifierTrainer.GroupResult("form.c", 1, 1, 1, 1)), results);
    assertEquals("kind:a (9) 1 of 3 right", results.get(0).describe());
  }

  @Test
  void candidatesFallBackToEveryGroupWhenNoneIsSmallEnough() {
    Row big = RowFactory.create("kind:a", 1.0, 100L, 7L);
    Row small = RowFactory.create("kind:b", 1.0, 10L, 9L);
    assertEquals(List.of(small), ClassifierTrainer.heldOutCandidates(List.of(big, small), 60));
    assertEquals(List.of(big), ClassifierTrainer.heldOutCandidates(List.of(big), 60));
    assertEquals(List.of(big, small), ClassifierTrainer.heldOutCandidates(List.of(big, small), 0));
  }

  @Test
  void theHardNegativeCapCanCountHandWrittenOnesAlone() {
    boolean[] hard = {true, true, false, true};
    boolean[] handWritten = {false, true, true, false};
    assertArrayEquals(new boolean[] {false, true, false, false},
        ClassifierTrainer.hardNegativesToCap(hard, handWritten, true));
    assertArrayEquals(hard, ClassifierTrainer.hardNegativesToCap(hard, handWritten, false));
    // No hand-written hard negative held out: every hard negative counts.
    assertArrayEquals(hard,
        ClassifierTrainer.hardNegativesToCap(hard, new boolean[] {false, false, true, false}, true));
  }
}
