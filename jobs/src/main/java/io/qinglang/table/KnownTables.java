package io.qinglang.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table specs this code base defines, by table name (tables of other jobs are handled generically). */
public final class KnownTables {
  private KnownTables() {}

  public static Map<String, DeltaTableSpec> all() {
    Map<String, DeltaTableSpec> specs = new LinkedHashMap<>();
    for (DeltaTableSpec spec : List.of(new PostsTable(), new QuarantineTable(), new JobRunsTable(),
        new PostViolationsTable(), new DisposalsTable(), new PlatformDailyStatsTable(),
        new PlatformQuarterlyMetricsTable(), new EnterpriseExposureTable(), new HandlingTimelinessTable(),
        new CampaignSummaryTable(), new ClueReferralsTable())) {
      specs.put(spec.name(), spec);
    }
    return specs;
  }

  /** The Z-order columns of a table, or none when it is not known here. */
  public static List<String> zOrderColumns(String table) {
    DeltaTableSpec spec = all().get(table);
    return spec == null ? List.of() : spec.zOrderColumns();
  }
}
