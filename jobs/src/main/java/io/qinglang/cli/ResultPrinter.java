package io.qinglang.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Prints query results as an aligned table (CJK-aware), RFC-4180 CSV or JSON Lines. */
public final class ResultPrinter {
  public enum Format { table, csv, json }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS = DateTimeFormatter.ISO_INSTANT;

  private ResultPrinter() {}

  public static void print(StructType schema, Iterator<Row> rows, Format format, PrintWriter out, int limit) {
    switch (format) {
      case csv -> csv(schema, rows, out);
      case json -> json(schema, rows, out);
      default -> table(schema, rows, out, limit);
    }
    out.flush();
  }

  private static void csv(StructType schema, Iterator<Row> rows, PrintWriter out) {
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(schema.fieldNames()).get());
      while (rows.hasNext()) {
        Row row = rows.next();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          values.add(row.isNullAt(i) ? "" : text(row.get(i)));
        }
        printer.printRecord(values);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void json(StructType schema, Iterator<Row> rows, PrintWriter out) {
    while (rows.hasNext()) {
      Row row = rows.next();
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        map.put(schema.fields()[i].name(), row.isNullAt(i) ? null : plain(row.get(i)));
      }
      try {
        out.println(JSON.writeValueAsString(map));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void table(StructType schema, Iterator<Row> rows, PrintWriter out, int limit) {
    List<String[]> cells = new ArrayList<>();
    cells.add(schema.fieldNames());
    int shown = 0;
    boolean more = false;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (shown == limit) {
        more = true;
        break;
      }
      String[] line = new String[row.size()];
      for (int i = 0; i < row.size(); i++) {
        line[i] = row.isNullAt(i) ? "NULL" : truncate(text(row.get(i)).replace('\n', ' '), 60);
      }
      cells.add(line);
      shown++;
    }
    int[] widths = new int[schema.size()];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], width(line[i]));
      }
    }
    String rule = rule(widths);
    out.println(rule);
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < widths.length; i++) {
        String v = cells.get(r)[i];
        sb.append(' ').append(v).append(" ".repeat(widths[i] - width(v))).append(" |");
      }
      out.println(sb);
      if (r == 0) {
        out.println(rule);
      }
    }
    out.println(rule);
    out.println(shown + (shown == 1 ? " row" : " rows") + (more ? " shown (more rows: raise --limit)" : ""));
  }

  private static String rule(int[] widths) {
    StringBuilder sb = new StringBuilder("+");
    for (int w : widths) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    return sb.toString();
  }

  /** Terminal columns a string takes: CJK and full-width characters take two. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private static String truncate(String s, int maxWidth) {
    if (width(s) <= maxWidth) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = wide(cp) ? 2 : 1;
      if (w + cw > maxWidth - 1) {
        break;
      }
      sb.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return sb.append('…').toString();
  }

  /** Text of a value: timestamps in ISO-8601 UTC, nested values as JSON. */
  static String text(Object value) {
    Object plain = plain(value);
    if (plain instanceof String s) {
      return s;
    }
    if (plain instanceof Map || plain instanceof List) {
      try {
        return JSON.writeValueAsString(plain);
      } catch (IOException e) {
        return String.valueOf(plain);
      }
    }
    return String.valueOf(plain);
  }

  private static Object plain(Object value) {
    if (value instanceof Timestamp t) {
      return TS.format(t.toInstant().atOffset(ZoneOffset.UTC));
    }
    if (value instanceof java.sql.Date d) {
      return d.toString();
    }
    if (value instanceof java.math.BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof Row r) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        map.put(r.schema().fields()[i].name(), r.isNullAt(i) ? null : plain(r.get(i)));
      }
      return map;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(v -> list.add(plain(v)));
      return list;
    }
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
      return map;
    }
    return value;
  }
}
