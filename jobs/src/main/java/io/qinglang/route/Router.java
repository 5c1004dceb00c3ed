package io.qinglang.route;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies the routing rules to clues: every rule whose conditions hold sends the clue to its
 * destination; an {@code otherwise} rule holds only when no earlier rule sent the clue anywhere
 * but the platform. A clue goes to each destination once, under the first rule that sent it there.
 */
public final class Router {
  private Router() {}

  /**
   * One row per (clue, destination): the clue's columns plus destination and rule. Clues no rule
   * matches are dropped (the shipped rules send every clue to the platform).
   */
  public static Dataset<Row> route(Dataset<Row> clues, List<RoutingRule> rules) {
    List<Column> picks = new ArrayList<>();
    Column routedElsewhere = lit(false);
    for (RoutingRule rule : rules) {
      Column holds = rule.condition();
      if (rule.otherwise()) {
        holds = holds.and(not(routedElsewhere));
      }
      picks.add(when(holds, struct(lit(rule.destination().id()).as("destination"), lit(rule.name()).as("rule"))));
      if (rule.destination() != Destination.PLATFORM) {
        routedElsewhere = routedElsewhere.or(holds);
      }
    }
    Dataset<Row> exploded = clues.select(col("clue_id"), posexplode(array(picks.toArray(new Column[0])))
            .as(new String[] {"_order", "_pick"}))
        .filter(col("_pick").isNotNull());
    Dataset<Row> chosen = exploded.groupBy(col("clue_id"), col("_pick.destination").as("destination"))
        .agg(min(struct(col("_order"), col("_pick.rule").as("rule"))).as("_first"))
        .select(col("clue_id"), col("destination"), col("_first.rule").as("rule"));
    return clues.join(chosen, "clue_id");
  }

  /** The rules as one SQL-like line each, for --help and logs. */
  static String describe(RoutingRule rule) {
    List<String> parts = new ArrayList<>();
    if (!rule.categories().isEmpty()) {
      parts.add("category in " + new java.util.TreeSet<>(rule.categories()));
    }
    if (!rule.kinds().isEmpty()) {
      parts.add("kind in " + new java.util.TreeSet<>(rule.kinds()));
    }
    if (rule.jurisdiction() != null) {
      parts.add(rule.jurisdiction() + " the jurisdiction");
    }
    if (rule.minConfidence() != null) {
      parts.add("confidence >= " + rule.minConfidence());
    }
    if (rule.minAccounts() != null) {
      parts.add("accounts >= " + rule.minAccounts());
    }
    if (rule.minPlatforms() != null) {
      parts.add("platforms >= " + rule.minPlatforms());
    }
    if (rule.otherwise()) {
      parts.add("no earlier rule sent it beyond the platform");
    }
    return rule.name() + ": " + (parts.isEmpty() ? "every clue" : String.join(" and ", parts)) + " -> "
        + rule.destination().id();
  }
}
