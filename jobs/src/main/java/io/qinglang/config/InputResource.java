package io.qinglang.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An input named by the configuration (registry, lexicon): a file on the local file system, or a
 * resource bundled in the jar when Qinglang runs from the jar alone (for example on a cluster).
 */
public final class InputResource implements Serializable {
  private final String file;
  private final String classpathResource;

  private InputResource(String file, String classpathResource) {
    this.file = file;
    this.classpathResource = classpathResource;
  }

  public static InputResource file(Path path) {
    return new InputResource(path.toAbsolutePath().normalize().toString(), null);
  }

  public static InputResource classpath(String resource) {
    return new InputResource(null, resource);
  }

  public boolean exists() {
    if (file != null) {
      return Files.isRegularFile(Path.of(file));
    }
    return InputResource.class.getClassLoader().getResource(classpathResource) != null;
  }

  public InputStream open() throws IOException {
    if (file != null) {
      return Files.newInputStream(Path.of(file));
    }
    InputStream in = InputResource.class.getClassLoader().getResourceAsStream(classpathResource);
    if (in == null) {
      throw new IOException("resource not found on the classpath: " + classpathResource);
    }
    return in;
  }

  /** The local file, or null for a bundled resource. */
  public Path localFile() {
    return file == null ? null : Path.of(file);
  }

  /** A resource next to this one (same directory), for example a lexicon beside the registry. */
  public InputResource sibling(String name) {
    if (file != null) {
      return file(Path.of(file).resolveSibling(name));
    }
    int slash = classpathResource.lastIndexOf('/');
    return classpath(slash < 0 ? name : classpathResource.substring(0, slash + 1) + name);
  }

  @Override
  public String toString() {
    return file != null ? file : "classpath:" + classpathResource;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputResource r
        && Objects.equals(file, r.file)
        && Objects.equals(classpathResource, r.classpathResource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, classpathResource);
  }
}
