package io.qinglang.ml;

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
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The repository's training corpus, used by train when no --labeled directory is given: the
 * generator's {@code training} profile (generated once into {@code qinglang.classifier.training.corpus-dir}
 * and reused while its options are unchanged, see {@link CorpusGenerator#ensure}) plus the hand-written
 * gold set bundled at {@code qinglang/corpus/gold/} (posts.jsonl, labels.csv, kinds.csv), copied out
 * of the classpath into a local directory for reading.
 */
public final class TrainingCorpus {
  private static final Logger LOG = LogManager.getLogger(TrainingCorpus.class);
  /** A labelled directory may list the invented enterprises its posts name in this registry file. */
  public static final String REGISTRY_FILE = "enterprises.csv";
  public static final String GOLD_RESOURCE = "qinglang/corpus/gold/";
  private static final List<String> GOLD_FILES = List.of("posts.jsonl", "labels.csv", "kinds.csv", REGISTRY_FILE);
  private static final String P = "qinglang.classifier.training.";

  /**
   * Settings of the default corpus ({@code qinglang.classifier.training}).
   *
   * @param corpusDir where the generated part lives (output location; reused when up to date)
   * @param maxGeneratedPosts at most this many generated posts are trained on (a seeded sample;
   *     0 = all of them)
   * @param realText a directory of real Chinese text the generator mixes into the ordinary posts
   *     (null = none)
   * @param goldWeight how much each hand-written gold post weighs in training relative to a generated one
   */
  public record Settings(String corpusDir, long maxGeneratedPosts, String realText, double goldWeight) {
    public static Settings from(QinglangConfig config) {
      ConfigReader r = config.reader();
      String real;
      try {
        real = r.config().getString(P + "real-text").trim();
      } catch (com.typesafe.config.ConfigException e) {
        throw r.error(P + "real-text", "must be a string (a directory, \"auto\", or \"\" for none)");
      }
      if (real.equals(AUTO)) {
        Path found = autoRealText(Path.of(System.getProperty("qinglang.home", ".")));
        real = found == null ? "" : found.toString();
      } else if (!real.isEmpty() && !Files.isDirectory(Path.of(real))) {
        throw r.error(P + "real-text", "not a directory: " + real);
      }
      double gold = r.doubleBetween(P + "gold-weight", 0.1, 100.0);
      return new Settings(r.outputLocation(P + "corpus-dir"), r.intAtLeast(P + "max-generated-posts", 0),
          real.isEmpty() ? null : real, gold);
    }

    public Settings withRealText(String dir) {
      if (dir != null && !Files.isDirectory(Path.of(dir))) {
        throw new ConfigException("--real-text " + dir + ": not a directory");
      }
      return new Settings(corpusDir, maxGeneratedPosts, dir, goldWeight);
    }
  }

  /** The {@code real-text} value that looks for the corpora next to the repository. */
  public static final String AUTO = "auto";

  /**
   * {@code ../shared/data} next to the repository at {@code home} (the launcher's
   * {@code qinglang.home}) when it holds at least one of the known corpora, else null.
   */
  public static Path autoRealText(Path home) {
    Path dir = home.toAbsolutePath().resolve("../shared/data").normalize();
    return RealText.holdsCorpora(dir) ? dir : null;
  }

  /**
   * A labelled directory of the default corpus, with the number of its posts to sample (0 = all) and
   * the training weight of each of its posts (multiplies the class weight).
   */
  public record Source(String dir, String description, long maxPosts, double weight) {}

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
    try {
      Files.createDirectories(dir);
      for (String name : GOLD_FILES) {
        try (InputStream in = TrainingCorpus.class.getClassLoader().getResourceAsStream(GOLD_RESOURCE + name)) {
          if (in != null) {
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the gold set to " + dir, e);
    }
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
        options.posts(), settings.realText() == null ? "" : ", real text from " + settings.realText());
    CorpusGenerator.ensure(spark, options, settings.corpusDir());
    sources.add(new Source(settings.corpusDir(), "generator training profile (" + settings.corpusDir() + ", seed "
        + options.seed() + (settings.realText() == null ? "" : ", real text") + ")", settings.maxGeneratedPosts(), 1.0));
    if (hasGold()) {
      sources.add(new Source(goldDir(workDir), "gold set (" + GOLD_RESOURCE + ", each post weighs "
          + settings.goldWeight() + ")", 0, settings.goldWeight()));
    }
    return sources;
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
