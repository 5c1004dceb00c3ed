package io.qinglang.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTest {
  @Test
  void writesTypedCellsThatReadBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.xlsx");
    XlsxWriter.Sheet sheet = new XlsxWriter.Sheet("平台/统计 [2023Q2]", List.of("平台", "帖文", "比例", "日期", "时间", "列表"),
        List.of(Arrays.asList("微博", 5000L, 0.7368, LocalDate.of(2023, 7, 3), Instant.parse("2023-07-03T02:00:00Z"),
            List.of("a", "b")), Arrays.asList("抖音", null, 1.0, null, null, Map.of("k", 1))),
        Arrays.asList(null, null, "0.0%", null, null, null));
    List<String> names = new XlsxWriter(ZoneId.of("Asia/Shanghai"), "Qinglang").write(file,
        List.of(sheet, new XlsxWriter.Sheet("平台/统计 [2023Q2]", List.of("x"), List.of())));
    assertEquals(List.of("平台_统计 _2023Q2_", "平台_统计 _2023Q2_~2"), names);
    try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertEquals(2, sheets.size());
      List<Row> rows = sheets.get(0).read();
      assertEquals(3, rows.size());
      assertEquals("平台", rows.get(0).getCellText(0));
      assertEquals("微博", rows.get(1).getCellText(0));
      assertEquals(5000, rows.get(1).getCellAsNumber(1).orElseThrow().intValue());
      assertEquals(0.7368, rows.get(1).getCellAsNumber(2).orElseThrow().doubleValue(), 1e-12);
      assertEquals(LocalDateTime.of(2023, 7, 3, 0, 0), rows.get(1).getCellAsDate(3).orElseThrow());
      assertEquals(LocalDateTime.of(2023, 7, 3, 10, 0), rows.get(1).getCellAsDate(4).orElseThrow(),
          "instants are written in the writer's time zone");
      assertEquals("[\"a\",\"b\"]", rows.get(1).getCellText(5));
      assertEquals("", rows.get(2).getCellText(1), "null stays empty");
      assertEquals("{\"k\":1}", rows.get(2).getCellText(5));
    }
  }

  @Test
  void sheetNamesFollowExcelsRules() {
    Set<String> used = new HashSet<>();
    assertEquals("Sheet", XlsxWriter.sheetName("  ", used));
    assertEquals("a_b_c_d_e_f_g", XlsxWriter.sheetName("a[b]c:d*e?f/g", used));
    String longName = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五";
    assertEquals(31, XlsxWriter.sheetName(longName, used).length());
    assertEquals(longName.substring(0, 29) + "~2", XlsxWriter.sheetName(longName, used));
    assertEquals("SHEET~2", XlsxWriter.sheetName("SHEET", used), "unique ignoring case, as Excel wants");
  }

  @Test
  void rowsMustFitTheHeader() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new XlsxWriter.Sheet("s", List.of("a", "b"), List.of(List.of("only one"))));
    assertEquals("sheet s: a row has 1 values for 2 columns", e.getMessage());
  }
}
