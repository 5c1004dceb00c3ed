package io.qinglang.testing;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configurations for tests: the shipped defaults with a warehouse (and optional overrides) of the test's own. */
public final class TestConfigs {
  private TestConfigs() {}

  public static QinglangConfig withWarehouse(Path warehouse) {
    return ConfigLoader.load(null).withWarehouse(warehouse.toString());
  }

  /** The defaults overridden by a HOCON snippet, written to a file in {@code dir}. */
  public static QinglangConfig withOverrides(Path dir, String hocon) throws IOException {
    Path file = dir.resolve("test.conf");
    Files.writeString(file, hocon);
    return ConfigLoader.load(file);
  }
}
