package io.qinglang.route;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.WrongType;
import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigReader;
import io.qinglang.config.QinglangConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code qinglang.jurisdiction} and {@code qinglang.routing} keys: the office's provinces, the
 * routing rules in order, how priority is scored and who counts as a repeat offender.
 *
 * @param provinces the office's provinces (registry regions); empty = national view
 * @param includeNeedsReview route flagged posts marked needs_review too
 * @param maxEvidence evidence items kept per clue
 * @param excerptLength characters of the excerpt in exports
 * @param rules the routing rules, in order
 * @param severity severity per category 1..10
 * @param reachLogScale log10(1 + reach) is divided by this (then capped at 1)
 * @param accountsScale accounts are divided by this (then capped at 1)
 * @param thresholds score thresholds of priorities 1, 2 and 3
 * @param repeatMinClues clues an account needs to be a repeat offender
 * @param repeatMinQuarters quarters those clues must span
 * @param repeatMinPlatforms platforms one display name must have clues on
 */
public record RoutingSettings(Set<String> provinces, boolean includeNeedsReview, int maxEvidence, int excerptLength,
    List<RoutingRule> rules, Map<Integer, Double> severity, double reachLogScale, double accountsScale,
    List<Double> thresholds, int repeatMinClues, int repeatMinQuarters, int repeatMinPlatforms)
    implements Serializable {

  public static final String RULES_KEY = "qinglang.routing.rules";

  public static RoutingSettings of(QinglangConfig config) {
    ConfigReader r = config.reader();
    String p = "qinglang.routing.";
    Set<String> provinces = new LinkedHashSet<>();
    for (String province : r.stringList("qinglang.jurisdiction.provinces")) {
      if (province.isEmpty()) {
        throw r.error("qinglang.jurisdiction.provinces", "a province must not be empty");
      }
      provinces.add(province);
    }
    Map<Integer, Double> severity = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : r.stringMap(p + "priority.severity").entrySet()) {
      int category;
      double value;
      try {
        category = Integer.parseInt(e.getKey());
        value = Double.parseDouble(e.getValue());
      } catch (NumberFormatException ex) {
        throw r.error(p + "priority.severity", "\"" + e.getKey() + "\" = " + e.getValue()
            + ": keys are categories 1..10 and values numbers");
      }
      if (category < 1 || category > 10 || value < 0) {
        throw r.error(p + "priority.severity", "\"" + e.getKey() + "\" = " + e.getValue()
            + ": keys are categories 1..10 and values at least 0");
      }
      severity.put(category, value);
    }
    List<Double> thresholds = r.list(p + "priority.thresholds", Double::parseDouble);
    if (thresholds.size() != 3 || thresholds.get(0) < thresholds.get(1) || thresholds.get(1) < thresholds.get(2)) {
      throw r.error(p + "priority.thresholds", "must be three numbers, highest first (scores of priorities 1, 2, 3)");
    }
    return new RoutingSettings(Set.copyOf(provinces), r.bool(p + "include-needs-review"),
        r.intAtLeast(p + "max-evidence", 1), r.intAtLeast(p + "excerpt-length", 10), rules(r),
        Map.copyOf(severity), r.doubleBetween(p + "priority.reach-log-scale", 0.1, 100),
        r.doubleBetween(p + "priority.accounts-scale", 1, 1e9), List.copyOf(thresholds),
        r.intAtLeast(p + "repeat-offender.min-clues", 2), r.intAtLeast(p + "repeat-offender.min-quarters", 1),
        r.intAtLeast(p + "repeat-offender.min-platforms", 2));
  }

  /** The same settings with other provinces (tests and the national/provincial comparison). */
  public RoutingSettings withProvinces(Set<String> other) {
    return new RoutingSettings(Set.copyOf(other), includeNeedsReview, maxEvidence, excerptLength, rules, severity,
        reachLogScale, accountsScale, thresholds, repeatMinClues, repeatMinQuarters, repeatMinPlatforms);
  }

  /** The same settings with other rules. */
  public RoutingSettings withRules(List<RoutingRule> other) {
    return new RoutingSettings(provinces, includeNeedsReview, maxEvidence, excerptLength, List.copyOf(other),
        severity, reachLogScale, accountsScale, thresholds, repeatMinClues, repeatMinQuarters, repeatMinPlatforms);
  }

  public double severityOf(int category) {
    return severity.getOrDefault(category, 1.0);
  }

  private static final Set<String> RULE_KEYS = Set.of("name", "destination", "categories", "kinds", "jurisdiction",
      "min-confidence", "min-accounts", "min-platforms", "otherwise");

  static List<RoutingRule> rules(ConfigReader r) {
    List<? extends Config> entries;
    try {
      entries = r.config().getConfigList(RULES_KEY);
    } catch (WrongType e) {
      throw r.error(RULES_KEY, "must be a list of { name = ..., destination = ..., conditions }");
    }
    if (entries.isEmpty()) {
      throw r.error(RULES_KEY, "must name at least one rule");
    }
    List<RoutingRule> rules = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Config c = entries.get(i);
      String where = RULES_KEY + "[" + i + "]";
      for (String key : c.root().keySet()) {
        if (!RULE_KEYS.contains(key)) {
          throw r.error(RULES_KEY, "rule " + (i + 1) + ": unknown condition '" + key + "' (known: "
              + String.join(", ", new java.util.TreeSet<>(RULE_KEYS)) + ")");
        }
      }
      try {
        RoutingRule rule = RoutingRule.parse(c);
        if (!names.add(rule.name())) {
          throw new IllegalArgumentException("the name '" + rule.name() + "' is used twice");
        }
        rules.add(rule);
      } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
        throw new ConfigException(where + ": " + e.getMessage() + " (in " + r.config().getValue(RULES_KEY)
            .origin().description() + ")");
      }
    }
    return List.copyOf(rules);
  }
}
