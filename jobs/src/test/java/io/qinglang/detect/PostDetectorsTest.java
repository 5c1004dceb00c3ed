package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.table.EvidenceSchema;
import io.qinglang.table.PostsTable;
import io.qinglang.testing.SparkExtension;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class PostDetectorsTest {
  static Row post(String id, String type, String account, String name, String title, String content) {
    Timestamp at = Timestamp.valueOf("2023-06-01 10:00:00");
    return RowFactory.create(id, "weibo", type, account, name, at, Date.valueOf("2023-06-01"), title, content, null,
        null, null, null, null, null, null, "t.jsonl", "ingest-1", at, at, "h" + id);
  }

  @Test
  void detectorsAndFusionOverThePostsSchema(SparkSession spark) {
    Dataset<Row> posts = spark.createDataFrame(List.of(
        post("1", "post", "u1", "路人", null, "扒出某集团董事长的身份证110105198503071230，家住北京市朝阳区建国路88号3单元502室"),
        post("2", "account", "u2", "比亚迪官方客服", null, "售后退款请私信"),
        post("3", "post", "byd_official", "比亚迪", null, "比亚迪售后服务专线13812345678，欢迎车主来电"),
        post("4", "post", "u4", "车主", null, "比亚迪售后服务专线13812345678，打了半天没人接"),
        post("5", "post", "u5", "吃瓜群众", null, "今天天气不错，出去走走"),
        post("6", "account", "u6", "茅台爱好者", null, "分享品鉴心得"),
        post("7", "post", "u7", "小店", null, "#南江洪水# 家里备点净水片总没错，今天下单立减30！")), PostsTable.SCHEMA);
    PostDetectors detectors = PostDetectors.of(DetectFixtures.RESOURCES, DetectFixtures.REG);
    Set<String> official = detectors.officialContacts(posts);
    assertEquals(Set.of("13812345678"), official);
    Dataset<Row> withEvidence = detectors.withEvidence(posts, official)
        // A classifier that saw nothing: category 0 everywhere.
        .withColumn("category", lit(0))
        .withColumn("confidence", lit(0.9))
        .withColumn("probabilities", array(lit(0.9), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01), lit(0.01),
            lit(0.01), lit(0.01), lit(0.01), lit(0.01)))
        .withColumn("needs_review", lit(false))
        .withColumn("evidence", array().cast(EvidenceSchema.ARRAY))
        .withColumn(CampaignDetector.COLUMN, lit(null).cast(EvidenceSchema.ARRAY));
    Dataset<Row> fused = new FusionPolicy(DetectFixtures.SETTINGS.fusion())
        .fuse(withEvidence, PostDetectors.EVIDENCE_COLUMNS, DetectFixtures.CONFIG.categoryNames());
    assertFalse(List.of(fused.columns()).contains(PersonalDataDetector.COLUMN), "detector columns are merged");
    Map<String, Row> byId = new HashMap<>();
    for (Row r : fused.select("post_id", "category", "category_name", "needs_review", "evidence").collectAsList()) {
      byId.put(r.getString(0), r);
    }
    assertEquals(3, byId.get("1").getInt(1));
    assertEquals("泄露商业秘密和企业家个人隐私", byId.get("1").getString(2));
    String evidence1 = byId.get("1").getList(4).toString();
    assertTrue(evidence1.contains("110105********1230") && !evidence1.contains("19850307"), evidence1);
    assertTrue(evidence1.contains("北京市朝阳区****"), evidence1);
    assertEquals(1, byId.get("2").getInt(1));
    assertEquals(0, byId.get("3").getInt(1), "an official account's own number");
    assertEquals(0, byId.get("4").getInt(1), "the official number quoted by a customer");
    assertTrue(byId.get("4").getList(4).stream().noneMatch(e -> ((Row) e).getString(0).equals("personal_data")));
    assertEquals(0, byId.get("5").getInt(1));
    assertEquals(0, byId.get("6").getInt(1));
    assertFalse(byId.get("6").getBoolean(3));
    // Hot-event evidence from its column: the classifier leans to 0, so only a look is asked for.
    assertEquals(0, byId.get("7").getInt(1));
    assertTrue(byId.get("7").getBoolean(3));
    assertTrue(byId.get("7").getList(4).stream().anyMatch(e -> ((Row) e).getString(0).equals(Evidence.HOT_EVENT)));
  }

  @Test
  void maskingIsAvailableInSql(SparkSession spark) {
    PersonalDataMasker.register(spark);
    Row r = spark.sql("SELECT mask_personal_data('老板电话13812345678') AS m").first();
    assertEquals("老板电话138****5678", r.getString(0));
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("身份证110105198503071230")),
        new org.apache.spark.sql.types.StructType().add("t", org.apache.spark.sql.types.DataTypes.StringType));
    assertEquals("身份证110105********1230",
        df.select(PersonalDataMasker.maskColumn(col("t"))).first().getString(0));
  }
}
