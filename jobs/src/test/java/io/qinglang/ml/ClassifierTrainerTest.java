package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import io.qinglang.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class ClassifierTrainerTest {
  @Test
  void trainsOnTheFixture(SparkSession spark, @TempDir Path dir) throws Exception {
    Path labeled = dir.resolve("labeled");
    TestFiles.resource("classifier/labeled/posts.jsonl", labeled);
    TestFiles.resource("classifier/labeled/labels.csv", labeled);
    QinglangConfig config = TestConfigs.withWarehouse(dir.resolve("wh"));
    ClassifierSettings s = ClassifierSettings.from(config);
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    LabeledData.Loaded data = LabeledData.read(spark, config, labeled.toString());
    assertEquals(70, data.posts().count());
    ClassifierTrainer.Trained t = ClassifierTrainer.train(data.posts(), s, registry, List.of(labeled.toString()),
        System.out::println);
    System.out.println(t.validation().table(config.categoryNames()));
    List<Row> rows = t.model().transform(data.posts()).select("post_id", "label", "category", "confidence", "needs_review").collectAsList();
    int right = 0;
    for (Row r : rows) {
      if ((int) r.getDouble(1) == r.getInt(2)) {
        right++;
      }
    }
    System.out.println("right " + right + " of " + rows.size());
    assertTrue(right > 35);
  }
}
