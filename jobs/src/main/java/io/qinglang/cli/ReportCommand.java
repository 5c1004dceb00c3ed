package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.report.Quarter;
import io.qinglang.report.ReportJob;
import io.qinglang.report.ReportSettings;
import io.qinglang.run.JobStats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Writes the quarterly review report (Chinese) for the campaign from the warehouse's statistics tables "
            + "(run aggregate first): headline figures with the change versus the previous quarter, platforms "
            + "ranked by violation rate, charts of the category mix, the weekly trend, the platforms' handling "
            + "timeliness and state-owned versus private enterprises, coordinated campaigns and impersonation "
            + "accounts, typical cases (personal data masked), the model and its measured quality, and the data's "
            + "provenance.",
        "Into DIR: qinglang-report-QUARTER.html (self-contained, with print styles), .pdf (printed with "
            + "headless Chromium when one is installed), .xlsx (one sheet per table) and csv/ (one UTF-8 CSV "
            + "with BOM per table).",
        "A quarter without figures is an error (exit 2)."})
public final class ReportCommand extends JobCommand {
  @Option(names = "--quarter", required = true, paramLabel = "QUARTER",
      description = "The quarter to review, e.g. 2023Q2 (dates in qinglang.time-zone).")
  String quarterText;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory to write into (created if needed; default reports/QUARTER).")
  Path out;

  @Option(names = "--no-pdf", description = "Do not print a PDF even when Chromium is available.")
  boolean noPdf;

  private Quarter quarter;
  private ReportSettings settings;
  private EnterpriseRegistry registry;
  private ReportJob.Outputs outputs;

  @Override
  protected void validate(QinglangConfig config) {
    try {
      quarter = Quarter.parse(quarterText);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--quarter: " + e.getMessage());
    }
    settings = ReportSettings.from(config);
    registry = EnterpriseRegistry.load(config);
  }

  @Override
  protected JobStats run(JobContext context) {
    Path dir = out != null ? out : Path.of("reports", quarter.label());
    outputs = ReportJob.run(context.spark(), context.warehouse(), settings, context.config().timeZone(), registry,
        quarter, dir, !noPdf);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("quarter", quarter.label());
    details.put("model_version", outputs.model().modelVersion());
    details.put("html", outputs.html().toAbsolutePath().toString());
    details.put("pdf", outputs.pdf() == null ? "none: " + outputs.pdfProblem() : outputs.pdf().toAbsolutePath().toString());
    details.put("xlsx", outputs.workbook().toAbsolutePath().toString());
    details.put("csv_files", String.valueOf(outputs.csv().size()));
    long rows = outputs.model().tables().stream().mapToLong(t -> t.rows().size()).sum();
    return JobStats.written(rows, outputs.files(), details);
  }

  @Override
  protected String describe(JobStats stats) {
    return "report " + quarter.label() + " in " + outputs.html().toAbsolutePath().getParent() + ": "
        + outputs.html().getFileName() + (outputs.pdf() != null ? ", " + outputs.pdf().getFileName() : " (no PDF: "
        + outputs.pdfProblem() + ")") + ", " + outputs.workbook().getFileName() + ", " + outputs.csv().size()
        + " CSV files";
  }
}
