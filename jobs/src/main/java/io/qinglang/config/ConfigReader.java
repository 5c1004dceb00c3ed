package io.qinglang.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, validated access to the merged configuration. Every failure is a {@link ConfigException}
 * whose one-line message names the full key and the file the value came from.
 */
public final class ConfigReader {
  private final Config config;

  public ConfigReader(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  public boolean has(String key) {
    return config.hasPath(key);
  }

  public String string(String key) {
    try {
      String value = config.getString(key).trim();
      if (value.isEmpty()) {
        throw error(key, "must not be empty");
      }
      return value;
    } catch (Missing e) {
      throw new ConfigException(key + ": missing (no default either)");
    } catch (WrongType e) {
      throw error(key, "must be a string");
    }
  }

  public int intAtLeast(String key, int min) {
    int value;
    try {
      value = config.getInt(key);
    } catch (WrongType e) {
      throw error(key, "must be a whole number");
    } catch (Missing e) {
      throw new ConfigException(key + ": missing (no default either)");
    }
    if (value < min) {
      throw error(key, "must be at least " + min + ", not " + value);
    }
    return value;
  }

  public double doubleBetween(String key, double min, double max) {
    double value;
    try {
      value = config.getDouble(key);
    } catch (WrongType e) {
      throw error(key, "must be a number");
    } catch (Missing e) {
      throw new ConfigException(key + ": missing (no default either)");
    }
    if (value < min || value > max) {
      throw error(key, "must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  public boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (WrongType e) {
      throw error(key, "must be true or false");
    }
  }

  public ZoneId zone(String key) {
    String value = string(key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw error(key, "'" + value + "' is not a time zone (use a region id such as Asia/Shanghai)");
    }
  }

  public LocalDate date(String key) {
    String value = string(key);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw error(key, "'" + value + "' is not a date (use YYYY-MM-DD)");
    }
  }

  public List<String> stringList(String key) {
    try {
      List<String> values = new ArrayList<>();
      for (String v : config.getStringList(key)) {
        values.add(v.trim());
      }
      return values;
    } catch (WrongType e) {
      throw error(key, "must be a list of strings");
    }
  }

  /** An object whose values are strings (numbers and booleans are given as their text). */
  public Map<String, String> stringMap(String key) {
    ConfigObject object;
    try {
      object = config.getObject(key);
    } catch (WrongType e) {
      throw error(key, "must be an object of key = value pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      ConfigValueType type = e.getValue().valueType();
      if (type == ConfigValueType.OBJECT) {
        // spark.executor.memory = 4g without quotes is a nested object in HOCON: say how to write it.
        String dotted = ((ConfigObject) e.getValue()).toConfig().entrySet().stream()
            .map(leaf -> e.getKey() + "." + leaf.getKey()).sorted().findFirst().orElse(e.getKey());
        throw error(key + ".\"" + e.getKey() + "\"", "must be a single value; quote keys that contain dots, as in \""
            + dotted + "\" = ...");
      }
      if (type == ConfigValueType.LIST || type == ConfigValueType.NULL) {
        throw error(key + ".\"" + e.getKey() + "\"", "must be a single value");
      }
      map.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return map;
  }

  /** A path for outputs: a URI is kept, a plain path is made absolute against the working directory. */
  public String outputLocation(String key) {
    return OutputLocations.absolute(string(key));
  }

  /**
   * A path for inputs: an absolute path is kept; a relative one resolves against the directory of
   * the configuration file that set it, or against the jar's conf/ when the value is a bundled default.
   */
  public InputResource input(String key) {
    String value = string(key);
    InputResource resource = resolveInput(config.getValue(key).origin(), value);
    if (!resource.exists()) {
      throw error(key, "file not found: " + resource);
    }
    return resource;
  }

  /** Parses each entry of a list with {@code parse}, which may throw IllegalArgumentException. */
  public <T> List<T> list(String key, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String s : stringList(key)) {
      try {
        out.add(parse.apply(s));
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
    return out;
  }

  public ConfigException error(String key, String problem) {
    return new ConfigException(key + ": " + problem + " (in " + describe(key) + ")");
  }

  private String describe(String key) {
    if (!config.hasPathOrNull(key)) {
      return "configuration";
    }
    ConfigOrigin origin = config.getValue(key).origin();
    String where = origin.filename() != null ? origin.filename()
        : origin.resource() != null ? "classpath:" + origin.resource() : origin.description();
    return origin.lineNumber() > 0 ? where + ", line " + origin.lineNumber() : where;
  }

  static InputResource resolveInput(ConfigOrigin origin, String value) {
    Path path = Path.of(value);
    if (path.isAbsolute()) {
      return InputResource.file(path);
    }
    if (origin.filename() != null) {
      return InputResource.file(Path.of(origin.filename()).toAbsolutePath().resolveSibling(value));
    }
    URL url = origin.url();
    if (url != null && "file".equals(url.getProtocol())) {
      try {
        return InputResource.file(Path.of(url.toURI()).resolveSibling(value));
      } catch (URISyntaxException e) {
        throw new ConfigException("cannot resolve " + value + " against " + url);
      }
    }
    if (origin.resource() != null) {
      String res = origin.resource();
      int slash = res.lastIndexOf('/');
      return InputResource.classpath(slash < 0 ? value : res.substring(0, slash + 1) + value);
    }
    return InputResource.file(Path.of(value));
  }
}
