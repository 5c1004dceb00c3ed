package io.qinglang.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.report.ResultTable;
import io.qinglang.report.ResultTable.Column;
import io.qinglang.report.ResultTable.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
  static final ChartRenderer RENDERER = new ChartRenderer(new ChartFonts("Noto Sans CJK SC"), 640, 320, null);
  static final ResultTable TABLE = new ResultTable("t", "t", List.of(new Column("platform", "平台", Kind.TEXT),
      new Column("category", "类别", Kind.TEXT), new Column("violations", "违规帖文", Kind.INTEGER),
      new Column("rate", "违规率", Kind.DECIMAL)), List.of(
      Arrays.asList("微博", "仿冒", 3L, 12.5), Arrays.asList("微博", "抹黑", 1L, 4.0),
      Arrays.asList("抖音", "仿冒", 5L, 20.0), Arrays.asList("知乎", "抹黑", 2L, null)), false);

  @Test
  void everyTypeDrawsAnSvgWithChineseTextInTheCjkFont() {
    for (String spec : List.of("bar x=category y=violations series=platform", "stacked-bar x=platform y=violations "
        + "series=category orientation=horizontal", "line x=category y=violations series=platform")) {
      String svg = RENDERER.svg(ChartSpec.parse(spec), TABLE, "c1");
      assertTrue(svg.startsWith("<svg"), spec);
      assertTrue(svg.contains("width='640.0'") && svg.contains("height='320.0'"), spec);
      assertTrue(svg.contains("font-family: \"Noto Sans CJK SC\", "), spec + ": the font list fits in the "
          + "single-quoted style attribute");
      assertTrue(svg.contains(">微博<") && svg.contains(">抖音<"), spec + ": series or categories as text");
    }
    ResultTable byPlatform = new ResultTable("p", "p", List.of(new Column("platform", "平台", Kind.TEXT),
        new Column("n", "n", Kind.INTEGER)), List.of(Arrays.asList("微博", 4L), Arrays.asList("抖音", 5L)), false);
    for (String spec : List.of("pie x=platform y=n", "donut x=platform y=n")) {
      String svg = RENDERER.svg(ChartSpec.parse(spec), byPlatform, "c2");
      assertTrue(svg.contains("微博") && svg.contains("抖音"), spec);
    }
  }

  @Test
  void idsPrefixTheSvgsInternalReferences() {
    String svg = RENDERER.svg(ChartSpec.parse("bar x=platform y=rate series=category"), TABLE, "chart-7");
    assertTrue(svg.startsWith("<svg id='chart-7'"));
    assertTrue(svg.contains("<clipPath id='chart-7-clip-0'>"), "clip paths are prefixed, so two charts on a page do "
        + "not clash");
  }

  @Test
  void aChartTakesOneValuePerPoint() {
    ChartSpecException e = assertThrows(ChartSpecException.class,
        () -> RENDERER.svg(ChartSpec.parse("bar x=platform y=violations"), TABLE, "c"));
    assertEquals("two rows for x=微博: a chart takes one value per point (aggregate in the SQL)", e.getMessage());
    ResultTable negative = new ResultTable("n", "n", List.of(new Column("k", "k", Kind.TEXT),
        new Column("v", "v", Kind.DECIMAL)), List.of(Arrays.asList("a", -1.0)), false);
    e = assertThrows(ChartSpecException.class, () -> RENDERER.svg(ChartSpec.parse("pie x=k y=v"), negative, "c"));
    assertEquals("a pie cannot show the negative value -1.0 (x=a)", e.getMessage());
  }
}
