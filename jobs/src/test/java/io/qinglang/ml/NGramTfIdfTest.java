package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qinglang.testing.SparkExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class NGramTfIdfTest {
  @Test
  void gramsOfWordsAndCharacters() {
    List<String> out = new ArrayList<>();
    NGramTfIdfModel.wordGrams(List.of("a", "b", "c"), 1, 2, out::add);
    assertEquals(List.of("a", "b", "c", "a b", "b c"), out);
    out.clear();
    NGramTfIdfModel.charGrams("删帖 加v", 2, 3, out::add);
    assertEquals(List.of("删帖", "加v"), out);
    out.clear();
    NGramTfIdfModel.charGrams("黑公关", 1, 2, out::add);
    assertEquals(List.of("黑", "黑公", "公", "公关", "关"), out);
  }

  @Test
  void learnsTheVocabularyAndWeights(SparkSession spark) {
    StructType schema = new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> docs = spark.createDataFrame(List.of(
        RowFactory.create(List.of("删帖", "私信", "删帖")),
        RowFactory.create(List.of("删帖", "写手")),
        RowFactory.create(List.of("投诉", "写手")),
        RowFactory.create(List.of("天气"))).stream()
        .map(r -> RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala((List<?>) r.get(0)).toSeq()))
        .toList(), schema).repartition(2);
    NGramTfIdfModel model = new NGramTfIdf().setInputCol("tokens").setOutputCol("v").setSource("words")
        .setMinN(1).setMaxN(1).setMinDF(2).setVocabSize(10).fit(docs);
    // Grams in at least two posts, most frequent first, ties by the gram.
    assertArrayEquals(new String[] {"写手", "删帖"}, model.getVocabulary());
    assertEquals(Math.log(5.0 / 3.0), model.getIdf()[0], 1e-12);
    Vector v = (Vector) model.transform(docs.limit(1)).first().getAs("v");
    SparseVector sv = (SparseVector) v;
    assertArrayEquals(new int[] {1}, sv.indices());
    assertEquals(1.0, sv.values()[0], 1e-12, "L2-normalized");
    NGramTfIdfModel small = new NGramTfIdf().setInputCol("tokens").setOutputCol("v").setMinDF(1).setVocabSize(1)
        .setMaxN(1).fit(docs);
    assertArrayEquals(new String[] {"写手"}, small.getVocabulary(), "vocabSize keeps the most frequent");
  }
}
