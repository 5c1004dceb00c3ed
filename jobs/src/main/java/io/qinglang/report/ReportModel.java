package io.qinglang.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a quarterly review report shows, gathered from the warehouse and ready to render: the
 * headline figures, then sections of paragraphs, charts and tables. Every table shown is also
 * exported (see {@link #tables()}).
 */
public record ReportModel(Quarter quarter, Quarter previous, boolean hasPrevious, String modelVersion,
    Instant generatedAt, ZoneId zone, LocalDate firstDate, LocalDate lastDate, long postsScanned,
    List<Kpi> kpis, List<Section> sections) {

  public ReportModel {
    kpis = List.copyOf(kpis);
    sections = List.copyOf(sections);
  }

  /**
   * A headline figure. {@code change} is the text of the change versus the previous quarter (null when
   * there is none); {@code direction} is its sign; {@code higherIsWorse} says whether a rise is bad news
   * (null: neither).
   */
  public record Kpi(String label, String value, String change, int direction, Boolean higherIsWorse) {}

  /** A numbered section of the report. */
  public record Section(String id, String title, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** A piece of a section. */
  public sealed interface Block permits Paragraph, TableBlock, ChartBlock, CasesBlock {}

  /** Text, already HTML (escaped where it holds data). */
  public record Paragraph(String html) implements Block {}

  /** A table: {@code shown} rows of it on the page (the export holds all), and an optional note. */
  public record TableBlock(ResultTable table, int shown, String note) implements Block {}

  /** A rendered chart. */
  public record ChartBlock(String id, String caption, String type, String svg) implements Block {}

  /** Typical cases, shown as cards; the table is exported like any other. */
  public record CasesBlock(ResultTable cases) implements Block {}

  /** Every table the report shows, in order. */
  public List<ResultTable> tables() {
    List<ResultTable> out = new ArrayList<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof TableBlock t) {
          out.add(t.table());
        } else if (b instanceof CasesBlock c) {
          out.add(c.cases());
        }
      }
    }
    return out;
  }

  /** Every chart the report shows, in order. */
  public List<ChartBlock> charts() {
    List<ChartBlock> out = new ArrayList<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof ChartBlock c) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
