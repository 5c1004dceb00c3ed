package io.qinglang.demo;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.ConfigRenderOptions;
import io.qinglang.aggregate.QuarterlySummary;
import io.qinglang.config.QinglangConfig;
import io.qinglang.generate.CorpusGenerator;
import io.qinglang.generate.GeneratorOptions;
import io.qinglang.generate.Manifest;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.IngestJob;
import io.qinglang.ingest.IngestKind;
import io.qinglang.ml.ModelStore;
import io.qinglang.ml.TrainJob;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobRun;
import io.qinglang.run.JobStats;
import io.qinglang.score.ScoreJob;
import io.qinglang.table.JobRunsTable;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The whole pipeline on a generated archive: generate, ingest posts and disposals, train (or reuse
 * the model an earlier demo trained from the same corpus options), score, aggregate, then print the
 * quarterly per-platform table and the top categories. Every step prints its time and records its
 * own row in job_runs; a second run reuses the archive, the model and the scores when nothing they
 * depend on changed, and prints the same figures.
 */
public final class DemoJob {
  /** What the command line chose. */
  public record Options(String archiveDir, Long posts, boolean retrain, String realText) {}

  /** One step's name and time, for the closing summary. */
  public record StepTime(String step, double seconds, String outcome) {}

  private final SparkSession spark;
  private final QinglangConfig config;
  private final Warehouse warehouse;
  private final PrintWriter out;
  private final List<StepTime> times = new ArrayList<>();
  private int step;
  private static final int STEPS = 7;

