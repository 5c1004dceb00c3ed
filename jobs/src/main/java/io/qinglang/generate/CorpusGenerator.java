package io.qinglang.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qinglang.util.HadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Generates a labelled archive as a Spark job. The posts are cut into a fixed number of parts
 * (derived from the number of posts and {@code posts-per-part}); each Spark task writes whole parts,
 * each post comes from its own random stream, so the files are byte-identical whatever the number of
 * partitions or cores.
 *
 * <p>Writes, under {@code outDir}: {@code posts/part-NNNNN.jsonl.gz} (archive format),
 * {@code labels.csv} ({@code post_id,category,fin_clickbait}), {@code disposals/part-NNNNN.jsonl.gz},
 * {@code truth.csv.gz} (form, split, campaign, enterprises, personal data per record) and
 * {@code manifest.json}, written last.
 */
public final class CorpusGenerator {
  private static final Logger LOG = LogManager.getLogger(CorpusGenerator.class);
  public static final String MANIFEST = "manifest.json";
  public static final String LABELS = "labels.csv";
  public static final String TRUTH = "truth.csv.gz";
  /** Everything generate writes; a directory holding only these may be regenerated. */
  static final List<String> OUTPUTS = List.of(PartWriter.POSTS, PartWriter.DISPOSALS, PartWriter.WORK, LABELS, TRUTH,
      MANIFEST);

  private CorpusGenerator() {}

