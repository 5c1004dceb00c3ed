package io.qinglang.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path tmp;

  private Path conf(String hocon) throws IOException {
    Path file = tmp.resolve("my.conf");
    Files.writeString(file, hocon);
    return file;
  }

  /** Loading fails with one line that names the key and the file. */
  private String failure(Path file, String key) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "not one line: " + m);
    assertTrue(m.startsWith(key + ":"), "key " + key + " not named first: " + m);
    assertTrue(m.contains(file.toAbsolutePath().toString()), "file not named: " + m);
    return m;
  }

  @Test
  void shippedDefaultsLoad() {
    QinglangConfig c = ConfigLoader.load(null);
    assertEquals(Path.of("warehouse").toAbsolutePath().normalize().toString(), c.warehouse());
    assertEquals(Path.of("models").toAbsolutePath().normalize().toString(), c.modelDir());
    assertEquals(ZoneId.of("Asia/Shanghai"), c.timeZone());
    assertEquals("local[*]", c.spark().master());
    assertEquals(8, c.spark().shufflePartitions());
    assertTrue(c.spark().conf().isEmpty());
    assertEquals(100_000, c.ingest().maxContentLength());
    assertEquals(LocalDate.of(2000, 1, 1), c.ingest().earliestTimestamp());
    assertEquals(List.of("weibo", "douyin", "kuaishou", "wechat", "zhihu", "toutiao", "xiaohongshu", "bilibili",
        "tieba", "baidu", "appstore", "web"), c.platforms().known());
    // Alias keys are matched ignoring case, so they are stored lower-cased.
    assertEquals("weibo", c.platforms().aliases().get("微博"));
    assertEquals("weibo", c.platforms().aliases().get("wb"));
    assertEquals("bilibili", c.platforms().aliases().get("b站"));
    assertNull(c.platforms().aliases().get("WB"));
    assertEquals(11, c.categoryNames().size());
    assertEquals("未发现违规", c.categoryName(0));
    assertEquals("编造虚假信息抹黑竞争对手", c.categoryName(10));
    assertTrue(c.enterprises().exists(), c.enterprises().toString());
    assertTrue(c.enterprises().toString().endsWith("enterprises.csv"));
  }

  @Test
  void aFileWithSomeKeysKeepsTheOtherDefaults() throws IOException {
    QinglangConfig c = ConfigLoader.load(conf("qinglang.spark.shuffle-partitions = 3\nqinglang.time-zone = UTC\n"));
    assertEquals(3, c.spark().shufflePartitions());
    assertEquals(ZoneId.of("UTC"), c.timeZone());
    assertEquals("local[*]", c.spark().master());
    assertEquals(100_000, c.ingest().maxContentLength());
    assertTrue(c.source().endsWith("my.conf"), c.source());
  }

  @Test
  void unknownKeyNamesKeyFileAndLine() throws IOException {
    String m = failure(conf("qinglang.time-zone = UTC\nqinglang.warehose = \"/data/wh\"\n"), "qinglang.warehose");
    assertTrue(m.contains("unknown key"), m);
    assertTrue(m.contains("line 2"), m);
  }

  @Test
  void unknownKeyInsideANestedObjectIsFound() throws IOException {
    String m = failure(conf("qinglang {\n  spark {\n    partitions = 4\n  }\n}\n"), "qinglang.spark.partitions");
    assertTrue(m.contains("line 3"), m);
  }

  @Test
  void badTimeZone() throws IOException {
    String m = failure(conf("qinglang.time-zone = \"Asia/Shangai\"\n"), "qinglang.time-zone");
    assertTrue(m.contains("'Asia/Shangai' is not a time zone"), m);
    assertTrue(m.contains("line 1"), m);
  }

  @Test
  void stringWhereANumberBelongs() throws IOException {
    String m = failure(conf("qinglang.spark.shuffle-partitions = many\n"), "qinglang.spark.shuffle-partitions");
    assertTrue(m.contains("must be a whole number"), m);
  }

  @Test
  void negativeShufflePartitions() throws IOException {
    String m = failure(conf("qinglang.spark.shuffle-partitions = -3\n"), "qinglang.spark.shuffle-partitions");
    assertTrue(m.contains("must be at least 1, not -3"), m);
  }

  @Test
  void badDateAndEmptyStringAndWrongList() throws IOException {
    assertTrue(failure(conf("qinglang.ingest.earliest-timestamp = \"2000-13-01\""),
        "qinglang.ingest.earliest-timestamp").contains("is not a date"));
    assertTrue(failure(conf("qinglang.spark.app-name = \"  \""), "qinglang.spark.app-name")
        .contains("must not be empty"));
    assertTrue(failure(conf("qinglang.platforms.known = weibo"), "qinglang.platforms.known")
        .contains("must be a list of strings"));
    assertTrue(failure(conf("qinglang.platforms.known = [weibo, \"Face Book\"]"), "qinglang.platforms.known")
        .contains("'Face Book' is not a platform id"));
  }

  @Test
  void aliasToAnUnknownPlatform() throws IOException {
    String m = failure(conf("qinglang.platforms.aliases { \"脸书\" = facebook }\n"),
        "qinglang.platforms.aliases.\"脸书\"");
    assertTrue(m.contains("'facebook' is not one of the known platforms"), m);
  }

  @Test
  void contentTypeAliasesNameAFormatType() throws IOException {
    QinglangConfig c = ConfigLoader.load(conf("qinglang.ingest.content-type-aliases { \"Reel\" = video }\n"));
    assertEquals("video", c.ingest().contentTypeAliases().get("reel"));
    assertEquals("post", c.ingest().contentTypeAliases().get("answer"), "the shipped aliases are still there");
    String m = failure(conf("qinglang.ingest.content-type-aliases { story = tweet }\n"),
        "qinglang.ingest.content-type-aliases.\"story\"");
    assertTrue(m.contains("'tweet' is not one of the content types [post, comment, article"), m);
  }

  @Test
  void categoriesAreAClosedSection() throws IOException {
    // Only ids 0..10 exist: another id is an unknown key, a non-text name a wrong value.
    assertTrue(failure(conf("qinglang.categories { \"11\" = \"多余\" }"), "qinglang.categories.11")
        .contains("unknown key"));
    assertTrue(failure(conf("qinglang.categories { \"3\" = [a, b] }"), "qinglang.categories.\"3\"")
        .contains("must be a single value"));
  }

  @Test
  void openSectionsAcceptNewKeys() throws IOException {
    QinglangConfig c = ConfigLoader.load(conf("""
        qinglang.spark.conf { "spark.executor.memory" = "4g", "spark.sql.ansi.enabled" = true }
        qinglang.platforms.aliases { "微博国际版" = weibo, "Douyin Lite" = douyin }
        """));
    assertEquals("4g", c.spark().conf().get("spark.executor.memory"));
    assertEquals("true", c.spark().conf().get("spark.sql.ansi.enabled"));
    assertEquals("weibo", c.platforms().aliases().get("微博国际版"));
    assertEquals("douyin", c.platforms().aliases().get("douyin lite"));
    // The shipped aliases are still there.
    assertEquals("weibo", c.platforms().aliases().get("新浪微博"));
  }

  @Test
  void unquotedDottedSparkKeysGetAHint() throws IOException {
    String m = failure(conf("qinglang.spark.conf { spark.executor.memory = 4g }\n"),
        "qinglang.spark.conf.\"spark\"");
    assertTrue(m.contains("\"spark.executor.memory\""), m);
  }

  @Test
  void missingConfFile() {
    Path missing = tmp.resolve("nope.conf");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
    assertTrue(e.getMessage().startsWith("--conf: file not found: "), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void syntaxErrorNamesTheFile() throws IOException {
    Path file = conf("qinglang {\n  warehouse = \"/data\"\n  time-zone = \n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "not one line: " + m);
    assertTrue(m.startsWith("cannot read " + file.toAbsolutePath()), m);
  }

  @Test
  void relativeRegistryResolvesAgainstTheConfFilesDirectory() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("site/conf"));
    Path registry = Files.createDirectories(dir.resolve("lists")).resolve("ents.csv");
    Files.writeString(registry, "enterprise_id,name\n");
    Path file = dir.resolve("site.conf");
    Files.writeString(file, "qinglang.enterprises = \"lists/ents.csv\"\n");
    QinglangConfig c = ConfigLoader.load(file);
    assertEquals(registry.toAbsolutePath().normalize(), c.enterprises().localFile());

    Files.writeString(file, "qinglang.enterprises = \"lists/other.csv\"\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(e.getMessage().startsWith("qinglang.enterprises: file not found: " + dir.resolve("lists/other.csv")),
        e.getMessage());
    assertTrue(e.getMessage().contains("(in " + file.toAbsolutePath() + ", line 1)"), e.getMessage());
  }

  @Test
  void relativeConfPathIsNamedAbsolutely() throws IOException {
    // Errors name the file absolutely, whichever check finds the problem.
    Path dir = Files.createDirectories(Path.of("target", "config-loader-test"));
    Path relative = dir.resolve("relative.conf");
    try {
      Files.writeString(relative, "qinglang.time-zone = Mars/Olympus\n");
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(relative));
      assertTrue(e.getMessage().contains("(in " + relative.toAbsolutePath() + ", line 1)"), e.getMessage());
    } finally {
      Files.deleteIfExists(relative);
    }
  }

  @Test
  void warehouseOverride() {
    QinglangConfig c = ConfigLoader.load(null);
    QinglangConfig local = c.withWarehouse("data/../wh");
    assertEquals(Path.of("wh").toAbsolutePath().normalize().toString(), local.warehouse());
    assertEquals(c.timeZone(), local.timeZone());
    assertEquals(c.enterprises(), local.enterprises());
    assertEquals(c.modelDir(), local.modelDir());
    assertEquals("s3a://bucket/qinglang", c.withWarehouse("s3a://bucket/qinglang/").warehouse());
    assertEquals("hdfs://nn:8020/qinglang", c.withWarehouse("hdfs://nn:8020/qinglang").warehouse());
    assertEquals(tmp.resolve("wh").toString(), c.withWarehouse(tmp.resolve("wh").toString()).warehouse());
    // The original is unchanged (records are values).
    assertEquals(Path.of("warehouse").toAbsolutePath().normalize().toString(), c.warehouse());
  }

  @Test
  void featuresReadTheirOwnKeysThroughTheReaderWithTheSameErrors() throws IOException {
    QinglangConfig c = ConfigLoader.load(conf("qinglang.ingest.max-content-length = 0\n".replace("0", "500")));
    ConfigReader r = c.reader();
    assertEquals(500, r.intAtLeast("qinglang.ingest.max-content-length", 1));
    ConfigException e = assertThrows(ConfigException.class,
        () -> r.doubleBetween("qinglang.ingest.max-content-length", 0, 1));
    assertTrue(e.getMessage().startsWith("qinglang.ingest.max-content-length: must be between 0.0 and 1.0, not 500.0"),
        e.getMessage());
    assertTrue(e.getMessage().contains("my.conf, line 1"), e.getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> r.string("qinglang.nothing.here"));
    assertEquals("qinglang.nothing.here: missing (no default either)", missing.getMessage());
  }
}
