package io.qinglang.fin;

import io.qinglang.config.ConfigException;
import io.qinglang.config.OutputLocations;
import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The evaluate-fin job: scores labelled posts with a stored financial clickbait model and prints the figures. */
public final class FinEvaluateJob {
  private FinEvaluateJob() {}

  /** The newest version directory under {@code modelDir} that holds a financial clickbait model. */
  public static String newestVersion(String modelDir, Configuration conf) {
    try {
      Path root = new Path(modelDir);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new ConfigException("model directory " + modelDir + " does not exist (run train-fin first)");
      }
      String best = null;
      long bestTime = Long.MIN_VALUE;
      for (FileStatus s : fs.listStatus(root)) {
        if (!s.isDirectory()) {
          continue;
        }
        Path meta = new Path(new Path(s.getPath(), FinModel.DIR), FinModel.METADATA);
        if (fs.exists(meta)) {
          long t = fs.getFileStatus(meta).getModificationTime();
          if (t > bestTime) {
            bestTime = t;
            best = s.getPath().toString();
          }
        }
      }
      if (best == null) {
        throw new ConfigException("no financial clickbait model under " + modelDir + " (run train-fin first)");
      }
      return best;
    } catch (IOException e) {
      throw new ConfigException("cannot list " + modelDir + ": " + e.getMessage());
    }
  }

  public static JobStats run(SparkSession spark, QinglangConfig config, List<String> dirs, String versionDir,
      boolean showErrors, PrintWriter out) {
    FinModel model = FinModel.load(versionDir, spark.sparkContext().hadoopConfiguration());
    Dataset<Row> labeled = null;
    for (String d : dirs) {
      Dataset<Row> one = FinLabeledData.read(spark, config, d);
      labeled = labeled == null ? one : labeled.unionByName(one);
    }
    Dataset<Row> fin = labeled.filter(labeled.col("fin_clickbait").isNotNull());
    List<FinTrainer.Prediction> predictions = FinTrainer.predict(model.pipeline(), fin);
    Dataset<Row> others = labeled.filter(labeled.col("fin_clickbait").isNull());
    long otherApplies = model.pipeline().transform(others).filter("fin_applies").count();
    long otherTotal = others.count();
    Map<String, FinTrainer.Counts> table = new LinkedHashMap<>();
    table.put("all", FinTrainer.Counts.of(predictions, model.threshold()));
    Map<String, List<FinTrainer.Prediction>> bySource = new TreeMap<>();
    for (FinTrainer.Prediction p : predictions) {
      bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
    }
    if (bySource.size() > 1) {
      bySource.forEach((k, v) -> table.put("source " + k, FinTrainer.Counts.of(v, model.threshold())));
    }
    out.printf("financial clickbait model %s (threshold %.2f) on %s%n", model.version(), model.threshold(), dirs);
    out.printf("%-24s %6s %9s %9s %7s %6s %16s %9s%n", "evaluation", "posts", "distorted", "precision", "recall",
        "F1", "bad news flagged", "skipped");
    table.forEach((k, c) -> out.printf("%-24s %6d %9d %9.3f %7.3f %6.3f %16s %9d%n", k, c.total(), c.support(),
        c.precision(), c.recall(), c.f1(), c.badNewsFlagged() + "/" + c.badNews(), c.missedByDetector()));
    out.printf("posts labelled as not financial-results articles the detector checks anyway: %d of %d%n",
        otherApplies, otherTotal);
    if (showErrors) {
      for (FinTrainer.Prediction p : predictions) {
        if (p.flagged(model.threshold()) != p.label()) {
          out.printf("  %s %s: labelled %s, probability %.3f%s%n", p.source(), p.postId(),
              p.label() ? "distorted" : "faithful", p.probability(), p.applies() ? "" : " (not checked)");
        }
      }
    }
    out.flush();
    FinTrainer.Counts all = table.get("all");
    Map<String, String> details = new LinkedHashMap<>();
    details.put("model_version", model.version());
    details.put("precision", String.format("%.4f", all.precision()));
    details.put("recall", String.format("%.4f", all.recall()));
    details.put("f1", String.format("%.4f", all.f1()));
    details.put("bad_news_flagged", all.badNewsFlagged() + "/" + all.badNews());
    details.put("non_results_checked", otherApplies + "/" + otherTotal);
    return JobStats.written(predictions.size() + otherTotal, 0, details);
  }

  /** {@code <modelDir>/<version>} or the newest. */
  public static String versionDir(String modelDir, String version, Configuration conf) {
    return version != null ? OutputLocations.child(modelDir, version) : newestVersion(modelDir, conf);
  }
}
