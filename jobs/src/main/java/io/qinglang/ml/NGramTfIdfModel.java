package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.JvmCache;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link NGramTfIdf}: the vocabulary and idf weights (saved with the model as Params) and
 * the transformation of a post's tokens or text into an L2-normalized TF-IDF vector of the
 * vocabulary's size. Grams outside the vocabulary are ignored.
 */
public final class NGramTfIdfModel extends Model<NGramTfIdfModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  static final Set<String> SOURCES = Set.of("words", "chars");

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> source;
  private final IntParam minN;
  private final IntParam maxN;
  private final StringArrayParam vocabulary;
  private final DoubleArrayParam idf;

  public NGramTfIdfModel(String uid) {
    this.uid = uid;
    inputCol = inputColParam(this);
    outputCol = outputColParam(this);
    source = sourceParam(this);
    minN = minNParam(this);
    maxN = maxNParam(this);
    vocabulary = new StringArrayParam(this, "vocabulary", "the grams, index = feature", Validators.noBlanks());
    idf = new DoubleArrayParam(this, "idf", "inverse document frequency of each gram of the vocabulary",
        (double[] v) -> Arrays.stream(v).allMatch(x -> x >= 0 && !Double.isNaN(x)));
    setDefault(inputCol, "tokens");
    setDefault(outputCol, "term_features");
    setDefault(source, "words");
    setDefault(minN, 1);
    setDefault(maxN, 2);
    setDefault(vocabulary, new String[0]);
    setDefault(idf, new double[0]);
  }

  public NGramTfIdfModel() {
    this(Identifiable$.MODULE$.randomUID("nGramTfIdfModel"));
  }

  static Param<String> inputColParam(Params parent) {
    return new Param<>(parent, "inputCol", "tokens (array<string>) for words, text (string) for chars",
        Validators.nonEmpty());
  }

  static Param<String> outputColParam(Params parent) {
    return new Param<>(parent, "outputCol", "column for the TF-IDF vector", Validators.nonEmpty());
  }

  static Param<String> sourceParam(Params parent) {
    return new Param<>(parent, "source", "words (n-grams of tokens) or chars (n-grams of characters)",
        Validators.oneOf(SOURCES));
  }

  static IntParam minNParam(Params parent) {
    return new IntParam(parent, "minN", "shortest gram (1..5 tokens or characters)", Validators.intBetween(1, 5));
  }

  static IntParam maxNParam(Params parent) {
    return new IntParam(parent, "maxN", "longest gram (1..5, at least minN)", Validators.intBetween(1, 5));
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

  public StringArrayParam vocabulary() {
    return vocabulary;
  }

  public DoubleArrayParam idf() {
    return idf;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public String getSource() {
    return $(source);
  }

  public String[] getVocabulary() {
    return $(vocabulary);
  }

  public double[] getIdf() {
    return $(idf);
  }

  public NGramTfIdfModel setVocabulary(String[] v) {
    set(vocabulary, v);
    return this;
  }

  public NGramTfIdfModel setIdf(double[] v) {
    set(idf, v);
    return this;
  }

  /** Word n-grams of {@code tokens}: grams of minN..maxN consecutive tokens joined by a space. */
  static void wordGrams(List<String> tokens, int minN, int maxN, Consumer<String> out) {
    int len = tokens.size();
    for (int n = minN; n <= maxN; n++) {
      for (int i = 0; i + n <= len; i++) {
        if (n == 1) {
          out.accept(tokens.get(i));
        } else {
          StringBuilder sb = new StringBuilder(tokens.get(i));
          for (int k = i + 1; k < i + n; k++) {
            sb.append(' ').append(tokens.get(k));
          }
          out.accept(sb.toString());
        }
      }
    }
  }

  /** Receives one character gram as the range [start, end) of its text and its {@link GramIndex} hash. */
  interface GramRange {
    void accept(int start, int end, long hash);
  }

  /**
   * Character n-grams of {@code text} without white space, n counted in UTF-16 units; a gram never
   * starts or ends inside a surrogate pair (an emoji is one 2-gram, never half of one: halves were
   * saved with the model as '?', so a loaded model never matched them).
   */
  static void charGrams(String text, int minN, int maxN, Consumer<String> out) {
    charGramRanges(text, minN, maxN, (start, end, hash) -> out.accept(text.substring(start, end)));
  }

  /** The grams of {@link #charGrams}, in its order, as ranges of the text with the hash grown a char at a time. */
  static void charGramRanges(String text, int minN, int maxN, GramRange out) {
    int len = text == null ? 0 : text.length();
    for (int i = 0; i < len; i++) {
      char first = text.charAt(i);
      if (Character.isWhitespace(first) || Character.isLowSurrogate(first)) {
        continue;
      }
      long h = GramIndex.EMPTY;
      for (int k = i; k < i + minN - 1 && k < len; k++) {
        h = GramIndex.extend(h, text.charAt(k));
      }
      for (int n = minN; n <= maxN && i + n <= len; n++) {
        char last = text.charAt(i + n - 1);
        if (Character.isWhitespace(last)) {
          break;
        }
        h = GramIndex.extend(h, last);
        if (!Character.isHighSurrogate(last)) {
          out.accept(i, i + n, h);
        }
      }
    }
  }

  /** The L2-normalized TF-IDF vector of the vocabulary positions {@code hits[0, n)} (one per gram seen). */
  static Vector vector(int[] hits, int n, double[] idf, int size) {
    Arrays.sort(hits, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || hits[i] != hits[i - 1]) {
        distinct++;
      }
    }
    int[] indices = new int[distinct];
    double[] values = new double[distinct];
    int k = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || hits[i] != hits[i - 1]) {
        indices[++k] = hits[i];
      }
      values[k]++;
    }
    for (int i = 0; i < distinct; i++) {
      values[i] *= idf[indices[i]];
    }
    double norm = 0;
    for (double v : values) {
      norm += v * v;
    }
    if (norm > 0) {
      norm = Math.sqrt(norm);
      for (int i = 0; i < values.length; i++) {
        values[i] /= norm;
      }
    }
    return Vectors.sparse(size, indices, values);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    String[] vocab = getVocabulary();
    double[] weights = getIdf();
    if (vocab.length != weights.length) {
      throw new IllegalArgumentException("NGramTfIdfModel: " + vocab.length + " grams but " + weights.length
          + " idf weights");
    }
    Vectorizer v = new Vectorizer(uid + ":" + JvmCache.fingerprint(vocab), vocab, weights, (Integer) $(minN),
        (Integer) $(maxN));
    UserDefinedFunction f = "words".equals(getSource())
        ? udf((UDF1<scala.collection.Seq<String>, Vector>) v::words, SQLDataTypes.VectorType())
        : udf((UDF1<String, Vector>) v::chars, SQLDataTypes.VectorType());
    return dataset.withColumn(getOutputCol(), f.apply(col(getInputCol())),
        VectorMetadata.of(getOutputCol(), names(vocab, getSource())));
  }

  /** What the transformation's tasks carry: the vocabulary, weights and gram sizes; the index is built once per JVM. */
  static final class Vectorizer implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String[] vocabulary;
    private final double[] idf;
    private final int minN;
    private final int maxN;
    private transient GramIndex index;

    Vectorizer(String key, String[] vocabulary, double[] idf, int minN, int maxN) {
      this.key = key;
      this.vocabulary = vocabulary;
      this.idf = idf;
      this.minN = minN;
      this.maxN = maxN;
    }

    private GramIndex index() {
      GramIndex i = index;
      if (i == null) {
        i = JvmCache.get("vocabulary", key, () -> new GramIndex(vocabulary));
        index = i;
      }
      return i;
    }

    Vector words(scala.collection.Seq<String> tokens) {
      List<String> list = tokens == null ? List.of() : scala.jdk.javaapi.CollectionConverters.asJava(tokens);
      GramIndex ix = index();
      int[] hits = new int[list.size() * Math.max(0, maxN - minN + 1)];
      int[] n = {0};
      wordGrams(list, minN, maxN, g -> {
        int j = ix.get(g);
        if (j >= 0) {
          hits[n[0]++] = j;
        }
      });
      return vector(hits, n[0], idf, vocabulary.length);
    }

    /** The grams of {@link #charGrams}, looked up as ranges of the text (no substring each). */
    Vector chars(String text) {
      GramIndex ix = index();
      int[] hits = new int[(text == null ? 0 : text.length()) * Math.max(0, maxN - minN + 1)];
      int[] n = {0};
      charGramRanges(text, minN, maxN, (start, end, hash) -> {
        int j = ix.get(text, start, end, hash);
        if (j >= 0) {
          hits[n[0]++] = j;
        }
      });
      return vector(hits, n[0], idf, vocabulary.length);
    }
  }

  static String[] names(String[] vocab, String source) {
    String prefix = "words".equals(source) ? "word:" : "char:";
    String[] names = new String[vocab.length];
    for (int i = 0; i < vocab.length; i++) {
      names[i] = prefix + vocab[i];
    }
    return names;
  }

  static StructType outputSchema(StructType schema, String input, String output, String source, int minN, int maxN,
      String[] vocab, String stage) {
    if (minN > maxN) {
      throw new IllegalArgumentException(stage + ": minN " + minN + " is larger than maxN " + maxN);
    }
    if ("words".equals(source)) {
      Schemas.require(schema, input, new ArrayType(DataTypes.StringType, true), stage);
    } else {
      Schemas.require(schema, input, DataTypes.StringType, stage);
    }
    return Schemas.addVector(schema, output, names(vocab, source), stage);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getInputCol(), getOutputCol(), getSource(), (Integer) $(minN), (Integer) $(maxN),
        getVocabulary(), "NGramTfIdfModel");
  }

  @Override
  public NGramTfIdfModel copy(ParamMap extra) {
    NGramTfIdfModel copy = defaultCopy(extra);
    return copy.setParent(parent());
  }

  public static MLReader<NGramTfIdfModel> read() {
    return new DefaultParamsReader<>();
  }

  public static NGramTfIdfModel load(String path) {
    return read().load(path);
  }
}
