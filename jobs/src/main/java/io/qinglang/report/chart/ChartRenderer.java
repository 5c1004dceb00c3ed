package io.qinglang.report.chart;

import io.qinglang.report.ResultTable;
import io.qinglang.report.ResultTable.Kind;
import io.qinglang.report.Values;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link ChartSpec} over a {@link ResultTable} with JFreeChart into an SVG element (JFreeSVG)
 * whose text is real text in the configured CJK font. Rows keep their order along the x axis.
 */
public final class ChartRenderer {
  /** Colours of the series, in order. */
  private static final Color[] PALETTE = {
      new Color(0x1f5fa8), new Color(0xd9534f), new Color(0x3a9d5d), new Color(0xf0a202),
      new Color(0x7b4fa0), new Color(0x1b9aaa), new Color(0xc06c84), new Color(0x6c757d),
      new Color(0x8cb369), new Color(0xe07a5f), new Color(0x3d405b), new Color(0xb5838d)};
  private static final Color GRID = new Color(0xdddddd);
  private static final Color INK = new Color(0x333333);

  private final ChartFonts fonts;
  private final int width;
  private final int height;
  private final ZoneId zone;

  /**
   * @param zone time zone in which timestamp x values are written (null: UTC)
   */
  public ChartRenderer(ChartFonts fonts, int width, int height, ZoneId zone) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels");
    }
    this.fonts = fonts;
    this.width = width;
    this.height = height;
    this.zone = zone;
  }

  /**
   * The chart as an {@code <svg>} element. {@code id} must be unique within the page (it prefixes the
   * SVG's internal ids). Throws {@link ChartSpecException} when the spec does not fit the table.
   */
  public String svg(ChartSpec spec, ResultTable table, String id) {
    spec.check(table);
    if (table.isEmpty()) {
      throw new ChartSpecException("the result has no rows to draw");
    }
    JFreeChart chart = switch (spec.type()) {
      case PIE, DONUT -> pie(spec, table);
      default -> category(spec, table);
    };
    theme().apply(chart);
    style(chart, spec, spec.y().stream().allMatch(y -> table.column(y).kind() == Kind.INTEGER));
    int h = height(chart, spec);
    SVGGraphics2D g = new SVGGraphics2D(width, h);
    g.setDefsKeyPrefix(id + "-");
    String families = fonts.cssFamilies();
    g.setFontFunction(family -> families);
    chart.draw(g, new Rectangle(0, 0, width, h));
    return g.getSVGElement(id, true, new ViewBox(0, 0, width, h), null, null);
  }

  /** The configured height, or more for horizontal bars with many categories and series (each bar needs room). */
  private int height(JFreeChart chart, ChartSpec spec) {
    if (spec.horizontal() && chart.getPlot() instanceof CategoryPlot plot) {
      int bars = plot.getDataset().getColumnCount() * (spec.type() == ChartSpec.Type.BAR
          ? Math.max(1, plot.getDataset().getRowCount()) : 1);
      return Math.max(height, 90 + bars * 14 + plot.getDataset().getColumnCount() * 6);
    }
    return height;
  }

  private JFreeChart category(ChartSpec spec, ResultTable table) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int xi = table.index(spec.x());
    int si = spec.series() == null ? -1 : table.index(spec.series());
    for (List<Object> row : table.rows()) {
      String x = label(row.get(xi), table.columns().get(xi).kind());
      if (si >= 0) {
        int yi = table.index(spec.y().get(0));
        String series = label(row.get(si), table.columns().get(si).kind());
        put(data, number(row.get(yi)), series, x, spec);
      } else {
        for (String y : spec.y()) {
          int yi = table.index(y);
          put(data, number(row.get(yi)), table.columns().get(yi).label(), x, spec);
        }
      }
    }
    String xLabel = table.column(spec.x()).label();
    String yLabel = spec.y().size() == 1 && spec.series() == null ? table.column(spec.y().get(0)).label()
        : spec.series() != null ? table.column(spec.y().get(0)).label() : null;
    PlotOrientation orientation = spec.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
    boolean legend = data.getRowCount() > 1;
    return switch (spec.type()) {
      case STACKED_BAR -> ChartFactory.createStackedBarChart(null, xLabel, yLabel, data, orientation, legend,
          false, false);
      case LINE -> ChartFactory.createLineChart(null, xLabel, yLabel, data, PlotOrientation.VERTICAL, legend,
          false, false);
      default -> ChartFactory.createBarChart(null, xLabel, yLabel, data, orientation, legend, false, false);
    };
  }

  private static void put(DefaultCategoryDataset data, Number value, String series, String x, ChartSpec spec) {
    if (data.getRowIndex(series) >= 0 && data.getColumnIndex(x) >= 0 && data.getValue(series, x) != null) {
      throw new ChartSpecException("two rows for x=" + x + (spec.series() != null ? ", series=" + series : "")
          + ": a chart takes one value per point (aggregate in the SQL)");
    }
    data.addValue(value, series, x);
  }

  private JFreeChart pie(ChartSpec spec, ResultTable table) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    int xi = table.index(spec.x());
    int yi = table.index(spec.y().get(0));
    for (List<Object> row : table.rows()) {
      String x = label(row.get(xi), table.columns().get(xi).kind());
      Number v = number(row.get(yi));
      if (data.getIndex(x) >= 0) {
        throw new ChartSpecException("two rows for x=" + x + ": a " + spec.type().word() + " takes one value per slice");
      }
      if (v != null && v.doubleValue() < 0) {
        throw new ChartSpecException("a " + spec.type().word() + " cannot show the negative value " + v + " (x=" + x + ")");
      }
      if (v != null) {
        data.setValue(x, v);
      }
    }
    return spec.type() == ChartSpec.Type.DONUT
        ? ChartFactory.createRingChart(null, data, true, false, false)
        : ChartFactory.createPieChart(null, data, true, false, false);
  }

  private StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("qinglang");
    theme.setExtraLargeFont(fonts.awt(Font.BOLD, 18));
    theme.setLargeFont(fonts.awt(Font.BOLD, 14));
    theme.setRegularFont(fonts.awt(Font.PLAIN, 12));
    theme.setSmallFont(fonts.awt(Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(INK);
    theme.setTickLabelPaint(INK);
    theme.setLegendItemPaint(INK);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }

  private void style(JFreeChart chart, ChartSpec spec, boolean wholeNumbers) {
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.setRangeGridlinesVisible(true);
      plot.setDomainGridlinesVisible(false);
      NumberAxis range = (NumberAxis) plot.getRangeAxis();
      if (wholeNumbers) {
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
      range.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      CategoryAxis domain = plot.getDomainAxis();
      domain.setMaximumCategoryLabelLines(2);
      if (spec.horizontal()) {
        // Long Chinese category names need room on the left rather than an ellipsis.
        domain.setMaximumCategoryLabelWidthRatio(0.42f);
        domain.setMaximumCategoryLabelLines(1);
      }
      int categories = plot.getDataset().getColumnCount();
      if (!spec.horizontal() && categories > 8) {
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
      if (plot.getRenderer() instanceof BarRenderer bars) {
        bars.setMaximumBarWidth(0.08);
        bars.setItemMargin(0.02);
        bars.setDrawBarOutline(false);
      }
      if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
        lines.setDefaultShapesVisible(true);
        for (int s = 0; s < plot.getDataset().getRowCount(); s++) {
          lines.setSeriesStroke(s, new BasicStroke(2.2f));
        }
      }
    } else if (chart.getPlot() instanceof PiePlot<?> plot) {
      plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}"));
      plot.setLabelBackgroundPaint(Color.WHITE);
      plot.setLabelOutlinePaint(null);
      plot.setLabelShadowPaint(null);
      plot.setShadowPaint(null);
      plot.setOutlineVisible(false);
      plot.setSectionOutlinesVisible(false);
      @SuppressWarnings("unchecked")
      PiePlot<String> strings = (PiePlot<String>) plot;
      List<String> keys = strings.getDataset().getKeys();
      for (int i = 0; i < keys.size(); i++) {
        Paint p = PALETTE[i % PALETTE.length];
        strings.setSectionPaint(keys.get(i), p);
      }
      if (plot instanceof RingPlot ring) {
        ring.setSeparatorsVisible(false);
        ring.setSectionDepth(0.4);
      }
    }
  }

  private String label(Object value, Kind kind) {
    return value == null ? "(null)" : Values.display(value, kind, zone);
  }

  private static Number number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n;
    }
    throw new ChartSpecException("'" + value + "' is not a number");
  }
}
