package io.qinglang.ml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Run in a child JVM by ClassifierModelTest: loads nothing but a saved PipelineModel and applies
 * it to posts read from Parquet, writing "post_id TAB category TAB probabilities TAB tokens" lines.
 * Arguments: pipeline directory, input Parquet directory, output file.
 */
public final class FreshJvmScore {
  private FreshJvmScore() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[1]").appName("fresh-jvm")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      PipelineModel model = PipelineModel.load(args[0]);
      Dataset<Row> posts = spark.read().parquet(args[1]);
      List<String> lines = new ArrayList<>();
      for (Row r : model.transform(posts).select("post_id", "category", "probabilities", "tokens")
          .orderBy("post_id").collectAsList()) {
        lines.add(ClassifierModelTest.line(r));
      }
      Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
    } finally {
      spark.stop();
    }
  }
}
