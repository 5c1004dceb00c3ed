package io.qinglang.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads {@code qinglang.conf}: the user's file (from {@code --conf}, or {@code qinglang.conf} at the
 * root of the classpath, which is the repository's conf/ directory under jobs/bin/qinglang) layered
 * over the defaults bundled in the jar. Every key is checked against the defaults and every value is
 * validated here, before any Spark work starts.
 */
public final class ConfigLoader {
  /** The defaults bundled in the jar: a copy of the repository's conf/qinglang.conf. */
  public static final String DEFAULTS_RESOURCE = "conf/qinglang.conf";
  /** The user's configuration found on the classpath when no --conf is given. */
  public static final String USER_RESOURCE = "qinglang.conf";
  /** Keys under these paths are free-form (users add their own entries). */
  private static final List<String> OPEN_SECTIONS =
      List.of("qinglang.spark.conf", "qinglang.platforms.aliases", "qinglang.ingest.content-type-aliases",
          "qinglang.classifier.decision.category-ceilings");

  private ConfigLoader() {}

  /** Loads the configuration from {@code file}, or from the classpath when it is null. */
  public static QinglangConfig load(Path file) {
    Config defaults = parseResource(DEFAULTS_RESOURCE);
    if (defaults == null) {
      throw new ConfigException("the bundled defaults " + DEFAULTS_RESOURCE + " are missing from the classpath");
    }
    Config user;
    String source;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("--conf: file not found: " + file);
      }
      // Parsed by its absolute path, so that every message names the file the same way.
      Path absolute = file.toAbsolutePath().normalize();
      user = parse(() -> ConfigFactory.parseFile(absolute.toFile(), strict()), absolute.toString());
      source = absolute.toString();
    } else {
      user = parseResource(USER_RESOURCE);
      source = user == null ? "classpath:" + DEFAULTS_RESOURCE : "classpath:" + USER_RESOURCE;
      if (user == null) {
        user = ConfigFactory.empty();
      }
    }
    rejectUnknownKeys(user, defaults, source);
    Config merged;
    try {
      merged = user.withFallback(defaults).resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("cannot resolve " + source + ": " + e.getMessage());
    }
    return validate(new ConfigReader(merged), source);
  }

  static QinglangConfig validate(ConfigReader r, String source) {
    String p = "qinglang.";
    QinglangConfig.Platforms platforms = platforms(r);
    return new QinglangConfig(
        source,
        r.outputLocation(p + "warehouse"),
        r.outputLocation(p + "model-dir"),
        r.zone(p + "time-zone"),
        r.input(p + "enterprises"),
        new QinglangConfig.Spark(
            r.string(p + "spark.master"),
            r.string(p + "spark.app-name"),
            r.intAtLeast(p + "spark.shuffle-partitions", 1),
            r.stringMap(p + "spark.conf")),
        new QinglangConfig.Ingest(
            r.intAtLeast(p + "ingest.max-content-length", 1),
            r.date(p + "ingest.earliest-timestamp"),
            contentTypeAliases(r)),
        platforms,
        categories(r),
        r);
  }

  /** Other names for content types, each naming one of the archive format's types. */
  private static Map<String, String> contentTypeAliases(ConfigReader r) {
    return aliases(r, "qinglang.ingest.content-type-aliases", io.qinglang.ingest.ArchiveFields.CONTENT_TYPES,
        "the content types");
  }

  /**
   * The open section {@code key} of other names, each naming one of {@code targets} (else a configuration error
   * saying it is not one of {@code what}); keys trimmed and lower-cased, since they are matched ignoring case.
   */
  private static Map<String, String> aliases(ConfigReader r, String key, List<String> targets, String what) {
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : r.stringMap(key).entrySet()) {
      if (!targets.contains(e.getValue())) {
        throw r.error(key + ".\"" + e.getKey() + "\"", "'" + e.getValue() + "' is not one of " + what + " " + targets);
      }
      aliases.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
    }
    return Map.copyOf(aliases);
  }

  private static QinglangConfig.Platforms platforms(ConfigReader r) {
    String key = "qinglang.platforms.known";
    List<String> known = r.list(key, s -> {
      if (!s.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("'" + s + "' is not a platform id (lower-case letters, digits, _)");
      }
      return s;
    });
    if (known.isEmpty()) {
      throw r.error(key, "must name at least one platform");
    }
    return new QinglangConfig.Platforms(List.copyOf(known),
        aliases(r, "qinglang.platforms.aliases", known, "the known platforms"));
  }

  private static Map<Integer, String> categories(ConfigReader r) {
    Map<Integer, String> names = new TreeMap<>();
    for (Map.Entry<String, String> e : r.stringMap("qinglang.categories").entrySet()) {
      int id;
      try {
        id = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw r.error("qinglang.categories.\"" + e.getKey() + "\"", "category ids are the numbers 0..10");
      }
      if (id < 0 || id > 10) {
        throw r.error("qinglang.categories.\"" + e.getKey() + "\"", "category ids are the numbers 0..10");
      }
      names.put(id, e.getValue());
    }
    for (int id = 0; id <= 10; id++) {
      if (!names.containsKey(id)) {
        throw r.error("qinglang.categories", "has no name for category " + id);
      }
    }
    return Map.copyOf(names);
  }

  private static void rejectUnknownKeys(Config user, Config defaults, String source) {
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      String key = e.getKey();
      if (defaults.hasPathOrNull(key) || inOpenSection(key)) {
        continue;
      }
      int line = e.getValue().origin().lineNumber();
      throw new ConfigException(key + ": unknown key (in " + source + (line > 0 ? ", line " + line : "")
          + "); see conf/qinglang.conf for the keys there are");
    }
  }

  private static boolean inOpenSection(String key) {
    List<String> parts = ConfigUtil.splitPath(key);
    for (String open : OPEN_SECTIONS) {
      List<String> prefix = ConfigUtil.splitPath(open);
      if (parts.size() > prefix.size() && parts.subList(0, prefix.size()).equals(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static Config parseResource(String resource) {
    if (ConfigLoader.class.getClassLoader().getResource(resource) == null) {
      return null;
    }
    return parse(() -> ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), resource, strict()),
        "classpath:" + resource);
  }

  private static ConfigParseOptions strict() {
    return ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false);
  }

  private static Config parse(java.util.function.Supplier<Config> parser, String source) {
    try {
      return parser.get();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("cannot read " + source + ": " + e.getMessage());
    }
  }
}
