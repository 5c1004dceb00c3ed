package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's argument checks, which run before Spark starts. */
class DemoCommandTest {
  @TempDir
  Path tmp;

  private String[] error(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    assertEquals(2, code, err.toString());
    assertEquals("", out.toString());
    return new String[] {err.toString().strip()};
  }

  @Test
  void refusesAnArchiveTooSmallForTwoQuarters() {
    Path warehouse = tmp.resolve("warehouse");
    String line = error("demo", "--posts", "10", "--warehouse", warehouse.toString())[0];
    assertTrue(line.startsWith("qinglang: error: --posts must be at least 1000"), line);
    assertFalse(Files.exists(warehouse), "the warehouse was written before the error");
  }

  @Test
  void refusesRealTextThatIsNotADirectory() {
    String line = error("demo", "--real-text", tmp.resolve("absent").toString(),
        "--warehouse", tmp.resolve("w").toString())[0];
    assertTrue(line.contains("--real-text") && line.contains("not a directory"), line);
  }

  @Test
  void helpNamesEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute("demo", "--help"));
    for (String option : new String[] {"--archive-dir", "--posts", "--retrain", "--real-text"}) {
      assertTrue(out.toString().contains(option), option);
    }
  }
}