  public DemoJob(SparkSession spark, QinglangConfig config, Warehouse warehouse, PrintWriter out) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.out = out;
  }

  public JobStats run(Options options) {
    Instant begun = Instant.now();
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    Path dir = Path.of(options.archiveDir()).toAbsolutePath().normalize();
    DemoState state = DemoState.read(dir);

    GeneratorOptions archive = GeneratorOptions.profile(config, "demo", registry);
    if (options.posts() != null) {
      archive = archive.withPosts(options.posts());
    }
    final GeneratorOptions archiveOptions = archive;
    step("generate", () -> {
      boolean reuse = CorpusGenerator.upToDate(spark, archiveOptions, dir.toString());
      Manifest m = CorpusGenerator.ensure(spark, archiveOptions, dir.toString());
      return new Result<>(m, (reuse ? "reused " : "generated ") + String.format(Locale.ROOT, "%,d", archiveOptions.posts())
          + " posts in " + dir);
    });

    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    JobStats posts = recordedStep("ingest", "--input " + dir.resolve("posts"), () -> IngestJob.run(spark, config,
        IngestKind.POSTS, ArchiveInputs.expand(List.of(dir.resolve("posts").toString()), hadoop), runId("ingest"),
        Instant.now()), s -> String.format(Locale.ROOT,
            "read %,d = written %,d + updated %,d + unchanged %,d + quarantined %,d + duplicate %,d", s.rowsRead(),
            s.rowsWritten(), s.rowsUpdated(), s.rowsUnchanged(), s.rowsQuarantined(), s.rowsDuplicate()));
    recordedStep("ingest", "--kind disposals --input " + dir.resolve("disposals"), () -> IngestJob.run(spark, config,
        IngestKind.DISPOSALS, ArchiveInputs.expand(List.of(dir.resolve("disposals").toString()), hadoop),
        runId("ingest"), Instant.now()), s -> String.format(Locale.ROOT,
            "%,d disposal records: %,d new, %,d updated, %,d unchanged, %,d quarantined", s.rowsRead(),
            s.rowsWritten(), s.rowsUpdated(), s.rowsUnchanged(), s.rowsQuarantined()));

    // Train, unless the model an earlier demo trained from the same options is still there.
    TrainingCorpus.Settings corpus = TrainingCorpus.Settings.from(config);
    String fingerprint = trainingFingerprint(registry,
        options.realText() != null ? options.realText() : corpus.realText());
    ModelStore store = new ModelStore(config.modelDir(), hadoop);
    boolean reuseModel = !options.retrain() && state.trainedVersion() != null
        && fingerprint.equals(state.trainingFingerprint()) && store.versions().contains(state.trainedVersion());
    String model;
    if (reuseModel) {
      model = state.trainedVersion();
      skipped("train", "reused model " + model + " (trained by an earlier demo from the same corpus and settings; "
          + "--retrain trains again)");
    } else {
      JobStats trained = recordedStep("train", "(default training corpus)", () -> TrainJob.run(spark, config,
          warehouse, runId("train"), Instant.now(), new TrainJob.Options(null, null, false, null, options.realText()),
          out), s -> "model " + s.details().get("model_version") + ", validation macro-F1 "
              + s.details().get("validation_macro_f1"));
      model = trained.details().get("model_version");
      state = state.withTrained(model, fingerprint);
      state.write(dir);
    }

    // Score, unless this model already scored every post and ingest changed nothing.
    boolean postsUnchanged = posts.rowsWritten() == 0 && posts.rowsUpdated() == 0;
    if (postsUnchanged && model.equals(state.scoredVersion()) && allScored(model)) {
      skipped("score", "every post already scored by " + model + " and ingest changed nothing");
    } else {
      final String version = model;
      recordedStep("score", "--model " + version, () -> ScoreJob.run(spark, config, warehouse, runId("score"),
          Instant.now(), new ScoreJob.Options(version, null, null, null), out),
          s -> String.format(Locale.ROOT, "%,d posts scored, %s flagged, %s for review", s.rowsWritten(),
              s.details().get("flagged"), s.details().get("needs_review")));
      state = state.withScored(model);
      state.write(dir);
    }

    recordedStep("aggregate", "", () -> QuarterlySummary.aggregateAll(spark, config, registry),
        s -> String.format(Locale.ROOT, "%,d statistics rows written", s.rowsWritten()));

    QuarterlySummary.Report report = step("summary", () -> {
      QuarterlySummary.Report r = QuarterlySummary.read(spark, warehouse, 3);
      return new Result<>(r, r.platforms().size() + " platform quarters");
    });
    out.println();
    out.print(report.format());
    out.println();
    out.println("time per step:");
    for (StepTime t : times) {
      out.printf(Locale.ROOT, "  %-10s %8.1f s  %s%n", t.step(), t.seconds(), t.outcome());
    }
    double total = Duration.between(begun, Instant.now()).toMillis() / 1000.0;
    out.printf(Locale.ROOT, "  %-10s %8.1f s%n", "total", total);
    out.println();
    out.println("Explore: jobs/bin/qinglang tables | sql \"SELECT ...\" | report --quarter "
        + (report.platforms().isEmpty() ? "2023Q2" : report.platforms().get(0).quarter()));
    out.flush();
    return new JobStats(archiveOptions.posts(), posts.rowsWritten(), posts.rowsUpdated(),
        posts.rowsUnchanged(), posts.rowsQuarantined(), posts.rowsDuplicate(), java.util.Map.of())
        .withDetail("model_version", model)
        .withDetail("archive", dir.toString())
        .withDetail("seconds", String.format(Locale.ROOT, "%.1f", total));
  }

  /** A step's value and a line about it. */
  private record Result<T>(T value, String outcome) {}

  private <T> T step(String name, Supplier<Result<T>> body) {
    step++;
    out.printf(Locale.ROOT, "[%d/%d] %s ...%n", step, STEPS, name);
    out.flush();
    Instant start = Instant.now();
    Result<T> r = body.get();
    double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    times.add(new StepTime(name, s, r.outcome()));
    out.printf(Locale.ROOT, "[%d/%d] %s done in %.1f s: %s%n", step, STEPS, name, s, r.outcome());
    out.flush();
    return r.value();
  }

  /** A step that is a job of its own: it gets a job_runs row, as when its command runs alone. */
  private JobStats recordedStep(String command, String arguments, Supplier<JobStats> body,
      java.util.function.Function<JobStats, String> describe) {
    return step(command, () -> {
      Instant started = Instant.now();
      String id = runId(command);
      try {
        JobStats s = body.get();
        new JobRunsTable().append(spark, warehouse, new JobRun(id, command, "(demo) " + arguments, started,
            Instant.now(), JobRun.SUCCEEDED, List.of(), s, null));
        return new Result<>(s, describe.apply(s));
      } catch (RuntimeException e) {
        new JobRunsTable().append(spark, warehouse, new JobRun(id, command, "(demo) " + arguments, started,
            Instant.now(), JobRun.FAILED, List.of(), JobStats.NONE, String.valueOf(e.getMessage())));
        throw e;
      }
    });
  }

  private void skipped(String name, String why) {
    step++;
    times.add(new StepTime(name, 0.0, why));
    out.printf(Locale.ROOT, "[%d/%d] %s: %s%n", step, STEPS, name, why);
    out.flush();
  }

  private boolean allScored(String model) {
    PostViolationsTable violations = new PostViolationsTable();
    if (!violations.exists(spark, warehouse)) {
      return false;
    }
    long scored = violations.read(spark, warehouse).filter(col("model_version").equalTo(model)).count();
    return scored == new PostsTable().read(spark, warehouse).count();
  }

  private static String runId(String command) {
    return JobRun.newRunId(command, Instant.now());
  }

  /**
   * What the default model depends on: the classifier, generator and financial-model settings, the
   * registry, the real text and the bundled gold set's presence. Equal fingerprints mean an earlier
   * demo's model was trained from the same corpus with the same settings.
   */
  private String trainingFingerprint(EnterpriseRegistry registry, String realText) {
    ConfigRenderOptions concise = ConfigRenderOptions.concise().setJson(true);
    StringBuilder b = new StringBuilder();
    for (String key : List.of("qinglang.classifier", "qinglang.generate", "qinglang.fin")) {
      b.append(key).append('=').append(config.reader().has(key)
          ? config.reader().config().getValue(key).render(concise) : "").append('\n');
    }
    b.append("registry=").append(registry.fingerprint()).append('\n');
    b.append("real-text=").append(realText == null ? "" : realText).append('\n');
    b.append("gold=").append(TrainingCorpus.hasGold()).append('\n');
    String v = DemoJob.class.getPackage().getImplementationVersion();
    b.append("qinglang=").append(v == null ? "development" : v).append('\n');
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
