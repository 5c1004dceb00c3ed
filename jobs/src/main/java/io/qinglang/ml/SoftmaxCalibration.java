package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleParam;
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
import org.apache.spark.sql.types.StructType;

/**
 * Calibrated class probabilities from a classifier's raw scores by temperature scaling:
 * softmax(raw / T). The raw scores are logits for LogisticRegression, per-class margins for
 * LinearSVC one-vs-rest, log posteriors for NaiveBayes; {@code temperature} is fitted on validation
 * data to minimise the negative log-likelihood ({@link #fitTemperature}), so that "p = 0.9" means
 * right about nine times in ten and thresholds on probabilities mean what they say.
 */
public final class SoftmaxCalibration extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> rawCol;
  private final Param<String> outputCol;
  private final DoubleParam temperature;

  public SoftmaxCalibration(String uid) {
    this.uid = uid;
    rawCol = new Param<>(this, "rawCol", "column with raw class scores (vector)", Validators.nonEmpty());
    outputCol = new Param<>(this, "outputCol", "column for calibrated probabilities (vector)", Validators.nonEmpty());
    temperature = new DoubleParam(this, "temperature", "softmax temperature (> 0; 1 leaves logits as they are)",
        Validators.positive());
    setDefault(rawCol, "raw_prediction");
    setDefault(outputCol, "probability");
    setDefault(temperature, 1.0);
  }

  public SoftmaxCalibration() {
    this(Identifiable$.MODULE$.randomUID("softmaxCalibration"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> rawCol() {
    return rawCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public DoubleParam temperature() {
    return temperature;
  }

  public String getRawCol() {
    return $(rawCol);
  }

  public SoftmaxCalibration setRawCol(String v) {
    set(rawCol, v);
    return this;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public SoftmaxCalibration setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public double getTemperature() {
    return (Double) $(temperature);
  }

  public SoftmaxCalibration setTemperature(double v) {
    set(temperature, v);
    return this;
  }

  public static double[] softmax(double[] raw, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (double r : raw) {
      max = Math.max(max, r / temperature);
    }
    double[] p = new double[raw.length];
    double sum = 0;
    for (int i = 0; i < raw.length; i++) {
      p[i] = Math.exp(raw[i] / temperature - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /**
   * The temperature minimising the mean negative log-likelihood of {@code labels} under
   * softmax(raw / T): a coarse logarithmic grid from 0.02 to 50, then golden-section refinement.
   */
  public static double fitTemperature(double[][] raw, int[] labels) {
    if (raw.length == 0) {
      return 1.0;
    }
    double best = 1.0;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double logT = Math.log(0.02); logT <= Math.log(50); logT += 0.1) {
      double loss = nll(raw, labels, Math.exp(logT));
      if (loss < bestLoss) {
        bestLoss = loss;
        best = Math.exp(logT);
      }
    }
    double lo = Math.log(best) - 0.1;
    double hi = Math.log(best) + 0.1;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 40; i++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (nll(raw, labels, Math.exp(a)) < nll(raw, labels, Math.exp(b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  static double nll(double[][] raw, int[] labels, double t) {
    double loss = 0;
    for (int i = 0; i < raw.length; i++) {
      double[] p = softmax(raw[i], t);
      loss -= Math.log(Math.max(1e-12, p[labels[i]]));
    }
    return loss / raw.length;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    double t = getTemperature();
    UserDefinedFunction f = udf((UDF1<Vector, Vector>) v -> Vectors.dense(softmax(v.toArray(), t)),
        SQLDataTypes.VectorType());
    return dataset.withColumn(getOutputCol(), f.apply(col(getRawCol())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Schemas.require(schema, getRawCol(), SQLDataTypes.VectorType(), "SoftmaxCalibration");
    return Schemas.add(schema, getOutputCol(), SQLDataTypes.VectorType(), false, "SoftmaxCalibration");
  }

  @Override
  public SoftmaxCalibration copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<SoftmaxCalibration> read() {
    return new DefaultParamsReader<>();
  }

  public static SoftmaxCalibration load(String path) {
    return read().load(path);
  }
}
