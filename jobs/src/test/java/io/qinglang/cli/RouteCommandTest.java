package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** route through the command line: help, argument and configuration errors (exit 2 before any work). */
@ExtendWith(SparkExtension.class)
class RouteCommandTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void sharedSessionFirst(SparkSession session) {
    // Jobs get the suite's shared session from SparkSessions.forJob; create it first.
  }

  private Path conf(String extra) throws IOException {
    Path conf = tmp.resolve("test.conf");
    Files.writeString(conf, "qinglang.spark.master = \"local[2]\"\nqinglang.spark.shuffle-partitions = 2\n"
        + "qinglang.warehouse = \"" + tmp.resolve("warehouse") + "\"\n" + extra);
    return conf;
  }

  @Test
  void helpNamesTheTableAndTheDestinations() {
    MainCliTest.Result r = MainCliTest.run("route", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("clue_referrals") && r.out().contains("governance_bureau")
        && r.out().contains("--export"), r.out());
  }

  @Test
  void badArgumentsAndRulesExitTwo() throws IOException {
    MainCliTest.Result r = MainCliTest.run("route", "--conf", conf("").toString(), "--from", "2023-05-01",
        "--to", "2023-04-01");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--to 2023-04-01 is before --from 2023-05-01"), r.err());
    r = MainCliTest.run("route", "--conf", conf("").toString(), "--from", "May");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--from: 'May' is not a date"), r.err());
    r = MainCliTest.run("route", "--conf",
        conf("qinglang.routing.rules = [{ name = x, destination = court }]").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("unknown destination 'court'"), r.err());
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    r = MainCliTest.run("route", "--conf", conf("").toString(), "--export", file.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("exists and is not a directory"), r.err());
  }

  @Test
  void withoutScoredPostsItSaysWhatToRunFirst() throws IOException {
    MainCliTest.Result r = MainCliTest.run("route", "--conf", conf("").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("post_violations does not exist") && r.err().contains("run score first"), r.err());
  }
}
