package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What platforms did with the clues referred to them, one row per clue, upserted by MERGE on
 * clue_id (a later record of the same clue, for example pending then removed, replaces it).
 */
public final class DisposalsTable extends DeltaTableSpec {
  public static final String NAME = "disposals";
  public static final StructType SCHEMA = new StructType()
      .add(required("clue_id", StringType, "the clue referred to the platform"))
      .add(required("platform", StringType, "canonical platform id of the platform that handles the clue"))
      .add(required("post_id", StringType, "the post the clue is about, unique within its platform"))
      .add(required("referred_at", TimestampType, "when the clue was referred (UTC)"))
      .add(required("referred_date", DateType, "date of the referral in the configured time zone"))
      .add(optional("handled_at", TimestampType, "when the platform acted (UTC); null while pending"))
      .add(required("action", StringType, "removed, restricted, labelled, rejected or pending"))
      .add(optional("extra", DataTypes.createMapType(StringType, StringType), "record fields outside the format"))
      .add(required("source_file", StringType, "file the current version came from"))
      .add(required("ingest_run_id", StringType, "run that wrote the current version"))
      .add(required("first_seen_at", TimestampType, "when Qinglang first ingested the clue's record (UTC)"))
      .add(required("last_seen_at", TimestampType, "when Qinglang last saw the clue's record (UTC)"))
      .add(required("record_hash", StringType, "SHA-256 of platform, post_id, referred_at, handled_at, action"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Disposal records: what platforms did with referred clues, one row per clue_id";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> zOrderColumns() {
    return List.of("platform", "referred_date");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("known_action", "action IN ('removed', 'restricted', 'labelled', 'rejected', 'pending')");
    c.put("pending_iff_not_handled", "(action = 'pending') = (handled_at IS NULL)");
    c.put("handled_after_referred", "handled_at IS NULL OR handled_at >= referred_at");
    return c;
  }

  /**
   * Upserts {@code batch} (one row per clue_id): new clues are inserted; a clue whose record changed
   * is updated; an unchanged clue only gets a new last_seen_at.
   */
  public void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> batch) {
    upsertSeen(spark, warehouse, batch, "t.clue_id = s.clue_id", "record_hash");
  }
}
