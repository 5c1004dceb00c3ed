package io.qinglang.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Learns a vocabulary of n-grams and their inverse document frequencies; its model turns each
 * post straight into an L2-normalized TF-IDF vector. Two sources: {@code words} (n-grams of
 * consecutive tokens from an array column, joined by a space, as Spark's NGram does) and
 * {@code chars} (n-grams of characters of a string column, without white space). One stage
 * instead of NGram + CountVectorizer + IDF + Normalizer: no arrays of grams pass between stages,
 * which keeps scoring close to the speed of segmentation.
 *
 * <p>The vocabulary is the {@code vocabSize} grams found in most posts, among those found in at
 * least {@code minDF} posts (ties by the gram itself); idf = log((posts + 1) / (df + 1)), as
 * Spark's IDF.
 */
public final class NGramTfIdf extends Estimator<NGramTfIdfModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> source;
  private final IntParam minN;
  private final IntParam maxN;
  private final IntParam vocabSize;
  private final IntParam minDF;

  public NGramTfIdf(String uid) {
    this.uid = uid;
    inputCol = NGramTfIdfModel.inputColParam(this);
    outputCol = NGramTfIdfModel.outputColParam(this);
    source = NGramTfIdfModel.sourceParam(this);
    minN = NGramTfIdfModel.minNParam(this);
    maxN = NGramTfIdfModel.maxNParam(this);
    vocabSize = new IntParam(this, "vocabSize", "largest vocabulary (grams in most posts kept)",
        Validators.intBetween(1, 10_000_000));
    minDF = new IntParam(this, "minDF", "posts a gram must occur in to be kept", Validators.intBetween(1, 1_000_000));
    setDefault(inputCol, "tokens");
    setDefault(outputCol, "term_features");
    setDefault(source, "words");
    setDefault(minN, 1);
    setDefault(maxN, 2);
    setDefault(vocabSize, 50_000);
    setDefault(minDF, 2);
  }

  public NGramTfIdf() {
    this(Identifiable$.MODULE$.randomUID("nGramTfIdf"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> source() {
    return source;
  }

  public IntParam minN() {
    return minN;
  }

  public IntParam maxN() {
    return maxN;
  }

  public IntParam vocabSize() {
    return vocabSize;
  }

  public IntParam minDF() {
    return minDF;
  }

  public NGramTfIdf setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public NGramTfIdf setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public NGramTfIdf setSource(String v) {
    set(source, v);
    return this;
  }

  public NGramTfIdf setMinN(int v) {
    set(minN, v);
    return this;
  }

  public NGramTfIdf setMaxN(int v) {
    set(maxN, v);
    return this;
  }

  public NGramTfIdf setVocabSize(int v) {
    set(vocabSize, v);
    return this;
  }

  public NGramTfIdf setMinDF(int v) {
    set(minDF, v);
    return this;
  }

  @Override
  public NGramTfIdfModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    boolean words = "words".equals($(source));
    int lo = (Integer) $(minN);
    int hi = (Integer) $(maxN);
    int min = (Integer) $(minDF);
    int size = (Integer) $(vocabSize);
    String column = $(inputCol);
    JavaPairRDD<String, Long> df = dataset.select(column).toDF().javaRDD()
        .flatMapToPair(row -> {
          List<Tuple2<String, Long>> out = new ArrayList<>();
          if (row.isNullAt(0)) {
            return out.iterator();
          }
          Set<String> distinct = new HashSet<>();
          if (words) {
            List<String> tokens = scala.jdk.javaapi.CollectionConverters.asJava(row.<scala.collection.Seq<String>>getAs(0));
            NGramTfIdfModel.wordGrams(tokens, lo, hi, distinct::add);
          } else {
            NGramTfIdfModel.charGrams(row.getString(0), lo, hi, distinct::add);
          }
          for (String g : distinct) {
            out.add(new Tuple2<>(g, 1L));
          }
          return out.iterator();
        })
        .reduceByKey(Long::sum)
        .filter(t -> t._2() >= min);
    long posts = dataset.count();
    List<Tuple2<String, Long>> top = df.takeOrdered(size, new ByDocumentFrequency());
    String[] vocabulary = new String[top.size()];
    double[] idf = new double[top.size()];
    for (int i = 0; i < top.size(); i++) {
      vocabulary[i] = top.get(i)._1();
      idf[i] = Math.log((posts + 1.0) / (top.get(i)._2() + 1.0));
    }
    NGramTfIdfModel model = new NGramTfIdfModel(uid).setVocabulary(vocabulary).setIdf(idf);
    copyValues(model, extractParamMap());
    return model.setParent(this);
  }

  /** Most frequent first, then by the gram: a total order, so the vocabulary does not depend on partitioning. */
  static final class ByDocumentFrequency implements Comparator<Tuple2<String, Long>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
      int c = Long.compare(b._2(), a._2());
      return c != 0 ? c : a._1().compareTo(b._1());
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return NGramTfIdfModel.outputSchema(schema, $(inputCol), $(outputCol), $(source), (Integer) $(minN),
        (Integer) $(maxN), new String[0], "NGramTfIdf");
  }

  @Override
  public NGramTfIdf copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<NGramTfIdf> read() {
    return new DefaultParamsReader<>();
  }

  public static NGramTfIdf load(String path) {
    return read().load(path);
  }
}
