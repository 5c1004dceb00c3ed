package io.qinglang.route;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.aggregate.Quarters;
import io.qinglang.detect.Evidence;
import io.qinglang.detect.PersonalDataMasker;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns flagged posts into clues, the unit that is referred: every post of one coordinated attack
 * cluster is one clue ({@code cluster}), every category-1 post of one account is one clue (the
 * impersonating account, app or mini-program: {@code account}), any other flagged post is a clue of
 * its own ({@code post}). A clue id is {@code cl-} and 16 hex digits of SHA-256 of what it is
 * (cluster id; platform and account id; platform and post id), so re-running gives the same ids.
 */
public final class Clues {
  public static final String POST = "post";
  public static final String ACCOUNT = "account";
  public static final String CLUSTER = "cluster";
  /** Category of a cluster clue: coordinated cross-platform attack. */
  public static final int CLUSTER_CATEGORY = 9;

  private Clues() {}

  /**
   * Flagged posts (category 1..10; needs_review ones only when the settings include them) with their
   * clue: adds cluster_id (attack cluster named by the post's coordination evidence, or null),
   * clue_kind and clue_id.
   */
  public static Dataset<Row> withClue(Dataset<Row> scored, boolean includeNeedsReview) {
    Column flagged = col("category").gt(0);
    if (!includeNeedsReview) {
      flagged = flagged.and(col("needs_review").equalTo(false));
    }
    Column clusterDetail = expr("try_element_at(filter(evidence, e -> e.source = '" + Evidence.COORDINATION
        + "' AND e.kind = 'attack_cluster'), 1).detail");
    Column clusterId = regexp_extract(coalesce(clusterDetail, lit("")), "member of cluster (cc-[0-9a-f]+)", 1);
    Column kind = when(col("cluster_id").isNotNull(), lit(CLUSTER))
        .when(col("category").equalTo(1), lit(ACCOUNT)).otherwise(lit(POST));
    Column identity = when(col("clue_kind").equalTo(CLUSTER), concat(lit("cluster|"), col("cluster_id")))
        .when(col("clue_kind").equalTo(ACCOUNT), concat_ws("|", lit("account"), col("platform"), col("account_id")))
        .otherwise(concat_ws("|", lit("post"), col("platform"), col("post_id")));
    return scored.filter(flagged)
        .withColumn("cluster_id", when(clusterId.notEqual(""), clusterId))
        .withColumn("clue_kind", kind)
        .withColumn("clue_id", concat(lit("cl-"), substring(sha2(identity, 256), 1, 16)));
  }

  /**
   * One row per clue from {@link #withClue} rows. {@code clusters} (the coordination_clusters table,
   * or null) gives a cluster's accounts and platforms beyond its flagged members and its
   * representative text; {@code registry} (enterprise_id, enterprise_name, region) the enterprises'
   * names and regions; {@code posts} (the posts table, or null) the excerpt of the clue's first post.
   */
  public static Dataset<Row> build(Dataset<Row> members, Dataset<Row> clusters, Dataset<Row> registry,
      Dataset<Row> posts, RoutingSettings settings) {
    Column first = min(struct(col("published_at"), col("platform"), col("post_id"), col("account_id"),
        col("account_name")));
    Dataset<Row> clues = members.groupBy("clue_id", "clue_kind")
        .agg(
            first.as("_first"),
            max(col("cluster_id")).as("cluster_id"),
            max(col("category")).as("_category"),
            array_sort(array_distinct(flatten(collect_list(col("enterprise_ids"))))).as("enterprise_ids"),
            array_sort(collect_set(col("platform"))).as("_platforms"),
            array_sort(collect_set(concat(col("platform"), lit(":"), col("post_id")))).as("post_ids"),
            count(lit(1)).as("posts"),
            countDistinct(col("platform"), col("account_id")).as("_accounts"),
            min("published_at").as("first_published_at"),
            max("published_at").as("last_published_at"),
            min("published_date").as("first_published_date"),
            max("confidence").as("confidence"),
            sum(coalesce(col("reach"), lit(0L))).as("reach"))
        .withColumn("category", when(col("clue_kind").equalTo(CLUSTER), lit(CLUSTER_CATEGORY))
            .otherwise(col("_category")))
        .withColumn("platform", col("_first.platform"))
        .withColumn("account_id", when(col("clue_kind").notEqual(CLUSTER), col("_first.account_id")))
        .withColumn("account_name", when(col("clue_kind").notEqual(CLUSTER), col("_first.account_name")))
        .withColumn("_first_post", col("_first.post_id"));
    if (clusters != null) {
      Dataset<Row> c = clusters.select(col("cluster_id"), col("accounts").as("_c_accounts"),
          col("platforms").as("_c_platforms"), col("representative_text").as("_c_text"));
      clues = clues.join(c, new String[] {"cluster_id"}, "left");
    } else {
      clues = clues.withColumn("_c_accounts", lit(null).cast("long"))
          .withColumn("_c_platforms", lit(null).cast("array<string>"))
          .withColumn("_c_text", lit(null).cast("string"));
    }
    clues = clues
        .withColumn("accounts", greatest(col("_accounts"), coalesce(col("_c_accounts"), lit(0L))))
        .withColumn("platforms", array_sort(array_distinct(concat(col("_platforms"),
            coalesce(col("_c_platforms"), expr("array()").cast("array<string>"))))));
    clues = withEnterprises(clues, registry, settings);
    clues = withExcerpt(clues, posts, settings.excerptLength());
    return clues.join(evidence(members, settings.maxEvidence()), new String[] {"clue_id"}, "left")
        .withColumn("evidence", coalesce(col("evidence"), expr("array()").cast(io.qinglang.table.EvidenceSchema.ARRAY)))
        .drop("_first", "_category", "_platforms", "_accounts", "_c_accounts", "_c_platforms", "_c_text",
            "_first_post");
  }

