package io.qinglang.report.notebook;

import io.qinglang.report.chart.ChartSpec;
import io.qinglang.report.chart.ChartSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL notebooks in Databricks source format:
 * <ul>
 *   <li>the first line is {@code -- Databricks notebook source};</li>
 *   <li>cells are separated by lines {@code -- COMMAND ----------};</li>
 *   <li>a cell may start with {@code -- DBTITLE 1,Its title};</li>
 *   <li>a Markdown cell is all {@code -- MAGIC} lines, the first {@code -- MAGIC %md};</li>
 *   <li>a widget cell is {@code CREATE WIDGET TEXT name DEFAULT 'value'};</li>
 *   <li>any other cell is one SQL statement (a trailing semicolon is allowed), with at most one
 *       {@code -- chart: ...} line (see {@link ChartSpec}).</li>
 * </ul>
 * Cells of other languages ({@code %python}, {@code %scala}, ...) and {@code %run} are errors, as is
 * anything else that does not follow the format; the message names the notebook and the cell.
 */
public final class NotebookParser {
  public static final String HEADER = "-- Databricks notebook source";
  public static final String SEPARATOR = "-- COMMAND ----------";
  private static final String MAGIC = "-- MAGIC";
  private static final Pattern TITLE = Pattern.compile("-- DBTITLE \\d+,(.*)");
  private static final Pattern WIDGET = Pattern.compile(
      "(?is)CREATE\\s+WIDGET\\s+(\\w+)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+DEFAULT\\s+(?:'([^']*)'|\"([^\"]*)\")\\s*;?");

  private NotebookParser() {}

  /** Reads and parses a notebook file (UTF-8); the notebook is named by its file name. */
  public static Notebook read(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new NotebookException(file + ": notebook not found");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NotebookException(name + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(name, text);
  }

  public static Notebook parse(String name, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size() || !lines.get(first).strip().equals(HEADER)) {
      throw new NotebookException(name + ": not a Databricks SQL notebook (the first line must be '" + HEADER + "')");
    }
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines.subList(first + 1, lines.size())) {
      if (line.strip().equals(SEPARATOR)) {
        chunks.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    chunks.add(current);
    List<Notebook.Cell> cells = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      Notebook.Cell cell = cell(name, i + 1, trim(chunks.get(i)));
      if (cell != null) {
        cells.add(cell);
      }
    }
    if (cells.isEmpty()) {
      throw new NotebookException(name + ": the notebook has no cells");
    }
    return new Notebook(name, cells);
  }

  private static Notebook.Cell cell(String notebook, int number, List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    String title = null;
    Matcher t = TITLE.matcher(lines.get(0).strip());
    if (t.matches()) {
      title = t.group(1).strip();
      lines = trim(lines.subList(1, lines.size()));
      if (lines.isEmpty()) {
        throw NotebookException.at(notebook, number, "the cell has a title but nothing else");
      }
    }
    long magic = lines.stream().filter(l -> l.startsWith(MAGIC)).count();
    if (magic > 0) {
      if (magic != lines.size()) {
        throw NotebookException.at(notebook, number, "mixes '-- MAGIC' lines with other lines (a Markdown cell "
            + "is '-- MAGIC' lines only)");
      }
      return magicCell(notebook, number, title, lines);
    }
    String sql = String.join("\n", lines);
    Matcher w = WIDGET.matcher(sql.strip());
    if (w.matches()) {
      String kind = w.group(1).toUpperCase(Locale.ROOT);
      if (!kind.equals("TEXT")) {
        throw NotebookException.at(notebook, number, "CREATE WIDGET " + kind + " is not supported (use CREATE "
            + "WIDGET TEXT name DEFAULT 'value')");
      }
      return new Notebook.Widget(number, title, w.group(2), w.group(3) != null ? w.group(3) : w.group(4));
    }
    if (sql.strip().toUpperCase(Locale.ROOT).startsWith("CREATE WIDGET")) {
      throw NotebookException.at(notebook, number, "cannot read the widget (write CREATE WIDGET TEXT name DEFAULT "
          + "'value')");
    }
    ChartSpec chart = null;
    for (String line : lines) {
      if (line.strip().startsWith(ChartSpec.PREFIX)) {
        if (chart != null) {
          throw NotebookException.at(notebook, number, "has two chart lines (one chart per cell)");
        }
        try {
          chart = ChartSpec.parse(line);
        } catch (ChartSpecException e) {
          throw NotebookException.at(notebook, number, "chart spec '" + line.strip() + "': " + e.getMessage());
        }
      } else if (line.strip().toLowerCase(Locale.ROOT).startsWith("-- chart")) {
        throw NotebookException.at(notebook, number, "'" + line.strip() + "' looks like a chart line but does not "
            + "start with '" + ChartSpec.PREFIX + "'");
      }
    }
    String statement = stripSemicolon(sql);
    if (withoutComments(statement).isBlank()) {
      throw NotebookException.at(notebook, number, "the cell has no SQL statement, only comments");
    }
    return new Notebook.Sql(number, title, statement, chart);
  }

  private static Notebook.Cell magicCell(String notebook, int number, String title, List<String> lines) {
    List<String> content = new ArrayList<>();
    for (String line : lines) {
      String rest = line.substring(MAGIC.length());
      content.add(rest.startsWith(" ") ? rest.substring(1) : rest);
    }
    String head = content.get(0).strip();
    String command = head.split("\\s+", 2)[0];
    if (!command.equals("%md") && !command.equals("%md-sandbox")) {
      throw NotebookException.at(notebook, number, "'" + command + "' cells are not supported (SQL cells and %md "
          + "Markdown cells only)");
    }
    List<String> markdown = new ArrayList<>();
    String inline = head.substring(command.length()).strip();
    if (!inline.isEmpty()) {
      markdown.add(inline);
    }
    markdown.addAll(content.subList(1, content.size()));
    String text = String.join("\n", markdown).strip();
    if (text.isEmpty()) {
      throw NotebookException.at(notebook, number, "the Markdown cell is empty");
    }
    return new Notebook.Markdown(number, title, text);
  }

  private static String stripSemicolon(String sql) {
    String s = sql.strip();
    // A trailing semicolon, possibly followed by comment lines.
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("--")) {
        continue;
      }
      if (l.endsWith(";")) {
        String line = lines.get(i);
        lines.set(i, line.substring(0, line.lastIndexOf(';')));
      }
      break;
    }
    return String.join("\n", lines).strip();
  }

  /** The text without {@code --} line comments and {@code /* *}{@code /} block comments (outside quotes). */
  static String withoutComments(String sql) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    char quote = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (quote != 0) {
        sb.append(c);
        if (c == '\\' && i + 1 < sql.length()) {
          sb.append(sql.charAt(i + 1));
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        sb.append(c);
        i++;
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        sb.append(' ');
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static List<String> trim(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return lines.subList(from, to);
  }
}
