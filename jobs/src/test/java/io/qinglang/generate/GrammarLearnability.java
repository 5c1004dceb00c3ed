package io.qinglang.generate;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool for grammar authors (not a test, not the product's model): a hashed character 1-3-gram
 * multinomial naive Bayes trained on training forms and scored on held-out forms. A category whose
 * held-out F1 is far below its training F1 has forms too narrow to generalise from.
 * <pre>java -cp ... io.qinglang.generate.GrammarLearnability [train posts] [test posts]</pre>
 */
public final class GrammarLearnability {
  private static final int DIM = 1 << 20;

  private GrammarLearnability() {}

  public static void main(String[] args) {
    int nTrain = args.length > 0 ? Integer.parseInt(args[0]) : 40000;
    int nTest = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    QinglangConfig config = ConfigLoader.load(null);
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    GeneratorOptions train = GeneratorOptions.profile(config, "training", registry).withPosts(nTrain);
    float[][] counts = new float[11][DIM];
    double[] totals = new double[11];
    double[] prior = new double[11];
    PostGenerator gen = new PostGenerator(train, null, false);
    for (long i = 0; i < nTrain; i++) {
      Post p = gen.generate(i);
      if (p.postId == null || p.copyOf != null) {
        continue;
      }
      prior[p.category]++;
      for (int h : features(p)) {
        counts[p.category][h]++;
        totals[p.category]++;
      }
    }
    for (FormSplit split : List.of(FormSplit.TRAIN, FormSplit.HELDOUT)) {
      GeneratorOptions test = train.withForms(split).withSeed(train.seed() + 101).withPosts(nTest);
      PostGenerator tg = new PostGenerator(test, null, false);
      int[][] confusion = new int[11][11];
      java.util.Map<String, int[]> byForm = new java.util.TreeMap<>();
      for (long i = 0; i < nTest; i++) {
        Post p = tg.generate(i);
        if (p.postId == null || p.copyOf != null) {
          continue;
        }
        List<Integer> f = features(p);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c <= 10; c++) {
          double s = Math.log(prior[c] + 1);
          double denom = Math.log(totals[c] + DIM * 0.1);
          for (int h : f) {
            s += Math.log(counts[c][h] + 0.1) - denom;
          }
          if (s > bestScore) {
            bestScore = s;
            best = c;
          }
        }
        confusion[p.category][best]++;
        int[] fc = byForm.computeIfAbsent(p.formId + " (" + p.category + ")", k -> new int[12]);
        fc[11]++;
        if (best != p.category) {
          fc[best]++;
        }
      }
      System.out.println("== scored on " + split.id() + " forms (another seed)");
      double macro = 0;
      for (int c = 0; c <= 10; c++) {
        int tp = confusion[c][c];
        int fn = 0;
        int fp = 0;
        for (int k = 0; k <= 10; k++) {
          if (k != c) {
            fn += confusion[c][k];
            fp += confusion[k][c];
          }
        }
        double prec = tp / Math.max(1.0, tp + fp);
        double rec = tp / Math.max(1.0, tp + fn);
        double f1 = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        macro += f1 / 11;
        StringBuilder row = new StringBuilder();
        for (int k = 0; k <= 10; k++) {
          row.append(String.format("%5d", confusion[c][k]));
        }
        System.out.printf("category %2d: P %.2f R %.2f F1 %.2f |%s%n", c, prec, rec, f1, row);
      }
      System.out.printf("macro-F1 %.3f%n", macro);
      if (split == FormSplit.HELDOUT) {
        byForm.forEach((form, fc) -> {
          int wrong = 0;
          StringBuilder to = new StringBuilder();
          for (int k = 0; k <= 10; k++) {
            wrong += fc[k];
            if (fc[k] > 0) {
              to.append(' ').append(k).append(':').append(fc[k]);
            }
          }
          if (wrong * 4 >= fc[11] && fc[11] >= 10) {
            System.out.printf("  %-28s %4d posts, %4d wrong ->%s%n", form, fc[11], wrong, to);
          }
        });
      }
    }
  }

  private static List<Integer> features(Post p) {
    String t = (p.title == null ? "" : p.title + "。") + p.content;
    List<Integer> out = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= t.length(); i++) {
        out.add(Math.floorMod(t.substring(i, i + n).hashCode() * 31 + n, DIM));
      }
    }
    return out;
  }
}
