package io.qinglang.fin;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ClassifierSettings;
import io.qinglang.ml.TrainingExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains the financial-clickbait model with the classifier, on the bundled hand-written sets (as
 * {@code train-fin} does by default), into the classifier version's {@code fin_clickbait/}
 * directory, so that score finds both models in one version.
 */
public final class FinClickbaitTraining implements TrainingExtension {
  private final QinglangConfig config;

  public FinClickbaitTraining(QinglangConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return FinModel.DIR;
  }

  @Override
  public Map<String, Object> train(Dataset<Row> labelled, ClassifierSettings settings, String componentDir,
      Consumer<String> progress) {
    Path versionDir = new Path(componentDir).getParent();
    // ModelStore writes a version under ".tmp-<version>" and renames it when complete.
    String version = versionDir.getName().replaceFirst("^\\.tmp-", "");
    StringWriter report = new StringWriter();
    FinTrainJob.Outcome o;
    try (PrintWriter out = new PrintWriter(report)) {
      o = FinTrainJob.run(labelled.sparkSession(), config, FinSettings.of(config), List.of(), true,
          versionDir.toString(), version, out);
    }
    report.toString().lines().forEach(progress);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("classifier", o.result().classifier());
    summary.put("threshold", o.model().threshold());
    FinTrainer.Counts holdout = o.result().evaluation().get("holdout");
    if (holdout != null) {
      summary.put("holdout_precision", holdout.precision());
      summary.put("holdout_recall", holdout.recall());
      summary.put("holdout_f1", holdout.f1());
    }
    return summary;
  }
}
