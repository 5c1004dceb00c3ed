package io.qinglang.ml;

import io.qinglang.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's training corpus, used by train when no --labeled directory is given: the
 * hand-written gold set bundled at {@code qinglang/corpus/gold/} (posts.jsonl, labels.csv,
 * kinds.csv), copied out of the classpath into a local directory for reading.
 */
public final class TrainingCorpus {
  public static final String GOLD_RESOURCE = "qinglang/corpus/gold/";
  private static final List<String> GOLD_FILES = List.of("posts.jsonl", "labels.csv", "kinds.csv");

  private TrainingCorpus() {}

  /** True when the gold set is on the classpath. */
  public static boolean hasGold() {
    return TrainingCorpus.class.getClassLoader().getResource(GOLD_RESOURCE + "labels.csv") != null;
  }

  /** The gold set as a local labelled directory under {@code workDir}. */
  public static String goldDir(Path workDir) {
    if (!hasGold()) {
      throw new ConfigException("the gold set (" + GOLD_RESOURCE + ") is not on the classpath; pass --labeled DIR");
    }
    Path dir = workDir.resolve("gold");
    try {
      Files.createDirectories(dir);
      for (String name : GOLD_FILES) {
        try (InputStream in = TrainingCorpus.class.getClassLoader().getResourceAsStream(GOLD_RESOURCE + name)) {
          if (in != null) {
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the gold set to " + dir, e);
    }
    return dir.toUri().toString();
  }

  /** The default labelled directories (materialized under {@code workDir}). */
  public static List<String> defaultDirs(Path workDir) {
    List<String> dirs = new ArrayList<>();
    if (hasGold()) {
      dirs.add(goldDir(workDir));
    }
    if (dirs.isEmpty()) {
      throw new ConfigException("no --labeled directory given and no default training corpus is available: "
          + "pass --labeled DIR (posts plus labels.csv)");
    }
    return dirs;
  }
}
