package io.qinglang.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.IngestJob;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job: the same files whatever the partitioning, labels for every post, ingest's accounting. */
@ExtendWith(SparkExtension.class)
class CorpusGeneratorTest {
  private static GeneratorOptions options(QinglangConfig config) {
    return GeneratorOptions.profile(config, "demo", EnterpriseRegistry.load(config)).withPosts(1500)
        .withPostsPerPart(400).withRates(0.3, 0.2, 0.04);
  }

  @Test
  void sameBytesWhateverThePartitioningAndIngestAccountingMatchesTheManifest(SparkSession spark, @TempDir Path dir)
      throws IOException {
    QinglangConfig config = TestConfigs.withWarehouse(dir.resolve("warehouse"));
    GeneratorOptions o = options(config);
    Manifest one = CorpusGenerator.generate(spark, o.withSparkPartitions(1), dir.resolve("one").toString());
    Manifest three = CorpusGenerator.generate(spark, o.withSparkPartitions(3), dir.resolve("three").toString());
    assertEquals(one.content(), three.content());
    List<Path> files = files(dir.resolve("one"));
    assertEquals(List.of("disposals/part-00000.jsonl.gz", "disposals/part-00001.jsonl.gz",
        "disposals/part-00002.jsonl.gz", "disposals/part-00003.jsonl.gz", "labels.csv", "manifest.json",
        "posts/part-00000.jsonl.gz", "posts/part-00001.jsonl.gz", "posts/part-00002.jsonl.gz",
        "posts/part-00003.jsonl.gz", "truth.csv.gz"),
        files.stream().map(p -> dir.resolve("one").relativize(p).toString()).toList());
    for (Path f : files) {
      Path other = dir.resolve("three").resolve(dir.resolve("one").relativize(f));
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), f.toString());
    }

    // every record with a post id has a label row; copies share their original's
    List<String> truth = gunzipLines(dir.resolve("one/truth.csv.gz"));
    assertEquals(1500 + 1, truth.size());
    Map<String, String> labels = new HashMap<>();
    List<String> labelLines = Files.readAllLines(dir.resolve("one/labels.csv"), StandardCharsets.UTF_8);
    assertEquals("post_id,category,fin_clickbait", labelLines.get(0));
    for (String l : labelLines.subList(1, labelLines.size())) {
      String[] f = l.split(",", -1);
      assertEquals(3, f.length, l);
      assertTrue(labels.put(f[0], f[1]) == null, "one row per post: " + f[0]);
      int c = Integer.parseInt(f[1]);
      assertTrue(c >= 0 && c <= 10);
      assertTrue(f[2].isEmpty() || f[2].equals("0") || f[2].equals("1"), l);
    }
    int withoutId = 0;
    for (String row : truth.subList(1, truth.size())) {
      String[] f = row.split(",", -1);
      if (f[0].isEmpty()) {
        withoutId++;
        continue;
      }
      assertTrue(labels.containsKey(f[0]), "label for " + f[0]);
      assertEquals(labels.get(f[0]), f[2], "category of " + f[0]);
    }
    assertEquals(one.labelRows(), labels.size());
    assertEquals(((Number) one.content().get("records_without_post_id")).longValue(), withoutId);

    // ingest reports exactly what the manifest expects
    List<ArchiveInputs.ArchiveFile> inputs = ArchiveInputs.expand(List.of(dir.resolve("one/posts").toString()),
        new Configuration());
    JobStats stats = IngestJob.run(spark, config, inputs, "test-run", Instant.now());
    Map<String, Object> expected = one.expectedIngest();
    assertEquals(((Number) expected.get("read")).longValue(), stats.rowsRead());
    assertEquals(((Number) expected.get("written")).longValue(), stats.rowsWritten());
    assertEquals(((Number) expected.get("updated")).longValue(), stats.rowsUpdated());
    assertEquals(((Number) expected.get("quarantined")).longValue(), stats.rowsQuarantined());
    assertEquals(((Number) expected.get("duplicate")).longValue(), stats.rowsDuplicate());
    @SuppressWarnings("unchecked")
    Map<String, Long> reasons = (Map<String, Long>) expected.get("quarantine_reasons");
    reasons.forEach((reason, n) -> assertEquals(String.valueOf(n), stats.details().get("quarantined." + reason), reason));

    // disposals: one per referred post, platform-specific, well-formed
    Set<String> actions = new HashSet<>();
    int disposals = 0;
    for (Path f : files) {
      if (f.toString().contains("disposals")) {
        for (String l : gunzipLines(f)) {
          assertTrue(l.matches("\\{\"clue_id\":\"CL[A-Z]+\\d+\",\"platform\":\"[a-z]+\",\"post_id\":\"[a-z]+-\\d+\","
              + "\"referred_at\":\"2023-[^\"]+\\+08:00\",\"handled_at\":(null|\"[^\"]+\"),\"action\":\"[a-z]+\"}"), l);
          String action = l.substring(l.lastIndexOf(':') + 2, l.length() - 2);
          actions.add(action);
          assertEquals(action.equals("pending"), l.contains("\"handled_at\":null"), l);
          assertTrue(labels.containsKey(l.split("\"post_id\":\"")[1].split("\"")[0]), l);
          disposals++;
        }
      }
    }
    assertTrue(disposals > 50, "disposals " + disposals);
    assertTrue(actions.containsAll(List.of("removed", "rejected")), actions.toString());

    // the same options reuse the corpus, other options replace it in place; a foreign directory is refused
    assertTrue(CorpusGenerator.upToDate(spark, o.withSparkPartitions(1), dir.resolve("one").toString()));
    long stamp = Files.getLastModifiedTime(dir.resolve("one/posts/part-00000.jsonl.gz")).toMillis();
    Manifest reused = CorpusGenerator.ensure(spark, o.withSparkPartitions(2), dir.resolve("one").toString());
    assertEquals(one.labelRows(), reused.labelRows());
    assertEquals(one.categories(), reused.categories());
    assertEquals(stamp, Files.getLastModifiedTime(dir.resolve("one/posts/part-00000.jsonl.gz")).toMillis());
    assertTrue(!CorpusGenerator.upToDate(spark, o.withSeed(99), dir.resolve("one").toString()));
    Files.writeString(dir.resolve("three/notes.txt"), "mine");
    assertThrows(IllegalArgumentException.class,
        () -> CorpusGenerator.generate(spark, o, dir.resolve("three").toString()));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<String> gunzipLines(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
        StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
      }
    }
    return out;
  }
}
