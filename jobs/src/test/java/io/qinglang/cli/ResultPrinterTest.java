package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
  static final StructType EVIDENCE = new StructType().add("source", StringType).add("score", DataTypes.DoubleType);
  static final StructType SCHEMA = new StructType()
      .add("post_id", StringType)
      .add("content", StringType)
      .add("likes", LongType)
      .add("published_at", TimestampType)
      .add("extra", DataTypes.createMapType(StringType, StringType))
      .add("tags", DataTypes.createArrayType(StringType))
      .add("evidence", EVIDENCE);

  static List<Row> rows() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("topic", "财经");
    return List.of(
        RowFactory.create("p1", "逗号,引号\"和\n换行", 1200L, Timestamp.from(Instant.parse("2023-05-01T02:00:00Z")),
            scala.jdk.javaapi.CollectionConverters.asScala(extra),
            scala.jdk.javaapi.CollectionConverters.asScala(List.of("a", "b")),
            new GenericRowWithSchema(new Object[] {"lexicon", 0.5}, EVIDENCE)),
        RowFactory.create("p2", "平常的一句话", null, null, null, null, null));
  }

  private static String print(ResultPrinter.Format format, List<Row> rows, int limit) {
    StringWriter text = new StringWriter();
    ResultPrinter.print(SCHEMA, rows.iterator(), format, new PrintWriter(text), limit);
    return text.toString();
  }

  @Test
  void csvRoundTripsThroughCommonsCsv() throws Exception {
    String out = print(ResultPrinter.Format.csv, rows(), 1);
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(new StringReader(out),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(Arrays.asList(SCHEMA.fieldNames()), parser.getHeaderNames());
      records = parser.getRecords();
    }
    // Every row is printed whatever the limit: the limit is for the table format.
    assertEquals(2, records.size());
    CSVRecord p1 = records.get(0);
    assertEquals("p1", p1.get("post_id"));
    assertEquals("逗号,引号\"和\n换行", p1.get("content"));
    assertEquals("1200", p1.get("likes"));
    assertEquals("2023-05-01T02:00:00Z", p1.get("published_at"));
    assertEquals("{\"topic\":\"财经\"}", p1.get("extra"));
    assertEquals("[\"a\",\"b\"]", p1.get("tags"));
    assertEquals("{\"source\":\"lexicon\",\"score\":0.5}", p1.get("evidence"));
    CSVRecord p2 = records.get(1);
    assertEquals("平常的一句话", p2.get("content"));
    assertEquals("", p2.get("likes"));
    assertEquals("", p2.get("extra"));
    // RFC 4180 line ends.
    assertTrue(out.startsWith("post_id,content,likes,published_at,extra,tags,evidence\r\n"), out);
  }

  @Test
  void jsonIsOneObjectPerLine() throws Exception {
    String out = print(ResultPrinter.Format.json, rows(), 100);
    String[] lines = out.split("\n");
    assertEquals(2, lines.length);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode p1 = mapper.readTree(lines[0]);
    assertEquals("逗号,引号\"和\n换行", p1.get("content").asText());
    assertEquals(1200, p1.get("likes").asLong());
    assertEquals("2023-05-01T02:00:00Z", p1.get("published_at").asText());
    assertEquals("财经", p1.get("extra").get("topic").asText());
    assertEquals("b", p1.get("tags").get(1).asText());
    assertEquals(0.5, p1.get("evidence").get("score").asDouble());
    assertTrue(mapper.readTree(lines[1]).get("likes").isNull());
  }

  @Test
  void displayWidthCountsWideCharactersTwice() {
    assertEquals(3, ResultPrinter.width("abc"));
    assertEquals(6, ResultPrinter.width("比亚迪"));
    assertEquals(4, ResultPrinter.width("，。"));
    assertEquals(8, ResultPrinter.width("ＡＢＣＤ"));
    assertEquals(2, ResultPrinter.width("😀"));
    assertEquals(5, ResultPrinter.width("B站a1"));
  }

  @Test
  void tableColumnsLineUpWithChineseText() {
    StructType schema = new StructType().add("name", StringType).add("n", LongType);
    List<Row> rows = List.of(RowFactory.create("比亚迪", 1L), RowFactory.create("abc", 22L),
        RowFactory.create(null, 333L), RowFactory.create("两行\n文字", 4L));
    StringWriter text = new StringWriter();
    ResultPrinter.print(schema, rows.iterator(), ResultPrinter.Format.table, new PrintWriter(text), 100);
    List<String> lines = new ArrayList<>(List.of(text.toString().split("\n")));
    assertEquals("4 rows", lines.remove(lines.size() - 1));
    assertEquals(List.of(
        "+-----------+-----+",
        "| name      | n   |",
        "+-----------+-----+",
        "| 比亚迪    | 1   |",
        "| abc       | 22  |",
        "| NULL      | 333 |",
        "| 两行 文字 | 4   |",
        "+-----------+-----+"), lines);
    for (String line : lines) {
      assertEquals(ResultPrinter.width(lines.get(0)), ResultPrinter.width(line), line);
    }
  }

  @Test
  void tableStopsAtTheLimitAndTruncatesLongValues() {
    StructType schema = new StructType().add("text", StringType);
    List<Row> rows = List.of(RowFactory.create("长".repeat(40)), RowFactory.create("b"), RowFactory.create("c"));
    StringWriter text = new StringWriter();
    ResultPrinter.print(schema, rows.iterator(), ResultPrinter.Format.table, new PrintWriter(text), 2);
    String[] lines = text.toString().split("\n");
    assertEquals("2 rows shown (more rows: raise --limit)", lines[lines.length - 1]);
    String first = lines[3];
    assertTrue(first.contains("长".repeat(29) + "…"), first);
    assertTrue(ResultPrinter.width(first) <= 64, first);
  }
}
