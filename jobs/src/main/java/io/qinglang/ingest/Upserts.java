package io.qinglang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The accounting of an upsert by key, the same for every record kind: which copy of a key an input
 * keeps, and how many records were new, updated, unchanged or exact duplicates. A record's
 * {@code hash} column says what it says: two copies with the same hash are the same record.
 */
public final class Upserts {
  private Upserts() {}

  /** How the records of one input change a table. */
  public record Counts(long written, long updated, long unchanged, long duplicate) {}

  /** Accepted records, keeping for each key the last copy in file and record order. */
  public static Dataset<Row> latestCopies(Dataset<Row> accepted, List<String> keys) {
    return accepted
        .withColumn("_copy", row_number().over(Window.partitionBy(columns(keys))
            .orderBy(desc("source_file"), desc("record_no"))))
        .filter(col("_copy").equalTo(1))
        .drop("_copy");
  }

  /**
   * Counts what the batch does to the table. Per key, {@code n} accepted copies with {@code d}
   * distinct hashes: {@code n - d} are exact duplicates; the latest copy is new (written), changed
   * (updated) or the same as stored (unchanged); the {@code d - 1} earlier versions count as
   * updated, or as unchanged when the stored record ends up as it was (a second ingest of the same
   * files).
   */
  public static Counts countChanges(Dataset<Row> accepted, Dataset<Row> latest, Dataset<Row> existing,
      List<String> keys, String hash) {
    String[] keyNames = keys.toArray(new String[0]);
    Dataset<Row> groups = accepted.groupBy(columns(keys))
        .agg(count(lit(1)).as("_n"), countDistinct(col(hash)).as("_d"));
    Column[] oldColumns = new Column[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      oldColumns[i] = col(keys.get(i));
    }
    oldColumns[keys.size()] = col(hash).as("_old_hash");
    Dataset<Row> old = existing.select(oldColumns);
    Column isNew = col("_old_hash").isNull();
    Column same = col("_old_hash").equalTo(col(hash));
    Column changed = col("_old_hash").isNotNull().and(col("_old_hash").notEqual(col(hash)));
    Column earlier = col("_d").minus(1);
    Column[] latestColumns = new Column[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      latestColumns[i] = col(keys.get(i));
    }
    latestColumns[keys.size()] = col(hash);
    Row r = latest.select(latestColumns)
        .join(groups, keyNames)
        .join(old, keyNames, "left")
        .agg(
            sum(when(isNew, 1L).otherwise(0L)),
            sum(when(changed, 1L).otherwise(0L)).plus(sum(when(same, 0L).otherwise(earlier))),
            sum(when(same, col("_d")).otherwise(0L)),
            sum(col("_n").minus(col("_d"))))
        .first();
    return new Counts(orZero(r, 0), orZero(r, 1), orZero(r, 2), orZero(r, 3));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private static long orZero(Row r, int i) {
    return r.isNullAt(i) ? 0L : r.getLong(i);
  }
}
