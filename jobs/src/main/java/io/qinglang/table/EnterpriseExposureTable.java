package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Gold: per week, enterprise and category, the violations naming the enterprise, with its ownership and region. */
public final class EnterpriseExposureTable extends StatisticsTable {
  public static final String NAME = "enterprise_exposure";
  public static final StructType SCHEMA = new StructType()
      .add(required("week_start", DateType, "Monday of the week (publication dates in the configured time zone)"))
      .add(required("week", StringType, "ISO week, e.g. 2023-W18"))
      .add(required("enterprise_id", StringType, "registry enterprise named by the violations"))
      .add(optional("enterprise_name", StringType, "registry name (null: not in the registry in force)"))
      .add(optional("ownership", StringType, "state_owned, private, foreign or mixed, from the registry in force"))
      .add(optional("region", StringType, "the enterprise's region from the registry in force"))
      .add(optional("industry", StringType, "the enterprise's industry from the registry in force"))
      .add(required("category", IntegerType, "violation category 1..10"))
      .add(required("category_name", StringType, "display name of the category"))
      .add(required("violations", LongType, "posts of the week flagged in this category that name the enterprise"))
      .add(required("platforms", LongType, "distinct platforms those posts appeared on"))
      .add(required("platform_list", DataTypes.createArrayType(StringType), "those platforms, sorted"))
      .add(required("accounts", LongType, "distinct accounts that published them"))
      .add(required("reach", LongType, "sum of their reach (reposts + comments + likes when archived)"))
      .add(required("model_version", StringType, "model version whose post_violations rows were counted"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Gold: weekly violations per enterprise and category, with ownership and region";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> partitionColumns() {
    return List.of("week_start");
  }

  @Override
  public List<String> zOrderColumns() {
    return List.of("enterprise_id");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("category_range", "category >= 1 AND category <= 10");
    c.put("counts_positive", "violations > 0 AND platforms >= 1 AND platforms <= violations AND accounts >= 1 "
        + "AND accounts <= violations AND reach >= 0");
    c.put("known_ownership", "ownership IS NULL OR ownership IN ('state_owned', 'private', 'foreign', 'mixed')");
    return c;
  }
}
