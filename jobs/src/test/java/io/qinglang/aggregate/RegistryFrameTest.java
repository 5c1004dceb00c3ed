package io.qinglang.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.InputResource;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class RegistryFrameTest {
  @Test
  void anEnterpriseWithoutOwnershipHasANullOwnership(SparkSession spark, @TempDir Path dir) throws Exception {
    // A registry that leaves ownership out for one enterprise and gives it for the other.
    Path file = dir.resolve("registry.csv");
    Files.writeString(file, "enterprise_id,name,ownership\nX1,澄溪食品有限公司,\nX2,岚桥电子科技有限公司,private\n",
        StandardCharsets.UTF_8);
    EnterpriseRegistry registry = EnterpriseRegistry.load(InputResource.file(file), ConfigLoader.load(null).platforms());

    List<Row> rows = AggregateJob.registryFrame(spark, registry).orderBy("enterprise_id").collectAsList();

    assertEquals(2, rows.size());
    assertTrue(rows.get(0).isNullAt(rows.get(0).fieldIndex("ownership")), rows.get(0).toString());
    assertEquals("private", rows.get(1).getAs("ownership"));
  }
}
