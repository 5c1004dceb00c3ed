package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Character n-grams of masked text (HanLpTokenizer's {@code maskedTextCol}, where every placeholder
 * is one character): all grams of {@code minN} to {@code maxN} characters that contain no white
 * space. Character grams catch what word segmentation splits badly: new slang, dodged spellings,
 * names HanLP does not know.
 */
public final class CharNGrams extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final IntParam minN;
  private final IntParam maxN;

  public CharNGrams(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with (masked) text", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the n-grams (array<string>)", Validators.nonEmpty());
    minN = new IntParam(this, "minN", "shortest gram, in characters (1..5)", Validators.intBetween(1, 5));
    maxN = new IntParam(this, "maxN", "longest gram, in characters (1..5, at least minN)", Validators.intBetween(1, 5));
    setDefault(inputCol, "masked_text");
    setDefault(outputCol, "char_ngrams");
    setDefault(minN, 2);
    setDefault(maxN, 3);
  }

  public CharNGrams() {
    this(Identifiable$.MODULE$.randomUID("charNGrams"));
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

  public IntParam minN() {
    return minN;
  }

  public IntParam maxN() {
    return maxN;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public CharNGrams setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public CharNGrams setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public int getMinN() {
    return (Integer) $(minN);
  }

  public CharNGrams setMinN(int v) {
    set(minN, v);
    return this;
  }

  public int getMaxN() {
    return (Integer) $(maxN);
  }

  public CharNGrams setMaxN(int v) {
    set(maxN, v);
    return this;
  }

  /** The grams of {@code text}, shortest first, in text order. */
  public static List<String> grams(String text, int minN, int maxN) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int len = text.length();
    for (int n = minN; n <= maxN; n++) {
      for (int i = 0; i + n <= len; i++) {
        boolean ok = true;
        for (int k = i; k < i + n; k++) {
          if (Character.isWhitespace(text.charAt(k))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          out.add(text.substring(i, i + n));
        }
      }
    }
    return out;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    int lo = getMinN();
    int hi = getMaxN();
    UserDefinedFunction f = udf((UDF1<String, List<String>>) text -> grams(text, lo, hi),
        DataTypes.createArrayType(DataTypes.StringType, false));
    return dataset.withColumn(getOutputCol(), f.apply(col(getInputCol())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (getMinN() > getMaxN()) {
      throw new IllegalArgumentException("CharNGrams: minN " + getMinN() + " is larger than maxN " + getMaxN());
    }
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "CharNGrams");
    return Schemas.add(schema, getOutputCol(), DataTypes.createArrayType(DataTypes.StringType, false), false,
        "CharNGrams");
  }

  @Override
  public CharNGrams copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<CharNGrams> read() {
    return new DefaultParamsReader<>();
  }

  public static CharNGrams load(String path) {
    return read().load(path);
  }
}
