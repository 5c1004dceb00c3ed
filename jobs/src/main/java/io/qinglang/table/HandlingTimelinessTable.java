package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/** Gold: how quickly each platform handled the clues referred to it, per quarter of referral. */
public final class HandlingTimelinessTable extends StatisticsTable {
  public static final String NAME = "handling_timeliness";
  public static final StructType SCHEMA = new StructType()
      .add(required("quarter", StringType, "quarter of referred_at in the configured time zone, e.g. 2023Q2"))
      .add(required("platform", StringType, "platform the clues were referred to"))
      .add(required("clues_referred", LongType, "clues referred to the platform in the quarter (clue_referrals; disposal records before route has run)"))
      .add(required("clues_handled", LongType, "clues with a decision: removed, restricted, labelled or rejected"))
      .add(required("clues_pending", LongType, "clues still pending"))
      .add(required("clues_rejected", LongType, "clues the platform declined to act on"))
      .add(required("clues_on_flagged_posts", LongType, "clues whose post the model version flags (category "
          + "1..10); the rest refer to posts it does not flag or has not scored"))
      .add(optional("median_hours_to_handle", DoubleType, "median of handled_at - referred_at in hours over "
          + "handled clues (exact, linear interpolation), 2 decimals; null when none is handled"))
      .add(optional("p90_hours_to_handle", DoubleType, "90th percentile of the same, 2 decimals"))
      .add(required("share_handled_24h", DoubleType, "handled within 24 hours / clues_referred"))
      .add(required("share_handled_72h", DoubleType, "handled within 72 hours / clues_referred"))
      .add(required("share_pending", DoubleType, "clues_pending / clues_referred"))
      .add(required("share_rejected", DoubleType, "clues_rejected / clues_referred"))
      .add(required("model_version", StringType, "model version used to tell flagged posts"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: per platform and quarter, clues referred and how quickly they were handled";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> partitionColumns() {
    return List.of("quarter");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("counts_consistent", "clues_referred > 0 AND clues_handled >= 0 AND clues_pending >= 0 "
        + "AND clues_handled + clues_pending = clues_referred AND clues_rejected >= 0 "
        + "AND clues_rejected <= clues_handled AND clues_on_flagged_posts >= 0 "
        + "AND clues_on_flagged_posts <= clues_referred");
    c.put("shares_range", "share_handled_24h BETWEEN 0 AND 1 AND share_handled_72h BETWEEN 0 AND 1 "
        + "AND share_handled_24h <= share_handled_72h AND share_pending BETWEEN 0 AND 1 "
        + "AND share_rejected BETWEEN 0 AND 1");
    c.put("hours_ordered", "median_hours_to_handle IS NULL OR (median_hours_to_handle >= 0 "
        + "AND p90_hours_to_handle >= median_hours_to_handle)");
    return c;
  }
}
