package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigLoader;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
class DetectorOnlyGroupsTest {
  @Test
  void leavesOutCampaignMembersAndKeepsEverythingElse(SparkSession spark) {
    StructType schema = new StructType().add("post_id", DataTypes.StringType)
        .add(LabeledData.GROUP, DataTypes.StringType, true);
    Dataset<Row> labelled = spark.createDataFrame(List.of(
        RowFactory.create("a", "c9.camp.01"),
        RowFactory.create("b", "kind:v:campaign:i1"),
        RowFactory.create("c", "c9.ride.01"),
        RowFactory.create("d", "kind:v:hot_event"),
        RowFactory.create("e", null),
        RowFactory.create("f", "kind:hard:complaint")), schema);
    DetectorOnlyGroups groups = DetectorOnlyGroups.from(ConfigLoader.load(null));
    assertEquals(List.of("c9.camp.", "kind:v:campaign:"), groups.prefixes(), "the shipped default");
    List<String> kept = groups.filter(labelled).select("post_id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("c", "d", "e", "f"), kept.stream().sorted().toList());
    assertEquals(2, labelled.filter(groups.matches()).count());
    assertEquals(6, new DetectorOnlyGroups(List.of()).filter(labelled).count(), "no prefixes: everything trains");
  }

  @Test
  void aRetiredSetsGroupsHoldOneCategoryOfOneSetAndKeepItsCampaignMembersOut(SparkSession spark) {
    StructType schema = new StructType().add("post_id", DataTypes.StringType)
        .add(ClassifierPipeline.LABEL, DataTypes.DoubleType).add(LabeledData.GROUP, DataTypes.StringType, true);
    Dataset<Row> posts = spark.createDataFrame(List.of(
        RowFactory.create("a", 3.0, "kind:violation"),
        RowFactory.create("b", 5.0, "kind:violation"),
        RowFactory.create("c", 0.0, "kind:hard_negative"),
        RowFactory.create("d", 9.0, "kind:v:campaign:C1"),
        RowFactory.create("e", 0.0, null)), schema);
    List<Row> rows = TrainingCorpus.scopeGroups(posts, "holdout4").orderBy("post_id").collectAsList();
    assertEquals(List.of("kind:holdout4/violation:3", "kind:holdout4/violation:5", "kind:holdout4/hard_negative:0",
        "kind:v:campaign:C1@holdout4", "kind:holdout4/none:0"), rows.stream().map(r -> r.getString(2)).toList());
    DetectorOnlyGroups shipped = DetectorOnlyGroups.from(ConfigLoader.load(null));
    List<String> left = TrainingCorpus.scopeGroups(posts, "holdout4").filter(shipped.matches()).select("post_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("d"), left, "only the campaign member is left out of training");
  }

  @Test
  void anEmptyPrefixInTheConfigurationIsAnErrorNamingTheKey(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> DetectorOnlyGroups.from(TestConfigs.withOverrides(dir, DetectorOnlyGroups.KEY + " = [\"c9.camp.\", \"\"]\n")));
    assertTrue(e.getMessage().startsWith(DetectorOnlyGroups.KEY + ": an empty prefix"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyPrefix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DetectorOnlyGroups(Arrays.asList("c9.camp.", " ")));
    assertEquals(true, e.getMessage().contains(DetectorOnlyGroups.KEY));
  }
}
