package io.qinglang.report;

import io.qinglang.report.ReportModel.Block;
import io.qinglang.report.ReportModel.CasesBlock;
import io.qinglang.report.ReportModel.ChartBlock;
import io.qinglang.report.ReportModel.Kpi;
import io.qinglang.report.ReportModel.Paragraph;
import io.qinglang.report.ReportModel.Section;
import io.qinglang.report.ReportModel.TableBlock;
import io.qinglang.report.chart.ChartFonts;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The quarterly review report as one self-contained HTML page in Chinese, with print styles. */
public final class ReportHtml {
  static final String CAMPAIGN = "“清朗·优化营商网络环境 保护企业合法权益”专项行动";
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
  private static final String CSS = """
      header.report { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 8px; }
      .kicker { color: var(--accent); font-weight: 600; letter-spacing: 0.05em; }
      .meta { color: var(--muted); font-size: 13px; }
      nav.downloads { margin-top: 6px; font-size: 13px; }
      nav.toc { font-size: 13px; color: var(--muted); margin: 10px 0 0; }
      nav.toc a { color: var(--accent); text-decoration: none; margin-right: 12px; white-space: nowrap; }
      .kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 16px 0 8px; }
      .kpi { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; background: #fbfcfe; }
      .kpi .label { color: var(--muted); font-size: 13px; }
      .kpi .value { font-size: 22px; font-weight: 700; line-height: 1.3; }
      .kpi .change { font-size: 12.5px; }
      .kpi .change.bad { color: var(--up); }
      .kpi .change.good { color: var(--down); }
      .kpi .change.neutral { color: var(--muted); }
      caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
      .table-block { margin: 12px 0 18px; }
      .table-block .note { margin: 0; }
      td { white-space: pre-line; }
      .case { border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px;
              padding: 10px 14px; margin: 12px 0; }
      .case h3 { margin: 0 0 6px; font-size: 15px; }
      .case dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 12px; margin: 0;
                 font-size: 13px; }
      .case dt { color: var(--muted); }
      .case dd { margin: 0; }
      .case blockquote { margin: 8px 0; padding: 6px 10px; background: #f6f8fa; border-radius: 4px; }
      .case ul { margin: 4px 0 0; padding-left: 20px; font-size: 13px; }
      footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule);
               padding-top: 8px; }
      @media (max-width: 760px) { .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
      @media print { .kpis { grid-template-columns: repeat(4, 1fr); } .kpi .value { font-size: 16pt; } }
      """;

  private ReportHtml() {}

  /** Where the page links to its exports; {@code pdf} null when there is no PDF. */
  public record Links(String workbook, String pdf, String csvDir) {}

