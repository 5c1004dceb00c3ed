package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampParserTest {
  private final TimestampParser shanghai = new TimestampParser(ZoneId.of("Asia/Shanghai"));
  private final TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void offsetForms() {
    Instant expected = at("2023-05-01T02:00:00Z");
    assertEquals(expected, shanghai.parse("2023-05-01T02:00:00Z"));
    assertEquals(expected, shanghai.parse("2023-05-01T10:00:00+08:00"));
    assertEquals(expected, shanghai.parse("2023-05-01T10:00:00+0800"));
    assertEquals(expected, shanghai.parse("2023-05-01 10:00:00+08:00"));
    assertEquals(expected, shanghai.parse("2023-05-01 10:00:00 +0800"));
    assertEquals(expected, shanghai.parse("2023-05-01T04:00:00+02:00"));
    assertEquals(at("2023-05-01T15:30:00Z"), shanghai.parse("2023-05-01T10:00:00-05:30"));
    assertEquals(at("2023-05-01T02:00:00.250Z"), shanghai.parse("2023-05-01T10:00:00.25+08:00"));
    assertEquals(at("2023-05-01T02:00:00Z"), shanghai.parse("  2023-05-01T02:00Z  "));
    // An explicit offset wins over the configured zone.
    assertEquals(expected, utc.parse("2023-05-01T10:00:00+08:00"));
  }

  @Test
  void withoutOffsetTheConfiguredZoneApplies() {
    assertEquals(at("2023-05-01T02:00:00Z"), shanghai.parse("2023-05-01T10:00:00"));
    assertEquals(at("2023-05-01T10:00:00Z"), utc.parse("2023-05-01T10:00:00"));
    assertEquals(at("2023-05-01T15:30:00Z"), shanghai.parse("2023-05-01 23:30:00"));
    assertEquals(at("2023-05-01T04:00:00Z"), shanghai.parse("2023/05/01 12:00"));
    assertEquals(at("2023-05-01T04:00:00.123Z"), shanghai.parse("2023-05-01 12:00:00.123"));
  }

  @Test
  void dateAloneIsLocalMidnight() {
    assertEquals(at("2023-04-30T16:00:00Z"), shanghai.parse("2023-05-01"));
    assertEquals(at("2023-04-30T16:00:00Z"), shanghai.parse("2023/05/01"));
    assertEquals(at("2023-05-01T00:00:00Z"), utc.parse("2023-05-01"));
  }

  @Test
  void epochSecondsAndMilliseconds() {
    Instant may1 = at("2023-05-01T00:00:00Z");
    assertEquals(may1, shanghai.parse(1682899200L));
    assertEquals(may1, shanghai.parse("1682899200"));
    assertEquals(may1, shanghai.parse(1682899200000L));
    assertEquals(may1, shanghai.parse("1682899200000"));
    assertEquals(at("2023-05-01T00:00:00.500Z"), shanghai.parse(new BigDecimal("1682899200.5")));
    assertEquals(at("2023-05-01T00:00:00.500Z"), shanghai.parse("1682899200.5"));
    // Twelve digits or more are milliseconds; eleven are still seconds.
    assertEquals(Instant.ofEpochMilli(100_000_000_000L), shanghai.parse(100_000_000_000L));
    assertEquals(Instant.ofEpochSecond(99_999_999_999L), shanghai.parse(99_999_999_999L));
    // Epoch values do not depend on the zone.
    assertEquals(may1, utc.parse(1682899200L));
  }

  @Test
  void garbageIsRejectedWithTheValueInTheMessage() {
    for (String bad : new String[] {"yesterday", "2023-13-01", "2023-05-01T25:00:00",
        "5月1日", "1682899200000000"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shanghai.parse(bad), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> shanghai.parse("   "));
  }

  @Test
  void negativeValuesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shanghai.parse(-5L));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> shanghai.parse("-1682899200"));
    assertThrows(IllegalArgumentException.class, () -> shanghai.parse(new BigDecimal("-0.5")));
  }
}
