package io.qinglang.route;

import io.qinglang.detect.PersonalDataMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the referral files: for every destination {@code DIR/<destination>.csv} (UTF-8 with a byte
 * order mark, so that Excel shows Chinese correctly) and {@code DIR/<destination>.xlsx}, with the
 * columns that destination needs, most urgent first. The files depend only on the rows: exporting
 * the same clues again gives byte-identical files (the XLSX's creation date is the latest created_at
 * of its clues and its zip entries carry a fixed time). Free-text cells (account name, excerpt,
 * evidence) pass through {@link PersonalDataMasker} once more, whatever the table holds.
 */
public final class ClueExport {
  /** Columns every destination gets, in order. */
  static final List<String> COMMON = List.of("clue_id", "priority", "category", "category_name", "clue_kind",
      "rule", "enterprise_names", "regions", "platforms", "posts", "accounts", "first_published_at",
      "last_published_at", "confidence", "reach");
  /** Columns per destination after the common ones. */
  static final java.util.Map<Destination, List<String>> EXTRA = java.util.Map.of(
      Destination.PLATFORM, List.of("platform", "account_id", "account_name", "repeat_offender", "post_ids",
          "excerpt", "evidence", "created_at"),
      Destination.GOVERNANCE_BUREAU, List.of("platform", "account_id", "account_name", "repeat_offender",
          "offender_accounts", "post_ids", "excerpt", "evidence", "created_at"),
      Destination.POLICE, List.of("cluster_id", "platform", "account_id", "account_name", "repeat_offender",
          "offender_accounts", "post_ids", "excerpt", "evidence", "created_at"),
      Destination.REPORTING_CENTRE, List.of("cluster_id", "enterprise_ids", "account_name", "repeat_offender",
          "post_ids", "excerpt", "evidence", "created_at"),
      Destination.LOCAL_OFFICE, List.of("enterprise_ids", "account_name", "repeat_offender", "post_ids", "excerpt",
          "evidence", "created_at"));
  private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("account_name", "excerpt", "evidence");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
      .withZone(ZoneId.of("UTC"));
  private static final Pattern CREATED = Pattern.compile(
      "(<dcterms:created xsi:type=\"dcterms:W3CDTF\">)[^<]*(</dcterms:created>)");
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2023, 4, 24, 0, 0);

  private ClueExport() {}

  /** The columns of one destination's files. */
  public static List<String> columns(Destination destination) {
    List<String> all = new ArrayList<>(COMMON);
    all.addAll(EXTRA.get(destination));
    return all;
  }

  /** Writes both files of every destination (a destination without clues gets files with the header only). */
  public static List<Path> write(List<Row> rows, Path dir, ZoneId zone) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (Destination d : Destination.values()) {
        List<Row> mine = new ArrayList<>();
        for (Row r : rows) {
          if (d.id().equals(r.getAs("destination"))) {
            mine.add(r);
          }
        }
        mine.sort(Comparator.<Row>comparingInt(r -> r.getAs("priority"))
            .thenComparing(r -> -((Double) r.getAs("priority_score")))
            .thenComparing(r -> (String) r.getAs("clue_id")));
        List<String> columns = columns(d);
        List<List<String>> cells = new ArrayList<>();
        Timestamp latest = null;
        for (Row r : mine) {
          List<String> line = new ArrayList<>();
          for (String c : columns) {
            line.add(cell(r, c, zone));
          }
          cells.add(line);
          Timestamp created = r.getAs("created_at");
          if (latest == null || created.after(latest)) {
            latest = created;
          }
        }
        written.add(writeCsv(dir.resolve(d.id() + ".csv"), columns, cells));
        written.add(writeXlsx(dir.resolve(d.id() + ".xlsx"), d, columns, cells,
            latest == null ? ZIP_TIME.atZone(ZoneId.of("UTC")).toInstant() : latest.toInstant()));
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the referral files in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** One cell as text: lists joined with "; ", times in the configured zone, free text masked. */
  static String cell(Row r, String column, ZoneId zone) {
    Object v = r.getAs(column);
    String text;
    if (v == null) {
      text = "";
    } else if (column.equals("evidence")) {
      text = evidence(r.getList(r.fieldIndex("evidence")));
    } else if (v instanceof Timestamp t) {
      text = LOCAL.format(t.toInstant().atZone(zone));
    } else if (v instanceof scala.collection.Seq<?> seq) {
      List<String> parts = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(o -> parts.add(String.valueOf(o)));
      text = String.join("; ", parts);
    } else if (v instanceof Double d) {
      text = String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    } else {
      text = String.valueOf(v);
    }
    return FREE_TEXT.contains(column) ? PersonalDataMasker.mask(text) : text;
  }

  /** Evidence items as "source/kind: detail «span» (score)", one per line. */
  static String evidence(List<Row> items) {
    List<String> lines = new ArrayList<>();
    for (Row e : items) {
      StringBuilder b = new StringBuilder();
      b.append(e.<String>getAs("source")).append('/').append(e.<String>getAs("kind"));
      String detail = e.getAs("detail");
      if (detail != null && !detail.isEmpty()) {
        b.append(": ").append(detail);
      }
      String span = e.getAs("span");
      if (span != null && !span.isEmpty()) {
        b.append(" «").append(span).append('»');
      }
      Double score = e.getAs("score");
      if (score != null) {
        b.append(String.format(Locale.ROOT, " (%.2f)", score));
      }
      lines.add(b.toString());
    }
    return String.join("\n", lines);
  }

  private static Path writeCsv(Path file, List<String> columns, List<List<String>> cells) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
        p.printRecord(columns);
        for (List<String> line : cells) {
          p.printRecord(line);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static Path writeXlsx(Path file, Destination d, List<String> columns, List<List<String>> cells,
      java.time.Instant created) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(raw, "Qinglang", "1.0")) {
      wb.properties().setTitle("线索移交 " + d.title() + " (" + d.id() + ")");
      Worksheet ws = wb.newWorksheet(d.id());
      for (int c = 0; c < columns.size(); c++) {
        ws.value(0, c, columns.get(c));
        ws.style(0, c).bold().set();
      }
      for (int r = 0; r < cells.size(); r++) {
        List<String> line = cells.get(r);
        for (int c = 0; c < line.size(); c++) {
          String column = columns.get(c);
          String v = line.get(c);
          if (v.isEmpty()) {
            continue;
          }
          if (isNumber(column)) {
            ws.value(r + 1, c, Double.parseDouble(v));
          } else {
            ws.value(r + 1, c, v);
          }
        }
      }
      ws.freezePane(1, 1);
      wb.finish();
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      normalise(raw.toByteArray(), out, created);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  static boolean isNumber(String column) {
    return List.of("priority", "category", "posts", "accounts", "confidence", "reach").contains(column);
  }

  /**
   * Rewrites the workbook's zip so that it depends only on its content: the same entries in the
   * same order with a fixed time, and the creation date in docProps/core.xml set to {@code created}.
   */
  static void normalise(byte[] xlsx, OutputStream out, java.time.Instant created) throws IOException {
    Path raw = Files.createTempFile("qinglang-export-", ".xlsx");
    try {
      Files.write(raw, xlsx);
      try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(raw.toFile());
          ZipOutputStream zip = new ZipOutputStream(out)) {
        java.util.Enumeration<? extends ZipEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          byte[] bytes;
          try (InputStream data = in.getInputStream(e)) {
            bytes = readAll(data);
          }
          if (e.getName().equals("docProps/core.xml")) {
            Matcher m = CREATED.matcher(new String(bytes, StandardCharsets.UTF_8));
            bytes = m.replaceFirst("$1" + Matcher.quoteReplacement(W3C.format(created)) + "$2")
                .getBytes(StandardCharsets.UTF_8);
          }
          ZipEntry copy = new ZipEntry(e.getName());
          copy.setTimeLocal(ZIP_TIME);
          zip.putNextEntry(copy);
          zip.write(bytes);
          zip.closeEntry();
        }
      }
    } finally {
      Files.deleteIfExists(raw);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