  public static String render(ReportModel model, ChartFonts fonts, Links links) {
    String title = model.quarter().chinese() + "复盘报告";
    StringBuilder b = new StringBuilder();
    b.append("<header class=\"report\">\n<div class=\"kicker\">").append(Html.escape(CAMPAIGN)).append("</div>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n<div class=\"meta\">统计期 ")
        .append(model.quarter().start()).append(" 至 ").append(model.quarter().end()).append(" · 扫描帖文 ")
        .append(String.format(java.util.Locale.ROOT, "%,d", model.postsScanned())).append(" 条 · 模型版本 ")
        .append(Html.escape(model.modelVersion())).append(" · 生成于 ")
        .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(model.generatedAt().atZone(model.zone())))
        .append("（").append(Html.escape(model.zone().getId())).append("）</div>\n");
    b.append("<nav class=\"downloads screen-only\">下载：");
    if (links.pdf() != null) {
      b.append("<a href=\"").append(Html.escape(links.pdf())).append("\">PDF</a> · ");
    }
    b.append("<a href=\"").append(Html.escape(links.workbook())).append("\">Excel 工作簿（全部表格）</a>")
        .append(" · 各表的 CSV 见表格下方</nav>\n");
    b.append("<nav class=\"toc screen-only\">");
    List<Section> sections = model.sections();
    for (int i = 0; i < sections.size(); i++) {
      b.append("<a href=\"#").append(sections.get(i).id()).append("\">").append(NUMERALS[i]).append("、")
          .append(Html.escape(sections.get(i).title())).append("</a>");
    }
    b.append("</nav>\n</header>\n");
    b.append("<section class=\"kpis\" aria-label=\"核心数据\">\n");
    for (Kpi k : model.kpis()) {
      b.append("<div class=\"kpi\"><div class=\"label\">").append(Html.escape(k.label())).append("</div>")
          .append("<div class=\"value\">").append(Html.escape(k.value())).append("</div>");
      if (k.change() != null) {
        String tone = k.direction() == 0 || k.higherIsWorse() == null ? "neutral"
            : (k.direction() > 0) == k.higherIsWorse() ? "bad" : "good";
        String arrow = k.direction() > 0 ? "▲ " : k.direction() < 0 ? "▼ " : "";
        b.append("<div class=\"change ").append(tone).append("\">较上季度 ").append(arrow)
            .append(Html.escape(k.change())).append("</div>");
      } else {
        b.append("<div class=\"change neutral\">上季度无数据</div>");
      }
      b.append("</div>\n");
    }
    b.append("</section>\n");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(NUMERALS[i]).append("、")
          .append(Html.escape(s.title())).append("</h2>\n");
      for (Block block : s.blocks()) {
        b.append(block(block, model, links));
      }
      b.append("</section>\n");
    }
    b.append("<footer>本报告由 Qinglang 根据数据仓库中的统计表自动生成；文中个人信息均已脱敏。")
        .append("数字可按“数据来源”一节所列的表版本复核。</footer>\n");
    return Html.page("zh-CN", title + " · " + CAMPAIGN, fonts, CSS, b.toString());
  }

  private static String block(Block block, ReportModel model, Links links) {
    if (block instanceof Paragraph p) {
      return p.html() + "\n";
    }
    if (block instanceof ChartBlock c) {
      return Html.figure(c.id(), c.caption(), c.type(), c.svg());
    }
    if (block instanceof TableBlock t) {
      StringBuilder sb = new StringBuilder("<div class=\"table-block\">\n<h3>").append(Html.escape(t.table().title()))
          .append("</h3>\n").append(Html.table(t.table(), model.zone(), t.shown()));
      if (t.note() != null) {
        sb.append("<p class=\"note\">").append(Html.escape(t.note())).append("</p>\n");
      }
      sb.append("<p class=\"note screen-only\"><a href=\"").append(Html.escape(links.csvDir() + "/" + t.table().id()
          + ".csv")).append("\">导出 CSV</a></p>\n</div>\n");
      return sb.toString();
    }
    if (block instanceof CasesBlock c) {
      return cases(c.cases(), model, links);
    }
    throw new IllegalArgumentException("unknown block " + block);
  }

  private static String cases(ResultTable t, ReportModel model, Links links) {
    StringBuilder sb = new StringBuilder();
    for (List<Object> row : t.rows()) {
      sb.append("<article class=\"case\">\n<h3>案例 ").append(text(t, row, "rank", model)).append("：")
          .append(text(t, row, "category_name", model)).append("（类别 ").append(text(t, row, "category", model))
          .append("）</h3>\n<dl>")
          .append(term("平台", text(t, row, "platform", model))).append(term("发布时间", text(t, row, "published_at", model)))
          .append(term("账号", text(t, row, "account_name", model))).append(term("涉及企业", text(t, row, "enterprise_ids", model)))
          .append(term("置信度", text(t, row, "confidence", model))).append(term("传播量", text(t, row, "reach", model)))
          .append("</dl>\n<blockquote>").append(text(t, row, "excerpt", model)).append("</blockquote>\n");
      Object evidence = row.get(t.index("evidence"));
      if (evidence != null && !evidence.toString().isBlank()) {
        sb.append("<ul class=\"evidence\">");
        for (String line : evidence.toString().split("\n")) {
          sb.append("<li>").append(Html.escape(line)).append("</li>");
        }
        sb.append("</ul>\n");
      }
      sb.append("</article>\n");
    }
    sb.append("<p class=\"note screen-only\"><a href=\"").append(Html.escape(links.csvDir() + "/" + t.id() + ".csv"))
        .append("\">导出 CSV</a></p>\n");
    return sb.toString();
  }

  private static String term(String label, String value) {
    return "<dt>" + Html.escape(label) + "</dt><dd>" + value + "</dd>";
  }

  private static String text(ResultTable t, List<Object> row, String column, ReportModel model) {
    int i = t.index(column);
    Object v = row.get(i);
    return v == null || v.toString().isEmpty() ? "—" : Html.escape(Values.display(v, t.columns().get(i).kind(),
        model.zone()));
  }
}
