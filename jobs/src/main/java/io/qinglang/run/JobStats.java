package io.qinglang.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run. For ingest the invariant
 * {@code rowsRead = rowsWritten + rowsUpdated + rowsUnchanged + rowsQuarantined + rowsDuplicate}
 * holds; other commands fill what applies and put their own figures in {@code details}.
 */
public record JobStats(
    long rowsRead,
    long rowsWritten,
    long rowsUpdated,
    long rowsUnchanged,
    long rowsQuarantined,
    long rowsDuplicate,
    Map<String, String> details) {

  public static final JobStats NONE = new JobStats(0, 0, 0, 0, 0, 0, Map.of());

  public static JobStats written(long read, long written, Map<String, String> details) {
    return new JobStats(read, written, 0, 0, 0, 0, details);
  }

  public boolean balanced() {
    return rowsRead == rowsWritten + rowsUpdated + rowsUnchanged + rowsQuarantined + rowsDuplicate;
  }

  public JobStats withDetail(String key, Object value) {
    Map<String, String> d = new LinkedHashMap<>(details);
    d.put(key, String.valueOf(value));
    return new JobStats(rowsRead, rowsWritten, rowsUpdated, rowsUnchanged, rowsQuarantined, rowsDuplicate, d);
  }
}
