package io.qinglang.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A small, fully collected result: what a notebook cell or a report section shows, charts and
 * exports. Values are plain Java values: Long (whole numbers), Double or BigDecimal (decimals),
 * String, Boolean, LocalDate, Instant (timestamps, UTC), LocalDateTime (timestamps without zone),
 * List and Map (nested values), or null.
 *
 * @param id short export name (letters, digits, -, _), also the file name of its CSV
 * @param title what the table shows, for people
 * @param truncated true when the query had more rows than were collected
 */
public record ResultTable(String id, String title, List<Column> columns, List<List<Object>> rows,
    boolean truncated) {

  /** How a column's values are shown. */
  public enum Kind { TEXT, INTEGER, DECIMAL, PERCENT, DATE, TIMESTAMP, BOOLEAN, NESTED }

  /** A column: its name in the query, the label people read, and how its values are shown. */
  public record Column(String name, String label, Kind kind) {
    public boolean numeric() {
      return kind == Kind.INTEGER || kind == Kind.DECIMAL || kind == Kind.PERCENT;
    }
  }

  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " values for "
            + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Every row of {@code result} (use for small results only). */
  public static ResultTable collect(String id, String title, Dataset<Row> result) {
    return collect(id, title, result, Integer.MAX_VALUE);
  }

  /** At most {@code maxRows} rows of {@code result}; {@link #truncated()} tells whether there were more. */
  public static ResultTable collect(String id, String title, Dataset<Row> result, int maxRows) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : result.schema().fields()) {
      columns.add(new Column(f.name(), f.name(), kindOf(f.dataType())));
    }
    List<Row> collected = maxRows == Integer.MAX_VALUE ? result.collectAsList()
        : result.limit(maxRows + 1).collectAsList();
    boolean truncated = collected.size() > maxRows;
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : truncated ? collected.subList(0, maxRows) : collected) {
      List<Object> values = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        values.add(r.isNullAt(i) ? null : plain(r.get(i)));
      }
      rows.add(values);
    }
    return new ResultTable(id, title, columns, rows, truncated);
  }

  static Kind kindOf(DataType type) {
    if (type instanceof IntegerType || type instanceof LongType || type instanceof ShortType
        || type instanceof ByteType) {
      return Kind.INTEGER;
    }
    if (type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType) {
      return Kind.DECIMAL;
    }
    if (type instanceof DateType) {
      return Kind.DATE;
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Kind.TIMESTAMP;
    }
    if (type instanceof BooleanType) {
      return Kind.BOOLEAN;
    }
    if (type instanceof StringType) {
      return Kind.TEXT;
    }
    return Kind.NESTED;
  }

  /** A Spark value as a plain Java value (see the class comment). */
  static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Row r) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        map.put(r.schema() != null ? r.schema().fields()[i].name() : String.valueOf(i),
            r.isNullAt(i) ? null : plain(r.get(i)));
      }
      return map;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(v -> list.add(plain(v)));
      return list;
    }
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
      return map;
    }
    if (value instanceof Long || value instanceof Double || value instanceof BigDecimal || value instanceof String
        || value instanceof Boolean || value instanceof Instant || value instanceof LocalDate
        || value instanceof LocalDateTime) {
      return value;
    }
    return String.valueOf(value);
  }

  /** The position of a column by name (case-insensitive, as Spark resolves names), or -1. */
  public int index(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  public Column column(String name) {
    int i = index(name);
    if (i < 0) {
      throw new IllegalArgumentException("table " + id + " has no column " + name);
    }
    return columns.get(i);
  }

  /** The same table under another id. */
  public ResultTable withId(String newId) {
    return new ResultTable(newId, title, columns, rows, truncated);
  }

  /** The same table with the given column labels (columns not named keep theirs). */
  public ResultTable withLabels(Map<String, String> labels) {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(new Column(c.name(), labels.getOrDefault(c.name(), c.label()), c.kind()));
    }
    return new ResultTable(id, title, out, rows, truncated);
  }

  /** The same table with the named columns shown as {@code kind} (for example shares as PERCENT). */
  public ResultTable withKind(Kind kind, String... names) {
    List<Column> out = new ArrayList<>(columns);
    for (String name : names) {
      int i = index(name);
      if (i < 0) {
        throw new IllegalArgumentException("table " + id + " has no column " + name);
      }
      out.set(i, new Column(columns.get(i).name(), columns.get(i).label(), kind));
    }
    return new ResultTable(id, title, out, rows, truncated);
  }

  /** The same table with each row's values passed through {@code mapper} (for example to mask text). */
  public ResultTable mapValues(java.util.function.BiFunction<Column, Object, Object> mapper) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> mapped = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        mapped.add(mapper.apply(columns.get(i), row.get(i)));
      }
      out.add(mapped);
    }
    return new ResultTable(id, title, columns, out, truncated);
  }

  public List<String> labels() {
    return columns.stream().map(Column::label).toList();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
