package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.Placeholders;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Structured features of a post, all non-negative (NaiveBayes needs that): the content type
 * (one-hot), whether there is a title, the length of the normalized text, and counts (log(1 + n))
 * of links, mentions, topics, personal-data and contact shapes (resident ID, bank card, mobile,
 * landline, hotline, QQ, WeChat id, e-mail), numbers, question and exclamation marks, emoji codes,
 * plus one flag for "some private contact is given" (WeChat, QQ, mobile or e-mail).
 */
public final class StructuredFeatures extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  /** Content types in feature order. */
  public static final List<String> CONTENT_TYPES =
      List.of("post", "comment", "article", "video", "account", "app", "search_suggestion");
  private static final List<String> COUNTED = List.of(Placeholders.URL, Placeholders.AT, Placeholders.TOPIC,
      Placeholders.IDNO, Placeholders.CARD, Placeholders.MOBILE, Placeholders.PHONE, Placeholders.HOTLINE,
      Placeholders.QQNUM, Placeholders.WXID, Placeholders.EMAIL, Placeholders.NUM);

  private final String uid;
  private final Param<String> contentTypeCol;
  private final Param<String> titleCol;
  private final Param<String> inputCol;
  private final Param<String> outputCol;

  public StructuredFeatures(String uid) {
    this.uid = uid;
    contentTypeCol = new Param<>(this, "contentTypeCol", "column with the content type", Validators.nonEmpty());
    titleCol = new Param<>(this, "titleCol", "column with the title (may be null)", Validators.nonEmpty());
    inputCol = new Param<>(this, "inputCol", "column with normalized text (ChineseNormalizer)", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the feature vector", Validators.nonEmpty());
    setDefault(contentTypeCol, "content_type");
    setDefault(titleCol, "title");
    setDefault(inputCol, "norm_text");
    setDefault(outputCol, "structured_features");
  }

  public StructuredFeatures() {
    this(Identifiable$.MODULE$.randomUID("structuredFeatures"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> contentTypeCol() {
    return contentTypeCol;
  }

  public Param<String> titleCol() {
    return titleCol;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public String getContentTypeCol() {
    return $(contentTypeCol);
  }

  public StructuredFeatures setContentTypeCol(String v) {
    set(contentTypeCol, v);
    return this;
  }

  public String getTitleCol() {
    return $(titleCol);
  }

  public StructuredFeatures setTitleCol(String v) {
    set(titleCol, v);
    return this;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public StructuredFeatures setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public StructuredFeatures setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  /** Feature names in vector order. */
  public static String[] featureNames() {
    List<String> names = new java.util.ArrayList<>();
    for (String t : CONTENT_TYPES) {
      names.add("content_type=" + t);
    }
    names.add("has_title");
    names.add("length");
    for (String p : COUNTED) {
      names.add("count" + p);
    }
    names.add("count?");
    names.add("count!");
    names.add("count[emoji]");
    names.add("private_contact");
    return names.toArray(new String[0]);
  }

  /** The features of one post. */
  public static double[] features(String contentType, String title, String text) {
    String t = text == null ? "" : text;
    double[] v = new double[CONTENT_TYPES.size() + 2 + COUNTED.size() + 4];
    int i = CONTENT_TYPES.indexOf(contentType == null ? "post" : contentType);
    if (i >= 0) {
      v[i] = 1;
    }
    int k = CONTENT_TYPES.size();
    v[k++] = title == null || title.isBlank() ? 0 : 1;
    v[k++] = Math.log1p(t.length()) / 8.0;
    int[] counts = new int[COUNTED.size()];
    java.util.regex.Matcher m = Placeholders.IN_TEXT.matcher(t);
    while (m.find()) {
      int idx = COUNTED.indexOf(m.group());
      if (idx >= 0) {
        counts[idx]++;
      }
    }
    for (int c : counts) {
      v[k++] = Math.log1p(c);
    }
    int questions = 0;
    int exclamations = 0;
    int emoji = 0;
    for (int p = 0; p < t.length(); p++) {
      char c = t.charAt(p);
      if (c == '?') {
        questions++;
      } else if (c == '!') {
        exclamations++;
      } else if (c == '[' && t.indexOf(']', p) > p && t.indexOf(']', p) - p <= 7) {
        emoji++;
      }
    }
    v[k++] = Math.log1p(questions);
    v[k++] = Math.log1p(exclamations);
    v[k++] = Math.log1p(emoji);
    boolean contact = counts[COUNTED.indexOf(Placeholders.WXID)] + counts[COUNTED.indexOf(Placeholders.QQNUM)]
        + counts[COUNTED.indexOf(Placeholders.MOBILE)] + counts[COUNTED.indexOf(Placeholders.EMAIL)] > 0;
    v[k] = contact ? 1 : 0;
    return v;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    UserDefinedFunction f = udf((UDF3<String, String, String, Vector>) (type, title, text) ->
        Vectors.dense(features(type, title, text)).compressed(), SQLDataTypes.VectorType());
    return dataset.withColumn(getOutputCol(),
        f.apply(col(getContentTypeCol()), col(getTitleCol()), col(getInputCol())),
        VectorMetadata.of(getOutputCol(), featureNames()));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getContentTypeCol(), DataTypes.StringType, "StructuredFeatures");
    Schemas.require(schema, getTitleCol(), DataTypes.StringType, "StructuredFeatures");
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "StructuredFeatures");
    return Schemas.addVector(schema, getOutputCol(), featureNames(), "StructuredFeatures");
  }

  @Override
  public StructuredFeatures copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<StructuredFeatures> read() {
    return new DefaultParamsReader<>();
  }

  public static StructuredFeatures load(String path) {
    return read().load(path);
  }
}
