package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.PostTokenizer;
import io.qinglang.text.Segmenters;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Segments normalized Chinese text with HanLP ({@link PostTokenizer}). Registry names (from the
 * {@code registryEntries} Param, replaced at scoring time by the registry in force) stay single
 * tokens and become {@code <ENT>}; person names become {@code <PER>} when {@code recognizePersons};
 * punctuation (part-of-speech prefixes in {@code dropNatures}) and {@code stopWords} are dropped.
 * Writes the tokens to {@code outputCol} and, when {@code maskedTextCol} is not empty, the text with
 * every placeholder as one character (the input of character n-grams).
 *
 * <p>The HanLP segmenter is built once per JVM ({@link Segmenters}) inside the tasks from these
 * Params; it is never serialized nor captured.
 */
public final class HanLpTokenizer extends Transformer implements DefaultParamsWritable, RegistryAware {
  private static final long serialVersionUID = 1L;
  private static final StructType RESULT = new StructType()
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("masked", DataTypes.StringType, false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> maskedTextCol;
  private final Param<String> segmenter;
  private final BooleanParam recognizePersons;
  private final StringArrayParam dropNatures;
  private final StringArrayParam stopWords;
  private final StringArrayParam customWords;
  private final StringArrayParam registryEntries;

  public HanLpTokenizer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with normalized text (ChineseNormalizer)", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the tokens (array<string>)", Validators.nonEmpty());
    maskedTextCol = new Param<>(this, "maskedTextCol",
        "column for the masked text (placeholders as single characters); empty for none", (String s) -> s != null);
    segmenter = new Param<>(this, "segmenter", "HanLP segmentation algorithm: " + Segmenters.ALGORITHMS,
        Validators.oneOf(Segmenters.ALGORITHMS));
    recognizePersons = new BooleanParam(this, "recognizePersons",
        "replace person names recognized by HanLP (nature nr) by <PER>");
    dropNatures = new StringArrayParam(this, "dropNatures",
        "part-of-speech prefixes whose tokens are dropped (w = punctuation)", Validators.noBlanks());
    stopWords = new StringArrayParam(this, "stopWords", "tokens to drop (conf/lexicons/stopwords.txt)",
        Validators.noBlanks());
    customWords = new StringArrayParam(this, "customWords",
        "domain words the segmenter keeps whole (the cue lexicon's terms)", Validators.noBlanks());
    registryEntries = new StringArrayParam(this, "registryEntries",
        "enterprise registry: 'enterprise_id<TAB>name|short name|brand...'; names become <ENT>",
        Validators.tabEntries(2));
    setDefault(inputCol, "norm_text");
    setDefault(outputCol, "tokens");
    setDefault(maskedTextCol, "masked_text");
    setDefault(segmenter, "viterbi");
    setDefault(recognizePersons, true);
    setDefault(dropNatures, new String[] {"w"});
    setDefault(stopWords, new String[0]);
    setDefault(customWords, new String[0]);
    setDefault(registryEntries, new String[0]);
  }

  public HanLpTokenizer() {
    this(Identifiable$.MODULE$.randomUID("hanLpTokenizer"));
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

  public Param<String> maskedTextCol() {
    return maskedTextCol;
  }

  public Param<String> segmenter() {
    return segmenter;
  }

  public BooleanParam recognizePersons() {
    return recognizePersons;
  }

  public StringArrayParam dropNatures() {
    return dropNatures;
  }

  public StringArrayParam stopWords() {
    return stopWords;
  }

  public StringArrayParam customWords() {
    return customWords;
  }

  public StringArrayParam registryEntries() {
    return registryEntries;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public HanLpTokenizer setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public HanLpTokenizer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public String getMaskedTextCol() {
    return $(maskedTextCol);
  }

  public HanLpTokenizer setMaskedTextCol(String v) {
    set(maskedTextCol, v);
    return this;
  }

  public String getSegmenter() {
    return $(segmenter);
  }

  public HanLpTokenizer setSegmenter(String v) {
    set(segmenter, v);
    return this;
  }

  public boolean getRecognizePersons() {
    return (Boolean) $(recognizePersons);
  }

  public HanLpTokenizer setRecognizePersons(boolean v) {
    set(recognizePersons, v);
    return this;
  }

  public String[] getDropNatures() {
    return $(dropNatures);
  }

  public HanLpTokenizer setDropNatures(List<String> v) {
    set(dropNatures, v.toArray(new String[0]));
    return this;
  }

  public String[] getStopWords() {
    return $(stopWords);
  }

  public HanLpTokenizer setStopWords(List<String> v) {
    set(stopWords, v.toArray(new String[0]));
    return this;
  }

  public String[] getCustomWords() {
    return $(customWords);
  }

  public HanLpTokenizer setCustomWords(List<String> v) {
    set(customWords, v.toArray(new String[0]));
    return this;
  }

  @Override
  public String[] getRegistryEntries() {
    return $(registryEntries);
  }

  @Override
  public void setRegistryEntries(String[] entries) {
    set(registryEntries, entries.clone());
  }

  /** The tokenizer these Params describe (serializable; used inside tasks). */
  public PostTokenizer tokenizer() {
    return new PostTokenizer(getSegmenter(), getRecognizePersons(), List.of(getDropNatures()),
        List.of(getStopWords()), List.of(getCustomWords()), getRegistryEntries());
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    PostTokenizer tokenizer = tokenizer();
    UserDefinedFunction f = udf((UDF1<String, Row>) text -> {
      PostTokenizer.Result r = tokenizer.tokenize(text);
      return RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(r.tokens()).toSeq(), r.masked());
    }, RESULT).asNondeterministic();
    // Non-deterministic so that the optimizer never evaluates the UDF once per extracted field.
    String tmp = "__" + uid;
    Dataset<Row> out = dataset.withColumn(tmp, f.apply(col(getInputCol())))
        .withColumn(getOutputCol(), col(tmp + ".tokens"));
    if (!getMaskedTextCol().isEmpty()) {
      out = out.withColumn(getMaskedTextCol(), col(tmp + ".masked"));
    }
    return out.drop(tmp);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "HanLpTokenizer");
    StructType out = Schemas.add(schema, getOutputCol(), DataTypes.createArrayType(DataTypes.StringType, false),
        false, "HanLpTokenizer");
    if (!getMaskedTextCol().isEmpty()) {
      out = Schemas.add(out, getMaskedTextCol(), DataTypes.StringType, false, "HanLpTokenizer");
    }
    return out;
  }

  @Override
  public HanLpTokenizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<HanLpTokenizer> read() {
    return new DefaultParamsReader<>();
  }

  public static HanLpTokenizer load(String path) {
    return read().load(path);
  }
}
