package io.qinglang.report;

import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.TestConfigs;
import org.apache.spark.sql.SparkSession;

/**
 * The fixture warehouse of {@link ReportFixtures}, written once per test JVM and shared read-only, and
 * the 2023Q3 report rendered from it once (with its PDF where Chromium is installed).
 */
public final class FixtureWarehouse {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static Path location;
  private static ReportJob.Outputs report;

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

  /** The 2023Q3 report of the fixture warehouse. */
  public static synchronized ReportJob.Outputs report(SparkSession spark) {
    if (report == null) {
      Path warehouse = get(spark);
      QinglangConfig config = TestConfigs.withWarehouse(warehouse);
      report = ReportJob.run(spark, new Warehouse(warehouse.toString()), ReportSettings.from(config), ZONE,
          EnterpriseRegistry.load(config), Quarter.parse("2023Q3"), warehouse.getParent().resolve("report-2023Q3"),
          HeadlessChromium.available());
    }
    return report;
  }
}
