package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigLoader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(names = "--conf", paramLabel = "FILE",
      description = "Configuration file (HOCON). Default: conf/qinglang.conf. Keys left out keep their defaults.")
  Path conf;

  @Option(names = "--warehouse", paramLabel = "DIR",
      description = "Delta warehouse directory or URI (overrides qinglang.warehouse; default ./warehouse).")
  String warehouse;

  @Option(names = "--enterprises", paramLabel = "CSV",
      description = "Enterprise registry CSV (overrides qinglang.enterprises).")
  Path enterprises;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for the embedded session (default from qinglang.spark.master: local[*]). "
          + "Under spark-submit the submit command's master wins.")
  String master;

  /**
   * The configuration with the command line's overrides applied, its enterprise registry checked;
   * throws ConfigException when either is invalid.
   */
  public QinglangConfig load() {
    QinglangConfig config = ConfigLoader.load(conf);
    if (warehouse != null) {
      if (warehouse.isBlank()) {
        throw new ConfigException("--warehouse: must not be empty");
      }
      config = config.withWarehouse(warehouse);
    }
    if (enterprises != null) {
      if (!Files.isRegularFile(enterprises)) {
        throw new ConfigException("--enterprises: file not found: " + enterprises);
      }
      config = config.withEnterprises(InputResource.file(enterprises));
    }
    if (master != null) {
      config = config.withMaster(master);
    }
    // Every line of the registry is checked when a command starts, before any Spark work.
    EnterpriseRegistry.load(config);
    return config;
  }
}
