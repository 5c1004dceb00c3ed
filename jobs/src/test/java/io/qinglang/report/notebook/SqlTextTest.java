package io.qinglang.report.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void findsNamedParameterMarkersOutsideQuotesAndComments() {
    assertEquals(Set.of("quarter"), SqlText.parameterMarkers(
        "SELECT * FROM t WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM t))"));
    assertEquals(Set.of("a", "b_2"), SqlText.parameterMarkers(
        "SELECT x::int, ':no', `:no` FROM t -- :no\nWHERE a = :a /* :no */ AND b = :b_2"));
    assertEquals(Set.of(), SqlText.parameterMarkers("SELECT 'it''s :no' FROM t"));
  }

  @Test
  void bindsValuesAsEscapedStringLiterals() {
    assertEquals("SELECT * FROM t WHERE q = coalesce(nullif('2023Q2', ''), 'x') AND c = :other -- :quarter",
        SqlText.bind("SELECT * FROM t WHERE q = coalesce(nullif(:quarter, ''), 'x') AND c = :other -- :quarter",
            java.util.Map.of("quarter", "2023Q2")));
    assertEquals("SELECT 'it\\'s \\\\ ok', x::int", SqlText.bind("SELECT :v, x::int", java.util.Map.of("v", "it's \\ ok")));
  }
}
