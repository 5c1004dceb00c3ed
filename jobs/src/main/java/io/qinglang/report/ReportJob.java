package io.qinglang.report;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.report.ResultTable.Column;
import io.qinglang.report.ResultTable.Kind;
import io.qinglang.report.export.CsvWriter;
import io.qinglang.report.export.XlsxWriter;
import io.qinglang.table.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the quarterly review report into a directory: the HTML page, the PDF (when a Chromium is
 * available), one XLSX workbook with a sheet per table and one CSV (UTF-8 with BOM) per table.
 */
public final class ReportJob {
  private static final Logger LOG = LogManager.getLogger(ReportJob.class);
  static final String CSV_DIR = "csv";

  private ReportJob() {}

  /** What was written; {@code pdf} is null and {@code pdfProblem} says why when no PDF was printed. */
  public record Outputs(ReportModel model, Path html, Path pdf, String pdfProblem, Path workbook, List<Path> csv) {
    public int files() {
      return 2 + csv.size() + (pdf == null ? 0 : 1);
    }
  }

  public static String baseName(Quarter quarter) {
    return "qinglang-report-" + quarter.label();
  }

  /**
   * @param printPdf false to skip the PDF even when a browser is available
   */
  public static Outputs run(SparkSession spark, Warehouse warehouse, ReportSettings settings, ZoneId zone,
      EnterpriseRegistry registry, Quarter quarter, Path dir, boolean printPdf) {
    long started = System.nanoTime();
    ReportModel model = new QuarterlyReport(spark, settings, zone, registry, quarter).build(warehouse);
    LOG.info("gathered the report for {} in {} s", quarter, seconds(started));
    String base = baseName(quarter);
    Path html = dir.resolve(base + ".html");
    Path workbook = dir.resolve(base + ".xlsx");
    Path pdf = dir.resolve(base + ".pdf");
    List<Path> csv;
    try {
      Files.createDirectories(dir.resolve(CSV_DIR));
      clearCsv(dir.resolve(CSV_DIR));
      csv = writeCsv(model, dir.resolve(CSV_DIR));
      writeWorkbook(model, workbook);
      Files.deleteIfExists(pdf);
      write(html, ReportHtml.render(model, settings.fonts(), new ReportHtml.Links(workbook.getFileName().toString(),
          null, CSV_DIR)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir, e);
    }
    String problem = null;
    Path printed = null;
    Optional<Path> browser = settings.browser();
    if (!printPdf) {
      problem = "not asked for (--no-pdf)";
    } else if (browser.isEmpty()) {
      problem = "no Chromium found (qinglang.report.chromium = " + settings.chromium()
          + "); print the HTML page from a browser instead, it has print styles";
    } else {
      try {
        long t = System.nanoTime();
        new ChromiumPdf(browser.get(), settings.pdfTimeoutSeconds()).print(html, pdf);
        printed = pdf;
        LOG.info("printed {} with {} in {} s", pdf.getFileName(), browser.get(), seconds(t));
        write(html, ReportHtml.render(model, settings.fonts(), new ReportHtml.Links(
            workbook.getFileName().toString(), pdf.getFileName().toString(), CSV_DIR)));
      } catch (IOException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      LOG.warn("no PDF: {}", problem);
    }
    return new Outputs(model, html, printed, problem, workbook, csv);
  }

  private static List<Path> writeCsv(ReportModel model, Path dir) {
    List<Path> files = new ArrayList<>();
    for (ResultTable t : model.tables()) {
      List<List<String>> rows = new ArrayList<>();
      for (List<Object> row : t.rows()) {
        List<String> fields = new ArrayList<>(row.size());
        for (Object v : row) {
          fields.add(Values.export(v, model.zone()));
        }
        rows.add(fields);
      }
      Path file = dir.resolve(t.id() + ".csv");
      CsvWriter.write(file, t.labels(), rows);
      files.add(file);
    }
    return files;
  }

  private static void writeWorkbook(ReportModel model, Path file) {
    List<XlsxWriter.Sheet> sheets = new ArrayList<>();
    for (ResultTable t : model.tables()) {
      List<String> formats = new ArrayList<>();
      for (Column c : t.columns()) {
        formats.add(c.kind() == Kind.PERCENT ? "0.0%" : null);
      }
      String number = t.id().length() >= 2 ? t.id().substring(0, 2) : t.id();
      sheets.add(new XlsxWriter.Sheet(number + " " + t.title(), t.labels(), t.rows(), formats));
    }
    new XlsxWriter(model.zone(), "Qinglang").write(file, sheets);
  }

  private static void clearCsv(Path dir) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String seconds(long startedNanos) {
    return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }
}
