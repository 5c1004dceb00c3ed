package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.ArchiveReader;
import io.qinglang.ingest.IngestRows;
import io.qinglang.ingest.IngestKind;
import io.qinglang.ingest.Upserts;
import io.qinglang.ingest.RecordValidator;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Measures the detectors alone (fusion without a classifier) on a labelled set: a directory with
 * posts in the archive format, {@code labels.csv} ({@code post_id,category,...}) and optionally
 * {@code meta.csv} ({@code subtype}, {@code cluster}) or {@code kinds.csv} ({@code kind}) that say
 * which form each post has. For each detector's category it prints flags, precision and recall, the
 * recall per form (personal-data leaks versus trade secrets, fake accounts versus fake apps ...),
 * the flags on category-0 posts, and optionally every error with its evidence (personal data masked).
 * The detectors cover part of each category only (a trade secret has no ID number), so recall over
 * the whole category is a floor; the per-form recall shows where they act.
 */
public final class DetectorEvaluation {
  private DetectorEvaluation() {}

  /** One post's label, form and fused decision. */
  public record Outcome(String postId, String platform, int label, String form, int decided, boolean review,
      String why, String text) {}

  /** Precision and recall of one detector category. */
  public record Score(int category, long flagged, long correct, long labelled, long reviewed) {
    public double precision() {
      return flagged == 0 ? Double.NaN : (double) correct / flagged;
    }

    public double recall() {
      return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }
  }

  /** Reads the set, runs the detectors and fusion, and returns one outcome per labelled post. */
  public static List<Outcome> run(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
      DetectorResources resources, Path dir, PrintWriter progress) {
    Map<String, Integer> labels = labels(dir.resolve("labels.csv"));
    Map<String, String> forms = forms(dir);
    List<String> inputs = new ArrayList<>();
    for (ArchiveInputs.ArchiveFile f : ArchiveInputs.expand(List.of(dir.toString()), new Configuration())) {
      String name = Path.of(f.path().replaceFirst("^file:", "")).getFileName().toString();
      if (!Set.of("labels.csv", "meta.csv", "kinds.csv", "enterprises.csv").contains(name)) {
        inputs.add(f.path());
      }
    }
    if (inputs.isEmpty()) {
      throw new ConfigException("--labeled " + dir + ": no posts files next to labels.csv");
    }
    Instant now = Instant.now();
    Dataset<Row> staged = ArchiveReader.read(spark, ArchiveInputs.expand(inputs, new Configuration()),
        RecordValidator.of(config, now));
    Dataset<Row> posts = IngestRows.postsRows(Upserts.latestCopies(staged.filter(col("accepted")), IngestKind.POSTS.keys()), "evaluate",
        Timestamp.from(now)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = posts.count();
      progress.printf(Locale.ROOT, "read %,d posts and %,d labels from %s%n", n, labels.size(), dir);
      progress.flush();
      PostDetectors detectors = PostDetectors.of(resources, registry);
      Dataset<Row> withEvidence = detectors.withEvidence(posts, detectors.officialContacts(posts));
      CampaignDetector.Result campaigns = CampaignDetector.of(resources, registry)
          .detect(posts, "evaluate", now, line -> {
            progress.println("  campaigns: " + line);
            progress.flush();
          });
      try {
        Dataset<Row> all = PostDetectors.withCampaignEvidence(withEvidence, campaigns.memberEvidence());
        Dataset<Row> fused = new FusionPolicy(resources.settings().fusion())
            .fuse(all, PostDetectors.EVIDENCE_COLUMNS, config.categoryNames());
        List<Outcome> out = new ArrayList<>();
        for (Row r : fused.select("post_id", "platform", "category", "needs_review", "evidence", "title", "content",
                "account_name", "content_type")
            .collectAsList()) {
          Integer label = labels.get(r.getString(0));
          if (label == null) {
            continue;
          }
          StringBuilder why = new StringBuilder();
          for (Object o : r.getList(4)) {
            Row e = (Row) o;
            if (!e.getString(0).equals(Evidence.FUSION)) {
              why.append(why.length() == 0 ? "" : " | ").append(e.getString(0)).append('/').append(e.getString(1))
                  .append(String.format(Locale.ROOT, " %.2f ", e.isNullAt(6) ? 0.0 : e.getDouble(6)))
                  .append(e.isNullAt(3) ? "" : "[" + e.getString(3) + "] ").append(e.getString(2));
            }
          }
          String text = r.getString(8) + " by " + (r.isNullAt(7) ? "?" : r.getString(7)) + ": "
              + (r.isNullAt(5) ? "" : r.getString(5) + " / ") + r.getString(6);
          out.add(new Outcome(r.getString(0), r.getString(1), label, forms.getOrDefault(r.getString(0), ""),
              r.getInt(2), r.getBoolean(3), PersonalDataMasker.mask(why.toString()), PersonalDataMasker.mask(text)));
        }
        return out;
      } finally {
        campaigns.release();
      }
    } finally {
      posts.unpersist();
    }
  }

  /** The categories a detector decides on its own (impersonation, personal data, quote context, coordination). */
  static final int[] DETECTED = {1, 3, 5, 9};

