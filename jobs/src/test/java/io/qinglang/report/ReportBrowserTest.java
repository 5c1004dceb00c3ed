package io.qinglang.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the report to PDF and loads the page in headless Chromium (Debian's chromium, which .ci/run
 * installs): no console errors, every chart has a size, Chinese is drawn with the CJK font, and a
 * screenshot is taken. Skipped, with a message, only where chromium is not installed.
 */
@ExtendWith(SparkExtension.class)
class ReportBrowserTest {
  @Test
  void theReportRendersInChromiumWithoutErrors(SparkSession spark, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.available(), "chromium is not installed at " + HeadlessChromium.BINARY
        + ": the browser test is skipped (.ci/run installs it: apt-get install chromium fonts-noto-cjk)");
    Assumptions.assumeTrue(new io.qinglang.report.chart.ChartFonts("Noto Sans CJK SC").installed(),
        "the font Noto Sans CJK SC is not installed: the browser test is skipped, Chinese would be drawn as boxes "
        + "(.ci/run installs it: apt-get install fonts-noto-cjk)");
    ReportJob.Outputs out = FixtureWarehouse.report(spark);
    assertTrue(out.pdf() != null, "a PDF is printed: " + out.pdfProblem());
    assertTrue(ChromiumPdf.isPdf(out.pdf()));
    assertTrue(Files.readString(out.html()).contains("href=\"qinglang-report-2023Q3.pdf\""), "the page links its PDF");

    try (HeadlessChromium browser = new HeadlessChromium(1200, 900)) {
      browser.open(out.html());
      JsonNode charts = browser.evaluate("Array.from(document.querySelectorAll('figure.chart svg')).map(function (e) {"
          + " var r = e.getBoundingClientRect(); return {id: e.closest('figure').id, w: r.width, h: r.height}; })");
      assertEquals(out.model().charts().size(), charts.size(), "every chart is in the page");
      for (JsonNode c : charts) {
        assertTrue(c.path("w").asDouble() > 100 && c.path("h").asDouble() > 50, "chart " + c + " has a size");
      }
      JsonNode texts = browser.evaluate("Array.from(document.querySelectorAll('figure.chart svg text'))"
          + ".filter(function (t) { return t.getBBox().width > 0; }).length");
      assertTrue(texts.asInt() > 20, "the charts' labels are drawn: " + texts);
      JsonNode unstyled = browser.evaluate("Array.from(document.querySelectorAll('figure.chart svg text'))"
          + ".filter(function (t) { return t.style.fontFamily.indexOf('Noto Sans CJK SC') < 0 || !t.style.fontSize; })"
          + ".length");
      assertEquals(0, unstyled.asInt(), "every chart label's own style (font and size) is read by the browser");
      List<String> titleFonts = browser.fontsOf("h1");
      assertTrue(titleFonts.contains("Noto Sans CJK SC"), "the title is drawn in Noto Sans CJK SC, not " + titleFonts);
      List<String> chartFonts = browser.fontsOf("figure.chart svg text");
      assertTrue(chartFonts.contains("Noto Sans CJK SC"), "chart text is drawn in Noto Sans CJK SC, not " + chartFonts);
      byte[] png = browser.screenshot();
      Files.write(dir.resolve("report.png"), png);
      assertTrue(png.length > 50_000, "a screenshot of the whole page");
      assertEquals(List.of(), browser.problems(), "no console errors or warnings");
    }
  }

  @Test
  void theBrowserTestSeesConsoleErrorsAndOutsideLoads(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.available(), "chromium is not installed at " + HeadlessChromium.BINARY);
    // The same page shell as the report: its content security policy blocks the script and the outside image.
    Path page = dir.resolve("bad.html");
    Files.writeString(page, Html.page("zh-CN", "坏页面", new io.qinglang.report.chart.ChartFonts("Noto Sans CJK SC"),
        null, "<h1>坏页面</h1><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('boom')</script>"));
    try (HeadlessChromium browser = new HeadlessChromium(800, 600)) {
      browser.open(page);
      assertTrue(browser.problems().size() >= 2, "blocked script and image are reported: " + browser.problems());
    }
  }
}
