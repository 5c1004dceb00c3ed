package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad generate command lines stop with exit code 2 and one clear line, before Spark starts. */
class GenerateCommandTest {
  private static String[] run(Path dir, String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "generate";
    all[1] = "--warehouse";
    all[2] = dir.resolve("warehouse").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int code = cl.execute(all);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void badArgumentsExitWithTwo(@TempDir Path dir) throws Exception {
    String out = dir.resolve("out").toString();
    String[] r = run(dir, "--out", out, "--profile", "huge");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("--profile 'huge' is not one of demo, training, bench"), r[1]);
    r = run(dir, "--out", out, "--forms", "some");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("--forms"), r[1]);
    r = run(dir, "--out", out, "--end", "2999-01-01");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("in the future"), r[1]);
    r = run(dir, "--out", out, "--start", "2023-09-01", "--end", "2023-05-01");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("before --start"), r[1]);
    r = run(dir, "--out", out, "--posts", "0");
    assertEquals("2", r[0]);
    r = run(dir, "--out", out, "--dirty-rate", "1.5");
    assertEquals("2", r[0]);
    r = run(dir, "--out", out, "--real-text", dir.resolve("nowhere").toString());
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("--real-text"), r[1]);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/manifest.json"), "{}");
    r = run(dir, "--out", out);
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("--overwrite"), r[1]);
    Files.writeString(dir.resolve("out/mine.txt"), "x");
    r = run(dir, "--out", out, "--overwrite");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("did not write"), r[1]);
  }
}
