package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.table.EvidenceSchema;
import io.qinglang.testing.SparkExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class FinCategoryRuleTest {
  private static final Map<Integer, String> NAMES = Map.of(0, "未发现违规", 5, "标题党", 10, "抹黑竞争对手");

  @Test
  void decisions() {
    FinCategoryRule.Decision d = FinCategoryRule.decide(0, 0.9, true, true, 0.8, 0.15);
    assertEquals(5, d.category());
    assertEquals(0.8, d.confidence());
    assertFalse(d.needsReview());
    assertEquals(10, FinCategoryRule.decide(10, 0.7, false, true, 0.9, 0.15).category(), "more specific stays");
    assertEquals(0.95, FinCategoryRule.decide(5, 0.6, false, true, 0.95, 0.15).confidence());
    FinCategoryRule.Decision veto = FinCategoryRule.decide(5, 0.6, false, false, 0.05, 0.15);
    assertEquals(0, veto.category());
    assertTrue(veto.needsReview());
    assertTrue(veto.vetoed());
    assertEquals(5, FinCategoryRule.decide(5, 0.6, false, false, 0.3, 0.15).category(), "not confident enough");
    assertEquals(5, FinCategoryRule.decide(5, 0.6, false, false, 0.05, 0.0).category(), "veto switched off");
    assertEquals(5, FinCategoryRule.decide(5, 0.6, false, null, null, 0.15).category(), "not a results article");
    assertEquals(0, FinCategoryRule.decide(0, 0.9, false, false, 0.1, 0.15).category());
  }

  @Test
  void appliesToScoredRows(SparkSession spark) {
    StructType schema = new StructType()
        .add("post_id", DataTypes.StringType)
        .add("category", DataTypes.IntegerType)
        .add("category_name", DataTypes.StringType)
        .add("confidence", DataTypes.DoubleType)
        .add("needs_review", DataTypes.BooleanType)
        .add("evidence", EvidenceSchema.ARRAY)
        .add("fin_clickbait", DataTypes.BooleanType)
        .add("fin_clickbait_prob", DataTypes.DoubleType)
        .add("fin_evidence", EvidenceSchema.ARRAY);
    Row fin = EvidenceSchema.of("fin_clickbait", "magnitude_inflation", "title: 净利润暴跌90%; body: 净利润同比下降3.2%",
        "净利润暴跌90%", 4, 13, 4.8);
    Row cls = EvidenceSchema.of("classifier", "top_terms", "暴跌", null, null, null, 0.7);
    List<Row> rows = List.of(
        RowFactory.create("a", 0, "未发现违规", 0.9, true, List.of(), true, 0.92, List.of(fin)),
        RowFactory.create("b", 10, "抹黑竞争对手", 0.7, false, List.of(cls), true, 0.9, List.of(fin)),
        RowFactory.create("c", 5, "标题党", 0.6, false, List.of(cls), false, 0.04, List.of()),
        RowFactory.create("d", 5, "标题党", 0.6, false, List.of(cls), null, null, List.of()),
        RowFactory.create("e", 0, "未发现违规", 0.95, false, List.of(), false, 0.2, List.of()));
    Map<String, Row> out = FinCategoryRule.apply(spark.createDataFrame(rows, schema), NAMES, 0.15).collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getAs("post_id"), r -> r));
    assertFalse(List.of(out.get("a").schema().fieldNames()).contains("fin_evidence"));
    Row a = out.get("a");
    assertEquals(5, (int) a.<Integer>getAs("category"));
    assertEquals("标题党", a.getAs("category_name"));
    assertEquals(0.92, a.<Double>getAs("confidence"));
    assertFalse(a.<Boolean>getAs("needs_review"));
    assertEquals(List.of(fin), a.getList(a.fieldIndex("evidence")));
    Row b = out.get("b");
    assertEquals(10, (int) b.<Integer>getAs("category"));
    assertEquals("抹黑竞争对手", b.getAs("category_name"));
    assertEquals(List.of(cls, fin), b.getList(b.fieldIndex("evidence")));
    Row c = out.get("c");
    assertEquals(0, (int) c.<Integer>getAs("category"));
    assertEquals("未发现违规", c.getAs("category_name"));
    assertTrue(c.<Boolean>getAs("needs_review"));
    List<Row> ce = c.getList(c.fieldIndex("evidence"));
    assertEquals(2, ce.size());
    assertEquals("faithful_headline", ce.get(1).getAs("kind"));
    assertEquals(0.96, c.<Double>getAs("confidence"), 1e-9);
    Row d = out.get("d");
    assertEquals(5, (int) d.<Integer>getAs("category"));
    assertEquals(List.of(cls), d.getList(d.fieldIndex("evidence")));
    Row e = out.get("e");
    assertEquals(0, (int) e.<Integer>getAs("category"));
    assertEquals(0.95, e.<Double>getAs("confidence"));
  }
}
