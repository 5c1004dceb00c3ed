package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import io.qinglang.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Silver: the scored decision for every scanned post (category 0 included, so that statistics
 * know how many posts were scanned), one row per (platform, post_id, model_version).
 */
public final class PostViolationsTable extends DeltaTableSpec {
  public static final String NAME = "post_violations";
  public static final StructType SCHEMA = new StructType()
      .add(required("post_id", StringType, "post id, unique within its platform"))
      .add(required("platform", StringType, "canonical platform id"))
      .add(required("content_type", StringType, "content type of the post"))
      .add(required("account_id", StringType, "publishing account"))
      .add(optional("account_name", StringType, "display name of the account"))
      .add(required("published_at", TimestampType, "publication time (UTC)"))
      .add(required("published_date", DateType, "publication date in the configured time zone"))
      .add(required("category", IntegerType, "final category 0..10 (0 = no violation)"))
      .add(required("category_name", StringType, "display name of the category"))
      .add(required("confidence", DoubleType, "confidence of the final category, 0..1"))
      .add(optional("probabilities", DataTypes.createArrayType(DoubleType),
          "classifier probability per category, index = category id"))
      .add(required("needs_review", BooleanType, "true when a person should look (a violation is likely but "
          + "not certain enough to flag)"))
      .add(required("enterprise_ids", DataTypes.createArrayType(StringType, false),
          "registry enterprises the post names"))
      .add(required("evidence", EvidenceSchema.ARRAY, "why: matched spans, detectors, scores (personal data masked)"))
      .add(optional("fin_clickbait", BooleanType, "financial-report headline distorts the body (null: not a "
          + "financial-report article)"))
      .add(optional("fin_clickbait_prob", DoubleType, "probability of a distorting financial headline"))
      .add(optional("reach", LongType, "reposts + comments + likes when archived"))
      .add(required("model_version", StringType, "model that scored the post"))
      .add(required("run_id", StringType, "score run"))
      .add(required("scored_at", TimestampType, "when (UTC)"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Silver: category, confidence and evidence for every scanned post, per model version";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> partitionColumns() {
    return List.of("published_date");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("category_range", "category >= 0 AND category <= 10");
    c.put("confidence_range", "confidence >= 0 AND confidence <= 1");
    return c;
  }

  /** Upserts scored rows on (platform, post_id, model_version): re-scoring replaces, never duplicates. */
  public void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> scored) {
    DeltaTable table = createIfNotExists(spark, warehouse);
    table.as("t")
        .merge(scored.as("s"),
            "t.platform = s.platform AND t.post_id = s.post_id AND t.model_version = s.model_version")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /** The model version asked for (it must have rows), or the one scored most recently. */
  public static String modelVersion(Dataset<Row> violations, String requested) {
    List<Row> versions = violations.groupBy("model_version").agg(max("scored_at").as("last"))
        .orderBy(desc("last"), desc("model_version")).collectAsList();
    if (versions.isEmpty()) {
      throw new ConfigException("post_violations is empty: run score first");
    }
    if (requested == null) {
      return versions.get(0).getString(0);
    }
    for (Row r : versions) {
      if (r.getString(0).equals(requested)) {
        return requested;
      }
    }
    throw new ConfigException("--model-version " + requested + ": post_violations has no rows of it (it has "
        + versions.stream().map(r -> r.getString(0)).collect(Collectors.joining(", ")) + ")");
  }
}
