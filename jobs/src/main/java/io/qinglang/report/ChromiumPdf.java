package io.qinglang.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML page to PDF with headless Chromium ({@code --print-to-pdf}): a fresh, temporary
 * profile, no network services, no first-run, no sandbox (CI runs as root), and a time limit.
 */
public final class ChromiumPdf {
  private final Path browser;
  private final int timeoutSeconds;

  public ChromiumPdf(Path browser, int timeoutSeconds) {
    this.browser = browser;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The flags every headless run uses, with the profile directory. */
  public static List<String> headlessFlags(Path profile) {
    return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath());
  }

  /** Prints {@code page} to {@code pdf}; throws IOException with Chromium's output when it fails. */
  public void print(Path page, Path pdf) throws IOException {
    Path profile = Files.createTempDirectory("qinglang-chromium-");
    Path log = Files.createTempFile("qinglang-chromium-", ".log");
    try {
      Files.deleteIfExists(pdf);
      List<String> command = new ArrayList<>();
      command.add(browser.toString());
      command.addAll(headlessFlags(profile));
      command.add("--no-pdf-header-footer");
      command.add("--print-to-pdf=" + pdf.toAbsolutePath());
      command.add(page.toAbsolutePath().toUri().toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean done;
      try {
        done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while printing " + page, e);
      }
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IOException(browser + " did not print " + page + " within " + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0 || !isPdf(pdf)) {
        throw new IOException(browser + " could not print " + page + " (exit " + process.exitValue() + "): "
            + tail(log));
      }
    } finally {
      delete(profile);
      Files.deleteIfExists(log);
    }
  }

  static boolean isPdf(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < 100) {
      return false;
    }
    byte[] head = new byte[5];
    try (var in = Files.newInputStream(file)) {
      return in.read(head) == 5 && new String(head, StandardCharsets.US_ASCII).equals("%PDF-");
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
