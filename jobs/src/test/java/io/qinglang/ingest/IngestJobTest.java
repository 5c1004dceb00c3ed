package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import io.qinglang.table.PostsTable;
import io.qinglang.table.QuarantineTable;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class IngestJobTest {
  /** JSON Lines fixture: 16 records (a blank line is not one) with every kind of problem. */
  static List<String> jsonLines() {
    String longText = "长".repeat(301);
    return List.of(
        "{\"post_id\":\"p1\",\"platform\":\"weibo\",\"account_id\":\"u1\",\"published_at\":\"2023-05-01T10:00:00+08:00\",\"content\":\"某品牌客服态度差，退款拖了两周\"}",
        "{\"post_id\":\"p2\",\"platform\":\"微博\",\"account_id\":\"u2\",\"published_at\":\"2023-05-01 23:30:00\",\"content\":\"第一版内容\"}",
        "{\"post_id\":\"p3\",\"platform\":\"douyin\",\"content_type\":\"video\",\"account_id\":\"u3\",\"published_at\":1682899200,\"content\":\"视频标题\"}",
        "{\"post_id\":\"p4\",\"platform\":\"Toutiao\",\"content_type\":\"article\",\"account_id\":\"u4\",\"published_at\":1682899200000,\"title\":\"财报解读\",\"content\":\"营收同比下降3.1%\",\"topic\":\"财经\",\"tags\":[\"a\",\"b\"]}",
        "{\"post_id\": \"x1\", \"platform\": \"weibo\"",
        "{\"post_id\":\"p5\",\"platform\":\"weibo\",\"account_id\":\"u5\",\"published_at\":\"2023-05-02T08:00:00Z\"}",
        "{\"post_id\":\"p6\",\"platform\":\"weibo\",\"published_at\":\"2023-05-02T08:00:00Z\",\"content\":\"无账号\"}",
        "{\"post_id\":\"p7\",\"platform\":\"weibo\",\"account_id\":\"u7\",\"published_at\":\"yesterday\",\"content\":\"时间不对\"}",
        "{\"post_id\":\"p8\",\"platform\":\"myspace\",\"account_id\":\"u8\",\"published_at\":\"2023-05-02T08:00:00Z\",\"content\":\"未知平台\"}",
        "{\"post_id\":\"p1\",\"platform\":\"weibo\",\"account_id\":\"u1\",\"published_at\":\"2023-05-01T10:00:00+08:00\",\"content\":\"某品牌客服态度差，退款拖了两周\"}",
        "{\"post_id\":\"p2\",\"platform\":\"weibo\",\"account_id\":\"u2\",\"published_at\":\"2023-05-01 23:30:00\",\"content\":\"第二版内容（已编辑）\"}",
        "",
        "{\"post_id\":\"p9\",\"platform\":\"weibo\",\"account_id\":\"u9\",\"published_at\":\"2023-05-02T08:00:00Z\",\"content\":\"点赞数不对\",\"like_count\":\"lots\"}",
        "{\"post_id\":\"p10\",\"platform\":\"weibo\",\"account_id\":\"u10\",\"published_at\":\"2023-05-02T08:00:00Z\",\"content\":{\"text\":\"对象\"}}",
        "{\"post_id\":\"p11\",\"platform\":\"快手\",\"account_id\":\"u11\",\"published_at\":\"2023-05-03T12:00:00+08:00\",\"content\":\"好物推荐\",\"like_count\":\"1.2万\"}",
        "{\"post_id\":\"p12\",\"platform\":\"baidu\",\"content_type\":\"search_suggestion\",\"account_id\":\"system\",\"published_at\":\"2023-05-03T12:00:00+08:00\",\"content\":\"比亚迪官网\",\"query\":\"比亚迪\"}",
        "{\"post_id\":\"p13\",\"platform\":\"weibo\",\"content_type\":\"tweet\",\"account_id\":\"u13\",\"published_at\":\"2023-05-03T12:00:00+08:00\",\"content\":\"类型不对\"}",
        "{\"post_id\":\"p14\",\"platform\":\"weibo\",\"account_id\":\"u14\",\"published_at\":5,\"content\":\"1970年的帖子\"}",
        "{\"post_id\":\"p15\",\"platform\":\"weibo\",\"account_id\":\"u15\",\"published_at\":\"2023-05-03T12:00:00+08:00\",\"content\":\"" + longText + "\"}");
  }

  /** CSV fixture: 4 records; one has too few fields, one repeats p3 exactly. */
  static List<String> csv() {
    return List.of(
        "post_id,platform,content_type,account_id,account_name,published_at,title,content,like_count,mood",
        "c1,zhihu,post,z1,知乎用户,2023-06-30T23:30:00+08:00,,\"多行回答，\n第二行\",12,calm",
        "c2,B站,video,b1,UP主,2023-07-01T00:10:00+08:00,标题,视频简介,,",
        "c3,weibo,post,w1",
        "p3,douyin,video,u3,,1682899200,,视频标题,,");
  }

  static Path writeFixture(Path dir) throws IOException {
    TestFiles.writeGzip(dir.resolve("a/posts-a.jsonl.gz"), jsonLines());
    TestFiles.write(dir.resolve("b/posts-b.csv"), csv());
    // A line that is not UTF-8: 0xC3 0x28 is an invalid two-byte sequence.
    byte[] bad = "{\"post_id\":\"e1\",\"platform\":\"weibo\",\"account_id\":\"u\",\"published_at\":1682899200,\"content\":\"X\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    int x = indexOf(bad, (byte) 'X');
    byte[] withBad = new byte[bad.length + 1];
    System.arraycopy(bad, 0, withBad, 0, x);
    withBad[x] = (byte) 0xC3;
    withBad[x + 1] = (byte) 0x28;
    System.arraycopy(bad, x + 1, withBad, x + 2, bad.length - x - 1);
    Files.write(dir.resolve("b/encoding.jsonl"), withBad);
    Files.writeString(dir.resolve("b/_SUCCESS"), "");
    return dir;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static QinglangConfig config(Path tmp) throws IOException {
    return TestConfigs.withOverrides(tmp, "qinglang.ingest.max-content-length = 300\n"
        + "qinglang.warehouse = \"" + tmp.resolve("warehouse") + "\"\n");
  }

  private static JobStats ingest(SparkSession spark, QinglangConfig config, Path input, String runId) {
    List<ArchiveInputs.ArchiveFile> files = ArchiveInputs.expand(List.of(input.toString()), new Configuration());
    return IngestJob.run(spark, config, files, runId, Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void mixedArchiveIngestsWithExactCountsAndReingestChangesNothing(SparkSession spark, @TempDir Path tmp)
      throws IOException {
    QinglangConfig config = config(tmp);
    Path input = writeFixture(tmp.resolve("in"));
    Warehouse warehouse = new Warehouse(config.warehouse());

    JobStats first = ingest(spark, config, input, "run-1");
    // 18 JSON records + 4 CSV records + 1 badly encoded line.
    assertEquals(23, first.rowsRead());
    // Quarantined: x1 malformed, p5 no content, p6 no account, p7 and p14 bad time, p8 platform, p9 and
    // p10 types, p13 content type, p15 too long, c3 field count, e1 encoding.
    assertEquals(12, first.rowsQuarantined());
    // p1 repeated exactly; p3 repeated in the CSV with the same content.
    assertEquals(2, first.rowsDuplicate());
    // p2 edited within the same input: one post written, the later version counts as an update.
    assertEquals(1, first.rowsUpdated());
    assertEquals(8, first.rowsWritten()); // p1 p2 p3 p4 p11 p12 c1 c2
    assertEquals(0, first.rowsUnchanged());
    assertTrue(first.balanced());

    PostsTable posts = new PostsTable();
    QuarantineTable quarantine = new QuarantineTable();
    assertEquals(8, posts.read(spark, warehouse).count());
    assertEquals(12, quarantine.read(spark, warehouse).count());

    Map<String, String> reasons = quarantine.read(spark, warehouse).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("source_file")).replaceAll(".*/", "") + "#"
            + r.getLong(r.fieldIndex("record_no")), r -> r.getString(r.fieldIndex("reason"))));
    assertEquals("malformed_json", reasons.get("posts-a.jsonl.gz#5"));
    assertEquals("missing_field:content", reasons.get("posts-a.jsonl.gz#6"));
    assertEquals("missing_field:account_id", reasons.get("posts-a.jsonl.gz#7"));
    assertEquals("bad_timestamp", reasons.get("posts-a.jsonl.gz#8"));
    assertEquals("unknown_platform", reasons.get("posts-a.jsonl.gz#9"));
    assertEquals("bad_type:like_count", reasons.get("posts-a.jsonl.gz#13"));
    assertEquals("bad_type:content", reasons.get("posts-a.jsonl.gz#14"));
    assertEquals("bad_value:content_type", reasons.get("posts-a.jsonl.gz#17"));
    assertEquals("bad_timestamp", reasons.get("posts-a.jsonl.gz#18"));
    assertEquals("content_too_long", reasons.get("posts-a.jsonl.gz#19"));
    assertEquals("malformed_csv", reasons.get("posts-b.csv#3"));
    assertEquals("bad_encoding", reasons.get("encoding.jsonl#1"));

    Map<String, Row> byId = new java.util.HashMap<>();
    posts.read(spark, warehouse).collectAsList().forEach(r -> byId.put(r.getString(r.fieldIndex("post_id")), r));
    assertEquals("weibo", byId.get("p2").getString(byId.get("p2").fieldIndex("platform")));
    assertEquals("第二版内容（已编辑）", byId.get("p2").getString(byId.get("p2").fieldIndex("content")));
    // 2023-05-01 23:30 in Shanghai is 15:30 UTC and still 2023-05-01 locally.
    assertEquals(Instant.parse("2023-05-01T15:30:00Z"),
        byId.get("p2").getTimestamp(byId.get("p2").fieldIndex("published_at")).toInstant());
    assertEquals("2023-05-01", byId.get("p2").getDate(byId.get("p2").fieldIndex("published_date")).toString());
    // Epoch seconds and milliseconds; an alias with other capitals.
    assertEquals(Instant.ofEpochSecond(1682899200L),
        byId.get("p3").getTimestamp(byId.get("p3").fieldIndex("published_at")).toInstant());
    Row p4 = byId.get("p4");
    assertEquals("toutiao", p4.getString(p4.fieldIndex("platform")));
    assertEquals(Instant.ofEpochSecond(1682899200L), p4.getTimestamp(p4.fieldIndex("published_at")).toInstant());
    Map<String, String> extra = p4.getJavaMap(p4.fieldIndex("extra"));
    assertEquals("财经", extra.get("topic"));
    assertEquals("[\"a\",\"b\"]", extra.get("tags"));
    assertEquals(12000L, byId.get("p11").getLong(byId.get("p11").fieldIndex("like_count")));
    assertEquals("kuaishou", byId.get("p11").getString(byId.get("p11").fieldIndex("platform")));
    Row c1 = byId.get("c1");
    assertEquals("多行回答，\n第二行", c1.getString(c1.fieldIndex("content")));
    assertEquals("calm", c1.<String, String>getJavaMap(c1.fieldIndex("extra")).get("mood"));
    assertNull(c1.get(c1.fieldIndex("title")));
    assertEquals("bilibili", byId.get("c2").getString(byId.get("c2").fieldIndex("platform")));
    assertEquals("2023-07-01", byId.get("c2").getDate(byId.get("c2").fieldIndex("published_date")).toString());
    assertEquals("search_suggestion", byId.get("p12").getString(byId.get("p12").fieldIndex("content_type")));
    assertEquals("比亚迪", byId.get("p12").getString(byId.get("p12").fieldIndex("query")));

    JobStats second = ingest(spark, config, input, "run-2");
    assertEquals(23, second.rowsRead());
    assertEquals(0, second.rowsWritten());
    assertEquals(0, second.rowsUpdated());
    assertEquals(9, second.rowsUnchanged()); // 8 posts, p2's earlier version among them
    assertEquals(12, second.rowsQuarantined());
    assertEquals(2, second.rowsDuplicate());
    assertEquals(8, posts.read(spark, warehouse).count());
    assertEquals(12, quarantine.read(spark, warehouse).count());
    Row p1 = posts.read(spark, warehouse).filter("post_id = 'p1'").first();
    assertEquals("run-1", p1.getString(p1.fieldIndex("ingest_run_id")));
  }

  @Test
  void laterCopyWithNewContentUpdatesThePost(SparkSession spark, @TempDir Path tmp) throws IOException {
    QinglangConfig config = config(tmp);
    Warehouse warehouse = new Warehouse(config.warehouse());
    String line = "{\"post_id\":\"k1\",\"platform\":\"zhihu\",\"account_id\":\"a\",\"published_at\":\"2023-05-01T10:00:00Z\","
        + "\"content\":\"%s\"}";
    TestFiles.write(tmp.resolve("v1/k.jsonl"), List.of(String.format(line, "原文"), String.format(
        line.replace("k1", "k2"), "另一帖")));
    TestFiles.write(tmp.resolve("v2/k.jsonl"), List.of(String.format(line, "修改后的内容")));

    JobStats first = ingest(spark, config, tmp.resolve("v1"), "r1");
    assertEquals(2, first.rowsWritten());
    JobStats second = ingest(spark, config, tmp.resolve("v2"), "r2");
    assertEquals(1, second.rowsRead());
    assertEquals(1, second.rowsUpdated());
    assertEquals(0, second.rowsWritten());

    List<Row> rows = new PostsTable().read(spark, warehouse).filter("post_id = 'k1'").collectAsList();
    assertEquals(1, rows.size());
    Row k1 = rows.get(0);
    assertEquals("修改后的内容", k1.getString(k1.fieldIndex("content")));
    assertEquals("r2", k1.getString(k1.fieldIndex("ingest_run_id")));
    assertNotNull(k1.getTimestamp(k1.fieldIndex("first_seen_at")));
  }

  @Test
  void parquetArchivesAreRead(SparkSession spark, @TempDir Path tmp) throws IOException {
    QinglangConfig config = config(tmp);
    Warehouse warehouse = new Warehouse(config.warehouse());
    List<String> json = new ArrayList<>();
    json.add("{\"post_id\":\"q1\",\"platform\":\"xiaohongshu\",\"account_id\":\"a1\",\"published_at\":\"2023-08-01T10:00:00+08:00\",\"content\":\"笔记\",\"like_count\":3}");
    json.add("{\"post_id\":\"q2\",\"platform\":\"小红书\",\"account_id\":\"a2\",\"published_at\":\"2023-08-01T10:00:00+08:00\"}");
    Path src = TestFiles.write(tmp.resolve("src.jsonl"), json);
    spark.read().json(src.toString()).coalesce(1).write().parquet(tmp.resolve("pq").toString());

    JobStats stats = ingest(spark, config, tmp.resolve("pq"), "rp");
    assertEquals(2, stats.rowsRead());
    assertEquals(1, stats.rowsWritten());
    assertEquals(1, stats.rowsQuarantined());
    Row q1 = new PostsTable().read(spark, warehouse).first();
    assertEquals(3L, q1.getLong(q1.fieldIndex("like_count")));
    Row q = new QuarantineTable().read(spark, warehouse).first();
    assertEquals("missing_field:content", q.getString(q.fieldIndex("reason")));
    assertEquals("q2", q.getString(q.fieldIndex("post_id")));
    assertEquals("xiaohongshu", q.getString(q.fieldIndex("platform")));
  }
}
