package io.qinglang.report.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The font pages and charts name. Chinese needs a CJK font: Noto Sans CJK SC from Debian's
 * {@code fonts-noto-cjk} by default. Pages and SVG charts name it first in a CSS font list, followed
 * by other common Simplified Chinese fonts, so a reader's browser finds one; the chart layout is
 * measured with the same font when this JVM has it installed.
 */
public final class ChartFonts {
  private static final Logger LOG = LogManager.getLogger(ChartFonts.class);
  /** Fallbacks after the configured family: common Simplified Chinese fonts on Linux, macOS and Windows. */
  private static final String FALLBACKS = "\"Noto Sans SC\", \"Source Han Sans SC\", \"Source Han Sans CN\", "
      + "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
  private static volatile Set<String> installed;

  private final String family;

  public ChartFonts(String family) {
    if (family == null || family.isBlank() || family.contains("'") || family.contains("\"")
        || family.contains(";") || family.contains("<")) {
      throw new IllegalArgumentException("'" + family + "' is not a font family name");
    }
    this.family = family.strip();
  }

  public String family() {
    return family;
  }

  /**
   * The CSS font-family list: the configured family first, then common Chinese fonts. Names are in
   * double quotes, because JFreeSVG writes style attributes in single quotes.
   */
  public String cssFamilies() {
    return "\"" + family + "\", " + FALLBACKS;
  }

  /** True when this JVM can measure and draw with the configured family. */
  public boolean installed() {
    return installedFamilies().contains(family);
  }

  /** The AWT font for chart layout: the configured family when installed, else the logical SansSerif font. */
  public Font awt(int style, int size) {
    if (installed()) {
      return new Font(family, style, size);
    }
    if (WARNED.add(family)) {
      LOG.warn("font '{}' is not installed: charts are laid out with a fallback font and Chinese may show as "
          + "boxes (Debian: apt-get install fonts-noto-cjk)", family);
    }
    return new Font(Font.SANS_SERIF, style, size);
  }

  private static Set<String> installedFamilies() {
    Set<String> names = installed;
    if (names == null) {
      names = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
          .collect(Collectors.toUnmodifiableSet());
      installed = names;
    }
    return names;
  }
}
