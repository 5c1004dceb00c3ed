package io.qinglang.detect;

import io.qinglang.config.ConfigReader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The {@code qinglang.detect} section of the configuration, validated (a wrong value names the key
 * and the file). Lexicons are named here and loaded by {@link DetectorResources}.
 */
public record DetectSettings(
    Lexicons lexicons,
    PersonalData personalData,
    Impersonation impersonation,
    Coordination coordination,
    QuoteContext quoteContext,
    Suggestions suggestions,
    HotEvents hotEvents,
    TradeSecrets tradeSecrets,
    Fusion fusion) implements Serializable {

  /** Where the lexicons are. */
  public record Lexicons(InputResource personalData, InputResource impersonation, InputResource confusables,
      InputResource campaigns, InputResource quoteContext, InputResource suggestions, InputResource hotEvents,
      InputResource tradeSecrets) implements Serializable {}

  /** Personal data: context window (characters each side) and the lowest score reported. */
  public record PersonalData(int contextWindow, double reportScore) implements Serializable {}

  /** Impersonation: the lowest score reported and the shortest name matched by edit distance. */
  public record Impersonation(double reportScore, int minFuzzyLength) implements Serializable {}

  /**
   * Coordinated campaigns: LSH, verification, reworded links ({@code rewordedSimilarity} 0 = off),
   * hostile bursts ({@code burstWindowHours} 0 = off; {@link HostileBursts}), clustering and the attack rule.
   */
  public record Coordination(int shingleSize, int bands, int rowsPerBand, double jaccardThreshold, int minChars,
      int allPairsBucketSize, int maxBucketSize, int minClusterPosts, int minAccounts, int minPlatforms,
      double windowHours, double negativeShare, double laterWindowShare, double hostileProbability, long seed,
      long driverComponentsMaxEdges,
      int maxIterations, List<String> contentTypes, double rewordedSimilarity, int rewordedMaxBlockPosts,
      double burstWindowHours, double burstEntry, double burstMean, double burstShare, int burstMaxPosts)
      implements Serializable {

    public int numHashes() {
      return bands * rowsPerBand;
    }
  }

  /** Quotes cut out of context: how far from the claim the context words count, and the shortest claim. */
  public record QuoteContext(int window, int minClaimChars) implements Serializable {}

  /** Suggestions: on or off, and how far from a cue word an allegation counts in a post that cites one. */
  public record Suggestions(boolean enabled, int window) implements Serializable {}

  /** Marketing that rides a disaster, accident or scandal: on or off. */
  public record HotEvents(boolean enabled) implements Serializable {}

  /** Leaks of trade secrets: on or off. */
  public record TradeSecrets(boolean enabled) implements Serializable {}

  /** How evidence and classifier output combine (see {@link FusionPolicy}). */
  public record Fusion(double flagScore, double reviewScore, double corroborationProbability,
      Set<Integer> coordinationYieldsTo, Set<Integer> impersonationYieldsTo, Set<Integer> officialAccountWithholds)
      implements Serializable {}

  private static final String P = "qinglang.detect.";

  public static DetectSettings of(QinglangConfig config) {
    return read(config.reader());
  }

  static DetectSettings read(ConfigReader r) {
    Lexicons lexicons = new Lexicons(
        r.input(P + "lexicons.personal-data"),
        r.input(P + "lexicons.impersonation"),
        r.input(P + "lexicons.confusables"),
        r.input(P + "lexicons.campaigns"),
        r.input(P + "lexicons.quote-context"),
        r.input(P + "lexicons.suggestions"),
        r.input(P + "lexicons.hot-events"),
        r.input(P + "lexicons.trade-secrets"));
    PersonalData pd = new PersonalData(
        r.intAtLeast(P + "personal-data.context-window", 0),
        r.doubleBetween(P + "personal-data.report-score", 0.0, 1.0));
    Impersonation imp = new Impersonation(
        r.doubleBetween(P + "impersonation.report-score", 0.0, 1.0),
        r.intAtLeast(P + "impersonation.min-fuzzy-length", 2));
    String c = P + "coordination.";
    int shingle = r.intAtLeast(c + "shingle-size", 1);
    if (shingle > 8) {
      throw r.error(c + "shingle-size", "must be at most 8, not " + shingle);
    }
    int bands = r.intAtLeast(c + "bands", 1);
    int rows = r.intAtLeast(c + "rows-per-band", 1);
    if (bands * rows > 1024) {
      throw r.error(c + "bands", "bands x rows-per-band must be at most 1024, not " + bands * rows);
    }
    int allPairs = r.intAtLeast(c + "all-pairs-bucket-size", 2);
    int maxBucket = r.intAtLeast(c + "max-bucket-size", 2);
    if (maxBucket < allPairs) {
      throw r.error(c + "max-bucket-size", "must be at least all-pairs-bucket-size (" + allPairs + ")");
    }
    List<String> types = r.list(c + "content-types", s -> {
      if (!Set.of("post", "comment", "article", "video", "account", "app", "search_suggestion").contains(s)) {
        throw new IllegalArgumentException("'" + s + "' is not a content type");
      }
      return s;
    });
    if (types.isEmpty()) {
      throw r.error(c + "content-types", "must name at least one content type");
    }
    Coordination coord = new Coordination(
        shingle, bands, rows,
        r.doubleBetween(c + "jaccard-threshold", 0.01, 1.0),
        r.intAtLeast(c + "min-chars", 1),
        allPairs, maxBucket,
        r.intAtLeast(c + "min-cluster-posts", 2),
        r.intAtLeast(c + "min-accounts", 1),
        r.intAtLeast(c + "min-platforms", 1),
        r.doubleBetween(c + "window-hours", 0.001, 24.0 * 366),
        r.doubleBetween(c + "negative-share", 0.0, 1.0),
        r.doubleBetween(c + "later-window-share", 0.0, 1.0),
        r.doubleBetween(c + "hostile-probability", 0.0, 1.0),
        r.intAtLeast(c + "seed", 0),
        r.intAtLeast(c + "driver-components-max-edges", 0),
        r.intAtLeast(c + "max-iterations", 1),
        List.copyOf(types),
        r.doubleBetween(c + "reworded-similarity", 0.0, 1.0),
        r.intAtLeast(c + "reworded-max-block-posts", 2),
        r.doubleBetween(c + "burst-window-hours", 0.0, 24.0 * 366),
        r.doubleBetween(c + "burst-entry", 0.0, 1.0),
        r.doubleBetween(c + "burst-mean", 0.0, 1.0),
        r.doubleBetween(c + "burst-share", 0.0, 1.0),
        r.intAtLeast(c + "burst-max-posts", 4));
    QuoteContext quote = new QuoteContext(
        r.intAtLeast(P + "quote-context.window", 1),
        r.intAtLeast(P + "quote-context.min-claim-chars", 2));
    Suggestions suggestions = new Suggestions(
        r.bool(P + "suggestions.enabled"),
        r.intAtLeast(P + "suggestions.window", 1));
    HotEvents hotEvents = new HotEvents(r.bool(P + "hot-events.enabled"));
    TradeSecrets tradeSecrets = new TradeSecrets(r.bool(P + "trade-secrets.enabled"));
    String f = P + "fusion.";
    double flag = r.doubleBetween(f + "flag-score", 0.0, 1.0);
    double review = r.doubleBetween(f + "review-score", 0.0, 1.0);
    if (review > flag) {
      throw r.error(f + "review-score", "must not exceed fusion.flag-score (" + flag + ")");
    }
    Fusion fusion = new Fusion(flag, review, r.doubleBetween(f + "corroboration-probability", 0.0, 1.0),
        categories(r, f + "coordination-yields-to"), categories(r, f + "impersonation-yields-to"),
        categories(r, f + "official-account-withholds"));
    return new DetectSettings(lexicons, pd, imp, coord, quote, suggestions, hotEvents, tradeSecrets, fusion);
  }

  private static Set<Integer> categories(ConfigReader r, String key) {
    return Set.copyOf(r.list(key, s -> {
      int id;
      try {
        id = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a category id 0..10");
      }
      if (id < 0 || id > 10) {
        throw new IllegalArgumentException("'" + s + "' is not a category id 0..10");
      }
      return id;
    }));
  }
}
