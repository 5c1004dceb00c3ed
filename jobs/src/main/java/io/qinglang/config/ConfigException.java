package io.qinglang.config;

/**
 * A configuration, registry or command-line value that cannot be used. Its message is one line that
 * names the key (or line) and the file; the launcher prints it and exits with code 2 before any
 * Spark work starts.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
