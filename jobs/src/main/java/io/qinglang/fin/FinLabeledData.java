package io.qinglang.fin;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveFormat;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.ArchiveReader;
import io.qinglang.ingest.RecordValidator;
import io.qinglang.ingest.StagedRows;
import io.qinglang.ingest.TextArchiveReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Labelled posts for training and evaluating the financial clickbait model: a directory holding
 * posts in the archive format (JSON Lines, CSV or Parquet, any file but {@code labels.csv}) and
 * {@code labels.csv} with {@code post_id,category,fin_clickbait} (fin_clickbait true, false, or
 * empty for posts that are not results articles). A post's writing style is its archive field
 * {@code style} (or {@code form}, {@code template}), kept in the {@code extra} map; evaluation holds
 * out whole styles.
 */
public final class FinLabeledData {
  private static final Logger LOG = LogManager.getLogger(FinLabeledData.class);
  public static final String LABELS = "labels.csv";
  /** The hand-written financial gold set bundled in the jar. */
  public static final String FIN_GOLD = "qinglang/corpus/fin_gold";

  /** Columns of the labelled frame. */
  public static final List<String> COLUMNS = List.of("post_id", "platform", "content_type", "title", "content",
      "style", "source", "heldout", "category", "fin_clickbait");
  /** The generator's per-record truth (form_id, split), when a labelled directory has one. */
  public static final List<String> TRUTH = List.of("truth.csv.gz", "truth.csv");

  private static final StructType LABEL_SCHEMA = new StructType()
      .add("label_post_id", DataTypes.StringType, false)
      .add("category", DataTypes.IntegerType, true)
      .add("fin_clickbait", DataTypes.BooleanType, true);

  private FinLabeledData() {}

  /** The bundled hand-written financial gold set. */
  public static Dataset<Row> finGold(SparkSession spark, QinglangConfig config) {
    return bundled(spark, config, FIN_GOLD);
  }

