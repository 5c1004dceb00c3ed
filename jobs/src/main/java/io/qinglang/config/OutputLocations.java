package io.qinglang.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Output locations: URIs (hdfs://, s3a://, file:/) are kept, plain paths become absolute. */
public final class OutputLocations {
  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:(//|/).*");

  private OutputLocations() {}

  public static boolean isUri(String location) {
    return URI_SCHEME.matcher(location).matches() && !location.matches("^[a-zA-Z]:[\\\\/].*");
  }

  public static String absolute(String location) {
    if (isUri(location)) {
      return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
    return Path.of(location).toAbsolutePath().normalize().toString();
  }

  /** Joins a child name to a location, for both URIs and plain paths. */
  public static String child(String location, String name) {
    return location.endsWith("/") ? location + name : location + "/" + name;
  }
}
