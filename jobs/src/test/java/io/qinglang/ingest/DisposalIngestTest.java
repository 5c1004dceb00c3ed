package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.run.JobStats;
import io.qinglang.table.DisposalsTable;
import io.qinglang.table.PostsTable;
import io.qinglang.table.QuarantineTable;
import io.qinglang.table.Warehouse;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
class DisposalIngestTest {
  private static final Instant RUN = Instant.parse("2026-01-01T00:00:00Z");

  private static JobStats ingest(SparkSession spark, QinglangConfig config, Path input, String runId) {
    List<ArchiveInputs.ArchiveFile> files = ArchiveInputs.expand(List.of(input.toString()), new Configuration());
    return IngestJob.run(spark, config, IngestKind.DISPOSALS, files, runId, RUN);
  }

  private static String rec(String clue, String platform, String post, String referred, String handled,
      String action) {
    return "{\"clue_id\":\"" + clue + "\",\"platform\":\"" + platform + "\",\"post_id\":\"" + post
        + "\",\"referred_at\":" + referred + ",\"handled_at\":" + handled + ",\"action\":\"" + action + "\"}";
  }

  @Test
  void disposalsAreValidatedQuarantinedAndMergedOnClueId(SparkSession spark, @TempDir Path tmp) throws IOException {
    QinglangConfig config = TestConfigs.withWarehouse(tmp.resolve("warehouse"));
    Warehouse warehouse = new Warehouse(config.warehouse());
    TestFiles.writeGzip(tmp.resolve("in/disposals/part-00000.jsonl.gz"), List.of(
        rec("k1", "weibo", "p1", "\"2023-05-01T10:00:00+08:00\"", "\"2023-05-01T20:00:00+08:00\"", "removed"),
        rec("k2", "抖音", "p2", "\"2023-06-30 23:30:00\"", "null", "pending"),
        rec("k3", "zhihu", "p3", "1682906400", "1683000000000", "Labelled"),
        rec("k1", "weibo", "p1", "\"2023-05-01T10:00:00+08:00\"", "\"2023-05-01T20:00:00+08:00\"", "removed"),
        rec("k4", "weibo", "p4", "\"2023-05-01T10:00:00Z\"", "\"2023-05-02T10:00:00Z\"", "deleted"),
        rec("k5", "weibo", "p5", "\"2023-05-01T10:00:00Z\"", "\"2023-05-02T10:00:00Z\"", "pending"),
        rec("k6", "weibo", "p6", "\"2023-05-01T10:00:00Z\"", "null", "removed"),
        rec("k7", "weibo", "p7", "\"2023-05-03T10:00:00Z\"", "\"2023-05-02T10:00:00Z\"", "rejected"),
        rec("k8", "weibo", "p8", "\"soon\"", "null", "pending"),
        rec("k9", "myspace", "p9", "\"2023-05-01T10:00:00Z\"", "null", "pending"),
        "{\"clue_id\":\"k10\",\"platform\":\"weibo\",\"referred_at\":\"2023-05-01T10:00:00Z\",\"action\":\"pending\"}",
        "{\"clue_id\": \"k11\""));
    TestFiles.write(tmp.resolve("in/disposals/more.csv"), List.of(
        "clue_id,platform,post_id,referred_at,handled_at,action,officer",
        "k12,kuaishou,p12,2023-07-01T00:10:00+08:00,2023-07-04T00:10:00+08:00,rejected,张三"));

    JobStats first = ingest(spark, config, tmp.resolve("in"), "d1");
    assertEquals(13, first.rowsRead());
    assertEquals(4, first.rowsWritten()); // k1 k2 k3 k12
    assertEquals(1, first.rowsDuplicate()); // k1 twice
    assertEquals(8, first.rowsQuarantined());
    assertTrue(first.balanced());
    assertEquals("disposals", first.details().get("kind"));

    Map<String, String> reasons = new QuarantineTable().read(spark, warehouse).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("source_file")).replaceAll(".*/", "") + "#"
            + r.getLong(r.fieldIndex("record_no")), r -> r.getString(r.fieldIndex("reason"))));
    assertEquals("bad_value:action", reasons.get("part-00000.jsonl.gz#5"));
    assertEquals("bad_value:handled_at", reasons.get("part-00000.jsonl.gz#6")); // pending with a handled_at
    assertEquals("missing_field:handled_at", reasons.get("part-00000.jsonl.gz#7")); // removed, never handled
    assertEquals("bad_value:handled_at", reasons.get("part-00000.jsonl.gz#8")); // handled before referred
    assertEquals("bad_timestamp", reasons.get("part-00000.jsonl.gz#9"));
    assertEquals("unknown_platform", reasons.get("part-00000.jsonl.gz#10"));
    assertEquals("missing_field:post_id", reasons.get("part-00000.jsonl.gz#11"));
    assertEquals("malformed_json", reasons.get("part-00000.jsonl.gz#12"));
    assertEquals(8, new QuarantineTable().read(spark, warehouse).filter("kind = 'disposal'").count());

    Map<String, Row> byClue = new HashMap<>();
    new DisposalsTable().read(spark, warehouse).collectAsList()
        .forEach(r -> byClue.put(r.getString(r.fieldIndex("clue_id")), r));
    assertEquals(4, byClue.size());
    Row k2 = byClue.get("k2");
    assertEquals("douyin", k2.getString(k2.fieldIndex("platform")));
    assertEquals(Instant.parse("2023-06-30T15:30:00Z"), k2.getTimestamp(k2.fieldIndex("referred_at")).toInstant());
    assertEquals("2023-06-30", k2.getDate(k2.fieldIndex("referred_date")).toString());
    assertNull(k2.get(k2.fieldIndex("handled_at")));
    Row k3 = byClue.get("k3");
    assertEquals("labelled", k3.getString(k3.fieldIndex("action")));
    assertEquals(Instant.ofEpochSecond(1682906400L), k3.getTimestamp(k3.fieldIndex("referred_at")).toInstant());
    assertEquals(Instant.ofEpochMilli(1683000000000L), k3.getTimestamp(k3.fieldIndex("handled_at")).toInstant());
    Row k12 = byClue.get("k12");
    assertEquals("2023-07-01", k12.getDate(k12.fieldIndex("referred_date")).toString());
    assertEquals("张三", k12.<String, String>getJavaMap(k12.fieldIndex("extra")).get("officer"));
    // Disposals never touch posts.
    assertTrue(!new PostsTable().exists(spark, warehouse));

    // The same files again change nothing; a later record of k2 (now handled) updates it.
    JobStats second = ingest(spark, config, tmp.resolve("in"), "d2");
    assertEquals(0, second.rowsWritten());
    assertEquals(4, second.rowsUnchanged());
    assertEquals(8, new QuarantineTable().read(spark, warehouse).count());
    TestFiles.write(tmp.resolve("later/d.jsonl"), List.of(
        rec("k2", "douyin", "p2", "\"2023-06-30 23:30:00\"", "\"2023-07-02 09:30:00\"", "removed")));
    JobStats third = ingest(spark, config, tmp.resolve("later"), "d3");
    assertEquals(1, third.rowsUpdated());
    Row k2b = new DisposalsTable().read(spark, warehouse).filter("clue_id = 'k2'").first();
    assertEquals("removed", k2b.getString(k2b.fieldIndex("action")));
    assertEquals("d3", k2b.getString(k2b.fieldIndex("ingest_run_id")));
    assertEquals(4, new DisposalsTable().read(spark, warehouse).count());
  }
}
