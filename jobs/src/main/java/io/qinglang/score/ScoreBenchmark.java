package io.qinglang.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ml.ClassifierModels;
import io.qinglang.ml.HanLpTokenizer;
import io.qinglang.ml.LabeledData;
import io.qinglang.ml.ModelStore;
import io.qinglang.ml.PostText;
import io.qinglang.ml.TrainingCorpus;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.PostViolationsTable;
import io.qinglang.table.Warehouse;
import io.qinglang.text.Segmenters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * bench-score: on one set of N posts, measures (1) raw HanLP segmentation throughput on all cores
 * (every post's text segmented by the same segmenter the model uses, nothing else), and (2) the
 * score transformation's throughput (normalization, tokens, features, classifier, evidence, entity
 * linking, contributors and fusion; every output column computed, written to Spark's no-op sink),
 * and prints both and their ratio. With {@code --with-merge} it also times the complete score job's
 * write (MERGE into post_violations of a scratch warehouse).
 *
 * <p>The posts are real Chinese text from ../shared/data (headlines, reviews, Weibo posts) when it
 * is there, else the gold training set, repeated to N posts with distinct ids; they are written to
 * Parquet first so that both measurements read the same bytes. Both are warmed up on 1,000 of the
 * posts, untimed, before they are timed.
 */
public final class ScoreBenchmark {
  private static final Logger LOG = LogManager.getLogger(ScoreBenchmark.class);
  /** Posts each measurement is warmed up on, untimed, before it is timed. */
  private static final int WARM_UP_POSTS = 1000;

  /** Command-line choices. */
  public record Options(long posts, String model, String sharedData, int partitions, boolean withMerge) {}

  /** The figures. */
  public record Result(long posts, double segmentSeconds, double scoreSeconds, double mergeSeconds, long tokens,
      String source) {
    public double segmentRate() {
      return posts / segmentSeconds;
    }

    public double scoreRate() {
      return posts / scoreSeconds;
    }

    public double ratio() {
      return scoreRate() / segmentRate();
    }
  }

  private ScoreBenchmark() {}

  public static JobStats run(SparkSession spark, QinglangConfig config, String runId, Instant started,
      Options options, PrintWriter out) {
    ModelStore store = new ModelStore(config.modelDir(), spark.sparkContext().hadoopConfiguration());
    ModelStore.LoadedModel model = store.load(spark, store.resolve(options.model()));
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    int partitions = options.partitions() > 0 ? options.partitions()
        : Math.max(2, spark.sparkContext().defaultParallelism() * 4);
    Path work;
    try {
      work = Files.createTempDirectory("qinglang-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Texts texts = texts(spark, config, options.sharedData(), work);
      String data = work.resolve("posts.parquet").toUri().toString();
      long t0 = System.nanoTime();
      posts(spark, texts.texts(), options.posts(), partitions).write().parquet(data);
      out.printf(Locale.ROOT, "prepared %,d posts from %s (%,d distinct texts) in %.1f s, %d partitions, %d cores%n",
          options.posts(), texts.source(), texts.texts().size(), secs(t0), partitions,
          spark.sparkContext().defaultParallelism());
      out.flush();

      HanLpTokenizer tokenizer = ClassifierModels.stage(model.pipeline(), HanLpTokenizer.class);
      String algorithm = tokenizer.getSegmenter();
      boolean persons = tokenizer.getRecognizePersons();
      List<String> words = List.of(tokenizer.getCustomWords());
      // Warm-up: load HanLP's dictionaries in every executor JVM before timing anything.
      segment(spark.read().parquet(data).limit(WARM_UP_POSTS), algorithm, persons, words);

      long t1 = System.nanoTime();
      long tokens = segment(spark.read().parquet(data), algorithm, persons, words);
      double segmentSeconds = secs(t1);
      out.printf(Locale.ROOT, "HanLP segmentation: %,d posts, %,d tokens in %.1f s = %,.0f posts/s%n", options.posts(),
          tokens, segmentSeconds, options.posts() / segmentSeconds);
      out.flush();

      ScoringContext ctx = new ScoringContext(spark, config, registry, model, runId, started);
      // Warm-up as above, untimed: the classifier's per-JVM state (vocabulary indexes, the registry's
      // segmenter and matchers) and its JIT, which the first timed step would otherwise pay alone.
      scoreToNoop(ScoringPipelines.classifierOnly(), spark.read().parquet(data).limit(WARM_UP_POSTS), ctx);
      // The classifier alone first, then the contributors added one at a time (all but the last: the
      // full score has them all), so that the figures show what each adds.
      double classifierSeconds = scoreToNoop(ScoringPipelines.classifierOnly(), spark, data, ctx);
      printRate(out, "classifier alone (no detectors, campaigns or financial model)", options.posts(),
          classifierSeconds);
      ScoringPipeline pipeline = ScoringPipelines.standard();
      List<EvidenceContributor> all = pipeline.contributors();
      for (int k = 1; k < all.size(); k++) {
        double sk = scoreToNoop(new ScoringPipeline(all.subList(0, k), new ClassifierFusion()), spark, data, ctx);
        printRate(out, "classifier + " + String.join(" + ",
            all.subList(0, k).stream().map(EvidenceContributor::name).toList()), options.posts(), sk);
      }
      double scoreSeconds = scoreToNoop(pipeline, spark, data, ctx);
      printRate(out, "score (all columns, no-op sink)", options.posts(), scoreSeconds);

      double mergeSeconds = Double.NaN;
      if (options.withMerge()) {
        Warehouse scratch = new Warehouse(work.resolve("warehouse").toString());
        long t3 = System.nanoTime();
        new PostViolationsTable().merge(spark, scratch, pipeline.score(spark.read().parquet(data), ctx));
        mergeSeconds = secs(t3);
        pipeline.release();
        printRate(out, "score with MERGE into post_violations", options.posts(), mergeSeconds);
      }
      Result r = new Result(options.posts(), segmentSeconds, scoreSeconds, mergeSeconds, tokens, texts.source());
      out.printf(Locale.ROOT, "ratio score / segmentation: %.2f (target at least 0.5)%n", r.ratio());
      out.flush();
      JobStats stats = new JobStats(options.posts(), 0, 0, 0, 0, 0, Map.of())
          .withDetail("segment_posts_per_second", Math.round(r.segmentRate()))
          .withDetail("score_posts_per_second", Math.round(r.scoreRate()))
          .withDetail("ratio", String.format(Locale.ROOT, "%.3f", r.ratio()))
          .withDetail("classifier_posts_per_second", Math.round(options.posts() / classifierSeconds))
          .withDetail("model_version", model.version());
      if (options.withMerge()) {
        stats = stats.withDetail("merge_posts_per_second", Math.round(options.posts() / mergeSeconds));
      }
      return stats;
    } finally {
      deleteQuietly(work);
    }
  }

  /** Tokens HanLP produces for every post's text (title and content), summed. */
  static long segment(Dataset<Row> posts, String algorithm, boolean persons, List<String> words) {
    return posts.select(PostText.column().as("text"))
        .mapPartitions((MapPartitionsFunction<Row, Long>) rows -> {
          var segment = Segmenters.get(algorithm, persons, words);
          long n = 0;
          while (rows.hasNext()) {
            String text = rows.next().getString(0);
            if (text != null) {
              n += segment.seg(text).size();
            }
          }
          return List.of(n).iterator();
        }, Encoders.LONG())
        .reduce((org.apache.spark.api.java.function.ReduceFunction<Long>) Long::sum);
  }

  /** 2023-05-01T00:00:00Z, the first benchmark post's time. */
  static final long START_SECONDS = 1_682_899_200L;

  /** Texts to build posts from, and where they came from. */
  record Texts(List<String> texts, String source) {}

  static Texts texts(SparkSession spark, QinglangConfig config, String sharedData, Path work) {
    List<String> texts = new ArrayList<>();
    if (sharedData != null && Files.isDirectory(Path.of(sharedData))) {
      Path dir = Path.of(sharedData);
      addColumn(spark, dir.resolve("toutiao_headlines_38k.tsv"), "\t", "title", texts);
      addColumn(spark, dir.resolve("finance_news_headlines_choice_20k.tsv"), "\t", "headline", texts);
      addColumn(spark, dir.resolve("weibo_senti_100k_subset_2400.csv"), ",", "review", texts);
      addColumn(spark, dir.resolve("waimai_10k_reviews.csv"), ",", "review", texts);
      addColumn(spark, dir.resolve("online_shopping_reviews_10cats_sample10k.tsv"), "\t", "review", texts);
      if (!texts.isEmpty()) {
        return new Texts(texts, "shared data " + dir);
      }
    }
    if (!TrainingCorpus.hasGold()) {
      throw new ConfigException("no texts to benchmark with: --shared-data DIR is missing and the gold set is not "
          + "on the classpath");
    }
    String gold = TrainingCorpus.goldDir(work);
    for (Row r : LabeledData.read(spark, config, gold).posts().select(PostText.column()).collectAsList()) {
      texts.add(r.getString(0));
    }
    return new Texts(texts, "the gold training set");
  }

  private static void addColumn(SparkSession spark, Path file, String sep, String column, List<String> out) {
    if (!Files.isRegularFile(file)) {
      LOG.info("benchmark texts: {} is missing, skipped", file);
      return;
    }
    for (Row r : spark.read().option("header", true).option("sep", sep).option("quote", "\"").option("escape", "\"")
        .csv(file.toUri().toString()).select(col(column)).na().drop().collectAsList()) {
      out.add(r.getString(0));
    }
  }

  /**
   * N posts cycling through the texts: platforms and content types in turn, every fifth an article
   * whose title is the previous text, distinct ids, dates over the campaign's first months.
   */
  static Dataset<Row> posts(SparkSession spark, List<String> texts, long n, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < texts.size(); k++) {
      rows.add(org.apache.spark.sql.RowFactory.create((long) k, texts.get(k)));
    }
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("k", org.apache.spark.sql.types.DataTypes.LongType).add("t", org.apache.spark.sql.types.DataTypes.StringType);
    Dataset<Row> bodies = spark.createDataFrame(rows, schema).withColumnRenamed("k", "kb").withColumnRenamed("t", "body");
    Dataset<Row> titles = spark.createDataFrame(rows, schema).withColumnRenamed("k", "kt").withColumnRenamed("t", "head");
    Column i = col("id");
    String[] platforms = {"weibo", "douyin", "toutiao", "wechat", "zhihu", "xiaohongshu", "bilibili", "tieba"};
    Column article = i.mod(5).equalTo(0);
    // Spread over the campaign's first 120 days in a scattered order (7,919 is prime, so every second of the
    // span is used once before any repeats): one shared timestamp would put every post in one burst window.
    long span = 120L * 86_400;
    Column published = functions.timestamp_seconds(lit(START_SECONDS).plus(i.multiply(7_919L).mod(span)));
    long size = texts.size();
    Dataset<Row> made = spark.range(0, n, 1, partitions)
        .withColumn("kb", i.mod(size))
        .withColumn("kt", i.plus(7).mod(size))
        .join(functions.broadcast(bodies), "kb")
        .join(functions.broadcast(titles), "kt")
        .select(
            concat(lit("b"), i.cast("string")).as("post_id"),
            element_at(lit(platforms), i.mod(platforms.length).plus(1).cast("int")).as("platform"),
            when(article, lit("article")).otherwise(lit("post")).as("content_type"),
            concat(lit("acct"), i.mod(50000).cast("string")).as("account_id"),
            lit(null).cast("string").as("account_name"),
            published.as("published_at"),
            functions.to_date(published).as("published_date"),
            when(article, col("head")).as("title"),
            col("body").as("content"),
            lit(null).cast("string").as("query"),
            i.mod(100).as("repost_count"),
            i.mod(37).as("comment_count"),
            i.mod(1000).as("like_count"));
    // Every column of the posts table, in its order and types (null where the benchmark has no value),
    // so that the benchmark scores exactly what score reads.
    List<Column> columns = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : io.qinglang.table.PostsTable.SCHEMA.fields()) {
      columns.add((Arrays.asList(made.columns()).contains(f.name()) ? col(f.name()) : lit(null))
          .cast(f.dataType()).as(f.name()));
    }
    return made.select(columns.toArray(new Column[0]));
  }

  /** Scores every post with {@code pipeline} into Spark's no-op sink; the seconds it took. */
  private static double scoreToNoop(ScoringPipeline pipeline, SparkSession spark, String data, ScoringContext ctx) {
    return scoreToNoop(pipeline, spark.read().parquet(data), ctx);
  }

  private static double scoreToNoop(ScoringPipeline pipeline, Dataset<Row> posts, ScoringContext ctx) {
    long t = System.nanoTime();
    pipeline.score(posts, ctx).write().format("noop").mode("overwrite").save();
    double seconds = secs(t);
    pipeline.release();
    return seconds;
  }

  private static void printRate(PrintWriter out, String what, long posts, double seconds) {
    out.printf(Locale.ROOT, "%s: %,d posts in %.1f s = %,.0f posts/s%n", what, posts, seconds, posts / seconds);
    out.flush();
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // scratch files
    }
  }
}
