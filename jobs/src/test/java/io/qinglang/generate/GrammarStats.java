package io.qinglang.generate;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tool for grammar authors (not a test): forms per category and split, and for each category the
 * character 4-gram found in most of its posts (the check of {@code GeneratorCorpusTest}, on more posts).
 * <pre>java -cp ... io.qinglang.generate.GrammarStats [posts] [train|heldout|all]</pre>
 */
public final class GrammarStats {
  private GrammarStats() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
    FormSplit split = args.length > 1 ? FormSplit.parse(args[1]) : FormSplit.TRAIN;
    QinglangConfig config = ConfigLoader.load(null);
    GeneratorOptions o = GeneratorOptions.profile(config, "training", EnterpriseRegistry.load(config))
        .withForms(split).withPosts(n);
    Grammar g = Grammar.get();
    int[][] forms = new int[11][2];
    for (Form f : g.forms()) {
      forms[f.category()][f.heldout() ? 1 : 0]++;
    }
    for (int c = 0; c <= 10; c++) {
      System.out.printf("category %2d: %3d train forms, %3d held-out forms%n", c, forms[c][0], forms[c][1]);
    }
    PostGenerator gen = new PostGenerator(o, null, false);
    long warm = System.nanoTime();
    for (long i = 0; i < n; i++) {
      gen.generate(i);
    }
    long mid = System.nanoTime();
    for (long i = 0; i < n; i++) {
      gen.generate(i);
    }
    System.out.printf("generation alone: first pass %.0f posts/s, second pass %.0f posts/s%n",
        n / ((mid - warm) / 1e9), n / ((System.nanoTime() - mid) / 1e9));
    Map<Integer, Map<String, Integer>> grams = new HashMap<>();
    int[] posts = new int[11];
    long start = System.nanoTime();
    for (long i = 0; i < n; i++) {
      Post p = gen.generate(i);
      if (p.postId == null || p.copyOf != null) {
        continue;
      }
      posts[p.category]++;
      Map<String, Integer> m = grams.computeIfAbsent(p.category, k -> new HashMap<>());
      for (String gram : GeneratorChecks.cjkGrams((p.title == null ? "" : p.title + "\n") + p.content, 4)) {
        m.merge(gram, 1, Integer::sum);
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d posts in %.1f s (%.0f posts/s on one thread, Spark and gzip aside)%n", n, secs, n / secs);
    for (int c = 0; c <= 10; c++) {
      Map<String, Integer> m = grams.getOrDefault(c, Map.of());
      int total = posts[c];
      Set<String> top = new HashSet<>();
      String best = m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
          .map(e -> e.getKey() + "=" + String.format("%.2f", e.getValue() / (double) Math.max(1, total)))
          .reduce((a, b) -> a + " " + b).orElse("");
      System.out.printf("category %2d (%5d posts): %s%n", c, total, best);
    }
  }
}
