package io.qinglang.spark;

import io.qinglang.config.QinglangConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place that builds SparkSessions, for jobs and tests alike: Delta Lake's extension and
 * catalog, UTC session time (timestamps are stored in UTC; local dates are computed explicitly with
 * the configured time zone) and the configured shuffle partitions. Java serialization stays the
 * default: data moves as DataFrames, and Kryo cannot serialize Java records.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for a job. Under spark-submit the master and other settings come from the submit
   * command (spark.* system properties) and win over the configuration file.
   */
  public static SparkSession forJob(QinglangConfig config) {
    SparkConf conf = new SparkConf(true);
    setIfAbsent(conf, "spark.master", config.spark().master());
    setIfAbsent(conf, "spark.app.name", config.spark().appName());
    setIfAbsent(conf, "spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()));
    setIfAbsent(conf, "spark.ui.showConsoleProgress", "true");
    applyCommon(conf, config.warehouse());
    for (Map.Entry<String, String> e : config.spark().conf().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** The session shared by the test suite: small, quiet and fast to start. */
  public static SparkSession forTests(String warehouse) {
    SparkConf conf = new SparkConf(false)
        .setMaster("local[2]")
        .setAppName("qinglang-tests")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.default.parallelism", "2")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.databricks.delta.snapshotPartitions", "2")
        .set("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    applyCommon(conf, warehouse);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private static void applyCommon(SparkConf conf, String warehouse) {
    conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.set("spark.sql.session.timeZone", "UTC");
    setIfAbsent(conf, "spark.sql.warehouse.dir", warehouse);
    // Small local runs should not spend their time listing Delta logs in 50 tasks.
    setIfAbsent(conf, "spark.databricks.delta.snapshotPartitions", "8");
  }

  private static void setIfAbsent(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
