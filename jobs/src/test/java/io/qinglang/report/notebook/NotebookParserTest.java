package io.qinglang.report.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qinglang.report.chart.ChartSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookParserTest {
  static String notebook(String... lines) {
    return String.join("\n", lines);
  }

  @Test
  void readsMarkdownWidgetsSqlTitlesAndCharts() {
    Notebook nb = NotebookParser.parse("demo.sql", notebook(
        "-- Databricks notebook source",
        "-- MAGIC %md",
        "-- MAGIC # 总览",
        "-- MAGIC",
        "-- MAGIC 说明文字",
        "",
        "-- COMMAND ----------",
        "",
        "CREATE WIDGET TEXT quarter DEFAULT ''",
        "",
        "-- COMMAND ----------",
        "",
        "-- DBTITLE 1,各平台",
        "-- chart: bar x=platform y=n",
        "SELECT platform, count(*) AS n FROM t WHERE q = :quarter GROUP BY platform;",
        "",
        "-- COMMAND ----------",
        "",
        "-- COMMAND ----------",
        "-- MAGIC %md 一行说明"));
    assertEquals("总览", nb.heading());
    List<Notebook.Cell> cells = nb.cells();
    assertEquals(4, cells.size(), "the blank fourth cell is skipped");
    Notebook.Markdown md = assertInstanceOf(Notebook.Markdown.class, cells.get(0));
    assertEquals("# 总览\n\n说明文字", md.markdown());
    Notebook.Widget w = assertInstanceOf(Notebook.Widget.class, cells.get(1));
    assertEquals("quarter", w.name());
    assertEquals("", w.defaultValue());
    Notebook.Sql sql = assertInstanceOf(Notebook.Sql.class, cells.get(2));
    assertEquals(3, sql.number());
    assertEquals("各平台", sql.title());
    assertEquals(ChartSpec.parse("bar x=platform y=n"), sql.chart());
    assertEquals("-- chart: bar x=platform y=n\nSELECT platform, count(*) AS n FROM t WHERE q = :quarter GROUP BY platform",
        sql.sql(), "the trailing semicolon goes, the chart comment stays (SQL ignores it)");
    Notebook.Markdown last = assertInstanceOf(Notebook.Markdown.class, cells.get(3));
    assertEquals(5, last.number(), "cells keep their place in the file");
    assertEquals("一行说明", last.markdown());
    assertNull(last.title());
  }

  @Test
  void formatErrorsNameTheNotebookAndCell() {
    assertError(notebook("SELECT 1"), "x.sql: not a Databricks SQL notebook (the first line must be "
        + "'-- Databricks notebook source')");
    assertError(notebook("-- Databricks notebook source", "-- MAGIC %python", "-- MAGIC print(1)"),
        "x.sql, cell 1: '%python' cells are not supported (SQL cells and %md Markdown cells only)");
    assertError(notebook("-- Databricks notebook source", "-- MAGIC %md", "oops"),
        "x.sql, cell 1: mixes '-- MAGIC' lines with other lines (a Markdown cell is '-- MAGIC' lines only)");
    assertError(notebook("-- Databricks notebook source", "SELECT 1", "-- COMMAND ----------",
        "-- chart: bar x=a y=b", "-- chart: line x=a y=b", "SELECT 1 AS a, 2 AS b"),
        "x.sql, cell 2: has two chart lines (one chart per cell)");
    assertError(notebook("-- Databricks notebook source", "-- chart: bar x=a", "SELECT 1"),
        "x.sql, cell 1: chart spec '-- chart: bar x=a': bar needs y=COLUMN");
    assertError(notebook("-- Databricks notebook source", "-- chart bar x=a y=b", "SELECT 1"),
        "x.sql, cell 1: '-- chart bar x=a y=b' looks like a chart line but does not start with '-- chart:'");
    assertError(notebook("-- Databricks notebook source", "-- only a comment"),
        "x.sql, cell 1: the cell has no SQL statement, only comments");
    assertError(notebook("-- Databricks notebook source", "CREATE WIDGET DROPDOWN q DEFAULT 'a'"),
        "x.sql, cell 1: CREATE WIDGET DROPDOWN is not supported (use CREATE WIDGET TEXT name DEFAULT 'value')");
    assertError(notebook("-- Databricks notebook source", "", "-- COMMAND ----------", ""),
        "x.sql: the notebook has no cells");
  }

  private static void assertError(String text, String message) {
    NotebookException e = assertThrows(NotebookException.class, () -> NotebookParser.parse("x.sql", text));
    assertEquals(message, e.getMessage());
  }
}
