package io.qinglang.generate;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigReader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything a generation run depends on. The output is a function of these options (and of the
 * registry's and real-text files' contents): the same options give byte-identical files whatever
 * the number of Spark partitions or cores.
 *
 * <p>Rates: {@code violationRate} of all posts are violations, divided among categories 1..10 by
 * {@code categoryWeights}; {@code campaignShare} of category 9 are members of coordinated campaigns;
 * {@code hardNegativeRate} are legitimate posts that share vocabulary with violations (complaints,
 * bad reviews, accurate bad news, job ads, official accounts, fans reposting an announcement ...);
 * {@code fanClusterRate} of all posts are fans reposting an announcement (counted within the hard
 * negatives); {@code dirtyRate} are dirty records; the rest are ordinary posts.
 */
public record GeneratorOptions(
    String profile,
    long posts,
    long seed,
    FormSplit forms,
    LocalDate start,
    LocalDate end,
    String timeZone,
    double violationRate,
    double[] categoryWeights,
    double hardNegativeRate,
    double dirtyRate,
    double campaignShare,
    double fanClusterRate,
    double registryShare,
    double realTextShare,
    int postsPerPart,
    int sparkPartitions,
    EnterpriseRegistry registry,
    String realTextDir) implements Serializable {

  public static final List<String> PROFILES = List.of("demo", "training", "bench");
  public static final LocalDate DEFAULT_START = LocalDate.of(2023, 4, 24);
  public static final LocalDate DEFAULT_END = LocalDate.of(2023, 9, 30);

  public GeneratorOptions {
    if (posts < 1) {
      throw new ConfigException("posts must be at least 1, not " + posts);
    }
    if (end.isBefore(start)) {
      throw new ConfigException("--end " + end + " is before --start " + start);
    }
    if (categoryWeights.length != 10) {
      throw new ConfigException("category-weights must have 10 entries (categories 1..10)");
    }
    double fixed = violationRate + hardNegativeRate + dirtyRate;
    if (fixed > 1.0 + 1e-9) {
      throw new ConfigException(String.format(Locale.ROOT,
          "violation-rate + hard-negative-rate + dirty-rate is %.3f, more than 1", fixed));
    }
    if (fanClusterRate > hardNegativeRate + 1e-9) {
      throw new ConfigException("fan-cluster-rate must not exceed hard-negative-rate (fans are hard negatives)");
    }
    if (postsPerPart < 1) {
      throw new ConfigException("posts-per-part must be at least 1");
    }
    categoryWeights = categoryWeights.clone();
  }

  /** The options of a profile from the configuration ({@code qinglang.generate.profiles.NAME}). */
  public static GeneratorOptions profile(QinglangConfig config, String profile, EnterpriseRegistry registry) {
    String name = profile.toLowerCase(Locale.ROOT);
    if (!PROFILES.contains(name)) {
      throw new ConfigException("--profile '" + profile + "' is not one of " + String.join(", ", PROFILES));
    }
    ConfigReader r = config.reader();
    String p = "qinglang.generate.profiles." + name + ".";
    List<Double> weights = r.list(p + "category-weights", s -> {
      double d = Double.parseDouble(s);
      if (d < 0) {
        throw new IllegalArgumentException("weights must not be negative");
      }
      return d;
    });
    if (weights.size() != 10) {
      throw r.error(p + "category-weights", "must list 10 weights, for categories 1..10");
    }
    FormSplit forms;
    try {
      forms = FormSplit.parse(r.string(p + "forms"));
    } catch (IllegalArgumentException e) {
      throw r.error(p + "forms", e.getMessage());
    }
    long seed = r.config().getLong(p + "seed");
    return new GeneratorOptions(name, r.intAtLeast(p + "posts", 1), seed, forms, DEFAULT_START, DEFAULT_END,
        config.timeZone().getId(),
        r.doubleBetween(p + "violation-rate", 0, 1),
        weights.stream().mapToDouble(Double::doubleValue).toArray(),
        r.doubleBetween(p + "hard-negative-rate", 0, 1),
        r.doubleBetween(p + "dirty-rate", 0, 0.5),
        r.doubleBetween(p + "campaign-share", 0, 1),
        r.doubleBetween(p + "fan-cluster-rate", 0, 1),
        r.doubleBetween(p + "registry-share", 0, 1),
        r.doubleBetween(p + "real-text-share", 0, 1),
        r.intAtLeast("qinglang.generate.posts-per-part", 1),
        0, registry, null);
  }

  /**
   * The options of the default training corpus: the {@code training} profile as configured (fixed
   * seed and size), with the configured registry. Real text is off unless {@code realTextDir} is given.
   */
  public static GeneratorOptions trainingCorpus(QinglangConfig config, EnterpriseRegistry registry,
      String realTextDir) {
    return profile(config, "training", registry).withRealText(realTextDir);
  }

  public GeneratorOptions withPosts(long n) {
    return new GeneratorOptions(profile, n, seed, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, registry, realTextDir);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(profile, posts, s, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, registry, realTextDir);
  }

  public GeneratorOptions withForms(FormSplit f) {
    return new GeneratorOptions(profile, posts, seed, f, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, registry, realTextDir);
  }

  public GeneratorOptions withWindow(LocalDate from, LocalDate to) {
    return new GeneratorOptions(profile, posts, seed, forms, from, to, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, registry, realTextDir);
  }

  public GeneratorOptions withRates(double violation, double hardNegative, double dirty) {
    return new GeneratorOptions(profile, posts, seed, forms, start, end, timeZone, violation, categoryWeights,
        hardNegative, dirty, campaignShare, Math.min(fanClusterRate, hardNegative), registryShare, realTextShare,
        postsPerPart, sparkPartitions, registry, realTextDir);
  }

  public GeneratorOptions withPostsPerPart(int n) {
    return new GeneratorOptions(profile, posts, seed, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, n,
        sparkPartitions, registry, realTextDir);
  }

  /** Spark partitions to spread the parts over (0: one per part). Does not change the output. */
  public GeneratorOptions withSparkPartitions(int n) {
    return new GeneratorOptions(profile, posts, seed, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        n, registry, realTextDir);
  }

  public GeneratorOptions withRegistry(EnterpriseRegistry r) {
    return new GeneratorOptions(profile, posts, seed, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, r, realTextDir);
  }

  public GeneratorOptions withRealText(String dir) {
    return new GeneratorOptions(profile, posts, seed, forms, start, end, timeZone, violationRate, categoryWeights,
        hardNegativeRate, dirtyRate, campaignShare, fanClusterRate, registryShare, realTextShare, postsPerPart,
        sparkPartitions, registry, dir);
  }

  /**
   * Number of part files: fixed by the number of posts and posts-per-part, never by the cluster. Small
   * runs are cut into up to 8 parts of at least 10,000 posts, so that they use several cores too.
   */
  public int parts() {
    long byPartSize = (posts + postsPerPart - 1) / postsPerPart;
    long small = Math.min(8, (posts + MIN_PART - 1) / MIN_PART);
    return (int) Math.max(1, Math.max(byPartSize, small));
  }

  /** The smallest part small runs are cut into. */
  static final long MIN_PART = 10_000;

  /** The first index of part {@code p} (parts are as equal as possible). */
  public long partStart(int p) {
    return posts * p / parts();
  }

  /** The share of all posts in category {@code c} (1..10), campaigns included for 9. */
  public double categoryRate(int c) {
    double sum = Arrays.stream(categoryWeights).sum();
    return sum == 0 ? 0 : violationRate * categoryWeights[c - 1] / sum;
  }

  /** The share of all posts that are members of coordinated campaigns. */
  public double campaignRate() {
    return categoryRate(9) * campaignShare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratorOptions g && toString().equals(g.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "GeneratorOptions[profile=" + profile + ", posts=" + posts + ", seed=" + seed + ", forms=" + forms.id()
        + ", " + start + ".." + end + ", violation=" + violationRate + ", weights=" + Arrays.toString(categoryWeights)
        + ", hardNegative=" + hardNegativeRate + ", dirty=" + dirtyRate + ", campaignShare=" + campaignShare
        + ", fan=" + fanClusterRate + ", registryShare=" + registryShare + ", realTextShare=" + realTextShare
        + ", postsPerPart=" + postsPerPart + ", registry=" + (registry == null ? null : registry.fingerprint())
        + ", realText=" + realTextDir + "]";
  }
}
