package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.qinglang.text.CharNormalizer;
import io.qinglang.text.RegistryMatcher;
import java.util.List;
import org.apache.spark.ml.Transformer;
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
 * Entity linking: the ids of the registry enterprises a post names (full name, short name, brand),
 * with the ambiguity checks of {@link RegistryMatcher}, in order of first mention. The registry is
 * a Param set from the registry in force when scoring.
 */
public final class EnterpriseLinker extends Transformer implements DefaultParamsWritable, RegistryAware {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final StringArrayParam registryEntries;

  public EnterpriseLinker(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with the post text (raw)", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for the enterprise ids (array<string>)", Validators.nonEmpty());
    registryEntries = new StringArrayParam(this, "registryEntries",
        "enterprise registry: 'enterprise_id<TAB>name|short name|brand...'", Validators.tabEntries(2));
    setDefault(inputCol, "text");
    setDefault(outputCol, "enterprise_ids");
    setDefault(registryEntries, new String[0]);
  }

  public EnterpriseLinker() {
    this(Identifiable$.MODULE$.randomUID("enterpriseLinker"));
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

  public StringArrayParam registryEntries() {
    return registryEntries;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public EnterpriseLinker setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public EnterpriseLinker setOutputCol(String v) {
    set(outputCol, v);
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

  public EnterpriseLinker withRegistryEntries(String[] entries) {
    setRegistryEntries(entries);
    return this;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    String[] entries = getRegistryEntries();
    String fingerprint = io.qinglang.text.JvmCache.fingerprint(entries);
    // Raw or normalized text alike: char normalization is idempotent and names match in both spellings.
    UserDefinedFunction f = udf((UDF1<String, List<String>>) text ->
        entries.length == 0 || text == null ? List.of()
            : RegistryMatcher.of(entries, fingerprint).enterpriseIds(CharNormalizer.normalize(text)),
        DataTypes.createArrayType(DataTypes.StringType, false));
    return dataset.withColumn(getOutputCol(), f.apply(col(getInputCol())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getInputCol(), DataTypes.StringType, "EnterpriseLinker");
    return Schemas.add(schema, getOutputCol(), DataTypes.createArrayType(DataTypes.StringType, false), false,
        "EnterpriseLinker");
  }

  @Override
  public EnterpriseLinker copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<EnterpriseLinker> read() {
    return new DefaultParamsReader<>();
  }

  public static EnterpriseLinker load(String path) {
    return read().load(path);
  }
}
