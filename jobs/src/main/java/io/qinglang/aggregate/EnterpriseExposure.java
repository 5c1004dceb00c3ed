package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * enterprise_exposure: per ISO week (Monday to Sunday of published_date), enterprise and category, the
 * violations naming the enterprise (a post naming two enterprises counts for each), on how many
 * platforms and by how many accounts, with the enterprise's ownership, region and industry from the
 * registry in force. Only (week, enterprise, category) with violations have rows.
 */
public final class EnterpriseExposure {
  private EnterpriseExposure() {}

  /** The Monday of a date column's week. */
  static Column weekStart(Column date) {
    return date_trunc("week", date.cast("timestamp")).cast("date");
  }

  /** ISO week label of a Monday: the ISO year is the year of the week's Thursday. */
  static Column isoWeek(Column monday) {
    return concat(year(date_add(monday, 3)).cast("string"), lit("-W"), lpad(weekofyear(monday).cast("string"), 2,
        "0"));
  }

  /**
   * @param scored scored posts of one model version
   * @param registry enterprise_id, enterprise_name, ownership, region, industry
   * @param categories category, category_name
   */
  public static Dataset<Row> compute(Dataset<Row> scored, Dataset<Row> registry, Dataset<Row> categories,
      String modelVersion) {
    return Exploded.enterprises(scored.filter(col("category").gt(0)))
        .withColumn("week_start", weekStart(col("published_date")))
        .groupBy("week_start", "enterprise_id", "category")
        .agg(count(lit(1)).as("violations"),
            countDistinct("platform").as("platforms"),
            array_sort(collect_set(col("platform"))).as("platform_list"),
            countDistinct(col("platform"), col("account_id")).as("accounts"),
            sum(coalesce(col("reach"), lit(0L))).as("reach"))
        .withColumn("week", isoWeek(col("week_start")))
        .join(broadcast(registry), new String[] {"enterprise_id"}, "left")
        .join(broadcast(categories), "category")
        .withColumn("model_version", lit(modelVersion));
  }
}
