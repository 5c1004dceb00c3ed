package io.qinglang.report;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with commonmark-java (CommonMark plus GitHub tables). Raw HTML in the source is
 * escaped, not passed through, and unsafe link targets (javascript: and the like) are dropped, so a
 * notebook's text cannot inject markup or script into a page.
 */
public final class Markdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
      .escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  public static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }
}
