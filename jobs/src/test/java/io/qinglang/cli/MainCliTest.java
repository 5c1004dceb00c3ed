package io.qinglang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands end to end through {@link Main#commandLine()}. Jobs build their session with
 * SparkSessions.forJob, whose getOrCreate returns the suite's shared session: it is created first
 * (BeforeAll), the configuration used here keeps its master and shuffle partitions, and the runtime
 * settings and catalog entries the commands change are put back after each test.
 */
@ExtendWith(SparkExtension.class)
class MainCliTest {
  private static SparkSession spark;
  private String partitionsBefore;

  @TempDir
  Path tmp;
  private Path conf;
  private Path warehouse;

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
  }

  @AfterEach
  void restoreSharedSession() {
    spark.conf().set("spark.sql.shuffle.partitions", partitionsBefore);
    // sql registers the warehouse's tables in the session catalog; forget them while their files exist.
    for (String table : List.of("posts", "quarantine", "job_runs")) {
      spark.sql("DROP TABLE IF EXISTS " + table);
    }
    assertFalse(spark.sparkContext().isStopped(), "a command stopped the shared session");
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

  /** Exit code 2 with one "qinglang: error:" line, nothing on standard output and no warehouse written. */
  private String usageError(Result r) {
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    String line = r.err().strip();
    assertFalse(line.contains("\n"), "more than one line: " + r.err());
    assertTrue(line.startsWith("qinglang: error: "), line);
    assertFalse(Files.exists(warehouse), "the warehouse was written before the error");
    return line;
  }

  private Path archive() throws IOException {
    return TestFiles.write(tmp.resolve("in/posts.jsonl"), List.of(
        "{\"post_id\":\"p1\",\"platform\":\"weibo\",\"account_id\":\"u1\",\"published_at\":\"2023-05-01T10:00:00+08:00\","
            + "\"content\":\"客服说\\\"再等等\\\"，退款拖了两周,\\n第二行\",\"like_count\":\"1,200\"}",
        "{\"post_id\":\"p2\",\"platform\":\"微博\",\"account_id\":\"u2\",\"published_at\":1682899200,\"content\":\"第二条\"}",
        "{\"post_id\":\"p3\",\"platform\":\"weibo\",\"account_id\":\"u3\",\"published_at\":\"2023-05-02\"}",
        "{\"post_id\":\"p1\",\"platform\":\"weibo\",\"account_id\":\"u1\",\"published_at\":\"2023-05-01T10:00:00+08:00\","
            + "\"content\":\"客服说\\\"再等等\\\"，退款拖了两周,\\n第二行\",\"like_count\":\"1,200\"}"));
  }

  private static List<CSVRecord> csv(String text, String... header) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(List.of(header), parser.getHeaderNames());
      return parser.getRecords();
    }
  }

  @Test
  void badConfValueStopsBeforeSpark() throws IOException {
    Files.writeString(conf, "qinglang.time-zone = \"Asia/Shangai\"\n");
    String line = usageError(run("ingest", "--conf", conf.toString(), "--warehouse", warehouse.toString(),
        "--input", archive().toString()));
    assertTrue(line.startsWith("qinglang: error: qinglang.time-zone: 'Asia/Shangai' is not a time zone"), line);
    assertTrue(line.contains(conf.toString() + ", line 1"), line);
  }

  @Test
  void missingInputStopsBeforeSpark() {
    Path missing = tmp.resolve("nowhere/posts.jsonl");
    String line = usageError(run("ingest", "--conf", conf.toString(), "--warehouse", warehouse.toString(),
        "--input", missing.toString()));
    assertEquals("qinglang: error: --input " + missing + ": no such file or directory", line);
  }

  @Test
  void missingConfFileOrRegistryStopsBeforeSpark() throws IOException {
    Path noConf = tmp.resolve("none.conf");
    assertEquals("qinglang: error: --conf: file not found: " + noConf,
        usageError(run("tables", "--conf", noConf.toString(), "--warehouse", warehouse.toString())));
    Path noRegistry = tmp.resolve("none.csv");
    assertEquals("qinglang: error: --enterprises: file not found: " + noRegistry,
        usageError(run("ingest", "--conf", conf.toString(), "--warehouse", warehouse.toString(),
            "--enterprises", noRegistry.toString(), "--input", archive().toString())));
  }

  @Test
  void brokenRegistryStopsBeforeSpark() throws IOException {
    Path registry = tmp.resolve("my-enterprises.csv");
    Files.writeString(registry, "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts\n"
        + "E1,某某科技有限公司,某某科技,,privately_held,软件服务,北京,\n");
    String line = usageError(run("ingest", "--conf", conf.toString(), "--warehouse", warehouse.toString(),
        "--enterprises", registry.toString(), "--input", archive().toString()));
    assertTrue(line.contains(registry + ", line 2: ownership 'privately_held'"), line);
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Result r = run("ingest", "--conf", conf.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Missing required option: '--input=PATH'"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void tablesOnAnEmptyWarehouse() {
    Result r = run("tables", "--conf", conf.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("no tables in " + warehouse + " yet (run ingest first)", r.out().strip());
  }

  @Test
  void ingestThenSqlAndTables() throws IOException {
    Path input = archive();
    String[] common = {"--conf", conf.toString(), "--warehouse", warehouse.toString()};

    Result ingest = run(concat(new String[] {"ingest", "--input", input.toString()}, common));
    assertEquals(0, ingest.code(), ingest.err());
    assertTrue(ingest.out().contains("read 4 = written 2 + updated 0 + unchanged 0 + quarantined 1 + duplicate 1"),
        ingest.out());
    assertTrue(ingest.out().startsWith("ingest succeeded in "), ingest.out());

    Result posts = run(concat(new String[] {"sql",
        "SELECT post_id, platform, content, like_count, published_at FROM posts ORDER BY post_id",
        "--format", "csv"}, common));
    assertEquals(0, posts.code(), posts.err());
    List<CSVRecord> rows = csv(posts.out(), "post_id", "platform", "content", "like_count", "published_at");
    assertEquals(2, rows.size());
    assertEquals(List.of("p1", "weibo", "客服说\"再等等\"，退款拖了两周,\n第二行", "1200", "2023-05-01T02:00:00Z"),
        rows.get(0).toList());
    assertEquals(List.of("p2", "weibo", "第二条", "", "2023-05-01T00:00:00Z"), rows.get(1).toList());

    Result tables = run(concat(new String[] {"tables", "--format", "csv"}, common));
    assertEquals(0, tables.code(), tables.err());
    List<CSVRecord> listed = csv(tables.out(), "table", "rows", "version", "last_update_utc", "last_operation");
    assertEquals(List.of("job_runs", "posts", "quarantine"), listed.stream().map(r -> r.get("table")).toList());
    assertEquals(List.of("1", "2", "1"), listed.stream().map(r -> r.get("rows")).toList());

    Result runs = run(concat(new String[] {"sql", "SELECT command, status, rows_read, rows_written, rows_updated, "
        + "rows_unchanged, rows_quarantined, rows_duplicate, size(input_files) AS files, input_files[0] AS file, "
        + "arguments, error_message FROM job_runs", "--format", "csv"}, common));
    assertEquals(0, runs.code(), runs.err());
    List<CSVRecord> jobRuns = csv(runs.out(), "command", "status", "rows_read", "rows_written", "rows_updated",
        "rows_unchanged", "rows_quarantined", "rows_duplicate", "files", "file", "arguments", "error_message");
    assertEquals(1, jobRuns.size(), "sql and tables add no job_runs rows");
    CSVRecord run = jobRuns.get(0);
    assertEquals(List.of("ingest", "succeeded", "4", "2", "0", "0", "1", "1", "1"), run.toList().subList(0, 9));
    assertTrue(run.get("file").endsWith("/in/posts.jsonl"), run.get("file"));
    assertTrue(run.get("arguments").startsWith("--input " + input), run.get("arguments"));
    assertEquals("", run.get("error_message"));
  }

  @Test
  void aStatementNamingAnUnknownTableIsAnInputError() {
    Result r = run("sql", "SELECT * FROM no_such_table", "--conf", conf.toString(), "--warehouse", warehouse.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    String line = r.err().strip();
    assertFalse(line.contains("\n"), "more than one line: " + r.err());
    assertTrue(line.startsWith("qinglang: error: STATEMENT: "), line);
    assertTrue(line.contains("no_such_table"), line);
  }

  @Test
  void aStatementFailingAtRunTimeExitsOne() {
    // Main and Spark's executor log the failure with stack traces; keep the test output quiet.
    List<String> loggers = List.of(Main.class.getName(), "org.apache.spark");
    Map<String, Level> before = new HashMap<>();
    loggers.forEach(name -> before.put(name, LogManager.getLogger(name).getLevel()));
    loggers.forEach(name -> Configurator.setLevel(name, Level.OFF));
    Result r;
    try {
      r = run("sql", "SELECT raise_error('boom') AS x", "--format", "csv", "--conf", conf.toString(),
          "--warehouse", warehouse.toString());
    } finally {
      before.forEach(Configurator::setLevel);
    }
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("qinglang: sql failed: "), r.err());
    assertTrue(r.err().contains("boom"), r.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
