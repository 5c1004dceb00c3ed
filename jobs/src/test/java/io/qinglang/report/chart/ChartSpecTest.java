package io.qinglang.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.report.ResultTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSpecTest {
  @Test
  void parsesEveryKey() {
    ChartSpec s = ChartSpec.parse("-- chart: stacked-bar x=platform y=violations series=category_name "
        + "orientation=horizontal title=\"违规 帖文\"");
    assertEquals(ChartSpec.Type.STACKED_BAR, s.type());
    assertEquals("platform", s.x());
    assertEquals(List.of("violations"), s.y());
    assertEquals("category_name", s.series());
    assertTrue(s.horizontal());
    assertEquals("违规 帖文", s.title());
    assertEquals(s, ChartSpec.parse(s.text()), "text() round-trips");
  }

  @Test
  void severalYColumnsAndDefaults() {
    ChartSpec s = ChartSpec.parse("line x=week y=a,b");
    assertEquals(List.of("a", "b"), s.y());
    assertNull(s.series());
    assertNull(s.title());
    assertFalse(s.horizontal());
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertError("-- chart:", "no chart type (write for example: -- chart: bar x=platform y=violations)");
    assertError("-- chart: barr x=a y=b", "unknown chart type 'barr' (use bar, stacked-bar, line, pie, donut)");
    assertError("bar x=a", "bar needs y=COLUMN");
    assertError("bar y=a", "bar needs x=COLUMN");
    assertError("bar x=a y=b colour=red", "unknown key 'colour' (keys: x, y, series, title, orientation)");
    assertError("bar x=a y=b x=c", "key 'x' is given twice");
    assertError("bar x=a y", "'y' is not KEY=VALUE (keys: x, y, series, title, orientation)");
    assertError("bar x=a y=", "key 'y' has no value");
    assertError("bar x=a-b y=c", "x='a-b' is not a column name (letters, digits, _)");
    assertError("bar x=a y=b,b", "y names a column twice");
    assertError("pie x=a y=b series=c", "pie takes no series (its slices are the x values)");
    assertError("donut x=a y=b,c", "donut takes one y column");
    assertError("bar x=a y=b,c series=d", "series splits one y column: give either series= or several y columns");
    assertError("line x=a y=b orientation=horizontal", "orientation is for bar and stacked-bar only");
    assertError("bar x=a y=b orientation=diagonal", "orientation is vertical or horizontal, not 'diagonal'");
    assertError("bar x=a y=b title=\"open", "a double quote is not closed");
    assertError("bar x=a y=b title=x\"y\"", "the value of 'title' has a stray quote");
  }

  @Test
  void checkNamesMissingAndNonNumericColumns() {
    ResultTable t = new ResultTable("t", "t", List.of(new ResultTable.Column("platform", "platform", ResultTable.Kind.TEXT),
        new ResultTable.Column("n", "n", ResultTable.Kind.INTEGER)), List.of(Arrays.asList("weibo", 3L)), false);
    ChartSpec.parse("bar x=platform y=n").check(t);
    ChartSpecException e = assertThrows(ChartSpecException.class, () -> ChartSpec.parse("bar x=platfrom y=n").check(t));
    assertEquals("x=platfrom: the result has no such column (columns: platform, n)", e.getMessage());
    e = assertThrows(ChartSpecException.class, () -> ChartSpec.parse("bar x=n y=platform").check(t));
    assertEquals("y column platform is not numeric (it is text)", e.getMessage());
  }

  private static void assertError(String spec, String message) {
    ChartSpecException e = assertThrows(ChartSpecException.class, () -> ChartSpec.parse(spec), spec);
    assertEquals(message, e.getMessage());
  }
}
