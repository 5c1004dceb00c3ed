package io.qinglang.aggregate;

import io.qinglang.config.ConfigReader;
import io.qinglang.config.QinglangConfig;

/**
 * The {@code qinglang.statistics} and {@code qinglang.maintain} keys of the configuration.
 *
 * @param typicalCases typical cases per quarter in campaign_summary
 * @param typicalCasesPerCategory at most this many typical cases of one category per quarter
 * @param excerptLength characters of a typical case's excerpt (after masking)
 * @param topEnterprises enterprises listed in platform_quarterly_metrics.top_enterprises
 * @param vacuumRetentionHours the retention maintain's VACUUM keeps by default
 */
public record StatisticsSettings(int typicalCases, int typicalCasesPerCategory, int excerptLength,
    int topEnterprises, int vacuumRetentionHours) {

  /** Delta's own default retention: VACUUM below it needs an explicit flag. */
  public static final int SAFE_RETENTION_HOURS = 168;

  public static StatisticsSettings of(QinglangConfig config) {
    ConfigReader r = config.reader();
    String p = "qinglang.statistics.";
    return new StatisticsSettings(
        r.intAtLeast(p + "typical-cases", 0),
        r.intAtLeast(p + "typical-cases-per-category", 1),
        r.intAtLeast(p + "excerpt-length", 10),
        r.intAtLeast(p + "top-enterprises", 1),
        r.intAtLeast("qinglang.maintain.vacuum-retention-hours", 0));
  }
}
