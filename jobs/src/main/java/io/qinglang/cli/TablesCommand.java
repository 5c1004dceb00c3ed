package io.qinglang.cli;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.delta.tables.DeltaTable;
import io.qinglang.config.QinglangConfig;
import io.qinglang.spark.SparkSessions;
import io.qinglang.table.Warehouse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "Lists the warehouse's tables with their row count, Delta version and last update (UTC).")
public final class TablesCommand implements Callable<Integer> {
  private static final StructType SCHEMA = new StructType()
      .add("table", StringType).add("rows", LongType).add("version", LongType).add("last_update_utc", StringType)
      .add("last_operation", StringType);

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv or json.")
  ResultPrinter.Format format;

  @Override
  public Integer call() {
    QinglangConfig config = common.load();
    SparkSession spark = SparkSessions.forJob(config);
    Warehouse warehouse = new Warehouse(config.warehouse());
    List<Row> rows = new ArrayList<>();
    for (String name : warehouse.tableNames(spark)) {
      DeltaTable table = DeltaTable.forPath(spark, warehouse.tablePath(name));
      Row last = table.history(1).select("version", "timestamp", "operation").first();
      rows.add(RowFactory.create(name, table.toDF().count(), last.getLong(0),
          ResultPrinter.text(last.get(1)), last.getString(2)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (rows.isEmpty() && format == ResultPrinter.Format.table) {
      out.println("no tables in " + warehouse.location() + " yet (run ingest first)");
      out.flush();
      return 0;
    }
    ResultPrinter.print(SCHEMA, rows.iterator(), format, out, Integer.MAX_VALUE);
    return 0;
  }
}
