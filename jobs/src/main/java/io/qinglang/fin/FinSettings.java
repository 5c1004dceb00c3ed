package io.qinglang.fin;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigReader;
import io.qinglang.config.QinglangConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code qinglang.fin} section: financial-report clickbait detection. */
public record FinSettings(
    Set<String> contentTypes,
    int longPostMinChars,
    int minBodyChars,
    int minCues,
    double threshold,
    double vetoBelow,
    int titleFeatures,
    String classifier,
    List<String> holdoutStyles,
    List<String> training,
    List<String> bundled) {

  public static final String PREFIX = "qinglang.fin.";
  public static final List<String> CLASSIFIERS = List.of("auto", "logistic_regression", "gbt");
  private static final Set<String> CONTENT_TYPES =
      Set.of("post", "comment", "article", "video", "account", "app", "search_suggestion");

  public static FinSettings of(QinglangConfig config) {
    return of(config.reader());
  }

  public static FinSettings of(ConfigReader r) {
    Set<String> types = new LinkedHashSet<>();
    for (String t : r.stringList(PREFIX + "content-types")) {
      String type = t.toLowerCase(Locale.ROOT);
      if (!CONTENT_TYPES.contains(type)) {
        throw r.error(PREFIX + "content-types", "'" + t + "' is not a content type (use " + CONTENT_TYPES + ")");
      }
      types.add(type);
    }
    if (types.isEmpty()) {
      throw r.error(PREFIX + "content-types", "must name at least one content type");
    }
    int titleFeatures = r.intAtLeast(PREFIX + "title-features", 0);
    if (titleFeatures != 0 && Integer.bitCount(titleFeatures) != 1) {
      throw r.error(PREFIX + "title-features", "must be 0 or a power of two, not " + titleFeatures);
    }
    String classifier = r.string(PREFIX + "classifier").toLowerCase(Locale.ROOT);
    if (!CLASSIFIERS.contains(classifier)) {
      throw r.error(PREFIX + "classifier", "'" + classifier + "' is not one of " + CLASSIFIERS);
    }
    double threshold = r.doubleBetween(PREFIX + "threshold", 0.01, 0.99);
    double veto = r.doubleBetween(PREFIX + "veto-below", 0, 1);
    if (veto >= threshold) {
      throw r.error(PREFIX + "veto-below", "must be below qinglang.fin.threshold (" + threshold + ")");
    }
    return new FinSettings(Set.copyOf(types),
        r.intAtLeast(PREFIX + "long-post-min-chars", 1),
        r.intAtLeast(PREFIX + "min-body-chars", 1),
        r.intAtLeast(PREFIX + "min-cues", 2),
        threshold,
        veto,
        titleFeatures,
        classifier,
        r.stringList(PREFIX + "holdout-styles"),
        r.stringList(PREFIX + "training"),
        bundled(r));
  }

  private static List<String> bundled(ConfigReader r) {
    List<String> dirs = r.stringList(PREFIX + "bundled");
    for (String d : dirs) {
      String dir = d.endsWith("/") ? d : d + "/";
      for (String f : List.of("posts.jsonl", "labels.csv")) {
        if (FinSettings.class.getClassLoader().getResource(dir + f) == null) {
          throw r.error(PREFIX + "bundled", "no " + f + " under classpath:" + dir);
        }
      }
    }
    return dirs;
  }

  public FinAnalyzer analyzer() {
    return new FinAnalyzer(contentTypes, longPostMinChars, minBodyChars, minCues);
  }

  public FinSettings withClassifier(String name) {
    String c = name.toLowerCase(Locale.ROOT);
    if (!CLASSIFIERS.contains(c)) {
      throw new ConfigException("--classifier: '" + name + "' is not one of " + CLASSIFIERS);
    }
    return new FinSettings(contentTypes, longPostMinChars, minBodyChars, minCues, threshold, vetoBelow, titleFeatures,
        c, holdoutStyles, training, bundled);
  }

  public FinSettings withHoldoutStyles(List<String> styles) {
    return new FinSettings(contentTypes, longPostMinChars, minBodyChars, minCues, threshold, vetoBelow, titleFeatures,
        classifier, List.copyOf(styles), training, bundled);
  }

  public FinSettings withTitleFeatures(int n) {
    return new FinSettings(contentTypes, longPostMinChars, minBodyChars, minCues, threshold, vetoBelow, n,
        classifier, holdoutStyles, training, bundled);
  }
}