  /** Adds enterprise_names, regions (sorted, from the registry) and outside (names an enterprise outside). */
  static Dataset<Row> withEnterprises(Dataset<Row> clues, Dataset<Row> registry, RoutingSettings settings) {
    Dataset<Row> named = clues.select(col("clue_id"), explode(col("enterprise_ids")).as("enterprise_id"))
        .join(registry, new String[] {"enterprise_id"})
        .groupBy("clue_id")
        .agg(array_sort(collect_list(struct(col("enterprise_id"), col("enterprise_name")))).as("_named"),
            array_sort(collect_set(col("region"))).as("regions"));
    Column outside = lit(false);
    if (!settings.provinces().isEmpty()) {
      String[] provinces = new TreeSet<>(settings.provinces()).toArray(new String[0]);
      outside = size(expr("array_except(regions, array(" + quoted(provinces) + "))")).gt(0);
    }
    return clues.join(named, new String[] {"clue_id"}, "left")
        .withColumn("enterprise_names", coalesce(expr("transform(_named, n -> n.enterprise_name)"),
            expr("array()").cast("array<string>")))
        .withColumn("regions", coalesce(col("regions"), expr("array()").cast("array<string>")))
        .withColumn("outside", outside)
        .drop("_named");
  }

  private static String quoted(String[] values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : ", ").append('\'').append(v.replace("\\", "\\\\").replace("'", "\\'"))
          .append('\'');
    }
    return b.toString();
  }

  /** Adds excerpt: the cluster's representative text, or the first post's title and content; masked, cut. */
  static Dataset<Row> withExcerpt(Dataset<Row> clues, Dataset<Row> posts, int length) {
    Column text;
    if (posts != null) {
      Dataset<Row> p = posts.select(col("platform").as("_p_platform"), col("post_id").as("_p_post"),
          concat_ws("\n", col("title"), col("content")).as("_p_text"));
      clues = clues.join(p, col("platform").equalTo(col("_p_platform")).and(col("_first_post").equalTo(col("_p_post"))),
          "left").drop("_p_platform", "_p_post");
      text = coalesce(col("_c_text"), col("_p_text"));
    } else {
      text = col("_c_text");
    }
    return clues.withColumn("_excerpt_src", PersonalDataMasker.maskColumn(text))
        .withColumn("excerpt", when(expr("char_length(_excerpt_src)").gt(length),
            concat(expr("substring(_excerpt_src, 1, " + length + ")"), lit("…"))).otherwise(col("_excerpt_src")))
        .drop("_excerpt_src", "_p_text");
  }

  /**
   * The clue's evidence: its posts' evidence items, personal data masked in detail and span, without
   * repeats, strongest first (ties in a fixed order), at most {@code limit}.
   */
  static Dataset<Row> evidence(Dataset<Row> members, int limit) {
    Dataset<Row> items = members.select(col("clue_id"), explode(col("evidence")).as("e"))
        .select(col("clue_id"), struct(
            coalesce(col("e.score"), lit(0.0)).multiply(-1).as("_order"),
            col("e.source").as("source"), col("e.kind").as("kind"),
            PersonalDataMasker.maskColumn(col("e.detail")).as("detail"),
            PersonalDataMasker.maskColumn(col("e.span")).as("span"),
            col("e.start").as("start"), col("e.end").as("end"), col("e.score").as("score")).as("item"));
    return items.groupBy("clue_id")
        .agg(array_sort(array_distinct(collect_list(col("item")))).as("_items"))
        .select(col("clue_id"), expr("transform(slice(_items, 1, " + limit + "), i -> named_struct('source', "
            + "i.source, 'kind', i.kind, 'detail', i.detail, 'span', i.span, 'start', i.start, 'end', i.end, "
            + "'score', i.score))").cast(io.qinglang.table.EvidenceSchema.ARRAY).as("evidence"));
  }

  /**
   * Marks repeat offenders. Every member account of every clue: an account (platform, account_id)
   * with at least min-clues clues in at least min-quarters quarters (of publication), or a display
   * name with at least min-clues clues on at least min-platforms platforms, is a repeat offender; a
   * clue with such an account gets repeat_offender = true. Returns clue_id, repeat_offender,
   * offender_accounts (sorted platform:account_id).
   */
  public static Dataset<Row> repeatOffenders(Dataset<Row> members, RoutingSettings s) {
    Dataset<Row> m = members.select(col("clue_id"), col("platform"), col("account_id"), col("account_name"),
        Quarters.of(col("published_date")).as("quarter"));
    Dataset<Row> byAccount = m.groupBy("platform", "account_id")
        .agg(countDistinct("clue_id").as("_clues"), countDistinct("quarter").as("_quarters"))
        .filter(col("_clues").geq(s.repeatMinClues()).and(col("_quarters").geq(s.repeatMinQuarters())))
        .select(col("platform"), col("account_id"), lit(true).as("_by_account"));
    Dataset<Row> byName = m.filter(col("account_name").isNotNull().and(expr("trim(account_name) <> ''")))
        .groupBy("account_name")
        .agg(countDistinct("clue_id").as("_clues"), countDistinct("platform").as("_platforms"))
        .filter(col("_clues").geq(s.repeatMinClues()).and(col("_platforms").geq(s.repeatMinPlatforms())))
        .select(col("account_name"), lit(true).as("_by_name"));
    Dataset<Row> marked = m.join(byAccount, new String[] {"platform", "account_id"}, "left")
        .join(byName, m.col("account_name").eqNullSafe(byName.col("account_name")), "left")
        .filter(coalesce(col("_by_account"), lit(false)).or(coalesce(col("_by_name"), lit(false))));
    return marked.groupBy("clue_id")
        .agg(array_sort(collect_set(concat(col("platform"), lit(":"), col("account_id")))).as("offender_accounts"))
        .withColumn("repeat_offender", lit(true));
  }

  /**
   * Adds priority_score and priority (1 urgent .. 4 low) from category severity, confidence, reach and
   * accounts; a repeat offender's clue goes up one level (never above 1).
   */
  public static Dataset<Row> withPriority(Dataset<Row> clues, RoutingSettings s) {
    Column severity = lit(1.0);
    for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(s.severity()).entrySet()) {
      severity = when(col("category").equalTo(e.getKey()), lit(e.getValue())).otherwise(severity);
    }
    Column score = severity.plus(col("confidence"))
        .plus(least(lit(1.0), log10(lit(1.0).plus(col("reach").cast("double"))).divide(s.reachLogScale())))
        .plus(least(lit(1.0), col("accounts").cast("double").divide(s.accountsScale())));
    Column level = when(col("priority_score").geq(s.thresholds().get(0)), lit(1))
        .when(col("priority_score").geq(s.thresholds().get(1)), lit(2))
        .when(col("priority_score").geq(s.thresholds().get(2)), lit(3))
        .otherwise(lit(4));
    return clues
        .withColumn("_score", score)
        .withColumn("priority_score", expr("round(_score, 4)"))
        .withColumn("priority", when(col("repeat_offender"), greatest(lit(1), level.minus(1))).otherwise(level))
        .drop("_score");
  }
}
