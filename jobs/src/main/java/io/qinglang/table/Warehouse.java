package io.qinglang.table;

import io.qinglang.config.OutputLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta warehouse: one directory (or URI) holding one sub-directory per table. Tables are
 * addressed by path; {@link #registerTables} makes them resolvable by bare name in Spark SQL.
 */
public final class Warehouse {
  private final String location;

  public Warehouse(String location) {
    this.location = OutputLocations.absolute(location);
  }

  public String location() {
    return location;
  }

  public String tablePath(String table) {
    return OutputLocations.child(location, table);
  }

  /** Names of the Delta tables present in the warehouse, sorted. */
  public List<String> tableNames(SparkSession spark) {
    List<String> names = new ArrayList<>();
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return names;
      }
      for (FileStatus status : fs.listStatus(root)) {
        if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
          names.add(status.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the warehouse " + location, e);
    }
    names.sort(String::compareTo);
    return names;
  }

  /**
   * Registers every table of the warehouse in the session catalog under its bare name, so that
   * {@code SELECT * FROM posts} and time travel ({@code posts VERSION AS OF 3}) work in SQL.
   */
  public List<String> registerTables(SparkSession spark) {
    List<String> names = tableNames(spark);
    for (String name : names) {
      spark.sql("DROP TABLE IF EXISTS " + quote(name));
      spark.sql("CREATE TABLE " + quote(name) + " USING delta LOCATION '" + escape(tablePath(name)) + "'");
    }
    return names;
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("'", "\\'");
  }
}
