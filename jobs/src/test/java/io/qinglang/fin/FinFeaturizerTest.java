package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.nio.file.Path;
import java.util.List;
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
class FinFeaturizerTest {
  static final StructType POSTS = new StructType()
      .add("post_id", DataTypes.StringType)
      .add("content_type", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("content", DataTypes.StringType);

  static Dataset<Row> posts(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("distorted", "article", "海澜光电净利润暴跌90%",
            "海澜光电发布2023年年度报告，全年实现营业收入34.5亿元，同比下降1.8%；归母净利润2.96亿元，同比下降3.2%。"),
        RowFactory.create("faithful", "article", "青禾食品一季度营收同比下降3.1%",
            "青禾食品发布一季度报告。一季度实现营业收入8.62亿元，同比下降3.1%；归母净利润6420万元，同比下降9.6%。"),
        RowFactory.create("bracket", "post", null,
            "【康源化学净利润暴跌80%！】康源化学发布2023年年报，全年营收32.8亿元，同比增长1.2%；归母净利润1.9亿元，同比下降8.1%。"),
        RowFactory.create("comment", "comment", null, "年报不错，营收增长18%，净利润增长19%"),
        RowFactory.create("travel", "post", "周末去了趟乌镇", "周末带娃去了乌镇，人不算多，晚上的水乡很美，民宿价格比去年便宜了大概两成。")),
        POSTS);
  }

  @Test
  void addsApplicabilityFeaturesAndEvidence(SparkSession spark) {
    List<Row> rows = new FinFeaturizer().transform(posts(spark)).orderBy("post_id").collectAsList();
    assertEquals(5, rows.size());
    Row bracket = rows.get(0);
    assertEquals("bracket", bracket.getAs("post_id"));
    assertTrue(bracket.<Boolean>getAs("fin_applies"));
    assertEquals("康源化学净利润暴跌80%！", bracket.getAs("fin_headline"));
    List<Row> evidence = bracket.getList(bracket.fieldIndex("fin_evidence"));
    Row e = evidence.get(0);
    assertEquals("fin_clickbait", e.getAs("source"));
    assertEquals("magnitude_inflation", e.getAs("kind"));
    assertEquals("净利润暴跌80%", e.getAs("span"));
    String content = "【康源化学净利润暴跌80%！】";
    assertEquals(content.indexOf("净利润"), (int) e.<Integer>getAs("start"), "offsets index the content");
    Row comment = rows.get(1);
    assertFalse(comment.<Boolean>getAs("fin_applies"));
    assertTrue(comment.getList(comment.fieldIndex("fin_evidence")).isEmpty());
    assertNull(comment.getAs("fin_headline"));
    Row distorted = rows.get(2);
    assertTrue(distorted.<Boolean>getAs("fin_applies"));
    Vector v = distorted.getAs("fin_features");
    assertEquals(FinConsistency.SIZE, v.size());
    assertTrue(v.apply(FinConsistency.FEATURES.indexOf("magnitude_inflation")) > 4);
    Row faithful = rows.get(3);
    assertTrue(faithful.<Boolean>getAs("fin_applies"));
    assertTrue(faithful.getList(faithful.fieldIndex("fin_evidence")).isEmpty());
    Row travel = rows.get(4);
    assertFalse(travel.<Boolean>getAs("fin_applies"));
    assertEquals("周末去了趟乌镇", travel.getAs("fin_headline"));
  }

  @Test
  void paramsAreValidatedAndColumnsChecked(SparkSession spark) {
    FinFeaturizer f = new FinFeaturizer();
    assertThrows(IllegalArgumentException.class, () -> f.setMinCues(1));
    assertThrows(IllegalArgumentException.class, () -> f.setOutputPrefix("Fin-"));
    assertThrows(IllegalArgumentException.class, () -> f.setContentTypes(new String[0]));
    Dataset<Row> noContent = posts(spark).drop("content");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.transform(noContent));
    assertTrue(e.getMessage().contains("content"), e.getMessage());
    Dataset<Row> noTitle = posts(spark).drop("title");
    assertEquals(5, f.transform(noTitle).count(), "the title column is optional");
  }

  @Test
  void savesAndLoadsWithItsParams(SparkSession spark, @TempDir Path tmp) throws Exception {
    FinFeaturizer f = new FinFeaturizer().setContentTypes(new String[] {"article"}).setMinCues(5)
        .setLongPostMinChars(70).setMinBodyChars(20).setTitleCol("title");
    String path = tmp.resolve("featurizer").toString();
    f.write().overwrite().save(path);
    FinFeaturizer loaded = FinFeaturizer.load(path);
    assertEquals(f.uid(), loaded.uid());
    assertArrayEquals(new String[] {"article"}, loaded.getContentTypes());
    assertEquals(5, loaded.getMinCues());
    assertEquals(70, loaded.getLongPostMinChars());
    assertEquals(20, loaded.getMinBodyChars());
    List<Row> before = f.transform(posts(spark)).orderBy("post_id").select("post_id", "fin_applies", "fin_features")
        .collectAsList();
    List<Row> after = loaded.transform(posts(spark)).orderBy("post_id").select("post_id", "fin_applies",
        "fin_features").collectAsList();
    assertEquals(before, after);
    assertFalse(after.get(0).<Boolean>getAs("fin_applies"), "posts are not checked under contentTypes=[article]");
  }
}
