package io.qinglang.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** File helpers for tests. */
public final class TestFiles {
  private TestFiles() {}

  public static Path write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  public static Path writeGzip(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /** A copy of a test resource in {@code dir}. */
  public static Path resource(String name, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (var in = TestFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("test resource not found: " + name);
      }
      Files.createDirectories(dir);
      Files.copy(in, target);
    }
    return target;
  }

  public static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort for temporary files
    }
  }

  /** Where ../shared/data is, or null when this machine does not have it. */
  public static Path sharedData() {
    String configured = System.getProperty("qinglang.shared.data");
    Path p = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
  }
}
