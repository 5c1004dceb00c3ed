package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.table.PlatformDailyStatsTable;
import io.qinglang.table.PlatformQuarterlyMetricsTable;
import io.qinglang.table.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The headline figures a person reads first, for callers outside the aggregate command (the demo):
 * aggregate every date, then read back the quarterly per-platform table and the categories with the most
 * violations per quarter, and format them as plain text.
 *
 * <pre>
 * JobStats stats = QuarterlySummary.aggregateAll(spark, config, registry);
 * QuarterlySummary.Report report = QuarterlySummary.read(spark, new Warehouse(config.warehouse()), 5);
 * System.out.print(report.format());
 * </pre>
 */
public final class QuarterlySummary {
  private QuarterlySummary() {}

  /** One row of platform_quarterly_metrics, the columns the summary shows. */
  public record PlatformQuarter(String quarter, String platform, long postsScanned, long violations,
      double ratePer10k, Double rateChangePer10k, int rank, int platformsRanked, long needsReview,
      long impersonationAccounts, long coordinatedClusters, long cluesReferred, Double medianHoursToHandle,
      Double shareHandled72h) {}

  /** Violations of one category in one quarter, all platforms, and their share of the quarter's violations. */
  public record CategoryCount(String quarter, int category, String categoryName, long violations,
      double shareOfViolations) {}

  /**
   * The summary read back from the tables.
   *
   * @param modelVersion the model version the tables count (null when they are empty)
   * @param platforms per quarter and platform, by quarter then rank
   * @param topCategories per quarter, the categories with the most violations, most first
   */
  public record Report(String modelVersion, List<PlatformQuarter> platforms, List<CategoryCount> topCategories) {
    /** The report as aligned plain text (Chinese category names count two columns). */
    public String format() {
      return QuarterlySummary.format(this);
    }
  }

  /**
   * Aggregates every date of the model version scored most recently, replacing the whole statistics
   * tables, with the statistics settings of {@code config}.
   *
   * @throws ConfigException when post_violations is missing or empty
   */
  public static JobStats aggregateAll(SparkSession spark, QinglangConfig config, EnterpriseRegistry registry) {
    return AggregateJob.run(spark, config, registry, StatisticsSettings.of(config), AggregatePeriod.ALL, null);
  }

  /**
   * Reads the summary from platform_quarterly_metrics and platform_daily_stats as they are now.
   *
   * @param categoriesPerQuarter at most this many categories per quarter (categories without violations
   *     are left out)
   * @throws ConfigException when aggregate has not run
   */
  public static Report read(SparkSession spark, Warehouse warehouse, int categoriesPerQuarter) {
    if (categoriesPerQuarter < 1) {
      throw new IllegalArgumentException("categoriesPerQuarter must be at least 1, was " + categoriesPerQuarter);
    }
    PlatformQuarterlyMetricsTable quarterly = new PlatformQuarterlyMetricsTable();
    PlatformDailyStatsTable daily = new PlatformDailyStatsTable();
    if (!quarterly.exists(spark, warehouse) || !daily.exists(spark, warehouse)) {
      throw new ConfigException("no statistics in " + warehouse.location() + ": run aggregate first");
    }
    List<PlatformQuarter> platforms = new ArrayList<>();
    String model = null;
    for (Row r : quarterly.read(spark, warehouse).orderBy("quarter", "rank_by_rate", "platform").collectAsList()) {
      model = r.getAs("model_version");
      platforms.add(new PlatformQuarter(r.getAs("quarter"), r.getAs("platform"), r.getAs("posts_scanned"),
          r.getAs("violations"), r.getAs("violation_rate_per_10k"), r.getAs("rate_change_per_10k"),
          r.getAs("rank_by_rate"), r.getAs("platforms_ranked"), r.getAs("needs_review"),
          r.getAs("impersonation_accounts"), r.getAs("coordinated_clusters"), r.getAs("clues_referred"),
          r.getAs("median_hours_to_handle"), r.getAs("share_handled_72h")));
    }
    List<Row> counts = daily.read(spark, warehouse).filter(col("category").gt(0))
        .groupBy("quarter", "category", "category_name").agg(sum("violations").as("violations"))
        .filter(col("violations").gt(0))
        .orderBy(col("quarter"), col("violations").desc(), col("category")).collectAsList();
    return new Report(model, platforms, topCategories(counts, categoriesPerQuarter));
  }

