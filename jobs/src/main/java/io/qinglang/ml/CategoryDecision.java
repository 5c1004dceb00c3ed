package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
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
 * The decision from calibrated class probabilities: the top class when it is a violation whose
 * probability reaches that category's threshold (chosen on validation data for high precision);
 * otherwise category 0, with {@code needs_review} when some violation class still has at least
 * {@code reviewThreshold} probability. Outputs {@code category} (int), {@code confidence} (the
 * probability of the decided category: p[category], or p[0] for 0), {@code needs_review} (boolean)
 * and {@code probabilities} (array of doubles, index = category).
 */
public final class CategoryDecision extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  public static final int CLASSES = 11;
  private static final StructType RESULT = new StructType()
      .add("category", DataTypes.IntegerType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("needs_review", DataTypes.BooleanType, false)
      .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  private final String uid;
  private final Param<String> probabilityCol;
  private final Param<String> categoryCol;
  private final Param<String> confidenceCol;
  private final Param<String> needsReviewCol;
  private final Param<String> probabilitiesCol;
  private final DoubleArrayParam thresholds;
  private final DoubleParam reviewThreshold;

  public CategoryDecision(String uid) {
    this.uid = uid;
    probabilityCol = new Param<>(this, "probabilityCol", "column with calibrated class probabilities (vector)",
        Validators.nonEmpty());
    categoryCol = new Param<>(this, "categoryCol", "column for the decided category (int)", Validators.nonEmpty());
    confidenceCol = new Param<>(this, "confidenceCol", "column for the confidence (double)", Validators.nonEmpty());
    needsReviewCol = new Param<>(this, "needsReviewCol", "column for needs_review (boolean)", Validators.nonEmpty());
    probabilitiesCol = new Param<>(this, "probabilitiesCol", "column for the probabilities as array<double>",
        Validators.nonEmpty());
    thresholds = new DoubleArrayParam(this, "thresholds",
        "per-category probability a violation class needs (index = category 0..10; index 0 unused)",
        Validators.probabilities(CLASSES));
    reviewThreshold = new DoubleParam(this, "reviewThreshold",
        "a post left at 0 needs review when some violation class has at least this probability",
        Validators.doubleBetween(0, 1));
    setDefault(probabilityCol, "probability");
    setDefault(categoryCol, "category");
    setDefault(confidenceCol, "confidence");
    setDefault(needsReviewCol, "needs_review");
    setDefault(probabilitiesCol, "probabilities");
    double[] t = new double[CLASSES];
    Arrays.fill(t, 0.5);
    t[0] = 0;
    setDefault(thresholds, t);
    setDefault(reviewThreshold, 0.35);
  }

  public CategoryDecision() {
    this(Identifiable$.MODULE$.randomUID("categoryDecision"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public Param<String> categoryCol() {
    return categoryCol;
  }

  public Param<String> confidenceCol() {
    return confidenceCol;
  }

  public Param<String> needsReviewCol() {
    return needsReviewCol;
  }

  public Param<String> probabilitiesCol() {
    return probabilitiesCol;
  }

  public DoubleArrayParam thresholds() {
    return thresholds;
  }

  public DoubleParam reviewThreshold() {
    return reviewThreshold;
  }

  public String getProbabilityCol() {
    return $(probabilityCol);
  }

  public CategoryDecision setProbabilityCol(String v) {
    set(probabilityCol, v);
    return this;
  }

  public double[] getThresholds() {
    return $(thresholds);
  }

  public CategoryDecision setThresholds(double[] v) {
    set(thresholds, v.clone());
    return this;
  }

  public double getReviewThreshold() {
    return (Double) $(reviewThreshold);
  }

  public CategoryDecision setReviewThreshold(double v) {
    set(reviewThreshold, v);
    return this;
  }

  /** The decision for one probability vector: {category, confidence, needsReview (0/1)}. */
  public static Decision decide(double[] p, double[] thresholds, double reviewThreshold) {
    int top = ThresholdSelector.top(p);
    if (top != 0 && p[top] >= thresholds[top]) {
      return new Decision(top, p[top], false);
    }
    double maxViolation = 0;
    for (int c = 1; c < p.length; c++) {
      maxViolation = Math.max(maxViolation, p[c]);
    }
    return new Decision(0, p[0], maxViolation >= reviewThreshold);
  }

  /** One decision. */
  public record Decision(int category, double confidence, boolean needsReview) {}

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    double[] t = getThresholds();
    double review = getReviewThreshold();
    UserDefinedFunction f = udf((UDF1<Vector, Row>) v -> {
      double[] p = v.toArray();
      Decision d = decide(p, t, review);
      return RowFactory.create(d.category(), Math.max(0, Math.min(1, d.confidence())), d.needsReview(),
          scala.Predef.wrapDoubleArray(p).toSeq());
    }, RESULT).asNondeterministic();
    String tmp = "__" + uid;
    return dataset.withColumn(tmp, f.apply(col(getProbabilityCol())))
        .withColumn($(categoryCol), col(tmp + ".category"))
        .withColumn($(confidenceCol), col(tmp + ".confidence"))
        .withColumn($(needsReviewCol), col(tmp + ".needs_review"))
        .withColumn($(probabilitiesCol), col(tmp + ".probabilities"))
        .drop(tmp);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getProbabilityCol(), SQLDataTypes.VectorType(), "CategoryDecision");
    StructType out = Schemas.add(schema, $(categoryCol), DataTypes.IntegerType, false, "CategoryDecision");
    out = Schemas.add(out, $(confidenceCol), DataTypes.DoubleType, false, "CategoryDecision");
    out = Schemas.add(out, $(needsReviewCol), DataTypes.BooleanType, false, "CategoryDecision");
    return Schemas.add(out, $(probabilitiesCol), DataTypes.createArrayType(DataTypes.DoubleType, false), false,
        "CategoryDecision");
  }

  @Override
  public CategoryDecision copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<CategoryDecision> read() {
    return new DefaultParamsReader<>();
  }

  public static CategoryDecision load(String path) {
    return read().load(path);
  }
}
