package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.cli.Main;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(SparkExtension.class)
class TrainFinCommandTest {

  /** Runs a command; returns exit code, standard output and standard error. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private static String post(String id, String style, String title, String content) {
    return String.format("{\"post_id\":\"%s\",\"platform\":\"toutiao\",\"content_type\":\"article\",\"account_id\":"
        + "\"acct\",\"published_at\":\"2024-04-01T10:00:00+08:00\",\"title\":\"%s\",\"content\":\"%s\","
        + "\"style\":\"%s\"}", id, title, content, style);
  }

  private static Path labelled(Path dir) throws Exception {
    String[] companies = {"甲", "乙", "丙", "丁", "戊", "己"};
    List<String> posts = new ArrayList<>();
    List<String> labels = new ArrayList<>(List.of("post_id,category,fin_clickbait"));
    for (int i = 0; i < companies.length; i++) {
      String c = companies[i] + "公司";
      String style = i < 4 ? "plain" : "other";
      double pct = 3 + i;
      String body = c + "发布2023年年报，全年营业收入" + (10 + i) + "亿元，同比下降" + pct + "%；归母净利润" + (1 + i)
          + "亿元，同比下降" + (pct + 2) + "%。";
      posts.add(post("f" + i, style, c + "净利润同比下降" + (pct + 2) + "%", body));
      labels.add("f" + i + ",0,false");
      posts.add(post("d" + i, style, c + "净利润暴跌" + (80 + i) + "%，濒临破产", body));
      labels.add("d" + i + ",5,true");
    }
    posts.add("{\"post_id\":\"n1\",\"platform\":\"weibo\",\"content_type\":\"post\",\"account_id\":\"a\","
        + "\"published_at\":\"2024-04-02\",\"content\":\"周末去了趟乌镇，人不算多\",\"style\":\"plain\"}");
    labels.add("n1,0,");
    TestFiles.write(dir.resolve("posts.jsonl"), posts);
    TestFiles.write(dir.resolve("labels.csv"), labels);
    return dir;
  }

  /** As the generator writes it: posts under posts/, and truth.csv naming each post's form and split. */
  private static Path generated(Path dir) throws Exception {
    labelled(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("posts"));
    Files.move(dir.resolve("tmp/posts.jsonl"), dir.resolve("posts/part-00000.jsonl"));
    Files.move(dir.resolve("tmp/labels.csv"), dir.resolve("labels.csv"));
    Files.delete(dir.resolve("tmp"));
    List<String> truth = new ArrayList<>(List.of("post_id,platform,category,kind,form_id,split"));
    for (int i = 0; i < 6; i++) {
      String split = i < 4 ? "train" : "heldout";
      truth.add("f" + i + ",toutiao,0,hard_negative,F" + (i % 2) + "," + split);
      truth.add("d" + i + ",toutiao,5,violation,D" + (i % 2) + "," + split);
    }
    TestFiles.write(dir.resolve("truth.csv"), truth);
    TestFiles.write(dir.resolve("manifest.json"), List.of("{\"posts\": 13}"));
    return dir;
  }

  @Test
  void trainsThenEvaluates(SparkSession spark, @TempDir Path tmp) throws Exception {
    Path gen = generated(tmp.resolve("generated"));
    String warehouse = tmp.resolve("wh").toString();
    String models = tmp.resolve("models").toString();
    String[] train = run("train-fin", "--labeled", gen.toString(), "--no-bundled", "--warehouse", warehouse,
        "--model-dir", models, "--version", "v1", "--classifier", "logistic_regression");
    assertEquals("0", train[0], train[2]);
    assertTrue(train[1].contains("financial clickbait model v1: logistic_regression"), train[1]);
    assertTrue(train[1].matches("(?s).*\\nholdout +4 +2 .*"), "the generator's held-out split: " + train[1]);
    assertTrue(Files.isRegularFile(tmp.resolve("models/v1/fin_clickbait/fin_clickbait.json")));
    assertTrue(Files.isDirectory(tmp.resolve("models/v1/fin_clickbait/model/stages")));

    String[] eval = run("evaluate-fin", "--labeled", gen.toString(), "--warehouse", warehouse, "--model-dir", models,
        "--show-errors");
    assertEquals("0", eval[0], eval[2]);
    assertTrue(eval[1].contains("financial clickbait model v1"), eval[1]);
    assertTrue(eval[1].contains("not financial-results articles the detector checks anyway: 0 of 1"), eval[1]);
    assertTrue(eval[1].matches("(?s).*\\nall +12 +6 .*"), eval[1]);
    long runs = spark.read().format("delta").load(warehouse + "/job_runs")
        .filter("command IN ('train-fin', 'evaluate-fin') AND status = 'succeeded'").count();
    assertEquals(2, runs);
  }

  @Test
  void badArgumentsExitTwoBeforeSpark(@TempDir Path tmp) throws Exception {
    String[] missing = run("train-fin", "--labeled", tmp.resolve("nothing").toString(), "--warehouse",
        tmp.resolve("wh").toString());
    assertEquals("2", missing[0]);
    assertTrue(missing[2].contains("--labeled"), missing[2]);
    Files.createDirectories(tmp.resolve("empty"));
    String[] noLabels = run("train-fin", "--labeled", tmp.resolve("empty").toString());
    assertEquals("2", noLabels[0]);
    assertTrue(noLabels[2].contains("labels.csv"), noLabels[2]);
    String[] classifier = run("train-fin", "--classifier", "svm");
    assertEquals("2", classifier[0]);
    assertTrue(classifier[2].contains("--classifier"), classifier[2]);
    String[] nothing = run("train-fin", "--no-bundled");
    assertEquals("2", nothing[0]);
    String[] noModel = run("evaluate-fin", "--labeled", labelled(tmp.resolve("l")).toString(), "--model-dir",
        tmp.resolve("none").toString());
    assertEquals("2", noModel[0]);
    assertTrue(noModel[2].contains("train-fin"), noModel[2]);
  }
}
