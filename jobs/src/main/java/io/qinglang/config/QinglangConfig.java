package io.qinglang.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration of one run. Built by {@link ConfigLoader}; the command line's common
 * overrides are applied with the {@code with...} methods. Sections owned by later features read
 * their keys through {@link #reader()}, which reports bad values the same way.
 */
public record QinglangConfig(
    String source,
    String warehouse,
    String modelDir,
    ZoneId timeZone,
    InputResource enterprises,
    Spark spark,
    Ingest ingest,
    Platforms platforms,
    Map<Integer, String> categoryNames,
    ConfigReader reader) {

  /** Settings for the SparkSession that jobs/bin/qinglang builds. */
  public record Spark(String master, String appName, int shufflePartitions, Map<String, String> conf) {}

  /** Limits applied while ingesting archives, and other names of the format's content types (keys lower-cased). */
  public record Ingest(int maxContentLength, LocalDate earliestTimestamp, Map<String, String> contentTypeAliases) {}

  /** Known platform ids and the aliases that map onto them (alias keys lower-cased). */
  public record Platforms(List<String> known, Map<String, String> aliases) implements java.io.Serializable {}

  public QinglangConfig withWarehouse(String location) {
    return new QinglangConfig(source, OutputLocations.absolute(location), modelDir, timeZone, enterprises,
        spark, ingest, platforms, categoryNames, reader);
  }

  public QinglangConfig withModelDir(String location) {
    return new QinglangConfig(source, warehouse, OutputLocations.absolute(location), timeZone, enterprises,
        spark, ingest, platforms, categoryNames, reader);
  }

  public QinglangConfig withEnterprises(InputResource registry) {
    return new QinglangConfig(source, warehouse, modelDir, timeZone, registry, spark, ingest, platforms,
        categoryNames, reader);
  }

  public QinglangConfig withMaster(String master) {
    return new QinglangConfig(source, warehouse, modelDir, timeZone, enterprises,
        new Spark(master, spark.appName(), spark.shufflePartitions(), spark.conf()), ingest, platforms,
        categoryNames, reader);
  }

  public String categoryName(int category) {
    return categoryNames.getOrDefault(category, String.valueOf(category));
  }
}
