package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gold: the clues routed to the bodies that act on them, one row per (clue_id, destination). A clue
 * is one coordinated attack cluster, one impersonating account, or one other flagged post; its id
 * is stable across runs. Written by {@code route} with MERGE: created_at and referred_at keep their
 * first value, status moves new -> referred (exported) -> handled (a disposal arrived), and a clue a
 * later run no longer finds is closed, never deleted.
 */
public final class ClueReferralsTable extends DeltaTableSpec {
  public static final String NAME = "clue_referrals";
  public static final List<String> STATUSES = List.of("new", "referred", "handled", "closed");
  public static final StructType SCHEMA = new StructType()
      .add(required("clue_id", StringType, "stable id: cl- and 16 hex digits of SHA-256 of the cluster id, the "
          + "platform and account id (impersonating account) or the platform and post id"))
      .add(required("destination", StringType, "local_office, reporting_centre, governance_bureau, police or platform"))
      .add(required("rule", StringType, "the routing rule (qinglang.routing.rules) that chose the destination"))
      .add(required("clue_kind", StringType, "cluster (coordinated attack), account (impersonating account, app or "
          + "mini-program) or post"))
      .add(required("category", IntegerType, "category 1..10 (9 for a cluster)"))
      .add(required("category_name", StringType, "display name of the category"))
      .add(required("enterprise_ids", DataTypes.createArrayType(StringType), "registry enterprises named, sorted"))
      .add(required("enterprise_names", DataTypes.createArrayType(StringType), "their names, in id order"))
      .add(required("regions", DataTypes.createArrayType(StringType), "their registry regions, sorted"))
      .add(required("outside", BooleanType, "names an enterprise outside the configured jurisdiction"))
      .add(required("platform", StringType, "platform of the clue's first post (the account's platform)"))
      .add(required("platforms", DataTypes.createArrayType(StringType), "every platform the clue spans, sorted"))
      .add(optional("cluster_id", StringType, "coordination_clusters.cluster_id of a cluster clue"))
      .add(optional("account_id", StringType, "the account of an account or post clue"))
      .add(optional("account_name", StringType, "its display name"))
      .add(required("post_ids", DataTypes.createArrayType(StringType), "flagged posts of the clue as "
          + "platform:post_id, sorted"))
      .add(required("posts", LongType, "flagged posts of the clue"))
      .add(required("accounts", LongType, "distinct accounts involved (a cluster's from coordination_clusters)"))
      .add(required("first_published_at", TimestampType, "earliest flagged post (UTC)"))
      .add(required("last_published_at", TimestampType, "latest flagged post (UTC)"))
      .add(required("first_published_date", DateType, "date of the earliest post in the configured time zone; the "
          + "period route --from/--to selects on"))
      .add(required("confidence", DoubleType, "highest confidence among the clue's posts"))
      .add(required("reach", LongType, "reposts + comments + likes summed over the clue's posts"))
      .add(required("repeat_offender", BooleanType, "an account of the clue is a repeat offender"))
      .add(required("offender_accounts", DataTypes.createArrayType(StringType), "the clue's repeat-offender "
          + "accounts as platform:account_id, sorted"))
      .add(required("priority_score", DoubleType, "severity + confidence + reach and accounts terms, 4 decimals"))
      .add(required("priority", IntegerType, "1 urgent, 2 high, 3 normal, 4 low (repeat offenders one level up)"))
      .add(required("status", StringType, "new, referred (exported to the destination), handled (a platform "
          + "disposal arrived) or closed (no longer found)"))
      .add(required("evidence", EvidenceSchema.ARRAY, "strongest evidence of the clue's posts, personal data masked"))
      .add(optional("excerpt", StringType, "first post's title and content (a cluster's representative text), "
          + "personal data masked, cut"))
      .add(required("model_version", StringType, "model version whose post_violations rows made the clue"))
      .add(required("created_at", TimestampType, "when route first wrote the clue for this destination (UTC)"))
      .add(required("updated_at", TimestampType, "when route last changed the row (UTC)"))
      .add(optional("referred_at", TimestampType, "when the clue was first referred: exported by route --export, or "
          + "the referral named by an earlier disposal record (UTC)"))
      .add(optional("handled_at", TimestampType, "platform destination: when the platform acted (UTC)"))
      .add(optional("disposal_action", StringType, "platform destination: the action of the disposal that "
          + "handled it, pending while disposals arrived without a decision, null before any"))
      .add(required("run_id", StringType, "route run that last wrote the row"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: clues routed to local offices, the reporting centre, the governance bureau, police and platforms";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> zOrderColumns() {
    return List.of("destination", "first_published_date");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("known_destination",
        "destination IN ('local_office', 'reporting_centre', 'governance_bureau', 'police', 'platform')");
    c.put("known_status", "status IN ('new', 'referred', 'handled', 'closed')");
    c.put("known_kind", "clue_kind IN ('post', 'account', 'cluster')");
    c.put("priority_range", "priority BETWEEN 1 AND 4");
    c.put("category_range", "category BETWEEN 1 AND 10");
    c.put("confidence_range", "confidence >= 0 AND confidence <= 1");
    c.put("referred_before_handled", "handled_at IS NULL OR (referred_at IS NOT NULL AND handled_at >= referred_at)");
    c.put("handled_has_time", "status <> 'handled' OR handled_at IS NOT NULL");
    return c;
  }

  /**
   * Writes the routed rows of one run ({@code rows}: the table's schema, already carrying the kept
   * created_at, referred_at and status): rows with the same (clue_id, destination) are replaced,
   * new ones inserted; stored rows inside {@code scope} (a SQL predicate over the table, alias
   * {@code t}) that the run did not produce and that are new or referred become closed.
   */
  public void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> rows, String scope, String runId,
      java.sql.Timestamp now) {
    DeltaTable table = createIfNotExists(spark, warehouse);
    table.as("t")
        .merge(rows.as("s"), "t.clue_id = s.clue_id AND t.destination = s.destination")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .whenNotMatchedBySource("(" + scope + ") AND t.status IN ('new', 'referred')")
        .updateExpr(Map.of("status", "'closed'", "updated_at", "timestamp'" + now.toInstant() + "'",
            "run_id", "'" + runId.replace("'", "''") + "'"))
        .execute();
  }
}
