package io.qinglang.report.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables into one XLSX workbook, one worksheet per table (fastexcel): a bold, frozen header
 * row, an auto-filter, columns sized to their content (CJK characters count double), numbers as
 * numbers, dates and times as Excel dates in the given time zone, nested values as JSON text.
 * Reusable by any feature that exports tables.
 */
public final class XlsxWriter {
  /** Excel's limits. */
  static final int MAX_SHEET_NAME = 31;
  static final int MAX_CELL_TEXT = 32_767;
  static final int MAX_ROWS = 1_048_575;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One worksheet.
   *
   * @param name wanted sheet name (shortened to 31 characters, characters Excel forbids replaced, made
   *     unique within the workbook)
   * @param header column titles
   * @param rows values: String, Number, Boolean, LocalDate, LocalDateTime, Instant, List or Map, null
   * @param formats Excel number formats per column (for example {@code 0.0%}); null or a null entry
   *     for the default
   */
  public record Sheet(String name, List<String> header, List<? extends List<?>> rows, List<String> formats) {
    public Sheet {
      header = List.copyOf(header);
      for (List<?> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("sheet " + name + ": a row has " + row.size() + " values for "
              + header.size() + " columns");
        }
      }
      if (formats != null && formats.size() != header.size()) {
        throw new IllegalArgumentException("sheet " + name + ": " + formats.size() + " formats for "
            + header.size() + " columns");
      }
      formats = formats == null ? Collections.nCopies(header.size(), null) : Collections.unmodifiableList(
          new ArrayList<>(formats));
      if (rows.size() > MAX_ROWS) {
        throw new IllegalArgumentException("sheet " + name + ": " + rows.size() + " rows is more than Excel's "
            + MAX_ROWS);
      }
    }

    public Sheet(String name, List<String> header, List<? extends List<?>> rows) {
      this(name, header, rows, null);
    }
  }

  private final ZoneId zone;
  private final String application;

  /**
   * @param zone the time zone in which instants are written (Excel dates have no zone)
   * @param application the creating application's name written into the workbook's properties
   */
  public XlsxWriter(ZoneId zone, String application) {
    this.zone = zone;
    this.application = application;
  }

  /** Writes the workbook to {@code file} (replacing it); returns the sheet names used, in order. */
  public List<String> write(Path file, List<Sheet> sheets) {
    if (sheets.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one sheet");
    }
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        Workbook workbook = new Workbook(out, application, "1.0");
        for (Sheet sheet : sheets) {
          String name = sheetName(sheet.name(), used);
          names.add(name);
          write(workbook.newWorksheet(name), sheet);
        }
        workbook.finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return names;
  }

  private void write(Worksheet ws, Sheet sheet) throws IOException {
    int columns = sheet.header().size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      ws.value(0, c, sheet.header().get(c));
      ws.style(0, c).bold().fillColor("DDE5F0").set();
      widths[c] = width(sheet.header().get(c));
    }
    int r = 1;
    for (List<?> row : sheet.rows()) {
      for (int c = 0; c < columns; c++) {
        Object v = row.get(c);
        String format = sheet.formats().get(c);
        widths[c] = Math.max(widths[c], put(ws, r, c, v, format));
      }
      r++;
    }
    for (int c = 0; c < columns; c++) {
      ws.width(c, Math.min(60, Math.max(8, widths[c] + 2)));
    }
    ws.freezePane(0, 1);
    if (columns > 0) {
      ws.setAutoFilter(0, 0, columns - 1);
    }
    ws.finish();
  }

  /** Writes one value; returns its display width. */
  private int put(Worksheet ws, int r, int c, Object v, String format) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
        ws.value(r, c, d.toString());
        return 8;
      }
      ws.value(r, c, n instanceof BigDecimal ? n : n instanceof Long || n instanceof Integer ? n : n.doubleValue());
      if (format != null) {
        ws.style(r, c).format(format).set();
      } else if (n instanceof Long || n instanceof Integer) {
        ws.style(r, c).format("#,##0").set();
      }
      return Math.min(18, String.valueOf(n).length() + 2);
    }
    if (v instanceof Boolean b) {
      ws.value(r, c, b);
      return 5;
    }
    if (v instanceof LocalDate d) {
      ws.value(r, c, d);
      ws.style(r, c).format(format != null ? format : "yyyy-mm-dd").set();
      return 10;
    }
    if (v instanceof LocalDateTime t) {
      ws.value(r, c, t);
      ws.style(r, c).format(format != null ? format : "yyyy-mm-dd hh:mm:ss").set();
      return 19;
    }
    if (v instanceof Instant i) {
      ws.value(r, c, LocalDateTime.ofInstant(i, zone));
      ws.style(r, c).format(format != null ? format : "yyyy-mm-dd hh:mm:ss").set();
      return 19;
    }
    String text = v instanceof List || v instanceof Map ? json(v) : String.valueOf(v);
    if (text.length() > MAX_CELL_TEXT) {
      text = text.substring(0, MAX_CELL_TEXT - 1) + "…";
    }
    ws.value(r, c, text);
    if (text.indexOf('\n') >= 0) {
      ws.style(r, c).wrapText(true).set();
    }
    return width(text);
  }

  /** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not blank, unique (case-insensitive). */
  static String sheetName(String wanted, Set<String> used) {
    String base = (wanted == null ? "" : wanted).replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
    if (base.startsWith("'")) {
      base = "_" + base.substring(1);
    }
    if (base.isEmpty()) {
      base = "Sheet";
    }
    String name = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME) : base;
    int n = 2;
    while (used.contains(name.toLowerCase(Locale.ROOT))) {
      String suffix = "~" + n++;
      name = (base.length() + suffix.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME - suffix.length())
          : base) + suffix;
    }
    used.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  /** Columns a text takes: CJK and full-width characters count two. */
  static int width(String s) {
    int w = 0;
    int longest = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == '\n') {
        longest = Math.max(longest, w);
        w = 0;
      } else {
        w += cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)) ? 2 : 1;
      }
      i += Character.charCount(cp);
    }
    return Math.max(longest, w);
  }

  private static String json(Object v) {
    try {
      return JSON.writeValueAsString(jsonReady(v));
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }

  private static Object jsonReady(Object v) {
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(jsonReady(x)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(String.valueOf(k), jsonReady(x)));
      return out;
    }
    if (v instanceof Instant || v instanceof LocalDate || v instanceof LocalDateTime) {
      return v.toString();
    }
    return v;
  }
}
