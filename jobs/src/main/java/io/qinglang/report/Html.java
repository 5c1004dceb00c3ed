package io.qinglang.report;

import io.qinglang.report.ResultTable.Column;
import io.qinglang.report.chart.ChartFonts;
import java.time.ZoneId;
import java.util.List;

/**
 * Pieces of the self-contained HTML pages that notebooks and reports write: escaping, the page shell
 * (inline CSS with screen and print rules, a content security policy that forbids every outside
 * resource and every script), tables and figures.
 */
public final class Html {
  /** Nothing outside the page is loaded and no script runs; styles and images are inline. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

  private Html() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A complete page: {@code lang} (zh-CN, en), title, extra CSS and the body's inner HTML. */
  public static String page(String lang, String title, ChartFonts fonts, String extraCss, String body) {
    return "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"generator\" content=\"qinglang\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + css(fonts) + (extraCss == null ? "" : extraCss)
        + "</style>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
  }

  private static String css(ChartFonts fonts) {
    return """
        :root { --ink: #222; --muted: #666; --rule: #d8dde3; --accent: #1f5fa8; --up: #b3261e; --down: #2e7d32; }
        * { box-sizing: border-box; }
        body { font-family: %s; color: var(--ink); margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px;
               line-height: 1.6; font-size: 15px; background: #fff; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        p, li { margin: 6px 0; }
        .muted, .note { color: var(--muted); font-size: 13px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; width: auto; max-width: 100%%; }
        th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f1f4f8; font-weight: 600; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.null { color: #aaa; }
        td.short { white-space: nowrap; }
        td.long { min-width: 12em; }
        .table-wrap { overflow-x: auto; }
        figure.chart { margin: 12px 0 20px; }
        figure.chart svg { display: block; max-width: 100%%; height: auto; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
        pre.sql { background: #f6f8fa; border: 1px solid var(--rule); padding: 8px 12px; overflow-x: auto;
                  font-size: 12.5px; line-height: 1.45; }
        code, pre { font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace; }
        .error { color: var(--up); font-weight: 600; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          table { font-size: 8.5pt; }
          th, td { padding: 2px 4px; }
          .table-wrap { overflow: visible; }
          h2 { break-after: avoid; page-break-after: avoid; }
          figure.chart, .kpis, .case { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          .screen-only { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """.formatted(fonts.cssFamilies());
  }

  /**
   * A table: numbers right-aligned, nulls as a dash, timestamps in {@code zone} (null: UTC), at most
   * {@code maxRows} rows (the caller says elsewhere how many there are).
   */
  public static String table(ResultTable table, ZoneId zone, int maxRows) {
    StringBuilder sb = new StringBuilder("<div class=\"table-wrap\"><table data-table=\"")
        .append(escape(table.id())).append("\">\n<thead><tr>");
    List<List<Object>> rows = table.rows();
    boolean[] shortText = new boolean[table.columns().size()];
    for (int i = 0; i < shortText.length; i++) {
      // Short texts (platform names, ids, dates) stay on one line; long ones wrap.
      int longest = 0;
      for (List<Object> row : rows.subList(0, Math.min(rows.size(), maxRows))) {
        Object v = row.get(i);
        longest = Math.max(longest, v == null ? 0 : Values.display(v, table.columns().get(i).kind(), zone).length());
      }
      shortText[i] = !table.columns().get(i).numeric() && longest <= 12;
    }
    for (Column c : table.columns()) {
      sb.append("<th").append(c.numeric() ? " class=\"num\"" : "").append(">").append(escape(c.label()))
          .append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < Math.min(rows.size(), maxRows); r++) {
      sb.append("<tr>");
      List<Object> row = rows.get(r);
      for (int i = 0; i < row.size(); i++) {
        Column c = table.columns().get(i);
        Object v = row.get(i);
        if (v == null) {
          sb.append("<td class=\"null").append(c.numeric() ? " num" : "").append("\">—</td>");
        } else {
          sb.append("<td").append(c.numeric() ? " class=\"num\"" : shortText[i] ? " class=\"short\"" : " class=\"long\"")
              .append(">")
              .append(escape(Values.display(v, c.kind(), zone))).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table></div>\n");
    return sb.toString();
  }

  /** A chart figure: caption and the SVG element. */
  public static String figure(String id, String caption, String kind, String svg) {
    return "<figure class=\"chart\" id=\"" + escape(id) + "\" data-chart=\"" + escape(kind) + "\">"
        + (caption == null || caption.isBlank() ? "" : "<figcaption>" + escape(caption) + "</figcaption>")
        + svg + "</figure>\n";
  }
}
