package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
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
class HeadlineContrastFeaturesTest {
  private static final StructType POSTS = new StructType().add("post_id", DataTypes.StringType)
      .add("title", DataTypes.StringType).add("content", DataTypes.StringType);

  private static HeadlineContrastFeatures stage() {
    return new HeadlineContrastFeatures().setAlarmWords(List.of("致癌", "倒闭"))
        .setDefuseWords(List.of("合格", "正常营业")).setDebunkWords(List.of("网传"));
  }

  private static Dataset<Row> posts(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("a", "星河奶茶致癌！", "送检样品全部合格，门店正常营业。"),
        RowFactory.create("b", null, "【网传星河奶茶倒闭】记者探访发现门店正常营业，顾客不少。"),
        RowFactory.create("c", null, null)), POSTS);
  }

  @Test
  void writesTheFourFeaturesWithTheirNames(SparkSession spark) {
    Dataset<Row> out = stage().transform(posts(spark)).orderBy("post_id");
    List<Row> rows = out.collectAsList();
    assertArrayEquals(new double[] {1, 0, Math.log1p(2), 1}, rows.get(0).<Vector>getAs("headline_features").toArray(), 1e-12);
    assertArrayEquals(new double[] {0, 1, 0, 0}, rows.get(1).<Vector>getAs("headline_features").toArray(), 1e-12);
    assertArrayEquals(new double[4], rows.get(2).<Vector>getAs("headline_features").toArray(), 0);
    AttributeGroup group = AttributeGroup.fromStructField(out.schema().apply("headline_features"));
    assertEquals(4, group.size());
    assertEquals("headline:alarm_defused", group.getAttr(3).name().get());
  }

  @Test
  void theSavedStageKeepsItsWordsAndGivesTheSameOutput(SparkSession spark, @TempDir Path dir) throws Exception {
    HeadlineContrastFeatures stage = stage().setOutputCol("h");
    String path = dir.resolve("stage").toString();
    stage.save(path);
    HeadlineContrastFeatures back = HeadlineContrastFeatures.load(path);
    assertArrayEquals(stage.getDefuseWords(), back.getDefuseWords());
    assertEquals("h", back.getOutputCol());
    assertEquals(stage.transform(posts(spark)).orderBy("post_id").collectAsList(),
        back.transform(posts(spark)).orderBy("post_id").collectAsList());
  }

  @Test
  void aMissingColumnIsNamed(SparkSession spark) {
    Dataset<Row> noTitle = posts(spark).drop("title");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stage().transform(noTitle));
    assertTrue(e.getMessage().contains("input column 'title' is missing"), e.getMessage());
  }
}
