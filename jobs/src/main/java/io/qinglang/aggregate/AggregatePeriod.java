package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.lit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.apache.spark.sql.Column;

/**
 * The publication dates one aggregate run covers ({@code --from} / {@code --to}, both inclusive, either
 * open) and what each statistics table replaces for it:
 * <ul>
 *   <li>daily rows: exactly the dates of the period;</li>
 *   <li>quarterly rows (platform_quarterly_metrics, handling_timeliness, campaign_summary): every quarter
 *       that overlaps the period, recomputed from the whole quarter, plus the quarter after the period,
 *       whose change versus the previous quarter depends on it;</li>
 *   <li>weekly rows (enterprise_exposure): every week (Monday to Sunday) that overlaps the period,
 *       recomputed from the whole week.</li>
 * </ul>
 * With neither bound the run covers every date and replaces whole tables.
 */
public record AggregatePeriod(LocalDate from, LocalDate to) {
  public static final AggregatePeriod ALL = new AggregatePeriod(null, null);

  public AggregatePeriod {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  public boolean all() {
    return from == null && to == null;
  }

  // ---- daily

  /** Rows of the period, on a date column. */
  public Column dates(Column date) {
    return between(date, from, to);
  }

  /** replaceWhere of platform_daily_stats, or null for the whole table. */
  public String datePredicate(String column) {
    return predicate(column, from == null ? null : sqlDate(from), to == null ? null : sqlDate(to));
  }

  // ---- quarterly

  /** First quarter replaced, or null when open. */
  public String firstQuarter() {
    return from == null ? null : Quarters.of(from);
  }

  /** Last quarter replaced (the one after the period), or null when open. */
  public String lastQuarter() {
    return to == null ? null : Quarters.next(Quarters.of(to));
  }

  public Column quarters(Column label) {
    Column c = lit(true);
    if (firstQuarter() != null) {
      c = c.and(label.geq(lit(firstQuarter())));
    }
    if (lastQuarter() != null) {
      c = c.and(label.leq(lit(lastQuarter())));
    }
    return c;
  }

  public String quarterPredicate(String column) {
    return predicate(column, firstQuarter() == null ? null : "'" + firstQuarter() + "'",
        lastQuarter() == null ? null : "'" + lastQuarter() + "'");
  }

  /** Dates whose data the replaced quarters need: from the quarter before the first to the end of the last. */
  public Column quarterData(Column date) {
    return between(date, firstQuarter() == null ? null : Quarters.start(Quarters.previous(firstQuarter())),
        lastQuarter() == null ? null : Quarters.end(lastQuarter()));
  }

  // ---- weekly

  public LocalDate firstWeek() {
    return from == null ? null : monday(from);
  }

  public LocalDate lastWeek() {
    return to == null ? null : monday(to);
  }

  public Column weeks(Column weekStart) {
    return between(weekStart, firstWeek(), lastWeek());
  }

  public String weekPredicate(String column) {
    return predicate(column, firstWeek() == null ? null : sqlDate(firstWeek()),
        lastWeek() == null ? null : sqlDate(lastWeek()));
  }

  /** Dates whose data the replaced weeks need. */
  public Column weekData(Column date) {
    return between(date, firstWeek(), lastWeek() == null ? null : lastWeek().plusDays(6));
  }

  public static LocalDate monday(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  @Override
  public String toString() {
    return all() ? "all dates" : (from == null ? "..." : from.toString()) + " to " + (to == null ? "..." : to);
  }

  private static Column between(Column c, LocalDate low, LocalDate high) {
    Column out = lit(true);
    if (low != null) {
      out = out.and(c.geq(lit(java.sql.Date.valueOf(low))));
    }
    if (high != null) {
      out = out.and(c.leq(lit(java.sql.Date.valueOf(high))));
    }
    return out;
  }

  private static String predicate(String column, String low, String high) {
    if (low == null && high == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    if (low != null) {
      sb.append(column).append(" >= ").append(low);
    }
    if (high != null) {
      sb.append(sb.isEmpty() ? "" : " AND ").append(column).append(" <= ").append(high);
    }
    return sb.toString();
  }

  private static String sqlDate(LocalDate d) {
    return "DATE'" + d + "'";
  }
}
