package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class LabeledDataRejectionsTest {
  private static String post(String id, String contentType) {
    return "{\"post_id\": \"" + id + "\", \"platform\": \"weibo\", \"content_type\": \"" + contentType
        + "\", \"account_id\": \"acc_" + id + "\", \"published_at\": \"2024-05-20T09:05:00+08:00\", "
        + "\"content\": \"今天去了新开的书店，环境不错，咖啡也好喝。\"}";
  }

  @Test
  void describeSaysWhyRecordsWereRejected(SparkSession spark, @TempDir Path dir) throws Exception {
    Path labeled = dir.resolve("labeled");
    Files.createDirectories(labeled.resolve("posts"));
    // Record 2 and 4: a content type outside the archive format; record 3: not JSON.
    Files.writeString(labeled.resolve("posts/part.jsonl"), String.join("\n", post("a1", "post"),
        post("a2", "tweet"), "{not json", post("a4", "story"), post("a5", "comment")) + "\n");
    Files.writeString(labeled.resolve("labels.csv"), "post_id,category\na1,0\na2,0\na4,0\na5,0\n");
    QinglangConfig config = TestConfigs.withWarehouse(dir.resolve("wh"));

    LabeledData.Loaded loaded = LabeledData.read(spark, config, labeled.toString());

    assertEquals(2, loaded.posts().count());
    assertEquals(3, loaded.rejected());
    assertEquals(2, loaded.missing());
    String text = loaded.describe();
    // The most frequent reason first, with its count and the first record that had it.
    assertTrue(text.contains("3 posts rejected by validation (bad_value:content_type 2, e.g. part.jsonl record 2 "
        + "(a2): content_type 'tweet' is not one of"), text);
    int contentType = text.indexOf("bad_value:content_type");
    int other = text.indexOf("; ", contentType);
    assertTrue(other > 0 && text.substring(other).contains(" 1, e.g. part.jsonl record 3: "), text);
  }

  @Test
  void nothingIsAddedWhenEveryRecordIsAccepted(SparkSession spark, @TempDir Path dir) throws Exception {
    Path labeled = dir.resolve("labeled");
    Files.createDirectories(labeled.resolve("posts"));
    Files.writeString(labeled.resolve("posts/part.jsonl"), post("b1", "post") + "\n");
    Files.writeString(labeled.resolve("labels.csv"), "post_id,category\nb1,0\n");

    LabeledData.Loaded loaded = LabeledData.read(spark, TestConfigs.withWarehouse(dir.resolve("wh")),
        labeled.toString());

    assertEquals(labeled + ": 1 labels; 0 posts rejected by validation, 0 posts without a label, "
        + "0 labels without a post", loaded.describe());
  }
}
