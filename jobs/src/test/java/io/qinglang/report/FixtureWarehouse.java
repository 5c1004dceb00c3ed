package io.qinglang.report;

import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The fixture warehouse of {@link ReportFixtures}, written once per test JVM and shared read-only. */
public final class FixtureWarehouse {
  private static Path location;

  private FixtureWarehouse() {}

  public static synchronized Path get(SparkSession spark) {
    if (location == null) {
      try {
        Path dir = Files.createTempDirectory("qinglang-report-fixture-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteRecursively(dir)));
        Path warehouse = dir.resolve("warehouse");
        ReportFixtures.write(spark, warehouse);
        location = warehouse;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return location;
  }
}
