package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Records that could not be accepted, with their raw text and a reason, so that they can be fixed
 * and ingested again. One row per (source file, record number, raw text): re-ingesting the same
 * files adds nothing.
 */
public final class QuarantineTable extends DeltaTableSpec {
  public static final String NAME = "quarantine";
  public static final StructType SCHEMA = new StructType()
      .add(required("quarantine_id", StringType, "SHA-256 of source file, record number and raw text"))
      .add(required("kind", StringType, "what the record was meant to be: post or disposal"))
      .add(required("source_file", StringType, "archive file"))
      .add(required("record_no", LongType, "line number (JSON Lines), record number (CSV) or row (Parquet)"))
      .add(optional("raw_record", StringType, "the record as it stood in the file"))
      .add(required("reason", StringType, "reason code, e.g. malformed_json, missing_field:content"))
      .add(required("detail", StringType, "what exactly is wrong, for a person"))
      .add(optional("platform", StringType, "platform, when it could be read"))
      .add(optional("post_id", StringType, "post id, when it could be read"))
      .add(required("ingest_run_id", StringType, "run that first quarantined the record"))
      .add(required("quarantined_at", TimestampType, "when (UTC)"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Records that could not be accepted, with the raw text and a reason";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  /** Inserts the rows whose quarantine_id is not in the table yet. */
  public void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> rows) {
    DeltaTable table = createIfNotExists(spark, warehouse);
    table.as("t")
        .merge(rows.as("s"), "t.quarantine_id = s.quarantine_id")
        .whenNotMatched().insertAll()
        .execute();
  }

  public static Map<String, String> reasonCodes() {
    return Map.of(
        "malformed_json", "a line that is not one JSON object",
        "malformed_csv", "a CSV record whose fields do not match the header, or unreadable CSV",
        "missing_field:<name>", "a required field is absent or empty",
        "bad_timestamp", "published_at cannot be read or is implausible",
        "unknown_platform", "platform is neither known nor an alias",
        "content_too_long", "content or title over qinglang.ingest.max-content-length",
        "bad_encoding", "the record is not valid UTF-8",
        "bad_type:<name>", "a field has the wrong type (an object where text belongs, text where a count belongs)",
        "bad_value:<name>", "a field has an impossible value (unknown content_type, negative count)");
  }
}
