package io.qinglang.generate;

import com.hankcs.hanlp.HanLP;
import java.util.SplittableRandom;

/**
 * How people really type: filter-dodging spellings (V信, 薇信, 删tie, zhuan钱 — more often in
 * violations, but ordinary posts use some too), homophone typos (的/得/地, 在/再), traditional
 * characters now and then, repeated or half-width punctuation.
 */
final class Noise {
  private Noise() {}

  static void apply(PostContext ctx, Post p) {
    SplittableRandom rng = ctx.rng;
    Form.Shape shape = ctx.form.shape();
    boolean violation = ctx.form.category() > 0;
    if (shape == Form.Shape.SUGGESTION) {
      if (violation && rng.nextInt(100) < 8) {
        p.content = dodge(ctx, p.content, 1);
      }
      return;
    }
    boolean structured = shape == Form.Shape.ACCOUNT || shape == Form.Shape.APP;
    if (rng.nextInt(100) < (violation ? 22 : 5)) {
      p.content = dodge(ctx, p.content, 1 + rng.nextInt(2));
    }
    if (!structured && rng.nextInt(100) < 9) {
      p.content = typo(ctx, p.content);
    }
    if (!structured && rng.nextInt(1000) < 12) {
      p.content = HanLP.convertToTraditionalChinese(p.content);
      if (p.title != null) {
        p.title = HanLP.convertToTraditionalChinese(p.title);
      }
    }
    if (!structured && rng.nextInt(100) < 4) {
      p.content = punctuation(rng, p.content);
    }
  }

  /** Replaces up to {@code max} words of the dodge table by one of their variants. */
  static String dodge(PostContext ctx, String text, int max) {
    Tables t = ctx.gen.tables;
    int n = t.dodgeWords.length;
    int start = ctx.rng.nextInt(n);
    int done = 0;
    String s = text;
    for (int k = 0; k < n && done < max; k++) {
      int w = (start + k) % n;
      int at = s.indexOf(t.dodgeWords[w]);
      if (at >= 0) {
        String[] variants = t.dodgeVariants[w];
        String v = variants[ctx.rng.nextInt(variants.length)];
        s = s.substring(0, at) + v + s.substring(at + t.dodgeWords[w].length());
        done++;
      }
    }
    return s;
  }

  static String typo(PostContext ctx, String text) {
    int n = text.length();
    if (n == 0) {
      return text;
    }
    int start = ctx.rng.nextInt(n);
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      char[] alts = ctx.gen.tables.typos.get(text.charAt(i));
      if (alts != null) {
        return text.substring(0, i) + alts[ctx.rng.nextInt(alts.length)] + text.substring(i + 1);
      }
    }
    return text;
  }

  private static String punctuation(SplittableRandom rng, String text) {
    return switch (rng.nextInt(4)) {
      case 0 -> text.replace("！", "！！！");
      case 1 -> text.replace("，", ",");
      case 2 -> text.replace("。", "。。。");
      default -> text.replace("？", "???");
    };
  }
}
