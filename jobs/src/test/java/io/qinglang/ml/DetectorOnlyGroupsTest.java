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
