package io.qinglang.route;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * One routing rule of {@code qinglang.routing.rules}: a destination and the conditions a clue must
 * meet (all of them) to be sent there. Null or empty conditions hold for every clue.
 *
 * @param otherwise only when no earlier rule sent the clue anywhere but the platform
 */
public record RoutingRule(String name, Destination destination, Set<Integer> categories, Set<String> kinds,
    String jurisdiction, Double minConfidence, Integer minAccounts, Integer minPlatforms, boolean otherwise)
    implements Serializable {

  public static final Set<String> KINDS = Set.of(Clues.POST, Clues.ACCOUNT, Clues.CLUSTER);

  public RoutingRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a rule needs a name");
    }
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    for (int c : categories) {
      if (c < 1 || c > 10) {
        throw new IllegalArgumentException("rule " + name + ": categories are 1..10, not " + c);
      }
    }
    for (String k : kinds) {
      if (!KINDS.contains(k)) {
        throw new IllegalArgumentException("rule " + name + ": kinds are post, account and cluster, not '" + k + "'");
      }
    }
    if (jurisdiction != null && !jurisdiction.equals("inside") && !jurisdiction.equals("outside")) {
      throw new IllegalArgumentException("rule " + name + ": jurisdiction is inside or outside, not '"
          + jurisdiction + "'");
    }
    if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
      throw new IllegalArgumentException("rule " + name + ": min-confidence must be between 0 and 1");
    }
    if (minAccounts != null && minAccounts < 1 || minPlatforms != null && minPlatforms < 1) {
      throw new IllegalArgumentException("rule " + name + ": min-accounts and min-platforms must be at least 1");
    }
  }

  /** A rule that sends every clue to {@code destination}. */
  public static RoutingRule always(String name, Destination destination) {
    return new RoutingRule(name, destination, null, null, null, null, null, null, false);
  }

  static RoutingRule parse(Config c) {
    if (!c.hasPath("name") || !c.hasPath("destination")) {
      throw new IllegalArgumentException("every rule needs a name and a destination");
    }
    Set<Integer> categories = new LinkedHashSet<>();
    if (c.hasPath("categories")) {
      categories.addAll(c.getIntList("categories"));
    }
    Set<String> kinds = new LinkedHashSet<>();
    if (c.hasPath("kinds")) {
      kinds.addAll(c.getStringList("kinds"));
    }
    return new RoutingRule(c.getString("name"), Destination.of(c.getString("destination")), categories, kinds,
        c.hasPath("jurisdiction") ? c.getString("jurisdiction") : null,
        c.hasPath("min-confidence") ? c.getDouble("min-confidence") : null,
        c.hasPath("min-accounts") ? c.getInt("min-accounts") : null,
        c.hasPath("min-platforms") ? c.getInt("min-platforms") : null,
        c.hasPath("otherwise") && c.getBoolean("otherwise"));
  }

  /**
   * The rule's own conditions as a column over clue rows (columns category, clue_kind, outside,
   * confidence, accounts, platforms); {@link #otherwise()} is applied by {@link Router}.
   */
  public Column condition() {
    List<Column> parts = new ArrayList<>();
    if (!categories.isEmpty()) {
      parts.add(col("category").isin(categories.stream().sorted().toArray()));
    }
    if (!kinds.isEmpty()) {
      parts.add(col("clue_kind").isin(kinds.stream().sorted().toArray()));
    }
    if ("outside".equals(jurisdiction)) {
      parts.add(col("outside"));
    } else if ("inside".equals(jurisdiction)) {
      parts.add(not(col("outside")));
    }
    if (minConfidence != null) {
      parts.add(col("confidence").geq(minConfidence));
    }
    if (minAccounts != null) {
      parts.add(col("accounts").geq(minAccounts));
    }
    if (minPlatforms != null) {
      parts.add(org.apache.spark.sql.functions.size(col("platforms")).geq(minPlatforms));
    }
    Column all = lit(true);
    for (Column part : parts) {
      all = all.and(part);
    }
    return all;
  }
}
