package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code detect} end to end: ingest a small archive, run the detectors, read coordination_clusters. */
@ExtendWith(SparkExtension.class)
class DetectCommandTest {
  private static SparkSession spark;
  private String partitionsBefore;

  @TempDir
  Path tmp;
  private Path conf;
  private Path warehouse;
  private Path registry;

  @BeforeAll
  static void sharedSessionFirst(SparkSession session) {
    spark = session;
  }

  @BeforeEach
  void files() throws IOException {
    partitionsBefore = spark.conf().get("spark.sql.shuffle.partitions");
    conf = tmp.resolve("test.conf");
    Files.writeString(conf, "qinglang.spark.master = \"local[2]\"\nqinglang.spark.shuffle-partitions = 2\n");
    warehouse = tmp.resolve("warehouse");
    registry = TestFiles.write(tmp.resolve("enterprises.csv"), List.of(
        "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts",
        "E0002,比亚迪股份有限公司,比亚迪,比亚迪汽车|BYD,private,汽车整车,广东,weibo:byd_official"));
  }

  @AfterEach
  void restoreSharedSession() {
    spark.conf().set("spark.sql.shuffle.partitions", partitionsBefore);
    for (String table : List.of("posts", "quarantine", "job_runs", "coordination_clusters")) {
      spark.sql("DROP TABLE IF EXISTS " + table);
    }
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private String[] common(String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--conf", conf.toString(), "--warehouse", warehouse.toString(),
        "--enterprises", registry.toString()));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private Path archive() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("{\"post_id\":\"acc1\",\"platform\":\"weibo\",\"content_type\":\"account\",\"account_id\":\"u_fake\","
        + "\"account_name\":\"比亚迪官方客服\",\"published_at\":\"2023-06-01T08:00:00+08:00\",\"content\":\"售后退款请私信\"}");
    lines.add("{\"post_id\":\"dox1\",\"platform\":\"weibo\",\"account_id\":\"u_dox\",\"published_at\":\"2023-06-01T09:00:00+08:00\","
        + "\"content\":\"扒出某老板身份证110105198503071230，家住北京市朝阳区建国路88号3单元502室\"}");
    String[] platforms = {"weibo", "douyin", "toutiao"};
    for (int i = 0; i < 5; i++) {
      lines.add("{\"post_id\":\"c" + i + "\",\"platform\":\"" + platforms[i % 3] + "\",\"account_id\":\"troll" + i
          + "\",\"published_at\":\"2023-06-01T1" + i + ":00:00+08:00\",\"content\":\"比亚迪的车质量太垃圾了，刹车失灵还不给退，"
          + "大家千万别买，黑心企业" + "！".repeat(i) + "\"}");
    }
    return TestFiles.write(tmp.resolve("in/posts.jsonl"), lines);
  }

  @Test
  void detectWritesClustersAndReportsEvidence() throws IOException {
    Result ingest = run(common("ingest", "--input", archive().toString()));
    assertEquals(0, ingest.code(), ingest.err());
    Result detect = run(common("detect", "--examples", "2"));
    assertEquals(0, detect.code(), detect.err());
    String out = detect.out();
    assertTrue(out.contains("scanning 7 posts"), out);
    assertTrue(out.contains("personal_data  resident_id"), out);
    assertTrue(out.contains("impersonation  account_name"), out);
    assertTrue(out.contains("110105********1230") && !out.contains("19850307"), "masked in the output: " + out);
    assertTrue(out.contains("1 clusters written to coordination_clusters, 1 of them attacks (5 member posts)"), out);
    assertTrue(out.contains("detect succeeded"), out);
    Result sql = run(common("sql", "SELECT posts, accounts, is_attack FROM coordination_clusters", "--format", "csv"));
    assertEquals(0, sql.code(), sql.err());
    assertEquals("posts,accounts,is_attack\n5,5,true", sql.out().strip().replace("\r\n", "\n"));
    // A second run over the same posts leaves the same table.
    assertEquals(0, run(common("detect", "--examples", "0")).code());
    Result again = run(common("sql", "SELECT count(*) AS n FROM coordination_clusters", "--format", "csv"));
    assertEquals("n\n1", again.out().strip().replace("\r\n", "\n"));
  }

  @Test
  void badArgumentsStopBeforeSpark() {
    Result r = run(common("detect", "--from", "2023-13-01"));
    assertEquals(2, r.code());
    assertEquals("qinglang: error: --from: '2023-13-01' is not a date (use YYYY-MM-DD)", r.err().strip());
    Result p = run(common("detect", "--platform", "myspace"));
    assertEquals(2, p.code());
    assertTrue(p.err().strip().startsWith("qinglang: error: --platform: 'myspace' is not one of"), p.err());
    assertFalse(Files.exists(warehouse));
  }
}
