package io.qinglang.ingest;

import java.util.Locale;

/** Archive file formats, told apart by file name (compression suffixes .gz, .bz2 and others allowed). */
public enum ArchiveFormat {
  JSON_LINES, CSV, PARQUET;

  private static final String[] COMPRESSION = {".gz", ".bz2", ".zst", ".deflate", ".lz4", ".snappy"};

  /** The format of a file name, or null when the name says nothing Qinglang reads. */
  public static ArchiveFormat of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    for (String suffix : COMPRESSION) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    return null;
  }
}
