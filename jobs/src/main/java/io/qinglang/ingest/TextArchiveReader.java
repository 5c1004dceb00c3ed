package io.qinglang.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Row;

/**
 * Reads one JSON Lines or CSV archive file (compressed or not) record by record, with record numbers
 * (line numbers for JSON Lines, record numbers for CSV), strict UTF-8 checks, and every record passed
 * through the validator of its kind into a staged row. Blank lines are not records.
 */
public final class TextArchiveReader {
  private static final ObjectReader JSON = JsonValues.MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private TextArchiveReader() {}

  public static Iterator<Row> read(ArchiveInputs.ArchiveFile file, Configuration conf,
      ArchiveValidator validator) throws IOException {
    return read(file, conf, new Stager<>() {
      @Override
      public Row stage(String source, long recordNo, String raw, Map<String, Object> fields) {
        return validator.stage(source, recordNo, raw, fields);
      }

      @Override
      public Row stageRejected(String source, long recordNo, String raw, String reason, String detail) {
        return validator.stageRejected(source, recordNo, raw, reason, detail);
      }
    });
  }

  /**
   * Posts as validated records rather than staged rows: for small archives read on the driver (gold
   * sets, tests).
   */
  public static Iterator<ArchiveRecord> records(ArchiveInputs.ArchiveFile file, Configuration conf,
      RecordValidator validator) throws IOException {
    return read(file, conf, new Stager<>() {
      @Override
      public ArchiveRecord stage(String source, long recordNo, String raw, Map<String, Object> fields) {
        return validator.validate(source, recordNo, raw, fields);
      }

      @Override
      public ArchiveRecord stageRejected(String source, long recordNo, String raw, String reason, String detail) {
        return ArchiveRecord.rejected(source, recordNo, raw, reason, detail, null, null);
      }
    });
  }

  /** What a reader makes of a parsed record or a rejected one. */
  private interface Stager<T> {
    T stage(String source, long recordNo, String raw, Map<String, Object> fields);

    T stageRejected(String source, long recordNo, String raw, String reason, String detail);
  }

  private static <T> Iterator<T> read(ArchiveInputs.ArchiveFile file, Configuration conf, Stager<T> validator)
      throws IOException {
    InputStream in = open(file.path(), conf);
    return switch (file.format()) {
      case JSON_LINES -> new JsonLines<>(file.path(), in, validator);
      case CSV -> csv(file.path(), in, validator);
      case PARQUET -> throw new IllegalArgumentException("Parquet archives are read by Spark, not line by line");
    };
  }

  static InputStream open(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    InputStream in = fs.open(p);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    return new BufferedInputStream(codec == null ? in : codec.createInputStream(in), 1 << 16);
  }

  /** JSON Lines: one JSON object per line. */
  private static final class JsonLines<T> implements Iterator<T> {
    private final String source;
    private final InputStream in;
    private final Stager<T> validator;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long lineNo;
    private T next;
    private boolean done;

    JsonLines(String source, InputStream in, Stager<T> validator) {
      this.source = source;
      this.in = in;
      this.validator = validator;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        byte[] bytes = readLine();
        if (bytes == null) {
          done = true;
          close(in);
          break;
        }
        next = record(bytes);
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T r = next;
      next = null;
      return r;
    }

    private byte[] readLine() {
      line.reset();
      try {
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
          any = true;
          if (b == '\n') {
            break;
          }
          line.write(b);
        }
        if (!any) {
          return null;
        }
        lineNo++;
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
          len--;
        }
        int start = lineNo == 1 && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return java.util.Arrays.copyOfRange(bytes, start, len);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source + " at line " + (lineNo + 1), e);
      }
    }

    /** The record of one line, or null for a blank line. */
    private T record(byte[] bytes) {
      String text;
      try {
        text = strict.decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        return validator.stageRejected(source, lineNo, lenient, QuarantineReason.BAD_ENCODING,
            "line " + lineNo + " is not valid UTF-8 text");
      }
      if (text.isBlank()) {
        return null;
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        return validator.stageRejected(source, lineNo, text, QuarantineReason.MALFORMED_JSON,
            "line " + lineNo + ": " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (node == null || !node.isObject()) {
        return validator.stageRejected(source, lineNo, text, QuarantineReason.MALFORMED_JSON,
            "line " + lineNo + " is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) JsonValues.toPlain(node);
      return validator.stage(source, lineNo, text, fields);
    }
  }

  /** CSV with a header line; every value is text, an empty value is absent. */
  private static <T> Iterator<T> csv(String source, InputStream in, Stager<T> validator)
      throws IOException {
    CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(false).get();
    CSVParser parser = CSVParser.parse(new InputStreamReader(in, lenient), format);
    List<String> header = parser.getHeaderNames();
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      private boolean failed;

      @Override
      public boolean hasNext() {
        if (failed) {
          return false;
        }
        try {
          boolean more = records.hasNext();
          if (!more) {
            close(parser);
          }
          return more;
        } catch (UncheckedIOException e) {
          return true;
        }
      }

      @Override
      public T next() {
        CSVRecord r;
        try {
          r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          failed = true;
          close(parser);
          long at = parser.getRecordNumber() + 1;
          return validator.stageRejected(source, at, "(the file cannot be parsed from record " + at + " on)",
              QuarantineReason.MALFORMED_CSV, "record " + at + ": " + e.getMessage()
                  + "; the rest of the file was not read");
        }
        long no = r.getRecordNumber();
        String raw = format(r);
        if (r.size() != header.size()) {
          return validator.stageRejected(source, no, raw, QuarantineReason.MALFORMED_CSV,
              "record " + no + " has " + r.size() + " fields, the header has " + header.size());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String v = r.get(i);
          fields.put(header.get(i), v.isEmpty() ? null : v);
        }
        return validator.stage(source, no, raw, fields);
      }
    };
  }

  private static String format(CSVRecord r) {
    List<String> values = new ArrayList<>();
    r.forEach(values::add);
    return CSVFormat.RFC4180.format(values.toArray());
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // nothing left to read
    }
  }

}
