package io.qinglang.report.notebook;

import io.qinglang.report.Html;
import io.qinglang.report.chart.ChartFonts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A run notebook as one self-contained HTML page: Markdown, widgets, SQL, charts and result tables. */
public final class NotebookHtml {
  private static final String CSS = """
      header.nb { border-bottom: 1px solid var(--rule); margin-bottom: 16px; padding-bottom: 8px; }
      section.cell { margin: 18px 0; }
      .cell-label { color: var(--muted); font-size: 12px; margin-bottom: 2px; }
      details > summary { cursor: pointer; color: var(--muted); font-size: 13px; }
      .widget { display: inline-block; background: #f1f4f8; border: 1px solid var(--rule); padding: 2px 10px;
                border-radius: 4px; font-size: 13px; }
      """;

  private NotebookHtml() {}

  /**
   * @param zone time zone of the run time shown in the header; result timestamps are shown in UTC, as
   *     the warehouse stores them
   */
  public static String render(Notebook notebook, List<NotebookRunner.Output> outputs, ChartFonts fonts,
      String warehouse, Map<String, Long> tableVersions, Instant ranAt, ZoneId zone) {
    String heading = notebook.heading() != null ? notebook.heading() : notebook.name();
    StringBuilder body = new StringBuilder();
    body.append("<header class=\"nb\"><div class=\"muted\">笔记本 ").append(Html.escape(notebook.name()))
        .append(" · 运行于 ").append(Html.escape(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(
            ranAt.atZone(zone)))).append(" (").append(Html.escape(zone.getId())).append(")")
        .append(" · 数据仓库 ").append(Html.escape(warehouse)).append("</div>");
    if (!tableVersions.isEmpty()) {
      body.append("<div class=\"muted\">表版本: ");
      boolean first = true;
      for (Map.Entry<String, Long> e : tableVersions.entrySet()) {
        body.append(first ? "" : ", ").append(Html.escape(e.getKey())).append(" v").append(e.getValue());
        first = false;
      }
      body.append("</div>");
    }
    body.append("<div class=\"muted\">时间戳按 UTC 显示。</div></header>\n");
    for (NotebookRunner.Output out : outputs) {
      body.append("<section class=\"cell\" id=\"cell-").append(out.cell().number()).append("\">\n");
      if (out.cell().title() != null) {
        body.append("<h3>").append(Html.escape(out.cell().title())).append("</h3>\n");
      }
      if (out instanceof NotebookRunner.MarkdownOutput md) {
        body.append(md.html());
      } else if (out instanceof NotebookRunner.WidgetOutput w) {
        body.append("<div class=\"cell-label\">单元格 ").append(w.cell().number()).append(" · 参数</div>")
            .append("<span class=\"widget\"><code>:").append(Html.escape(w.cell().name())).append("</code> = ")
            .append(w.value().isEmpty() ? "（空）" : Html.escape("'" + w.value() + "'"))
            .append(w.overridden() ? "（命令行 --param 指定）" : "（默认值）").append("</span>\n");
      } else if (out instanceof NotebookRunner.SqlOutput sql) {
        body.append("<div class=\"cell-label\">单元格 ").append(sql.cell().number()).append(" · ")
            .append(String.format("%.1f", sql.seconds())).append(" 秒</div>\n")
            .append("<details><summary>SQL</summary><pre class=\"sql\">").append(Html.escape(sql.cell().sql()))
            .append("</pre></details>\n");
        if (sql.svg() != null) {
          body.append(Html.figure("chart-" + sql.cell().number(), sql.cell().chart().title(),
              sql.cell().chart().type().word(), sql.svg()));
        } else if (sql.cell().chart() != null) {
          body.append("<p class=\"note\">结果为空，没有可绘制的数据。</p>\n");
        }
        if (sql.result().columns().isEmpty()) {
          body.append("<p class=\"note\">语句已执行（无结果集）。</p>\n");
        } else {
          body.append(Html.table(sql.result(), null, Integer.MAX_VALUE));
          int n = sql.result().rows().size();
          body.append("<p class=\"note\">").append(sql.result().truncated() ? "仅显示前 " + n + " 行（结果更多）" : "共 " + n + " 行")
              .append("</p>\n");
        }
      }
      body.append("</section>\n");
    }
    return Html.page("zh-CN", heading, fonts, CSS,
        (notebook.heading() == null ? "<h1>" + Html.escape(heading) + "</h1>\n" : "") + body);
  }
}
