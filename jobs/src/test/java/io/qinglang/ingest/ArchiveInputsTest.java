package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveInputsTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  Path tmp;

  @BeforeEach
  void files() throws IOException {
    for (String name : List.of("in/a.jsonl", "in/sub/b.csv", "in/sub/deeper/c.json.bz2", "in/d.ndjson.gz",
        "in/e.parquet", "in/_SUCCESS", "in/.a.jsonl.crc", "in/_temporary/x.jsonl", "in/.hidden/y.jsonl",
        "in/notes.txt", "other/2023-05-01/f.csv.gz", "other/2023-05-02/g.csv", "other/2023-06-01/h.csv",
        "empty/readme.md", "spark-out/part-00000.json", "spark-out/part-00001.json", "spark-out/_SUCCESS",
        "spark-out/.part-00000.json.crc")) {
      Path p = tmp.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
  }

  private List<String> names(List<String> inputs) {
    return ArchiveInputs.expand(inputs, HADOOP).stream()
        .map(f -> tmp.toUri().relativize(Path.of(java.net.URI.create(f.path())).toUri()).getPath())
        .toList();
  }

  private String failure(List<String> inputs) {
    ConfigException e = assertThrows(ConfigException.class, () -> ArchiveInputs.expand(inputs, HADOOP));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void singleFilesWithTheirFormats() {
    List<ArchiveInputs.ArchiveFile> files = ArchiveInputs.expand(List.of(tmp.resolve("in/a.jsonl").toString(),
        tmp.resolve("in/sub/b.csv").toString(), tmp.resolve("in/e.parquet").toString(),
        tmp.resolve("in/d.ndjson.gz").toString()), HADOOP);
    assertEquals(4, files.size());
    assertEquals(ArchiveFormat.JSON_LINES, files.get(0).format());
    assertTrue(files.get(0).path().endsWith("/in/a.jsonl"), files.get(0).path());
    assertEquals(ArchiveFormat.JSON_LINES, files.get(1).format()); // d.ndjson.gz sorts before e.parquet
    assertEquals(ArchiveFormat.PARQUET, files.get(2).format());
    assertEquals(ArchiveFormat.CSV, files.get(3).format());
  }

  @Test
  void directoriesAreReadRecursivelySkippingHiddenAndUnknownFiles() {
    assertEquals(List.of("in/a.jsonl", "in/d.ndjson.gz", "in/e.parquet", "in/sub/b.csv", "in/sub/deeper/c.json.bz2"),
        names(List.of(tmp.resolve("in").toString())));
  }

  @Test
  void globsMatchFilesAndDirectories() {
    assertEquals(List.of("other/2023-05-01/f.csv.gz", "other/2023-05-02/g.csv"),
        names(List.of(tmp.resolve("other/2023-05-*").toString())));
    assertEquals(List.of("other/2023-05-01/f.csv.gz", "other/2023-05-02/g.csv", "other/2023-06-01/h.csv"),
        names(List.of(tmp.resolve("other/*/*.csv*").toString())));
  }

  @Test
  void aGlobOverSparkOutputSkipsItsMarkerAndChecksumFiles() {
    assertEquals(List.of("spark-out/part-00000.json", "spark-out/part-00001.json"),
        names(List.of(tmp.resolve("spark-out/*").toString())));
  }

  @Test
  void repeatedInputsAreReadOnceAndSortedByPath() {
    assertEquals(List.of("in/a.jsonl", "in/d.ndjson.gz", "in/e.parquet", "in/sub/b.csv", "in/sub/deeper/c.json.bz2",
            "other/2023-06-01/h.csv"),
        names(List.of(tmp.resolve("other/2023-06-01/h.csv").toString(), tmp.resolve("in").toString(),
            tmp.resolve("in/sub/b.csv").toString(), "file://" + tmp.resolve("in/a.jsonl"))));
  }

  @Test
  void missingPathIsAnError() {
    String missing = tmp.resolve("nowhere/x.jsonl").toString();
    assertEquals("--input " + missing + ": no such file or directory", failure(List.of(missing)));
    String noMatch = tmp.resolve("other/2024-*").toString();
    assertEquals("--input " + noMatch + ": no such file or directory", failure(List.of(noMatch)));
  }

  @Test
  void aNamedFileWithAnUnknownExtensionIsAnError() {
    String m = failure(List.of(tmp.resolve("in/notes.txt").toString()));
    assertTrue(m.startsWith("--input "), m);
    assertTrue(m.contains("notes.txt: cannot tell the format from the name"), m);
  }

  @Test
  void aDirectoryWithoutArchivesIsAnError() {
    String dir = tmp.resolve("empty").toString();
    assertEquals("--input " + dir + ": contains no archive files (.jsonl, .json, .csv, .parquet)",
        failure(List.of(dir)));
  }

  @Test
  void noInputIsAnError() {
    assertTrue(failure(List.of()).startsWith("--input: give at least one"));
  }
}