  /**
   * Generates the archive into {@code outDir} (created when missing; earlier outputs of generate in it
   * are replaced; any other file there is an error) and returns the manifest.
   */
  public static Manifest generate(SparkSession spark, GeneratorOptions options, String outDir) {
    long started = System.nanoTime();
    Grammar.get();
    RealText real = options.realTextDir() == null ? null : RealText.load(options.realTextDir());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      prepare(outDir, hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + outDir, e);
    }
    int parts = options.parts();
    int slices = options.sparkPartitions() > 0 ? Math.min(options.sparkPartitions(), parts) : parts;
    LOG.info("generating {} posts ({} profile, seed {}, {} forms) into {} part(s) on {} Spark partition(s)",
        options.posts(), options.profile(), options.seed(), options.forms().id(), parts, slices);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<RealText> realB = real == null ? null : jsc.broadcast(real);
    HadoopConf conf = new HadoopConf(hadoop);
    List<Integer> ids = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      ids.add(p);
    }
    Progress progress = new Progress(options, parts, slices, started);
    spark.sparkContext().addSparkListener(progress);
    List<PartStats> results;
    try {
      jsc.setJobDescription("generate " + options.posts() + " posts");
      results = jsc.parallelize(ids, slices)
          .map(p -> PartWriter.write(p, options, realB == null ? null : realB.value(), conf.get(), outDir))
          .collect();
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      jsc.setJobDescription(null);
      if (realB != null) {
        realB.destroy();
      }
    }
    PartStats total = new PartStats();
    results.forEach(total::merge);
    try {
      assemble(outDir, hadoop, parts);
      Manifest m = Manifest.of(options, real, total, parts);
      writeManifest(outDir, hadoop, m);
      double secs = (System.nanoTime() - started) / 1e9;
      double cpu = progress.cpuNanos.get() / 1e9;
      LOG.info("generated {} records in {} s ({} posts/s); the tasks used {} CPU seconds ({} posts per CPU second)",
          total.records, String.format("%.1f", secs), String.format("%.0f", total.records / secs),
          String.format("%.1f", cpu), cpu > 0 ? String.format("%.0f", total.records / cpu) : "?");
      return m.withSeconds(secs, cpu);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish " + outDir, e);
    }
  }

  /**
   * The corpus for these options in {@code outDir}: reused when a complete one generated with exactly the
   * same options (and grammar, registry and real text) is there, generated otherwise. The demo and the
   * default training corpus call this, so a second run does not regenerate.
   */
  public static Manifest ensure(SparkSession spark, GeneratorOptions options, String outDir) {
    if (upToDate(spark, options, outDir)) {
      try {
        LOG.info("reusing the corpus in {} (generated with the same options)", outDir);
        return Manifest.of(read(spark, outDir));
      } catch (IOException e) {
        LOG.warn("cannot read the manifest in {}, generating again: {}", outDir, e.getMessage());
      }
    }
    return generate(spark, options, outDir);
  }

  /** True when {@code outDir} holds a complete corpus generated with exactly these options. */
  public static boolean upToDate(SparkSession spark, GeneratorOptions options, String outDir) {
    try {
      Path m = new Path(outDir, MANIFEST);
      FileSystem fs = m.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(m)) {
        return false;
      }
      try (InputStream in = fs.open(m)) {
        Map<?, ?> json = new ObjectMapper().readValue(in, Map.class);
        return Manifest.fingerprint(options, options.realTextDir() == null ? null
            : RealText.load(options.realTextDir())).equals(json.get("options_fingerprint"));
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Creates the directory, or clears generate's earlier outputs; refuses a directory with other files. */
  static void prepare(String outDir, Configuration hadoop) throws IOException {
    Path out = new Path(outDir);
    FileSystem fs = out.getFileSystem(hadoop);
    if (fs.exists(out)) {
      if (!fs.getFileStatus(out).isDirectory()) {
        throw new IllegalArgumentException("--out " + outDir + " is a file, not a directory");
      }
      List<String> foreign = new ArrayList<>();
      for (FileStatus s : fs.listStatus(out)) {
        if (!OUTPUTS.contains(s.getPath().getName())) {
          foreign.add(s.getPath().getName());
        }
      }
      if (!foreign.isEmpty()) {
        throw new IllegalArgumentException("--out " + outDir + " holds files generate did not write (" +
            String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))) + "); choose an empty directory");
      }
      for (String o : OUTPUTS) {
        fs.delete(new Path(out, o), true);
      }
    }
    fs.mkdirs(new Path(out, PartWriter.POSTS));
    fs.mkdirs(new Path(out, PartWriter.DISPOSALS));
    fs.mkdirs(new Path(out, PartWriter.WORK));
  }

  /** True when {@code outDir} exists and holds a manifest (a corpus generate wrote). */
  public static boolean hasCorpus(String outDir, Configuration hadoop) throws IOException {
    Path m = new Path(outDir, MANIFEST);
    return m.getFileSystem(hadoop).exists(m);
  }

  /** Concatenates the parts' label rows into labels.csv and their truth rows into truth.csv.gz. */
  private static void assemble(String outDir, Configuration hadoop, int parts) throws IOException {
    Path out = new Path(outDir);
    try (FileSystem fs = PartWriter.fileSystem(out, hadoop)) {
      assemble(fs, out, parts);
    }
  }

  private static void assemble(FileSystem fs, Path out, int parts) throws IOException {
    Path work = new Path(out, PartWriter.WORK);
    try (OutputStream labels = fs.create(new Path(out, LABELS), true)) {
      labels.write("post_id,category,fin_clickbait\n".getBytes(StandardCharsets.UTF_8));
      for (int p = 0; p < parts; p++) {
        try (InputStream in = fs.open(new Path(work, "labels-" + PartWriter.partName(p) + ".csv"))) {
          in.transferTo(labels);
        }
      }
    }
    // a gzip file may hold several members: readers decompress them as one stream
    try (OutputStream truth = fs.create(new Path(out, TRUTH), true)) {
      truth.write(gzipBytes(PartWriter.TRUTH_HEADER + "\n"));
      for (int p = 0; p < parts; p++) {
        try (InputStream in = fs.open(new Path(work, "truth-" + PartWriter.partName(p) + ".csv.gz"))) {
          in.transferTo(truth);
        }
      }
    }
    fs.delete(work, true);
  }

  private static byte[] gzipBytes(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void writeManifest(String outDir, Configuration hadoop, Manifest m) throws IOException {
    Path file = new Path(outDir, MANIFEST);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (FileSystem fs = PartWriter.fileSystem(file, hadoop); OutputStream out = fs.create(file, true)) {
      out.write(mapper.writeValueAsBytes(m.content()));
      out.write('\n');
    }
  }

  /** Logs progress as tasks (whole parts) finish. */
  private static final class Progress extends SparkListener {
    private final GeneratorOptions options;
    private final int parts;
    private final int slices;
    private final long started;
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    /** CPU time the generating tasks used, in nanoseconds (load-independent speed). */
    final AtomicLong cpuNanos = new AtomicLong();

    Progress(GeneratorOptions options, int parts, int slices, long started) {
      this.options = options;
      this.parts = parts;
      this.slices = slices;
      this.started = started;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskInfo() == null || !end.taskInfo().successful()) {
        return;
      }
      int t = end.taskInfo().index();
      if (t >= slices) {
        return;
      }
      // parallelize gives slice t the parts [t * parts / slices, (t + 1) * parts / slices)
      int firstPart = (int) ((long) t * parts / slices);
      int endPart = (int) ((long) (t + 1) * parts / slices);
      long from = options.partStart(firstPart);
      long to = endPart >= parts ? options.posts() : options.partStart(endPart);
      long done = posts.addAndGet(Math.max(0, to - from));
      long finished = tasks.incrementAndGet();
      if (end.taskMetrics() != null) {
        cpuNanos.addAndGet(end.taskMetrics().executorCpuTime());
      }
      double secs = (System.nanoTime() - started) / 1e9;
      double rate = done / Math.max(secs, 1e-3);
      LOG.info(String.format("generate: %d/%d task(s), %,d/%,d posts (%.0f%%), %,.0f posts/s, about %.0f s left",
          finished, slices, done, options.posts(), 100.0 * done / options.posts(), rate,
          (options.posts() - done) / Math.max(rate, 1)));
    }
  }

  /** The manifest of the corpus in {@code outDir} as written (numbers as Integer or Long). */
  public static Map<String, Object> read(SparkSession spark, String outDir) throws IOException {
    Path m = new Path(outDir, MANIFEST);
    FileSystem fs = m.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(m)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json = new ObjectMapper().readValue(in, LinkedHashMap.class);
      return json;
    }
  }
}
