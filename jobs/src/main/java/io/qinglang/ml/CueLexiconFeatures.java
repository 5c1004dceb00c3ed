package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.CueLexicon;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Counts cue-lexicon phrases per category ({@link CueLexicon}) in normalized text: a vector of 11
 * values, log(1 + matches) for categories 0..10 (category 0 holds cues of legitimate speech such as
 * 维权 or 官方回应). Domain knowledge that holds beyond the training data's phrasings.
 */
public final class CueLexiconFeatures extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final StringArrayParam cues;

  public CueLexiconFeatures(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with normalized text", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the vector of 11 per-category counts",
        Validators.nonEmpty());
    cues = new StringArrayParam(this, "cues", "cue lexicon entries 'category<TAB>phrase' (conf/lexicons/cues.txt)",
        Validators.cueEntries());
    setDefault(inputCol, "norm_text");
    setDefault(outputCol, "cue_features");
    setDefault(cues, new String[0]);
  }

  public CueLexiconFeatures() {
    this(Identifiable$.MODULE$.randomUID("cueLexiconFeatures"));
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

  public StringArrayParam cues() {
    return cues;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public CueLexiconFeatures setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public CueLexiconFeatures setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public String[] getCues() {
    return $(cues);
  }

  public CueLexiconFeatures setCues(List<String> entries) {
    set(cues, entries.toArray(new String[0]));
    return this;
  }

  public CueLexicon lexicon() {
    return new CueLexicon(List.of(getCues()));
  }

  /** Feature names, index = category. */
  public static String[] featureNames() {
    String[] names = new String[CueLexicon.CATEGORIES];
    for (int i = 0; i < names.length; i++) {
      names[i] = "cue:" + i;
    }
    return names;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    CueLexicon lexicon = lexicon();
    UserDefinedFunction f = udf((UDF1<String, Vector>) text -> Vectors.dense(lexicon.counts(text)).compressed(),
        SQLDataTypes.VectorType());
    return dataset.withColumn(getOutputCol(), f.apply(col(getInputCol())),
        VectorMetadata.of(getOutputCol(), featureNames()));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "CueLexiconFeatures");
    return Schemas.addVector(schema, getOutputCol(), featureNames(), "CueLexiconFeatures");
  }

  @Override
  public CueLexiconFeatures copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<CueLexiconFeatures> read() {
    return new DefaultParamsReader<>();
  }

  public static CueLexiconFeatures load(String path) {
    return read().load(path);
  }
}
