package io.qinglang.fin;

import static org.apache.spark.sql.functions.col;

import io.qinglang.table.EvidenceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * MLlib stage: reads a post's content type, title and content and adds whether it is a
 * financial-results article with a headline ({@code fin_applies}), the headline ({@code fin_headline}),
 * the title/body consistency features ({@code fin_features}, see {@link FinConsistency#FEATURES}) and
 * the contradictions found ({@code fin_evidence}, {@link EvidenceSchema} structs, source fin_clickbait).
 * Rows it does not apply to get zero features, an empty evidence array and a null headline only when
 * the post has none.
 */
public final class FinFeaturizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> titleCol;
  private final Param<String> contentCol;
  private final Param<String> contentTypeCol;
  private final Param<String> outputPrefix;
  private final StringArrayParam contentTypes;
  private final IntParam longPostMinChars;
  private final IntParam minBodyChars;
  private final IntParam minCues;

  public FinFeaturizer() {
    this(Identifiable$.MODULE$.randomUID("finFeaturizer"));
  }

  public FinFeaturizer(String uid) {
    this.uid = uid;
    titleCol = new Param<>(this, "titleCol", "column holding the post's title (may be null)");
    contentCol = new Param<>(this, "contentCol", "column holding the post's text");
    contentTypeCol = new Param<>(this, "contentTypeCol", "column holding the content type (post, article, ...)");
    outputPrefix = new Param<>(this, "outputPrefix",
        "prefix of the output columns: <prefix>applies, <prefix>headline, <prefix>features, <prefix>evidence",
        (scala.Function1<String, Object>) s -> s != null && s.matches("[a-z_][a-z0-9_]*"));
    contentTypes = new StringArrayParam(this, "contentTypes",
        "content types checked (article, post, video, ...)",
        (scala.Function1<String[], Object>) a -> a.length > 0);
    longPostMinChars = new IntParam(this, "longPostMinChars",
        "a post without title or 【headline】 needs this many characters; its first sentence is then the headline",
        ParamValidators.gtEq(1));
    minBodyChars = new IntParam(this, "minBodyChars", "bodies shorter than this are not checked",
        ParamValidators.gtEq(1));
    minCues = new IntParam(this, "minCues", "results cues a post needs to be checked (a revenue or profit "
        + "figure in the body counts 2 and is required; report words, 同比/环比, a period, a headline claim 1 each)",
        ParamValidators.gtEq(2));
    setDefault(titleCol, "title");
    setDefault(contentCol, "content");
    setDefault(contentTypeCol, "content_type");
    setDefault(outputPrefix, "fin_");
    setDefault(contentTypes, new String[] {"article", "post", "video"});
    setDefault(longPostMinChars, 50);
    setDefault(minBodyChars, 30);
    setDefault(minCues, 4);
  }

  /** A featurizer with the given settings' detection parameters. */
  public static FinFeaturizer of(FinSettings settings) {
    return new FinFeaturizer()
        .setContentTypes(settings.contentTypes().stream().sorted().toArray(String[]::new))
        .setLongPostMinChars(settings.longPostMinChars())
        .setMinBodyChars(settings.minBodyChars())
        .setMinCues(settings.minCues());
  }

  @Override
  public String uid() {
    return uid;
  }

  // The Param accessors: MLlib finds a stage's params through its public methods returning Param.

  public Param<String> titleCol() {
    return titleCol;
  }

  public Param<String> contentCol() {
    return contentCol;
  }

  public Param<String> contentTypeCol() {
    return contentTypeCol;
  }

  public Param<String> outputPrefix() {
    return outputPrefix;
  }

  public StringArrayParam contentTypes() {
    return contentTypes;
  }

  public IntParam longPostMinChars() {
    return longPostMinChars;
  }

  public IntParam minBodyChars() {
    return minBodyChars;
  }

  public IntParam minCues() {
    return minCues;
  }

  public String getTitleCol() {
    return $(titleCol);
  }

  public FinFeaturizer setTitleCol(String value) {
    set(titleCol, value);
    return this;
  }

  public String getContentCol() {
    return $(contentCol);
  }

  public FinFeaturizer setContentCol(String value) {
    set(contentCol, value);
    return this;
  }

  public String getContentTypeCol() {
    return $(contentTypeCol);
  }

  public FinFeaturizer setContentTypeCol(String value) {
    set(contentTypeCol, value);
    return this;
  }

  public String getOutputPrefix() {
    return $(outputPrefix);
  }

  public FinFeaturizer setOutputPrefix(String value) {
    set(outputPrefix, value);
    return this;
  }

  public String[] getContentTypes() {
    return $(contentTypes);
  }

  public FinFeaturizer setContentTypes(String[] value) {
    set(contentTypes, value);
    return this;
  }

  public int getLongPostMinChars() {
    return (Integer) $(longPostMinChars);
  }

  public FinFeaturizer setLongPostMinChars(int value) {
    set(longPostMinChars, value);
    return this;
  }

  public int getMinBodyChars() {
    return (Integer) $(minBodyChars);
  }

  public FinFeaturizer setMinBodyChars(int value) {
    set(minBodyChars, value);
    return this;
  }

  public int getMinCues() {
    return (Integer) $(minCues);
  }

  public FinFeaturizer setMinCues(int value) {
    set(minCues, value);
    return this;
  }

  public String appliesCol() {
    return getOutputPrefix() + "applies";
  }

  public String headlineCol() {
    return getOutputPrefix() + "headline";
  }

  public String featuresCol() {
    return getOutputPrefix() + "features";
  }

  public String evidenceCol() {
    return getOutputPrefix() + "evidence";
  }

  /** The analysis this stage performs, for use outside Spark. */
  public FinAnalyzer analyzer() {
    return new FinAnalyzer(new LinkedHashSet<>(Arrays.asList(getContentTypes())), getLongPostMinChars(),
        getMinBodyChars(), getMinCues());
  }

  private static StructType resultType() {
    return new StructType()
        .add("applies", DataTypes.BooleanType, false)
        .add("headline", DataTypes.StringType, true)
        .add("features", SQLDataTypes.VectorType(), false)
        .add("evidence", EvidenceSchema.ARRAY, false);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    checkedSchema(dataset.schema(), true);
    FinAnalyzer analyzer = analyzer();
    UserDefinedFunction analyze = functions.udf((UDF3<String, String, String, Row>) (type, title, content) -> {
      FinAnalysis a = analyzer.analyze(type, title, content);
      List<Row> evidence = new ArrayList<>();
      for (FinEvidence e : a.evidence()) {
        evidence.add(e.toRow(a.article().headlineOffset()));
      }
      return RowFactory.create(a.applies(), a.article().headline(), Vectors.dense(a.features()), evidence);
    }, resultType());
    String tmp = "__fin_analysis_" + Math.abs(uid.hashCode());
    Column title = Arrays.asList(dataset.columns()).contains(getTitleCol()) ? col(getTitleCol())
        : functions.lit(null).cast(DataTypes.StringType);
    return dataset.toDF()
        .withColumn(tmp, analyze.apply(col(getContentTypeCol()).cast(DataTypes.StringType),
            title.cast(DataTypes.StringType), col(getContentCol()).cast(DataTypes.StringType)))
        .withColumn(appliesCol(), col(tmp + ".applies"))
        .withColumn(headlineCol(), col(tmp + ".headline"))
        .withColumn(featuresCol(), col(tmp + ".features"))
        .withColumn(evidenceCol(), col(tmp + ".evidence"))
        .drop(tmp);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return checkedSchema(schema, false);
  }

  private StructType checkedSchema(StructType schema, boolean check) {
    List<String> names = Arrays.asList(schema.fieldNames());
    if (check) {
      for (String c : new String[] {getContentCol(), getContentTypeCol()}) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException("FinFeaturizer: input column '" + c + "' is missing (have " + names + ")");
        }
      }
    }
    for (String out : new String[] {appliesCol(), headlineCol(), featuresCol(), evidenceCol()}) {
      if (names.contains(out)) {
        throw new IllegalArgumentException("FinFeaturizer: output column '" + out + "' already exists");
      }
    }
    return schema
        .add(appliesCol(), DataTypes.BooleanType, false)
        .add(headlineCol(), DataTypes.StringType, true)
        .add(featuresCol(), SQLDataTypes.VectorType(), false)
        .add(evidenceCol(), EvidenceSchema.ARRAY, false);
  }

  @Override
  public FinFeaturizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<FinFeaturizer> read() {
    return new DefaultParamsReader<>();
  }

  public static FinFeaturizer load(String path) {
    return read().load(path);
  }
}
