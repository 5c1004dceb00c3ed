package io.qinglang.generate;

import io.qinglang.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Real Chinese text read at run time from a directory such as {@code ../shared/data} (see its
 * README): Weibo posts, news and finance headlines, delivery and shopping reviews, and company names.
 * Nothing of it is stored in the repository. Each line is assigned to the training or held-out side
 * by a hash of its text, like slot values, so {@code --forms heldout} draws lines training never saw.
 * Where those corpora are missing, {@link #bundled} gives the project's own hand-written ordinary text
 * of the same kinds (far less of it, and no company names).
 */
public final class RealText implements Serializable {
  static final String WEIBO = "weibo_senti_100k_subset_2400.csv";
  static final String HEADLINES = "toutiao_headlines_38k.tsv";
  static final String FINANCE = "finance_news_headlines_choice_20k.tsv";
  static final String WAIMAI = "waimai_10k_reviews.csv";
  static final String SHOPPING = "online_shopping_reviews_10cats_sample10k.tsv";
  static final String ASHARE = "a_share_listed_companies_tushare_2026.csv";
  static final String BRANDS = "enterprise_brand_fullname_smoothnlp_10k.tsv";
  static final List<String> FILES = List.of(WEIBO, HEADLINES, FINANCE, WAIMAI, SHOPPING, ASHARE, BRANDS);
  /** The corpora of posts, headlines and reviews (the others list companies). */
  public static final List<String> TEXT_FILES = List.of(HEADLINES, FINANCE, WEIBO, WAIMAI, SHOPPING);

  /** The location that names the bundled hand-written text ({@link #bundled}) instead of a directory. */
  public static final String BUNDLED = "bundled";
  public static final String BUNDLED_RESOURCE = "qinglang/corpus/ordinary/";
  /** The bundled files of each kind, by the kind's field name: everyday posts, headlines, reviews. */
  static final Map<String, List<String>> BUNDLED_FILES = bundledFiles();

  private static Map<String, List<String>> bundledFiles() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("weibo", List.of("weibo_life.txt", "weibo_world.txt", "posts_long_a.txt", "posts_long_b.txt",
        "posts_forum.txt"));
    m.put("headlines", List.of("news_headlines.txt"));
    m.put("financeHeadlines", List.of("finance_headlines.txt"));
    m.put("goodReviews", List.of("good_reviews.txt", "good_reviews2.txt"));
    m.put("badReviews", List.of("bad_reviews.txt", "bad_reviews2.txt"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** A company name from the corpora: short name, registered name (may be null), industry words. */
  public record Company(String shortName, String fullName, String industry, String area) implements Serializable {}

  /** Lines of one kind, divided into the two sides of the split. */
  static final class Lines implements Serializable {
    final List<String> train = new ArrayList<>();
    final List<String> heldout = new ArrayList<>();

    void add(String line) {
      String s = line.strip();
      if (s.length() < 4) {
        return;
      }
      (Long.remainderUnsigned(Hashing.fnv("real\u0001" + s), 5) == 0 ? heldout : train).add(s);
    }

    List<String> side(FormSplit mode) {
      return mode == FormSplit.HELDOUT ? heldout : mode == FormSplit.TRAIN ? train : null;
    }

    String pick(java.util.SplittableRandom rng, FormSplit mode) {
      List<String> side = side(mode);
      if (side == null) {
        int n = train.size() + heldout.size();
        int i = rng.nextInt(n);
        return i < train.size() ? train.get(i) : heldout.get(i - train.size());
      }
      return side.get(rng.nextInt(side.size()));
    }

    boolean usable(FormSplit mode) {
      List<String> side = side(mode);
      return side == null ? train.size() + heldout.size() > 0 : !side.isEmpty();
    }

    int size() {
      return train.size() + heldout.size();
    }
  }

  final String dir;
  final String fingerprint;
  final Lines weibo = new Lines();
  final Lines headlines = new Lines();
  final Lines financeHeadlines = new Lines();
  final Lines goodReviews = new Lines();
  final Lines badReviews = new Lines();
  final List<Company> companies = new ArrayList<>();
  final Map<String, Integer> fileRows = new LinkedHashMap<>();

  private RealText(String dir, String fingerprint) {
    this.dir = dir;
    this.fingerprint = fingerprint;
  }

  /** Whether {@code dir} is a directory holding at least one of the known corpora. */
  public static boolean holdsCorpora(Path dir) {
    return Files.isDirectory(dir) && FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
  }

  /** {@link #bundled} for {@link #BUNDLED}, else the corpora in the directory {@code location}. */
  public static RealText load(String location) {
    return BUNDLED.equals(location) ? bundled() : load(Path.of(location));
  }

  /**
   * The hand-written ordinary text bundled in the jar ({@code qinglang/corpus/ordinary/}, one post a line:
   * everyday posts, news and finance headlines, good reviews, and honest bad reviews as hard negatives),
   * for a machine without the real corpora. No company names: invented enterprises keep the grammar's names.
   */
  public static RealText bundled() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (List<String> names : BUNDLED_FILES.values()) {
      for (String name : names) {
        try (java.io.InputStream in = RealText.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE + name)) {
          if (in == null) {
            throw new IllegalStateException("the jar lacks " + BUNDLED_RESOURCE + name);
          }
          files.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot read " + BUNDLED_RESOURCE + name, e);
        }
      }
    }
    RealText t = new RealText(BUNDLED, digest(files));
    BUNDLED_FILES.forEach((kind, names) -> {
      Lines into = t.lines(kind);
      for (String name : names) {
        String[] lines = new String(files.get(name), StandardCharsets.UTF_8).split("\\R");
        for (String line : lines) {
          into.add(stripBom(line));
        }
        t.fileRows.put(name, lines.length);
      }
    });
    return t;
  }

  /** The lines of one kind, by the field name {@link #BUNDLED_FILES} uses. */
  Lines lines(String kind) {
    return switch (kind) {
      case "weibo" -> weibo;
      case "headlines" -> headlines;
      case "financeHeadlines" -> financeHeadlines;
      case "goodReviews" -> goodReviews;
      case "badReviews" -> badReviews;
      default -> throw new IllegalArgumentException("no kind of real text is called " + kind);
    };
  }

  /** Reads the corpora found in {@code dir}; at least one must be there. */
  public static RealText load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("--real-text: not a directory: " + dir);
    }
    List<Path> present = new ArrayList<>();
    for (String f : FILES) {
      if (Files.isRegularFile(dir.resolve(f))) {
        present.add(dir.resolve(f));
      }
    }
    if (present.isEmpty()) {
      throw new ConfigException("--real-text: " + dir + " holds none of the known corpora (" + String.join(", ", FILES)
          + "); see ../shared/data/README.md");
    }
    RealText t = new RealText(dir.toAbsolutePath().normalize().toString(), fingerprint(present));
    try {
      t.read(dir);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("--real-text: cannot read " + dir + ": " + e.getMessage());
    }
    return t;
  }

  private void read(Path dir) throws IOException {
    CSVFormat csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    CSVFormat tsv = CSVFormat.RFC4180.builder().setDelimiter('\t').setHeader().setSkipHeaderRecord(true).get();
    forEach(dir.resolve(WEIBO), csv, WEIBO, r -> weibo.add(stripBom(r.get(1))));
    forEach(dir.resolve(HEADLINES), tsv, HEADLINES, r -> headlines.add(r.get(3)));
    forEach(dir.resolve(FINANCE), tsv, FINANCE, r -> financeHeadlines.add(r.get(1).replace('\u3000', ' ')));
    forEach(dir.resolve(WAIMAI), csv, WAIMAI, r -> ("1".equals(r.get(0)) ? goodReviews : badReviews).add(r.get(1)));
    forEach(dir.resolve(SHOPPING), tsv, SHOPPING, r -> ("1".equals(r.get(1)) ? goodReviews : badReviews).add(r.get(2)));
    forEach(dir.resolve(ASHARE), csv, ASHARE, r -> {
      String name = cleanListedName(r.get(2));
      if (name.length() >= 2) {
        companies.add(new Company(name, null, r.get(4), r.get(3)));
      }
    });
    forEach(dir.resolve(BRANDS), tsv, BRANDS, r -> {
      String brand = r.get(0).strip();
      String full = r.get(1).strip();
      if (brand.length() >= 2 && full.length() >= 4 && brand.length() <= 10) {
        String intro = r.size() > 4 ? r.get(4) : "";
        companies.add(new Company(brand, full, intro.length() > 60 ? intro.substring(0, 60) : intro, null));
      }
    });
  }

  private interface RowConsumer {
    void accept(CSVRecord r);
  }

  private void forEach(Path file, CSVFormat format, String name, RowConsumer consumer) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    int rows = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord r : parser) {
        try {
          consumer.accept(r);
          rows++;
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException skipped) {
          // a short or broken row: not usable text
        }
      }
    }
    fileRows.put(name, rows);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** "*ST国华" becomes 国华, "万科A" becomes 万科. */
  static String cleanListedName(String name) {
    String n = name.strip().replace(" ", "");
    if (n.startsWith("*ST")) {
      n = n.substring(3);
    } else if (n.startsWith("ST")) {
      n = n.substring(2);
    }
    if (n.length() > 2 && (n.endsWith("A") || n.endsWith("B")) && n.charAt(n.length() - 2) > 127) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  private static String fingerprint(List<Path> files) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try {
      for (Path p : files) {
        contents.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new ConfigException("--real-text: cannot read " + e.getMessage());
    }
    return digest(contents);
  }

  private static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      files.forEach((name, bytes) -> {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update(bytes);
      });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String dir() {
    return dir;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public Map<String, Integer> fileRows() {
    return fileRows;
  }
}
