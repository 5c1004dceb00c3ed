package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.HeadlineContrast;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@link HeadlineContrast} features of a post (a sensational headline over a body that defuses
 * it) as a vector of four values, from the raw title and content. The word lists are Params, so a
 * saved model keeps the lists it was trained with ({@code conf/lexicons/headline_contrast.txt}).
 */
public final class HeadlineContrastFeatures extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> titleCol;
  private final Param<String> contentCol;
  private final Param<String> outputCol;
  private final StringArrayParam alarmWords;
  private final StringArrayParam defuseWords;
  private final StringArrayParam debunkWords;

  public HeadlineContrastFeatures(String uid) {
    this.uid = uid;
    titleCol = new Param<>(this, "titleCol", "column with the title (may be null)", Validators.nonEmpty());
    contentCol = new Param<>(this, "contentCol", "column with the post's text", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the vector of four headline features",
        Validators.nonEmpty());
    alarmWords = new StringArrayParam(this, "alarmWords",
        "words of a sensational headline (倒闭, 查封, 致癌, 腰斩 ...), no blank entries", Validators.noBlanks());
    defuseWords = new StringArrayParam(this, "defuseWords",
        "words by which a body defuses its headline (合格, 误会, 恢复营业, 小幅 ...), no blank entries",
        Validators.noBlanks());
    debunkWords = new StringArrayParam(this, "debunkWords",
        "words of a headline that reports a rumour instead of spreading it (网传, 辟谣 ...), no blank entries",
        Validators.noBlanks());
    setDefault(titleCol, "title");
    setDefault(contentCol, "content");
    setDefault(outputCol, "headline_features");
    setDefault(alarmWords, new String[0]);
    setDefault(defuseWords, new String[0]);
    setDefault(debunkWords, new String[0]);
  }

  public HeadlineContrastFeatures() {
    this(Identifiable$.MODULE$.randomUID("headlineContrastFeatures"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> titleCol() {
    return titleCol;
  }

  public Param<String> contentCol() {
    return contentCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public StringArrayParam alarmWords() {
    return alarmWords;
  }

  public StringArrayParam defuseWords() {
    return defuseWords;
  }

  public StringArrayParam debunkWords() {
    return debunkWords;
  }

  public String getTitleCol() {
    return $(titleCol);
  }

  public HeadlineContrastFeatures setTitleCol(String v) {
    set(titleCol, v);
    return this;
  }

  public String getContentCol() {
    return $(contentCol);
  }

  public HeadlineContrastFeatures setContentCol(String v) {
    set(contentCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public HeadlineContrastFeatures setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public String[] getAlarmWords() {
    return $(alarmWords);
  }

  public HeadlineContrastFeatures setAlarmWords(List<String> v) {
    set(alarmWords, v.toArray(new String[0]));
    return this;
  }

  public String[] getDefuseWords() {
    return $(defuseWords);
  }

  public HeadlineContrastFeatures setDefuseWords(List<String> v) {
    set(defuseWords, v.toArray(new String[0]));
    return this;
  }

  public String[] getDebunkWords() {
    return $(debunkWords);
  }

  public HeadlineContrastFeatures setDebunkWords(List<String> v) {
    set(debunkWords, v.toArray(new String[0]));
    return this;
  }

  /** The detector these Params describe (serializable; used inside tasks). */
  public HeadlineContrast contrast() {
    return new HeadlineContrast(List.of(getAlarmWords()), List.of(getDefuseWords()), List.of(getDebunkWords()));
  }

  public static String[] featureNames() {
    return HeadlineContrast.FEATURE_NAMES.toArray(new String[0]);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    HeadlineContrast contrast = contrast();
    UserDefinedFunction f = udf((UDF2<String, String, Vector>) (title, content) ->
        Vectors.dense(contrast.features(title, content)).compressed(), SQLDataTypes.VectorType());
    return dataset.withColumn(getOutputCol(), f.apply(col(getTitleCol()), col(getContentCol())),
        VectorMetadata.of(getOutputCol(), featureNames()));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getTitleCol(), DataTypes.StringType, "HeadlineContrastFeatures");
    Schemas.require(schema, getContentCol(), DataTypes.StringType, "HeadlineContrastFeatures");
    return Schemas.addVector(schema, getOutputCol(), featureNames(), "HeadlineContrastFeatures");
  }

  @Override
  public HeadlineContrastFeatures copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<HeadlineContrastFeatures> read() {
    return new DefaultParamsReader<>();
  }

  public static HeadlineContrastFeatures load(String path) {
    return read().load(path);
  }
}