  /** The first {@code n} rows of each quarter of counts ordered by quarter and violations, with shares. */
  private static List<CategoryCount> topCategories(List<Row> counts, int n) {
    List<CategoryCount> out = new ArrayList<>();
    int i = 0;
    while (i < counts.size()) {
      String quarter = counts.get(i).getAs("quarter");
      int end = i;
      long total = 0;
      while (end < counts.size() && quarter.equals(counts.get(end).getAs("quarter"))) {
        total += counts.get(end).<Long>getAs("violations");
        end++;
      }
      for (int j = i; j < Math.min(end, i + n); j++) {
        Row r = counts.get(j);
        long v = r.getAs("violations");
        out.add(new CategoryCount(quarter, r.getAs("category"), r.getAs("category_name"), v, (double) v / total));
      }
      i = end;
    }
    return out;
  }

  static String format(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("Per-platform violations by quarter (model ")
        .append(report.modelVersion() == null ? "-" : report.modelVersion()).append(")\n");
    if (report.platforms().isEmpty()) {
      sb.append("  (no scored posts)\n");
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"quarter", "platform", "posts", "violations", "per 10k", "vs prev", "rank",
          "review", "imperson.", "clusters", "clues", "median h", "72h"});
      for (PlatformQuarter p : report.platforms()) {
        rows.add(new String[] {p.quarter(), p.platform(), String.valueOf(p.postsScanned()),
            String.valueOf(p.violations()), fixed(p.ratePer10k()),
            p.rateChangePer10k() == null ? "-" : signed(p.rateChangePer10k()),
            p.rank() + "/" + p.platformsRanked(), String.valueOf(p.needsReview()),
            String.valueOf(p.impersonationAccounts()), String.valueOf(p.coordinatedClusters()),
            String.valueOf(p.cluesReferred()),
            p.medianHoursToHandle() == null ? "-" : fixed(p.medianHoursToHandle()),
            p.shareHandled72h() == null ? "-" : percent(p.shareHandled72h())});
      }
      table(sb, rows, 2);
    }
    sb.append("\nTop categories by quarter (all platforms)\n");
    if (report.topCategories().isEmpty()) {
      sb.append("  (no violations)\n");
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"quarter", "cat", "category", "violations", "share"});
      for (CategoryCount c : report.topCategories()) {
        rows.add(new String[] {c.quarter(), String.valueOf(c.category()), c.categoryName(),
            String.valueOf(c.violations()), percent(c.shareOfViolations())});
      }
      table(sb, rows, 1);
    }
    return sb.toString();
  }

  /** Appends rows as columns: the first {@code textColumns} and column "category" left-aligned, the rest right. */
  private static void table(StringBuilder sb, List<String[]> rows, int textColumns) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], displayWidth(r[c]));
      }
    }
    for (String[] r : rows) {
      sb.append(' ');
      for (int c = 0; c < columns; c++) {
        boolean left = c < textColumns || rows.get(0)[c].equals("category");
        String pad = " ".repeat(width[c] - displayWidth(r[c]));
        sb.append(' ').append(left ? r[c] + pad : pad + r[c]);
      }
      int end = sb.length();
      while (sb.charAt(end - 1) == ' ') {
        end--;
      }
      sb.setLength(end);
      sb.append('\n');
    }
  }

  /** Terminal columns of a string: East Asian wide characters (Chinese, full-width punctuation) take two. */
  static int displayWidth(String s) {
    return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
