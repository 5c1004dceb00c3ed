package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsTest {
  @Test
  void plainAndDisplayedForms() {
    assertEquals(1200L, Counts.parse(1200L));
    assertEquals(1200L, Counts.parse(1200));
    assertEquals(1200L, Counts.parse("1200"));
    assertEquals(1200L, Counts.parse("1,200"));
    assertEquals(1_234_567L, Counts.parse("1,234,567"));
    assertEquals(12_000L, Counts.parse("1.2万"));
    assertEquals(34_000L, Counts.parse("3.4w"));
    assertEquals(34_000L, Counts.parse("3.4W"));
    assertEquals(2_000L, Counts.parse("2k"));
    assertEquals(2_500L, Counts.parse("2.5K"));
    assertEquals(3_000L, Counts.parse("3千"));
    assertEquals(150_000_000L, Counts.parse("1.5亿"));
    assertEquals(100_000L, Counts.parse("10万+"));
    assertEquals(12_500L, Counts.parse("1.25万"));
    assertEquals(2_000L, Counts.parse(" 2 k "));
    assertEquals(0L, Counts.parse("0"));
    assertEquals(12L, Counts.parse(12.0));
    assertEquals(12L, Counts.parse(new BigDecimal("12.000")));
  }

  @Test
  void negativeNumbersParseSoThatTheValidatorCanCallThemImpossible() {
    assertEquals(-3L, Counts.parse("-3"));
    assertEquals(-3L, Counts.parse(-3L));
  }

  @Test
  void notAWholeNumber() {
    assertNull(Counts.parse("1.25"));
    assertNull(Counts.parse(1.25));
    assertNull(Counts.parse("1.23456万"));
    assertNull(Counts.parse("abc"));
    assertNull(Counts.parse("lots"));
    assertNull(Counts.parse(""));
    assertNull(Counts.parse("12 likes"));
    assertNull(Counts.parse("1.2.3"));
    assertNull(Counts.parse("2kk"));
    assertNull(Counts.parse(Boolean.TRUE));
    assertNull(Counts.parse(List.of(1)));
    assertNull(Counts.parse(Map.of("n", 1)));
    assertNull(Counts.parse("99999999999999999999"));
  }
}
