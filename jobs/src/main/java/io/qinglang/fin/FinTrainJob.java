package io.qinglang.fin;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.config.OutputLocations;
import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The train-fin job: reads the labelled data (the bundled gold set and/or labelled directories),
 * trains and evaluates the financial clickbait model, writes it into a model version directory and
 * prints the evaluation.
 */
public final class FinTrainJob {
  private static final Logger LOG = LogManager.getLogger(FinTrainJob.class);
  private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private FinTrainJob() {}

  /** A new version name: fin-yyyyMMdd-HHmmss (UTC). */
  public static String newVersion(Instant at) {
    return "fin-" + VERSION.format(at);
  }

  /** What one run produced. */
  public record Outcome(FinModel model, FinTrainer.Result result, String versionDir) {}

  public static Outcome run(SparkSession spark, QinglangConfig config, FinSettings settings, List<String> labeledDirs,
      boolean includeBundled, String version, PrintWriter out) {
    List<String> sources = new ArrayList<>();
    Dataset<Row> labeled = null;
    if (includeBundled) {
      for (String resource : settings.bundled()) {
        Dataset<Row> d = FinLabeledData.bundled(spark, config, resource);
        labeled = labeled == null ? d : labeled.unionByName(d);
        sources.add("classpath:" + resource);
      }
    }
    for (String dir : labeledDirs) {
      Dataset<Row> d = FinLabeledData.read(spark, config, dir);
      labeled = labeled == null ? d : labeled.unionByName(d);
      sources.add(dir);
    }
    if (labeled == null) {
      throw new IllegalArgumentException("no training data: give --labeled DIR or keep the bundled sets");
    }
    labeled = labeled.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long rows = labeled.count();
      LOG.info("read {} labelled post(s) from {}", rows, sources);
      FinTrainer.Result result = FinTrainer.train(labeled, settings, msg -> {
        LOG.info(msg);
      });
      String versionDir = OutputLocations.child(config.modelDir(), version);
      ObjectNode meta = metadata(settings, result, sources, rows, fingerprint(labeled));
      FinModel model = FinModel.save(versionDir, version, result.model(), settings.threshold(), meta,
          spark.sparkContext().hadoopConfiguration());
      report(out, result, settings, model);
      return new Outcome(model, result, versionDir);
    } finally {
      labeled.unpersist();
    }
  }

  public static JobStats stats(Outcome o, long rowsRead) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("model_version", o.model().version());
    details.put("classifier", o.result().classifier());
    FinTrainer.Counts h = o.result().evaluation().get("holdout");
    if (h != null) {
      details.put("holdout_precision", String.format("%.4f", h.precision()));
      details.put("holdout_recall", String.format("%.4f", h.recall()));
      details.put("holdout_f1", String.format("%.4f", h.f1()));
      details.put("holdout_bad_news_flagged", h.badNewsFlagged() + "/" + h.badNews());
    }
    return JobStats.written(rowsRead, 1, details);
  }

  /** SHA-256 over the labelled posts (id, label, text), independent of order. */
  static String fingerprint(Dataset<Row> labeled) {
    List<String> keys = labeled
        .select(org.apache.spark.sql.functions.concat_ws("\u0001", col("source"), col("post_id"),
            col("fin_clickbait").cast("string"), sha2(org.apache.spark.sql.functions.concat_ws("\u0001",
                org.apache.spark.sql.functions.coalesce(col("title"), org.apache.spark.sql.functions.lit("")),
                col("content")), 256)))
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String k : sorted) {
        md.update(k.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode metadata(FinSettings s, FinTrainer.Result r, List<String> sources, long rows, String fingerprint) {
    ObjectNode m = FinModel.newMetadata();
    m.put("created_at", Instant.now().toString());
    m.put("classifier", r.classifier());
    ArrayNode features = m.putArray("features");
    FinConsistency.FEATURES.forEach(features::add);
    m.put("title_features", s.titleFeatures());
    ObjectNode detection = m.putObject("detection");
    ArrayNode types = detection.putArray("content_types");
    s.contentTypes().stream().sorted().forEach(types::add);
    detection.put("long_post_min_chars", s.longPostMinChars());
    detection.put("min_body_chars", s.minBodyChars());
    detection.put("min_cues", s.minCues());
    ObjectNode training = m.putObject("training");
    ArrayNode src = training.putArray("sources");
    sources.forEach(src::add);
    training.put("labelled_rows", rows);
    training.put("train_rows", r.trainRows());
    training.put("train_results_articles", r.trainApplicable());
    training.put("train_distorted", r.trainPositives());
    ArrayNode styles = training.putArray("train_styles");
    r.trainStyles().forEach(styles::add);
    ArrayNode held = training.putArray("holdout_styles");
    r.holdoutStyles().forEach(held::add);
    training.put("fingerprint", fingerprint);
    ObjectNode cv = m.putObject("cross_validation");
    r.crossValidation().forEach((k, v) -> cv.set(k, counts(v)));
    ObjectNode ev = m.putObject("evaluation");
    r.evaluation().forEach((k, v) -> ev.set(k, counts(v)));
    return m;
  }

  static ObjectNode counts(FinTrainer.Counts c) {
    ObjectNode o = FinModel.newMetadata();
    o.put("precision", c.precision());
    o.put("recall", c.recall());
    o.put("f1", c.f1());
    o.put("tp", c.tp());
    o.put("fp", c.fp());
    o.put("fn", c.fn());
    o.put("tn", c.tn());
    o.put("bad_news_flagged", c.badNewsFlagged());
    o.put("bad_news", c.badNews());
    o.put("missed_by_detector", c.missedByDetector());
    return o;
  }

  static void report(PrintWriter out, FinTrainer.Result r, FinSettings s, FinModel model) {
    out.printf("financial clickbait model %s: %s, threshold %.2f, written to %s%n", model.version(), r.classifier(),
        s.threshold(), model.location());
    if (!r.crossValidation().isEmpty()) {
      out.println("cross-validation over training styles " + r.trainStyles() + ":");
      r.crossValidation().forEach((k, v) -> out.printf("  %-22s precision %.3f  recall %.3f  F1 %.3f%n", k,
          v.precision(), v.recall(), v.f1()));
    }
    out.printf("%-32s %6s %9s %9s %7s %6s %16s %9s%n", "evaluation", "posts", "distorted", "precision", "recall",
        "F1", "bad news flagged", "skipped");
    r.evaluation().forEach((k, c) -> out.printf("%-32s %6d %9d %9.3f %7.3f %6.3f %16s %9d%n", k, c.total(),
        c.support(), c.precision(), c.recall(), c.f1(), c.badNewsFlagged() + "/" + c.badNews(),
        c.missedByDetector()));
    if (r.holdoutRows() == 0) {
      out.println("(no held-out posts: styles " + s.holdoutStyles() + " are absent from the data)");
    }
    out.flush();
  }
}
