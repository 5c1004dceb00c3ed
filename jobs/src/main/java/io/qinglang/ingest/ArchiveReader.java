package io.qinglang.ingest;

import static org.apache.spark.sql.functions.col;

import io.qinglang.util.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Reads archive files of any record kind into staged rows ({@link ArchiveValidator#stagedSchema()}). JSON Lines and CSV files are
 * read one task per file (exact line numbers, strict UTF-8); Parquet through Spark's reader.
 */
public final class ArchiveReader {
  private ArchiveReader() {}

  public static Dataset<Row> read(SparkSession spark, List<ArchiveInputs.ArchiveFile> files,
      ArchiveValidator validator) {
    List<ArchiveInputs.ArchiveFile> text = files.stream()
        .filter(f -> f.format() != ArchiveFormat.PARQUET).toList();
    List<String> parquet = files.stream()
        .filter(f -> f.format() == ArchiveFormat.PARQUET).map(ArchiveInputs.ArchiveFile::path).toList();
    Dataset<Row> staged = null;
    if (!text.isEmpty()) {
      staged = readText(spark, text, validator);
    }
    if (!parquet.isEmpty()) {
      Dataset<Row> p = readParquet(spark, parquet, validator);
      staged = staged == null ? p : staged.unionByName(p);
    }
    return staged;
  }

  private static Dataset<Row> readText(SparkSession spark, List<ArchiveInputs.ArchiveFile> files,
      ArchiveValidator validator) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(files, files.size()).flatMap(file -> {
      try {
        return TextArchiveReader.read(file, conf.get(), validator);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file.path(), e);
      }
    });
    return spark.createDataFrame(rows, validator.stagedSchema());
  }

  private static Dataset<Row> readParquet(SparkSession spark, List<String> paths, ArchiveValidator validator) {
    Dataset<Row> raw = spark.read().option("mergeSchema", "true").parquet(paths.toArray(new String[0]));
    List<String> names = List.of(raw.columns());
    Dataset<Row> withSource = raw.select(col("*"), col("_metadata.file_path").as("__file"),
        col("_metadata.row_index").as("__row"));
    JavaRDD<Row> rows = withSource.javaRDD().map(row -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String name : names) {
        fields.put(name, plain(row.get(row.fieldIndex(name))));
      }
      String raw0 = JsonValues.toText(fields);
      return validator.stage(row.getString(row.fieldIndex("__file")), row.getLong(row.fieldIndex("__row")) + 1,
          raw0, fields);
    });
    return spark.createDataFrame(rows, validator.stagedSchema());
  }

  /** Parquet values as the plain values the validator reads. */
  private static Object plain(Object value) {
    if (value instanceof Timestamp t) {
      return t.getTime();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.sql.Date d) {
      return d.toString();
    }
    if (value instanceof Row r) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (StructField f : r.schema().fields()) {
        map.put(f.name(), plain(r.get(r.fieldIndex(f.name()))));
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
    return value;
  }
}