  /** Scores of the detector categories {@link #DETECTED}. */
  public static Map<Integer, Score> scores(List<Outcome> outcomes) {
    Map<Integer, Score> scores = new LinkedHashMap<>();
    for (int c : DETECTED) {
      long flagged = outcomes.stream().filter(o -> o.decided() == c).count();
      long correct = outcomes.stream().filter(o -> o.decided() == c && o.label() == c).count();
      long labelled = outcomes.stream().filter(o -> o.label() == c).count();
      long reviewed = outcomes.stream().filter(o -> o.decided() == 0 && o.review() && o.label() == c).count();
      scores.put(c, new Score(c, flagged, correct, labelled, reviewed));
    }
    return scores;
  }

  /** Prints the report; {@code errors} lists every false flag and every missed post of categories 1, 3, 5, 9. */
  public static void print(List<Outcome> outcomes, boolean errors, PrintWriter out) {
    out.println();
    out.printf("%-26s %8s %8s %10s %8s %8s %12s%n", "detector (category)", "flagged", "correct", "precision",
        "posts", "recall", "review only");
    Map<Integer, String> names = Map.of(1, "impersonation (1)", 3, "personal data (3)", 5, "quote context (5)", 9,
        "coordination (9)");
    for (Score s : scores(outcomes).values()) {
      out.printf(Locale.ROOT, "%-26s %8d %8d %10s %8d %8s %12d%n", names.get(s.category()), s.flagged(), s.correct(),
          pct(s.precision()), s.labelled(), pct(s.recall()), s.reviewed());
    }
    long zero = outcomes.stream().filter(o -> o.label() == 0).count();
    long zeroFlagged = outcomes.stream().filter(o -> o.label() == 0 && o.decided() != 0).count();
    long zeroReview = outcomes.stream().filter(o -> o.label() == 0 && o.decided() == 0 && o.review()).count();
    out.printf(Locale.ROOT, "%ncategory-0 posts flagged by a detector: %d of %d (%s); sent to review: %d%n",
        zeroFlagged, zero, pct(zero == 0 ? Double.NaN : (double) zeroFlagged / zero), zeroReview);
    long otherFlagged = outcomes.stream().filter(o -> o.label() != 0 && o.decided() != 0 && o.decided() != o.label())
        .count();
    out.printf("posts of another violation category given 1, 3, 5 or 9: %d%n", otherFlagged);
    for (int c : DETECTED) {
      Map<String, long[]> byForm = new TreeMap<>();
      for (Outcome o : outcomes) {
        if (o.label() == c) {
          long[] v = byForm.computeIfAbsent(o.form().isEmpty() ? "(no form)" : o.form(), k -> new long[2]);
          v[1]++;
          if (o.decided() == c) {
            v[0]++;
          }
        }
      }
      if (!byForm.isEmpty()) {
        StringBuilder b = new StringBuilder();
        byForm.forEach((form, v) -> b.append(b.length() == 0 ? "" : ", ").append(form).append(' ').append(v[0])
            .append('/').append(v[1]));
        out.printf("recall of %s by form: %s%n", names.get(c), b);
      }
    }
    Map<String, long[]> zeroForms = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.label() == 0 && !o.form().isEmpty()) {
        long[] v = zeroForms.computeIfAbsent(o.form(), k -> new long[2]);
        v[1]++;
        if (o.decided() != 0) {
          v[0]++;
        }
      }
    }
    if (!zeroForms.isEmpty()) {
      StringBuilder b = new StringBuilder();
      zeroForms.forEach((form, v) -> b.append(b.length() == 0 ? "" : ", ").append(form).append(' ').append(v[0])
          .append('/').append(v[1]));
      out.printf("category-0 flags by form: %s%n", b);
    }
    if (errors) {
      out.printf("%nerrors (label -> decided):%n");
      for (Outcome o : outcomes) {
        boolean falseFlag = o.decided() != 0 && o.decided() != o.label();
        boolean missed = java.util.Arrays.stream(DETECTED).anyMatch(c -> c == o.label()) && o.decided() != o.label();
        if (falseFlag || missed) {
          out.printf("  %s %d -> %d%s [%s] %s%n      %s%n", o.postId(), o.label(), o.decided(), o.review() ? " (review)"
              : "", o.form(), DetectJob.abbreviate(o.text(), 110), o.why().isEmpty() ? "(no evidence)" : o.why());
        }
      }
    }
    out.flush();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  static Map<String, Integer> labels(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--labeled: " + file + " not found (post_id,category,...)");
    }
    Map<String, Integer> labels = new HashMap<>();
    for (CSVRecord r : csv(file)) {
      try {
        labels.put(r.get("post_id"), Integer.parseInt(r.get("category").trim()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ", line " + r.getRecordNumber() + ": needs post_id and a category 0..10");
      }
    }
    return labels;
  }

  static Map<String, String> forms(Path dir) {
    Map<String, String> forms = new HashMap<>();
    Path meta = dir.resolve("meta.csv");
    Path kinds = dir.resolve("kinds.csv");
    if (Files.isRegularFile(meta)) {
      for (CSVRecord r : csv(meta)) {
        String cluster = r.isMapped("cluster") ? r.get("cluster") : "";
        forms.put(r.get("post_id"), r.get("subtype") + (cluster.isEmpty() ? "" : ":" + cluster.replaceAll("[0-9]+$", "")));
      }
    } else if (Files.isRegularFile(kinds)) {
      for (CSVRecord r : csv(kinds)) {
        forms.put(r.get("post_id"), r.get("kind").replaceAll(":c[0-9]+$", ""));
      }
    }
    return forms;
  }

  private static List<CSVRecord> csv(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
          .parse(reader).getRecords();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
