package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveFormat;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.ArchiveReader;
import io.qinglang.ingest.IngestKind;
import io.qinglang.ingest.Upserts;
import io.qinglang.ingest.RecordValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
 * A labelled directory: posts in the archive format (DIR/posts/ or files DIR/posts*.jsonl ...) and
 * DIR/labels.csv with the columns {@code post_id,category} and optionally {@code fin_clickbait},
 * {@code platform} (when post ids repeat across platforms), {@code hard_negative} (1/true for posts
 * of category 0 written to look like a violation: honest complaints, real job ads ...; without that
 * column the side files DIR/kinds.csv, DIR/meta.csv or DIR/truth.csv[.gz] mark them, see
 * {@link #applySideFiles}) and
 * {@code group} (or {@code form}: posts of one group are kept on the same side of every split, so
 * validation measures new forms, not new rows). Posts are validated as ingest validates them;
 * rejected records, posts without a label and labels without a post are counted and reported.
 */
public final class LabeledData {
  private static final Logger LOG = LogManager.getLogger(LabeledData.class);
  public static final String HARD_NEGATIVE = "hard_negative";
  public static final String GROUP = "group";
  /** Prefix of groups made from a hand-written set's kinds ({@code kinds.csv}). */
  public static final String KIND_GROUP = "kind:";
  /** Group of a violation that is a member of a coordinated campaign (a kind, or a cluster in meta.csv). */
  public static final String CAMPAIGN_GROUP = KIND_GROUP + "v:campaign:";
  public static final String FIN_CLICKBAIT = "fin_clickbait_label";

  static final StructType LABELS = new StructType()
      .add("post_id", DataTypes.StringType, false)
      .add("label_platform", DataTypes.StringType, true)
      .add(ClassifierPipeline.LABEL, DataTypes.DoubleType, false)
      .add(FIN_CLICKBAIT, DataTypes.BooleanType, true)
      .add(HARD_NEGATIVE, DataTypes.BooleanType, false)
      .add(GROUP, DataTypes.StringType, true);

  /**
   * The labelled posts and what did not make it; {@code rejections} says why records were rejected (counts by
   * reason with the first example of each, see {@link #rejectionSummary}), empty when none was.
   */
  public record Loaded(Dataset<Row> posts, long labels, long rejected, long unlabelled, long missing,
      String source, String rejections) {
    public String describe() {
      return String.format(Locale.ROOT, "%s: %d labels; %d posts rejected by validation%s, %d posts without a label, "
          + "%d labels without a post", source, labels, rejected, rejections.isEmpty() ? "" : " (" + rejections + ")",
          unlabelled, missing);
    }
  }

  /** Examples of rejected records named per reason in {@link Loaded#describe()}. */
  static final int REJECTION_REASONS_SHOWN = 5;

  private LabeledData() {}

  /** Reads one labelled directory (local path or URI). */
  public static Loaded read(SparkSession spark, QinglangConfig config, String dir) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path root = new Path(dir);
    List<ArchiveInputs.ArchiveFile> files = postFiles(root, hadoop);
    Path labelsPath = new Path(root, "labels.csv");
    List<Row> labelRows = applySideFiles(readLabels(labelsPath, hadoop, config), root, hadoop);
    RecordValidator validator = RecordValidator.of(config, Instant.now());
    Dataset<Row> staged = ArchiveReader.read(spark, files, validator).cache();
    Dataset<Row> rejectedRows = staged.filter(col("accepted").equalTo(false));
    long rejected = rejectedRows.count();
    String rejections = rejected == 0 ? "" : rejectionSummary(rejectedRows);
    Dataset<Row> accepted = Upserts.latestCopies(staged.filter(col("accepted")), IngestKind.POSTS.keys())
        .drop("accepted", "reason", "detail", "raw_record", "record_no");
    Dataset<Row> labels = spark.createDataFrame(labelRows, LABELS);
    boolean byPlatform = labelRows.stream().anyMatch(r -> !r.isNullAt(1));
    Dataset<Row> joined = byPlatform
        ? accepted.join(labels, accepted.col("post_id").equalTo(labels.col("post_id"))
            .and(accepted.col("platform").equalTo(labels.col("label_platform"))), "inner").drop(labels.col("post_id"))
        : accepted.join(labels, "post_id");
    joined = joined.drop("label_platform").cache();
    long matched = joined.count();
    long postCount = accepted.count();
    if (!byPlatform) {
      long ambiguous = accepted.groupBy("post_id").agg(count(lit(1)).as("n")).filter(col("n").gt(1)).count();
      if (ambiguous > 0) {
        throw new ConfigException(labelsPath + ": " + ambiguous + " post ids occur on several platforms; add a "
            + "platform column to labels.csv");
      }
    }
    staged.unpersist();
    if (matched == 0) {
      throw new ConfigException(dir + ": no post matches a label in labels.csv (are the post ids the same?)");
    }
    Loaded loaded = new Loaded(joined, labelRows.size(), rejected, postCount - matched, labelRows.size() - matched,
        dir, rejections);
    LOG.info("labelled posts {}", loaded.describe());
    return loaded;
  }

  /**
   * Why records were rejected, most frequent reason first: "reason count: first example", the example naming
   * the file's base name, the record number and the post id when it was read (at most
   * {@value #REJECTION_REASONS_SHOWN} reasons, then how many more). {@code rejected}: rows of
   * {@link io.qinglang.ingest.StagedRows#COMMON} that were not accepted.
   */
  static String rejectionSummary(Dataset<Row> rejected) {
    List<Row> reasons = rejected
        .groupBy(col("reason"))
        .agg(count(lit(1)).as("n"), functions.min_by(functions.struct(col("source_file"), col("record_no"),
            col("post_id"), col("detail")), functions.struct(col("source_file"), col("record_no"))).as("first"))
        .orderBy(col("n").desc(), col("reason"))
        .collectAsList();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(REJECTION_REASONS_SHOWN, reasons.size()); i++) {
      Row r = reasons.get(i);
      Row first = r.getStruct(2);
      String file = first.getString(0);
      String where = file.substring(file.lastIndexOf('/') + 1) + " record " + first.getLong(1)
          + (first.isNullAt(2) ? "" : " (" + first.getString(2) + ")");
      parts.add(r.getString(0) + " " + r.getLong(1) + ", e.g. " + where + ": " + String.valueOf(first.getString(3)));
    }
    if (reasons.size() > REJECTION_REASONS_SHOWN) {
      parts.add((reasons.size() - REJECTION_REASONS_SHOWN) + " more reasons");
    }
    return String.join("; ", parts);
  }

  /** The archive files of a labelled directory. */
  static List<ArchiveInputs.ArchiveFile> postFiles(Path root, Configuration hadoop) {
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.isDirectory(root)) {
        throw new ConfigException("--labeled " + root + ": not a directory (expected posts and labels.csv)");
      }
      Path posts = new Path(root, "posts");
      if (fs.isDirectory(posts)) {
        return ArchiveInputs.expand(List.of(posts.toString()), hadoop);
      }
      List<String> inputs = new ArrayList<>();
      for (FileStatus st : fs.listStatus(root)) {
        String name = st.getPath().getName();
        if (st.isFile() && name.startsWith("posts") && ArchiveFormat.of(name) != null) {
          inputs.add(st.getPath().toString());
        }
      }
      if (inputs.isEmpty()) {
        throw new ConfigException("--labeled " + root + ": no posts (expected a posts/ directory or posts*.jsonl files)");
      }
      return ArchiveInputs.expand(inputs, hadoop);
    } catch (IOException e) {
      throw new ConfigException("--labeled " + root + ": cannot list (" + e.getMessage() + ")");
    }
  }

  static List<Row> readLabels(Path path, Configuration hadoop, QinglangConfig config) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<Row> rows = new ArrayList<>();
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new ConfigException("--labeled " + path.getParent() + ": labels.csv is missing");
      }
      try (InputStream in = fs.open(path);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, format)) {
        Map<String, Integer> header = parser.getHeaderMap();
        Map<String, Integer> lower = new java.util.HashMap<>();
        header.forEach((k, v) -> lower.put(k.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), v));
        Integer postId = lower.get("post_id");
        Integer category = lower.get("category");
        if (postId == null || category == null) {
          throw new ConfigException(path + ": the header must name post_id and category (found " + header.keySet() + ")");
        }
        Integer fin = lower.get("fin_clickbait");
        Integer platform = lower.get("platform");
        Integer hard = lower.get("hard_negative");
        Integer group = lower.containsKey("group") ? lower.get("group") : lower.get("form");
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : parser) {
          long line = parser.getCurrentLineNumber();
          String id = r.get(postId);
          if (id.isEmpty()) {
            throw new ConfigException(path + ", line " + line + ": post_id is empty");
          }
          int c;
          try {
            c = Integer.parseInt(r.get(category));
          } catch (NumberFormatException e) {
            throw new ConfigException(path + ", line " + line + ": category '" + r.get(category) + "' is not a number 0..10");
          }
          if (c < 0 || c > 10) {
            throw new ConfigException(path + ", line " + line + ": category " + c + " is not 0..10");
          }
          String plat = platform == null ? null : canonical(r.get(platform), config);
          if (!seen.add(plat + "\u0001" + id)) {
            throw new ConfigException(path + ", line " + line + ": post " + id + " is labelled twice");
          }
          rows.add(RowFactory.create(id, plat, (double) c, bool(fin == null ? "" : r.get(fin)),
              Boolean.TRUE.equals(bool(hard == null ? "" : r.get(hard))),
              group == null || r.get(group).isEmpty() ? null : r.get(group)));
        }
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new ConfigException(path + ": cannot read (" + e.getMessage() + ")");
    }
    if (rows.isEmpty()) {
      throw new ConfigException(path + ": has no labels");
    }
    return rows;
  }

  /**
   * Applies the side files of a labelled directory: {@code kinds.csv} and {@code meta.csv} (gold and
   * holdout sets: {@code post_id,kind}) and {@code truth.csv[.gz]} (the generator:
   * {@code post_id,...,kind,form_id,...}). A kind starting with "hard", or a generator form id
   * starting with "neg." (the generator's hard-negative forms), marks a hard negative when labels.csv
   * has no hard_negative column; a form id (else the kind, as {@code kind:<kind>}) becomes the group when
   * labels.csv has no group column. A violation with a {@code cluster} in meta.csv (the held-out sets'
   * coordinated campaigns) is a campaign member: its group is {@code kind:v:campaign:<cluster>}.
   */
  static List<Row> applySideFiles(List<Row> labels, Path root, Configuration hadoop) {
    boolean hasHard = labels.stream().anyMatch(r -> r.getBoolean(4));
    boolean hasGroup = labels.stream().anyMatch(r -> !r.isNullAt(5));
    if (hasHard && hasGroup) {
      return labels;
    }
    Set<String> hard = new HashSet<>();
    Map<String, String> groups = new java.util.HashMap<>();
    Map<String, String> clusters = new java.util.HashMap<>();
    for (String name : List.of("kinds.csv", "meta.csv", "truth.csv", "truth.csv.gz")) {
      Path side = new Path(root, name);
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
          .setIgnoreEmptyLines(true).get();
      try {
        FileSystem fs = side.getFileSystem(hadoop);
        if (!fs.exists(side)) {
          continue;
        }
        InputStream raw = fs.open(side);
        InputStream in = name.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVParser parser = CSVParser.parse(reader, format)) {
          Map<String, Integer> header = parser.getHeaderMap();
          if (!header.containsKey("post_id")) {
            continue;
          }
          boolean kind = header.containsKey("kind");
          boolean form = header.containsKey("form_id");
          boolean cluster = header.containsKey("cluster");
          for (CSVRecord r : parser) {
            String id = r.get("post_id");
            if (cluster && !r.get("cluster").isBlank()) {
              clusters.put(id, r.get("cluster").trim());
            }
            String f = form ? r.get("form_id") : "";
            if ((kind && r.get("kind").toLowerCase(Locale.ROOT).startsWith("hard")) || f.startsWith("neg.")) {
              hard.add(id);
            }
            if (!f.isEmpty()) {
              groups.put(id, f);
            } else if (kind && !r.get("kind").isBlank()) {
              // Hand-written sets: what an example was written to teach is its group, so that validation
              // holds whole kinds (phrasings the model has not seen), as it holds whole generator forms.
              groups.putIfAbsent(id, KIND_GROUP + r.get("kind").trim());
            }
          }
        }
      } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ConfigException(side + ": cannot read (" + e.getMessage() + ")");
      }
    }
    if (hard.isEmpty() && groups.isEmpty()) {
      return labels;
    }
    List<Row> out = new ArrayList<>(labels.size());
    for (Row r : labels) {
      String id = r.getString(0);
      boolean h = hasHard ? r.getBoolean(4) : hard.contains(id);
      String g = hasGroup ? (String) r.get(5) : groups.get(id);
      if (!hasGroup && clusters.containsKey(id) && r.getDouble(2) != 0.0) {
        // A violation posted as one of a campaign's cluster (held-out sets' meta.csv): a campaign member.
        g = CAMPAIGN_GROUP + clusters.get(id);
      }
      out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), h, g));
    }
    LOG.info("side files of {}: {} hard negatives, {} posts with a form", root, hard.size(), groups.size());
    return out;
  }

  private static String canonical(String platform, QinglangConfig config) {
    if (platform.isEmpty()) {
      return null;
    }
    String p = platform.trim().toLowerCase(Locale.ROOT);
    if (config.platforms().known().contains(p)) {
      return p;
    }
    String alias = config.platforms().aliases().get(p);
    return alias == null ? p : alias;
  }

  private static Boolean bool(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    return s.equals("1") || s.equals("true") || s.equals("yes") || s.equals("y");
  }
}
