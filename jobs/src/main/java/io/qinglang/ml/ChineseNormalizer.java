package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.TextNormalizer;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Normalizes Chinese post text ({@link TextNormalizer}): traditional to simplified, full-width to
 * half-width, links / mentions / topics / emoji codes, separators and filter-dodging spellings
 * (from the dodge lexicon, carried in the {@code dodges} Param and saved with the model), and
 * numbers and contact shapes as placeholders. Null text becomes "".
 */
public final class ChineseNormalizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final StringArrayParam dodges;
  private final BooleanParam maskNumbers;

  public ChineseNormalizer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with the raw text", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the normalized text", Validators.nonEmpty());
    dodges = new StringArrayParam(this, "dodges",
        "filter-dodging spellings: entries 'variant<TAB>canonical' (conf/lexicons/dodges.txt)", Validators.tabEntries(2));
    maskNumbers = new BooleanParam(this, "maskNumbers",
        "replace numbers, contact ids and personal-data shapes by placeholders such as <MOBILE> and <NUM>");
    setDefault(inputCol, "text");
    setDefault(outputCol, "norm_text");
    setDefault(dodges, new String[0]);
    setDefault(maskNumbers, true);
  }

  public ChineseNormalizer() {
    this(Identifiable$.MODULE$.randomUID("chineseNormalizer"));
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

  public StringArrayParam dodges() {
    return dodges;
  }

  public BooleanParam maskNumbers() {
    return maskNumbers;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public ChineseNormalizer setInputCol(String value) {
    set(inputCol, value);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public ChineseNormalizer setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  public String[] getDodges() {
    return $(dodges);
  }

  public ChineseNormalizer setDodges(List<String> entries) {
    set(dodges, entries.toArray(new String[0]));
    return this;
  }

  public boolean getMaskNumbers() {
    return (Boolean) $(maskNumbers);
  }

  public ChineseNormalizer setMaskNumbers(boolean value) {
    set(maskNumbers, value);
    return this;
  }

  /** The normalizer these Params describe (serializable; used inside tasks). */
  public TextNormalizer normalizer() {
    return new TextNormalizer(List.of(getDodges()), getMaskNumbers());
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    TextNormalizer normalizer = normalizer();
    UserDefinedFunction f = udf((UDF1<String, String>) normalizer::normalize, DataTypes.StringType);
    return dataset.withColumn(getOutputCol(), f.apply(col(getInputCol())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "ChineseNormalizer");
    return Schemas.add(schema, getOutputCol(), DataTypes.StringType, false, "ChineseNormalizer");
  }

  @Override
  public ChineseNormalizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<ChineseNormalizer> read() {
    return new DefaultParamsReader<>();
  }

  public static ChineseNormalizer load(String path) {
    return read().load(path);
  }
}
