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
    out.clear();
    // An emoji is two UTF-16 units: it is one gram, never half of one (halves were saved as '?').
    NGramTfIdfModel.charGrams("a\uD83D\uDE00b", 1, 3, out::add);
    assertEquals(List.of("a", "a\uD83D\uDE00", "\uD83D\uDE00", "\uD83D\uDE00b", "b"), out);
  }

  @Test
  void aGramSavedTwiceCountsAtItsLaterPosition() {
    // Models saved before whole-emoji grams can list '?'-grams twice; loading them must not fail.
    SparseVector v = (SparseVector) new NGramTfIdfModel.Vectorizer("test-dup-" + System.nanoTime(),
        new String[] {",?", "x", ",?"}, new double[] {1.0, 1.0, 1.0}, 2, 2).chars(",?");
    assertArrayEquals(new int[] {2}, v.indices());
  }

  @Test
  void vectorizerSeesTheSameCharacterGramsAsTraining() {
    String text = "转发🔥 抽奖 a😀b";
    List<String> grams = new ArrayList<>();
    NGramTfIdfModel.charGrams(text, 1, 3, grams::add);
    String[] vocab = grams.stream().distinct().toArray(String[]::new);
    double[] idf = new double[vocab.length];
    java.util.Arrays.fill(idf, 1.0);
    SparseVector v = (SparseVector) new NGramTfIdfModel.Vectorizer("test-same-" + System.nanoTime(), vocab, idf, 1, 3)
        .chars(text);
    assertEquals(vocab.length, v.indices().length, "every gram training saw is found when scoring");
    double total = 0;
    for (double x : v.values()) {
      total += x * x;
    }
    assertEquals(1.0, total, 1e-12);
  }

  @Test
  void vectorizerFindsExactlyTheCharacterGramsTrainingCounts() {
    // Random texts with white space, emoji halves and whole emoji; a vocabulary of half their substrings.
    java.util.Random random = new java.util.Random(11);
    String[] pieces = {" ", "\t", "\uD83D\uDE00", "\uD83D", "\uDE00", "a", "v", "删", "帖", "黑", "公", "关", "加"};
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        sb.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)]
            : GramIndexTest.randomCjk(random, 1));
      }
      String text = sb.toString();
      int minN = 1 + random.nextInt(2);
      int maxN = minN + random.nextInt(3);
      List<String> grams = new ArrayList<>();
      NGramTfIdfModel.charGrams(text, minN, maxN, grams::add);
      // Every substring is a candidate, also those training never counts (across white space, half an emoji).
      java.util.Set<String> substrings = new java.util.LinkedHashSet<>();
      for (int i = 0; i < text.length(); i++) {
        for (int j = i + 1; j <= Math.min(text.length(), i + maxN + 1); j++) {
          substrings.add(text.substring(i, j));
        }
      }
      String[] vocab = substrings.stream().filter(g -> random.nextBoolean()).toArray(String[]::new);
      java.util.Map<String, Integer> position = new java.util.HashMap<>();
      for (int i = 0; i < vocab.length; i++) {
        position.put(vocab[i], i);
      }
      int[] hits = grams.stream().filter(position::containsKey).mapToInt(position::get).toArray();
      double[] idf = random.doubles(vocab.length, 0.1, 3.0).toArray();
      Vector expected = NGramTfIdfModel.vector(hits, hits.length, idf, vocab.length);
      Vector actual = new NGramTfIdfModel.Vectorizer("test-random-" + round + "-" + System.nanoTime(), vocab, idf,
          minN, maxN).chars(text);
      assertEquals(expected, actual, "text [" + text + "] grams " + minN + ".." + maxN);
    }
  }

  @Test
  void vectorizerCountsEveryGramOccurrenceWeightedByIdfAndNormalises() {
    String[] vocab = {"黑", "公关", "黑公", "删帖", "x"};
    double[] idf = {0.5, 2.0, 1.0, 3.0, 7.0};
    NGramTfIdfModel.Vectorizer chars = new NGramTfIdfModel.Vectorizer("test-chars-" + System.nanoTime(), vocab, idf,
        1, 2);
    // Grams of 黑公关 黑: 黑 黑公 公 公关 关 黑 -> 黑 twice (0.5 each), 黑公 once (1.0), 公关 once (2.0).
    SparseVector v = (SparseVector) chars.chars("黑公关 黑");
    assertArrayEquals(new int[] {0, 1, 2}, v.indices());
    double norm = Math.sqrt(1.0 * 1.0 + 2.0 * 2.0 + 1.0 * 1.0);
    assertArrayEquals(new double[] {1.0 / norm, 2.0 / norm, 1.0 / norm}, v.values(), 1e-12);
    assertEquals(0, ((SparseVector) chars.chars("天气")).indices().length, "no gram of the vocabulary");
    assertEquals(0, ((SparseVector) chars.chars(null)).indices().length);

    NGramTfIdfModel.Vectorizer words = new NGramTfIdfModel.Vectorizer("test-words-" + System.nanoTime(),
        new String[] {"删帖", "删帖 私信"}, new double[] {1.0, 1.0}, 1, 2);
    SparseVector w = (SparseVector) words.words(
        scala.jdk.javaapi.CollectionConverters.asScala(List.of("删帖", "私信", "删帖")).toSeq());
    assertArrayEquals(new int[] {0, 1}, w.indices());
    assertArrayEquals(new double[] {2 / Math.sqrt(5), 1 / Math.sqrt(5)}, w.values(), 1e-12);
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
