package io.qinglang.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool (not a test): {@link GramIndex} lookups per second on one thread, as character n-grams
 * (1 to 3 chars, {@link NGramTfIdfModel#charGramRanges}) of real text are looked up. The vocabulary is the
 * 200,000 most frequent grams of every other line of a text file (the last tab-separated column); the other
 * lines are the probes, ten times. It needs Spark's jars on the class path (NGramTfIdfModel is a Spark
 * stage); BENCHMARKS.md gives the command. FILE by default {@code ../shared/data/toutiao_headlines_38k.tsv}.
 */
public final class GramIndexSpeed {
  private GramIndexSpeed() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/toutiao_headlines_38k.tsv");
    List<String> vocabText = new ArrayList<>();
    List<String> probes = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String[] fields = lines.get(i).split("\t");
      (i % 2 == 0 ? vocabText : probes).add(fields[fields.length - 1]);
    }
    Map<String, Integer> freq = new HashMap<>();
    for (String t : vocabText) {
      NGramTfIdfModel.charGrams(t, 1, 3, g -> freq.merge(g, 1, Integer::sum));
    }
    String[] vocab = freq.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(200_000)
        .map(Map.Entry::getKey).toArray(String[]::new);
    GramIndex index = new GramIndex(vocab);
    for (int round = 0; round < 6; round++) {
      long start = System.nanoTime();
      long[] lookupsAndHits = new long[2];
      for (int rep = 0; rep < 10; rep++) {
        for (String t : probes) {
          // The grams scoring looks up, in its order (NGramTfIdfModel's vectorizer).
          NGramTfIdfModel.charGramRanges(t, 1, 3, (from, to, hash) -> {
            lookupsAndHits[0]++;
            if (index.get(t, from, to, hash) >= 0) {
              lookupsAndHits[1]++;
            }
          });
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "round %d: %,d lookups (%,d found) in %.2f s = %.1f million/s%n",
          round, lookupsAndHits[0], lookupsAndHits[1], seconds, lookupsAndHits[0] / seconds / 1e6);
    }
  }
}