  /**
   * A labelled set bundled in the jar ({@code resourceDir}/posts.jsonl and labels.csv), read and
   * validated on the driver (it is small). Its source name is the directory's last part.
   */
  public static Dataset<Row> bundled(SparkSession spark, QinglangConfig config, String resourceDir) {
    String base = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
    String source = base.substring(0, base.length() - 1);
    source = source.substring(source.lastIndexOf('/') + 1);
    Path dir;
    try {
      dir = Files.createTempDirectory("qinglang-fin-labelled-");
      for (String name : List.of("posts.jsonl", LABELS)) {
        try (InputStream in = resource(base + name)) {
          Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack classpath:" + base, e);
    }
    try {
      RecordValidator validator = RecordValidator.of(config, Instant.now());
      List<Row> staged = new ArrayList<>();
      Iterator<Row> it = TextArchiveReader.read(
          new ArchiveInputs.ArchiveFile(dir.resolve("posts.jsonl").toUri().toString(), ArchiveFormat.JSON_LINES),
          new Configuration(), validator);
      while (it.hasNext()) {
        staged.add(it.next());
      }
      List<Row> labels;
      try (Reader r = Files.newBufferedReader(dir.resolve(LABELS), StandardCharsets.UTF_8)) {
        labels = parseLabels(r, "classpath:" + base + LABELS);
      }
      // small: joined here on the driver, so reading it starts no Spark job
      java.util.Map<String, Row> byId = new java.util.HashMap<>();
      for (Row l : labels) {
        byId.put(l.getString(0), l);
      }
      StructType schema = new StructType()
          .add("post_id", DataTypes.StringType).add("platform", DataTypes.StringType)
          .add("content_type", DataTypes.StringType).add("title", DataTypes.StringType)
          .add("content", DataTypes.StringType).add("style", DataTypes.StringType)
          .add("source", DataTypes.StringType).add("heldout", DataTypes.BooleanType)
          .add("category", DataTypes.IntegerType)
          .add("fin_clickbait", DataTypes.BooleanType);
      List<Row> rows = new ArrayList<>();
      for (Row p : staged) {
        if (!p.getBoolean(0)) {
          throw new IllegalStateException("classpath:" + base + " has an invalid record: " + p.getString(1) + " "
              + p.getString(2));
        }
        Row l = byId.get(p.getString(StagedRows.SCHEMA.fieldIndex("post_id")));
        if (l == null) {
          throw new IllegalStateException("classpath:" + base + " has no label for "
              + p.getString(StagedRows.SCHEMA.fieldIndex("post_id")));
        }
        scala.collection.Map<String, String> extra = p.getMap(StagedRows.SCHEMA.fieldIndex("extra"));
        String contentType = p.getString(StagedRows.SCHEMA.fieldIndex("content_type"));
        String style = extra == null ? null : extra.getOrElse("style", () -> null);
        rows.add(RowFactory.create(p.getString(StagedRows.SCHEMA.fieldIndex("post_id")),
            p.getString(StagedRows.SCHEMA.fieldIndex("platform")), contentType,
            p.getString(StagedRows.SCHEMA.fieldIndex("title")), p.getString(StagedRows.SCHEMA.fieldIndex("content")),
            style != null ? style : source + "/" + contentType, source, false, l.get(1), l.get(2)));
      }
      return spark.createDataFrame(rows, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + base, e);
    } finally {
      for (String name : List.of("posts.jsonl", LABELS)) {
        dir.resolve(name).toFile().delete();
      }
      dir.toFile().delete();
    }
  }

  /** Checks a labelled directory before Spark starts: it exists and holds labels.csv and posts. */
  public static void check(String dir, Configuration conf) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.isDirectory(p)) {
        throw new ConfigException("--labeled " + dir + ": not a directory");
      }
      if (!fs.isFile(new org.apache.hadoop.fs.Path(p, LABELS))) {
        throw new ConfigException("--labeled " + dir + ": no " + LABELS + " (post_id,category,fin_clickbait)");
      }
      if (postFiles(dir, conf).isEmpty()) {
        throw new ConfigException("--labeled " + dir + ": no posts (.jsonl, .json, .csv or .parquet besides "
            + NOT_POSTS + ")");
      }
    } catch (IOException e) {
      throw new ConfigException("--labeled " + dir + ": cannot list (" + e.getMessage() + ")");
    }
  }

  /** A labelled directory; its posts are read by the executors, its labels on the driver. */
  public static Dataset<Row> read(SparkSession spark, QinglangConfig config, String dir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<ArchiveInputs.ArchiveFile> files = postFiles(dir, conf);
    Dataset<Row> posts = ArchiveReader.read(spark, files, RecordValidator.of(config, Instant.now()));
    List<Row> labels;
    org.apache.hadoop.fs.Path labelsPath = new org.apache.hadoop.fs.Path(dir, LABELS);
    try (InputStream in = labelsPath.getFileSystem(conf).open(labelsPath);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      labels = parseLabels(r, labelsPath.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labelsPath, e);
    }
    String source = new org.apache.hadoop.fs.Path(dir).getName();
    Dataset<Row> joined = join(posts, spark.createDataFrame(labels, LABEL_SCHEMA), source);
    Dataset<Row> truth = truth(spark, dir, conf);
    if (truth == null) {
      return joined;
    }
    // generated data: the form is the style, and the generator's split says what is held out
    Dataset<Row> t = joined.join(truth, joined.col("post_id").equalTo(truth.col("truth_post_id")), "left");
    return t.select(
        col("post_id"), col("platform"), col("content_type"), col("title"), col("content"),
        coalesce(org.apache.spark.sql.functions.concat(lit(source + "/"), col("truth_form")), col("style")).as("style"),
        col("source"),
        coalesce(col("truth_split").equalTo("heldout"), lit(false)).as("heldout"),
        col("category"), col("fin_clickbait"));
  }

  private static Dataset<Row> truth(SparkSession spark, String dir, Configuration conf) {
    for (String name : TRUTH) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir, name);
      try {
        if (p.getFileSystem(conf).isFile(p)) {
          Dataset<Row> t = spark.read().option("header", "true").option("quote", "\"").option("escape", "\"")
              .csv(p.toString());
          List<String> cols = List.of(t.columns());
          if (!cols.contains("post_id") || !cols.contains("form_id") || !cols.contains("split")) {
            LOG.warn("{}: no post_id, form_id and split columns; ignored", p);
            return null;
          }
          return t.select(col("post_id").as("truth_post_id"), col("form_id").as("truth_form"),
              col("split").as("truth_split"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
    return null;
  }

  /** Files of a labelled directory that are not posts: labels and descriptions beside them. */
  static final Set<String> NOT_POSTS = Set.of(LABELS, "meta.csv", "kinds.csv", "enterprises.csv", "truth.csv.gz",
      "truth.csv", "manifest.json");

  /** The posts of a labelled directory: its {@code posts/} sub-directory when it has one, else its files. */
  private static List<ArchiveInputs.ArchiveFile> postFiles(String dir, Configuration conf) {
    String root = dir;
    try {
      org.apache.hadoop.fs.Path posts = new org.apache.hadoop.fs.Path(dir, "posts");
      if (posts.getFileSystem(conf).isDirectory(posts)) {
        root = posts.toString();
      }
    } catch (IOException e) {
      throw new ConfigException("--labeled " + dir + ": cannot list (" + e.getMessage() + ")");
    }
    return ArchiveInputs.expand(List.of(root), conf).stream()
        .filter(f -> !NOT_POSTS.contains(new org.apache.hadoop.fs.Path(f.path()).getName().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Accepted posts joined with their labels; rejected records and unlabelled posts are logged and left out. */
  private static Dataset<Row> join(Dataset<Row> staged, Dataset<Row> labels, String source) {
    Dataset<Row> joined = staged.join(labels, staged.col("post_id").equalTo(labels.col("label_post_id")), "left");
    Row counts = joined.agg(
        functions.sum(functions.when(col("accepted").equalTo(false), 1).otherwise(0)),
        functions.sum(functions.when(col("accepted").and(col("label_post_id").isNull()), 1).otherwise(0)))
        .first();
    long rejected = counts.isNullAt(0) ? 0 : counts.getLong(0);
    long unlabelled = counts.isNullAt(1) ? 0 : counts.getLong(1);
    if (rejected > 0) {
      LOG.warn("{}: {} record(s) rejected by archive validation and left out", source, rejected);
    }
    if (unlabelled > 0) {
      LOG.warn("{}: {} post(s) without a label in {} left out", source, unlabelled, LABELS);
    }
    joined = joined.filter(col("accepted").and(col("label_post_id").isNotNull()));
    return joined.select(
        col("post_id"),
        col("platform"),
        col("content_type"),
        col("title"),
        col("content"),
        coalesce(element_at(col("extra"), "style"), element_at(col("extra"), "form"),
            element_at(col("extra"), "template"),
            org.apache.spark.sql.functions.concat(lit(source + "/"), col("content_type"))).as("style"),
        lit(source).as("source"),
        lit(false).as("heldout"),
        col("category"),
        col("fin_clickbait"));
  }

  /** labels.csv: a header naming post_id and fin_clickbait (category optional), one post a line. */
  static List<Row> parseLabels(Reader reader, String name) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("post_id") || !header.contains("fin_clickbait")) {
        throw new ConfigException(name + ": the header must name post_id and fin_clickbait (found " + header + ")");
      }
      for (CSVRecord r : parser) {
        String id = r.get("post_id");
        if (id.isEmpty()) {
          throw new ConfigException(name + ", line " + r.getRecordNumber() + ": empty post_id");
        }
        if (!seen.add(id)) {
          throw new ConfigException(name + ", line " + r.getRecordNumber() + ": post_id " + id + " labelled twice");
        }
        Integer category = null;
        if (header.contains("category") && !r.get("category").isEmpty()) {
          try {
            category = Integer.parseInt(r.get("category"));
          } catch (NumberFormatException e) {
            throw new ConfigException(name + ", line " + r.getRecordNumber() + ": category '" + r.get("category")
                + "' is not a number 0..10");
          }
          if (category < 0 || category > 10) {
            throw new ConfigException(name + ", line " + r.getRecordNumber() + ": category " + category
                + " is not 0..10");
          }
        }
        rows.add(RowFactory.create(id, category, bool(r.get("fin_clickbait"), name, r.getRecordNumber())));
      }
    }
    return rows;
  }

  private static Boolean bool(String value, String name, long line) {
    String v = value.toLowerCase(Locale.ROOT);
    return switch (v) {
      case "" , "null", "na" -> null;
      case "true", "1", "yes" -> Boolean.TRUE;
      case "false", "0", "no" -> Boolean.FALSE;
      default -> throw new ConfigException(name + ", line " + line + ": fin_clickbait '" + value
          + "' is not true, false or empty");
    };
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = FinLabeledData.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource not found on the classpath: " + name);
    }
    return in;
  }
}
