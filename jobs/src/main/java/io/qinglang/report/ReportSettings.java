package io.qinglang.report;

import io.qinglang.config.ConfigReader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.report.chart.ChartFonts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code qinglang.report} settings: font, PDF printing, sizes and the platforms' display names.
 *
 * @param chromium "auto", "none" or the path of a Chromium/Chrome program
 */
public record ReportSettings(String fontFamily, String chromium, int pdfTimeoutSeconds, int notebookMaxRows,
    int maxListedRows, int chartWidth, int chartHeight, Map<String, String> platformNames) {
  static final String PREFIX = "qinglang.report.";
  private static final List<String> BROWSERS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  public static ReportSettings from(QinglangConfig config) {
    ConfigReader r = config.reader();
    String font = r.string(PREFIX + "font-family");
    try {
      new ChartFonts(font);
    } catch (IllegalArgumentException e) {
      throw r.error(PREFIX + "font-family", e.getMessage());
    }
    Map<String, String> names = r.stringMap(PREFIX + "platform-names");
    for (String platform : names.keySet()) {
      if (!config.platforms().known().contains(platform)) {
        throw r.error(PREFIX + "platform-names." + platform, "'" + platform + "' is not one of the known platforms "
            + config.platforms().known());
      }
    }
    return new ReportSettings(font, r.string(PREFIX + "chromium"), r.intAtLeast(PREFIX + "pdf-timeout-seconds", 1),
        r.intAtLeast(PREFIX + "notebook-max-rows", 1), r.intAtLeast(PREFIX + "max-listed-rows", 1),
        r.intAtLeast(PREFIX + "chart-width", 300), r.intAtLeast(PREFIX + "chart-height", 200), Map.copyOf(names));
  }

  public ChartFonts fonts() {
    return new ChartFonts(fontFamily);
  }

  public String platformName(String platform) {
    return platform == null ? null : platformNames.getOrDefault(platform, platform);
  }

  /** The browser that prints PDFs, or empty when none is configured or found. */
  public Optional<Path> browser() {
    if (chromium.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (!chromium.equalsIgnoreCase("auto")) {
      Path p = Path.of(chromium);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    return findOnPath(BROWSERS);
  }

  static Optional<Path> findOnPath(List<String> programs) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String program : programs) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
