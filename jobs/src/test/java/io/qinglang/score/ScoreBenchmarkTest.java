package io.qinglang.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.ml.TrainedFixture;
import io.qinglang.run.JobRun;
import io.qinglang.run.JobStats;
import io.qinglang.table.PostsTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(io.qinglang.testing.SparkExtension.class)
class ScoreBenchmarkTest {
  @Test
  void benchmarkPostsHaveThePostsTablesColumns(SparkSession spark) {
    Dataset<Row> posts = ScoreBenchmark.posts(spark, List.of("第一条", "第二条内容", "第三条"), 10, 2);
    assertEquals(PostsTable.SCHEMA.fieldNames().length, posts.columns().length);
    for (var f : PostsTable.SCHEMA.fields()) {
      assertEquals(f.dataType(), posts.schema().apply(f.name()).dataType(), f.name());
    }
    assertEquals(10, posts.count());
    assertEquals(10, posts.select("platform", "post_id").distinct().count());
    // Times spread over 120 days from 2023-05-01 (a single shared time made every enterprise one burst window).
    Row times = posts.agg(functions.countDistinct(col("published_at")), functions.min("published_at"),
        functions.max("published_at"), functions.sum(col("published_date").equalTo(to_date(col("published_at")))
            .cast("int"))).first();
    assertEquals(10L, times.getLong(0));
    assertEquals(Instant.parse("2023-05-01T00:00:00Z"), times.getTimestamp(1).toInstant());
    assertTrue(times.getTimestamp(2).toInstant().isBefore(Instant.parse("2023-08-29T00:00:00Z")), times.toString());
    assertTrue(times.getTimestamp(2).toInstant().isAfter(Instant.parse("2023-05-01T12:00:00Z")), times.toString());
    assertEquals(10L, times.getLong(3), "published_date is the day of published_at");
  }

  @Test
  void measuresSegmentationAndScoringOnTheSamePosts(SparkSession spark) {
    TrainedFixture f = TrainedFixture.get(spark);
    StringWriter out = new StringWriter();
    Instant now = Instant.now();
    // No shared data directory: the benchmark falls back to the bundled gold set's texts.
    JobStats stats = ScoreBenchmark.run(spark, f.config, JobRun.newRunId("bench-score", now), now,
        new ScoreBenchmark.Options(300, f.modelDir, f.dir.resolve("no-shared-data").toString(), 2, false),
        new PrintWriter(out));
    String text = out.toString();
    assertTrue(text.contains("HanLP segmentation: 300 posts"), text);
    assertTrue(text.contains("classifier alone (no detectors, campaigns or financial model): 300 posts"), text);
    assertTrue(text.contains("classifier + personal data and impersonation detectors: 300 posts"), text);
    assertTrue(text.contains("score (all columns, no-op sink): 300 posts"), text);
    assertTrue(text.contains("ratio score / segmentation"), text);
    double ratio = Double.parseDouble(stats.details().get("ratio").toString());
    assertTrue(ratio > 0, text);
  }
}
