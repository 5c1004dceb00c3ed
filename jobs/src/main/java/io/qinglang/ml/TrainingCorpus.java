package io.qinglang.ml;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigReader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.generate.CorpusGenerator;
import io.qinglang.generate.GeneratorOptions;
import io.qinglang.generate.RealText;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The repository's training corpus, used by train when no --labeled directory is given: the
 * generator's {@code training} profile (generated once into {@code qinglang.classifier.training.corpus-dir}
 * and reused while its options are unchanged, see {@link CorpusGenerator#ensure}) plus the hand-written
 * gold set bundled at {@code qinglang/corpus/gold/} (posts.jsonl, labels.csv, kinds.csv), copied out
 * of the classpath into a local directory for reading, plus the retired held-out sets listed in
 * {@code qinglang.classifier.training.retired-sets} (hand-written evaluation sets that no longer judge).
 */
public final class TrainingCorpus {
  private static final Logger LOG = LogManager.getLogger(TrainingCorpus.class);
  /** A labelled directory may list the invented enterprises its posts name in this registry file. */
  public static final String REGISTRY_FILE = "enterprises.csv";
  public static final String GOLD_RESOURCE = "qinglang/corpus/gold/";
  /** Where the jar bundles the hand-written held-out sets ({@code jobs/corpus/<name>/}). */
  public static final String SETS_RESOURCE = "qinglang/corpus/sets/";
  private static final List<String> SET_FILES = List.of("labels.csv", "meta.csv", REGISTRY_FILE);
  private static final List<String> GOLD_FILES = List.of("posts.jsonl", "labels.csv", "kinds.csv", REGISTRY_FILE);
  private static final String P = "qinglang.classifier.training.";

  /**
   * Settings of the default corpus ({@code qinglang.classifier.training}).
   *
   * @param corpusDir where the generated part lives (output location; reused when up to date)
   * @param maxGeneratedPosts at most this many generated posts are trained on (a seeded sample;
   *     0 = all of them)
   * @param realText a directory of real Chinese text the generator mixes into the ordinary posts,
   *     {@link RealText#BUNDLED} for the bundled hand-written text, or null for none
   * @param goldWeight how much each hand-written gold post weighs in training relative to a generated one
   * @param retiredSets names of bundled hand-written held-out sets ({@code jobs/corpus/<name>}) that are
   *     trained on as well, each post weighing {@code goldWeight}
   */
  public record Settings(String corpusDir, long maxGeneratedPosts, String realText, double goldWeight,
      List<String> retiredSets) {
    public static Settings from(QinglangConfig config) {
      ConfigReader r = config.reader();
      String real;
      try {
        real = r.config().getString(P + "real-text").trim();
      } catch (com.typesafe.config.ConfigException e) {
        throw r.error(P + "real-text", "must be a string (a directory, \"auto\", \"bundled\", or \"\" for none)");
      }
      if (real.equals(AUTO)) {
        // Without the real corpora, the bundled hand-written text stands in for them.
        Path found = autoRealText(Path.of(System.getProperty("qinglang.home", ".")));
        real = found == null ? RealText.BUNDLED : found.toString();
      } else if (!real.isEmpty() && !real.equals(RealText.BUNDLED) && !Files.isDirectory(Path.of(real))) {
        throw r.error(P + "real-text", "not a directory: " + real);
      }
      double gold = r.doubleBetween(P + "gold-weight", 0.1, 100.0);
      return new Settings(r.outputLocation(P + "corpus-dir"), r.intAtLeast(P + "max-generated-posts", 0),
          real.isEmpty() ? null : real, gold, retiredSets(r));
    }

    /** {@code retired-sets}: names of held-out sets bundled under {@link #SETS_RESOURCE}, each at most once. */
    static List<String> retiredSets(ConfigReader r) {
      List<String> names;
      try {
        names = r.config().getStringList(P + "retired-sets");
      } catch (com.typesafe.config.ConfigException e) {
        throw r.error(P + "retired-sets", "must be a list of bundled held-out set names ([] for none)");
      }
      List<String> out = new ArrayList<>();
      for (String raw : names) {
        String name = raw.trim();
        if (!isBundledSet(name)) {
          throw r.error(P + "retired-sets", "no held-out set '" + name + "' is bundled (" + SETS_RESOURCE + name
              + "/labels.csv; the sets are jobs/corpus/<name>)");
        }
        if (out.contains(name)) {
          throw r.error(P + "retired-sets", "'" + name + "' is listed twice");
        }
        out.add(name);
      }
      return List.copyOf(out);
    }

    public Settings withRealText(String dir) {
      if (dir != null && !dir.equals(RealText.BUNDLED) && !Files.isDirectory(Path.of(dir))) {
        throw new ConfigException("--real-text " + dir + ": not a directory (nor \"" + RealText.BUNDLED + "\")");
      }
      return new Settings(corpusDir, maxGeneratedPosts, dir, goldWeight, retiredSets);
    }
  }

  /** How train and the logs name a {@code real-text} location. */
  public static String describeRealText(String realText) {
    return realText == null ? "no real text" : RealText.BUNDLED.equals(realText)
        ? "the bundled hand-written ordinary text (" + RealText.BUNDLED_RESOURCE + ")" : "real text from " + realText;
  }

  /** The {@code real-text} value that looks for the corpora beside the repository ({@link #autoRealText}). */
  public static final String AUTO = "auto";

  /** How many directories up from the repository {@link #autoRealText} looks for {@code shared/data}. */
  static final int REAL_TEXT_LEVELS = 3;

  /**
   * The nearest {@code shared/data} beside the repository at {@code home} (the launcher's
   * {@code qinglang.home}) or beside one of its parents, up to {@link #REAL_TEXT_LEVELS} levels up
   * ({@code ../shared/data}, {@code ../../shared/data} ...: a clone one folder deeper than its
   * neighbours finds the same corpora), that holds at least one of the known corpora; else null.
   */
  public static Path autoRealText(Path home) {
    Path parent = home.toAbsolutePath().normalize().getParent();
    for (int level = 0; level < REAL_TEXT_LEVELS && parent != null; level++, parent = parent.getParent()) {
      Path dir = parent.resolve("shared/data");
      if (RealText.holdsCorpora(dir)) {
        return dir;
      }
    }
    return null;
  }

  /**
   * A labelled directory of the default corpus, with the number of its posts to sample (0 = all), the
   * training weight of each of its posts (multiplies the class weight) and, for a retired held-out set,
   * the name its validation groups are scoped by (null otherwise; see {@link #scopeGroups}).
   */
  public record Source(String dir, String description, long maxPosts, double weight, String groupScope) {
    public Source(String dir, String description, long maxPosts, double weight) {
      this(dir, description, maxPosts, weight, null);
    }
  }

  private TrainingCorpus() {}

  /** True when the gold set is on the classpath. */
  public static boolean hasGold() {
    return TrainingCorpus.class.getClassLoader().getResource(GOLD_RESOURCE + "labels.csv") != null;
  }

  /** The gold set as a local labelled directory under {@code workDir}. */
  public static String goldDir(Path workDir) {
    if (!hasGold()) {
      throw new ConfigException("the gold set (" + GOLD_RESOURCE + ") is not on the classpath; pass --labeled DIR");
    }
    Path dir = workDir.resolve("gold");
    copyResources(GOLD_RESOURCE, GOLD_FILES, dir, false, "the gold set");
    return dir.toUri().toString();
  }

  /**
   * Copies {@code prefix + file} from the classpath to {@code dir/file} for each file; a missing one is an
   * error when {@code required}, else skipped. {@code what} names the data in messages.
   */
  private static void copyResources(String prefix, List<String> files, Path dir, boolean required, String what) {
    for (String file : files) {
      try (InputStream in = TrainingCorpus.class.getClassLoader().getResourceAsStream(prefix + file)) {
        if (in == null) {
          if (required) {
            throw new ConfigException(what + " lacks " + file + " on the classpath (" + prefix + file + ")");
          }
          continue;
        }
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + what + " to " + dir, e);
      }
    }
  }

  /** model.json key listing the retired held-out sets a model was trained on. */
  public static final String RETIRED_SETS_KEY = "retired_sets";

  /**
   * The retired held-out set among those a model was trained on ({@link #RETIRED_SETS_KEY} in its metadata)
   * whose labels.csv is byte for byte the one in {@code labeledDir}, if any: evaluating the model on it
   * measures nothing.
   */
  public static Optional<String> trainedOn(Map<String, Object> metadata, String labeledDir,
      Configuration hadoop) {
    Object listed = metadata.get(RETIRED_SETS_KEY);
    if (!(listed instanceof List<?> names) || names.isEmpty()) {
      return Optional.empty();
    }
    byte[] labels;
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(labeledDir, "labels.csv");
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      labels = in.readAllBytes();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Object name : names) {
      try (InputStream in = TrainingCorpus.class.getClassLoader()
          .getResourceAsStream(SETS_RESOURCE + name + "/labels.csv")) {
        if (in != null && Arrays.equals(in.readAllBytes(), labels)) {
          return Optional.of(String.valueOf(name));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled held-out set " + name, e);
      }
    }
    return Optional.empty();
  }

  /** True when the jar bundles the held-out set {@code name}. */
  public static boolean isBundledSet(String name) {
    return !name.isEmpty() && name.matches("[A-Za-z0-9_-]+")
        && TrainingCorpus.class.getClassLoader().getResource(SETS_RESOURCE + name + "/labels.csv") != null;
  }

  /** A bundled held-out set as a local labelled directory under {@code workDir} (posts/NAME.jsonl and side files). */
  public static String bundledSetDir(String name, Path workDir) {
    Path dir = workDir.resolve("sets").resolve(name);
    List<String> files = new ArrayList<>(SET_FILES);
    files.add("posts/" + name + ".jsonl");
    copyResources(SETS_RESOURCE + name + "/", files, dir, true, "the held-out set " + name);
    return dir.toUri().toString();
  }

  /**
   * The default labelled directories: the generated training profile (generated into the corpus
   * directory unless an up-to-date copy is there) and the gold set (materialized under {@code workDir}).
   */
  public static List<Source> defaultSources(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry,
      Settings settings, Path workDir) {
    List<Source> sources = new ArrayList<>();
    GeneratorOptions options = GeneratorOptions.trainingCorpus(config, registry, settings.realText());
    LOG.info("default training corpus: generator training profile in {} ({} posts{})", settings.corpusDir(),
        options.posts(), settings.realText() == null ? "" : ", " + describeRealText(settings.realText()));
    CorpusGenerator.ensure(spark, options, settings.corpusDir());
    sources.add(new Source(settings.corpusDir(), "generator training profile (" + settings.corpusDir() + ", seed "
        + options.seed() + (settings.realText() == null ? "" : RealText.BUNDLED.equals(settings.realText())
        ? ", bundled ordinary text" : ", real text") + ")", settings.maxGeneratedPosts(), 1.0));
    if (hasGold()) {
      sources.add(new Source(goldDir(workDir), "gold set (" + GOLD_RESOURCE + ", each post weighs "
          + settings.goldWeight() + ")", 0, settings.goldWeight()));
    }
    for (String name : settings.retiredSets()) {
      sources.add(new Source(bundledSetDir(name, workDir), "retired held-out set " + name + " (each post weighs " + settings.goldWeight() + ")",
          0, settings.goldWeight(), name));
    }
    return sources;
  }

  /**
   * Validation groups of a retired held-out set. Its side file only says violation, hard negative or
   * ordinary, so a group is that kind within one category of one set ({@code scope}): the folds then hold
   * out one set's posts of a category whole, phrasings the other folds' models have not seen. Campaign
   * members ({@code kind:v:campaign:<cluster>}, see {@link LabeledData}) keep their group, scoped by the set,
   * so that {@code detector-only-groups} still leaves them out.
   */
  public static Dataset<Row> scopeGroups(Dataset<Row> posts, String scope) {
    Column group = col(LabeledData.GROUP);
    Column campaign = group.startsWith(LabeledData.CAMPAIGN_GROUP);
    // kind:<set>/<kind>:<category>, a hand-written kind like the gold set's (the trainer reports those apart).
    Column kind = coalesce(regexp_replace(group, "^" + LabeledData.KIND_GROUP, ""), lit("none"));
    Column scoped = concat(lit(LabeledData.KIND_GROUP + scope + "/"), kind, lit(":"),
        col(ClassifierPipeline.LABEL).cast("int").cast("string"));
    return posts.withColumn(LabeledData.GROUP,
        when(campaign, concat(group, lit("@" + scope))).otherwise(scoped));
  }

  /**
   * The registry training uses: {@code base} plus the enterprises of every labelled directory's
   * {@code enterprises.csv} (local directories only; a file with a header and no rows adds nothing).
   * Their names then become the enterprise placeholder in training, as registry names do when scoring.
   */
  public static EnterpriseRegistry trainingRegistry(EnterpriseRegistry base, List<String> dirs,
      QinglangConfig.Platforms platforms, Consumer<String> report) {
    EnterpriseRegistry registry = base;
    for (String dir : dirs) {
      Path local = localDir(dir);
      if (local == null || !Files.isRegularFile(local.resolve(REGISTRY_FILE))) {
        continue;
      }
      Path file = local.resolve(REGISTRY_FILE);
      try {
        if (EnterpriseRegistry.isEmpty(Files.readAllBytes(file))) {
          continue;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      EnterpriseRegistry extra = EnterpriseRegistry.load(InputResource.file(file), platforms);
      report.accept("training registry: " + extra.size() + " enterprises added from " + file);
      registry = registry.with(extra);
    }
    return registry;
  }

  private static Path localDir(String dir) {
    if (dir.startsWith("file:")) {
      return Path.of(URI.create(dir));
    }
    return dir.contains("://") ? null : Path.of(dir);
  }
}
