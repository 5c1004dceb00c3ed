package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Silver: clusters of linked posts (near-duplicates, reworded copies, hostile bursts) found by the
 * coordinated-campaign detector, attacks and harmless ones (fans reposting an announcement) alike. An attack
 * is one row describing its own posts; a connected component holds one row per attack found in it, or one
 * row for all its posts when it has none. The cluster id is derived from the smallest {@code
 * platform:post_id} among the row's posts, so re-running over the same posts gives the same ids. Member
 * posts of attacks carry category-9 evidence naming the cluster id.
 */
public final class CoordinationClustersTable extends DeltaTableSpec {
  public static final String NAME = "coordination_clusters";
  public static final StructType SCHEMA = new StructType()
      .add(required("cluster_id", StringType, "stable id: cc- and 16 hex digits of SHA-256 of the smallest "
          + "platform:post_id among the row's posts"))
      .add(required("enterprise_ids", DataTypes.createArrayType(StringType, false),
          "registry enterprises the cluster names"))
      .add(required("accounts", LongType, "distinct platform:account_id among the members"))
      .add(required("platforms", DataTypes.createArrayType(StringType, false), "platforms of the members, sorted"))
      .add(required("posts", LongType, "member posts"))
      .add(required("first_at", TimestampType, "earliest member post (UTC)"))
      .add(required("last_at", TimestampType, "latest member post (UTC)"))
      .add(required("window_accounts", IntegerType, "distinct accounts in the judged time window (an attack's own; else the densest)"))
      .add(required("window_platforms", IntegerType, "platforms in the judged time window"))
      .add(required("window_start", TimestampType, "start of the judged window (UTC)"))
      .add(required("window_end", TimestampType, "last post in the judged window (UTC)"))
      .add(required("negative_share", DoubleType, "share of posts negative toward an enterprise or person (an "
          + "attack's own posts; else the judged window's)"))
      .add(required("representative_text", StringType, "earliest member's title and content, personal data masked, "
          + "at most 500 characters"))
      .add(required("sample_accounts", DataTypes.createArrayType(StringType, false),
          "up to 20 member accounts (platform:account_id), earliest first"))
      .add(required("is_attack", BooleanType, "coordinated attack: enough accounts and platforms within the window "
          + "and negative toward an enterprise or person"))
      .add(required("reason", StringType, "why the cluster is or is not an attack"))
      .add(optional("similar_pairs", LongType, "linked pairs of distinct texts inside the cluster: verified "
          + "near-duplicates, reworded copies, hostile-burst neighbours (0 when all members share one text)"))
      .add(required("run_id", StringType, "detect run that wrote the row"))
      .add(required("detected_at", TimestampType, "when (UTC)"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Silver: clusters of linked posts across accounts and platforms, and which are coordinated attacks";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("posts_at_least_two", "posts >= 2");
    c.put("accounts_positive", "accounts >= 1 AND window_accounts >= 1 AND window_platforms >= 1");
    c.put("time_order", "last_at >= first_at AND window_end >= window_start");
    c.put("negative_share_range", "negative_share >= 0 AND negative_share <= 1");
    return c;
  }

  /**
   * Writes the clusters of one run in one transaction: clusters with the same id are replaced, new
   * ones inserted, and stored clusters that overlap the scanned period [{@code from}, {@code to})
   * but were not found again are deleted (null bounds: unbounded). Running twice on the same posts
   * leaves the same table.
   */
  public void replace(SparkSession spark, Warehouse warehouse, Dataset<Row> clusters, Instant from, Instant to) {
    DeltaTable table = createIfNotExists(spark, warehouse);
    String scope = "true";
    if (from != null) {
      scope = "t.last_at >= timestamp'" + from + "'";
    }
    if (to != null) {
      scope = (from != null ? scope + " AND " : "") + "t.first_at < timestamp'" + to + "'";
    }
    table.as("t")
        .merge(clusters.as("s"), "t.cluster_id = s.cluster_id")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .whenNotMatchedBySource(scope).delete()
        .execute();
  }
}
