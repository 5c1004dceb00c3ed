package io.qinglang.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** One finished run of a command, as job_runs records it. */
public record JobRun(
    String runId,
    String command,
    String arguments,
    Instant startedAt,
    Instant finishedAt,
    String status,
    List<String> inputFiles,
    JobStats stats,
    String errorMessage) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new run id such as {@code ingest-20230424T101500Z-9f3a1c}. */
  public static String newRunId(String command, Instant start) {
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return command + "-" + ID_TIME.format(start) + "-" + HexFormat.of().formatHex(random);
  }
}
