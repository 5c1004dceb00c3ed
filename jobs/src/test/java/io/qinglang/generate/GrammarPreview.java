package io.qinglang.generate;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.util.Locale;

/**
 * A tool for grammar authors (not a test): prints generated records without Spark.
 * <pre>
 * java -cp jobs/target/classes:jobs/target/test-classes:$(cat jobs/target/launcher-classpath.txt) \
 *   io.qinglang.generate.GrammarPreview [posts] [category|kind|form-id prefix] [train|heldout|all] [profile]
 * (set QINGLANG_REAL_TEXT=../shared/data to mix in the real corpora)
 * </pre>
 */
public final class GrammarPreview {
  private GrammarPreview() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String filter = args.length > 1 ? args[1] : "";
    FormSplit split = args.length > 2 ? FormSplit.parse(args[2]) : FormSplit.ALL;
    String profile = args.length > 3 ? args[3] : "training";
    QinglangConfig config = ConfigLoader.load(null);
    GeneratorOptions o = GeneratorOptions.profile(config, profile, EnterpriseRegistry.load(config))
        .withForms(split).withPosts(Math.max(n * 20L, 1000));
    String realDir = System.getenv("QINGLANG_REAL_TEXT");
    RealText real = realDir == null ? null : RealText.load(java.nio.file.Path.of(realDir));
    if (real != null) {
      o = o.withRealText(realDir);
    }
    PostGenerator gen = new PostGenerator(o, real, false);
    int shown = 0;
    for (long i = 0; i < o.posts() * 50 && shown < n; i++) {
      Post p = gen.generate(i);
      String cat = String.valueOf(p.category);
      if (!filter.isEmpty() && !filter.equals(cat) && !p.formId.startsWith(filter)
          && !(p.formKind != null && p.formKind.startsWith(filter))) {
        continue;
      }
      shown++;
      System.out.printf(Locale.ROOT, "--- %s cat=%d fin=%s form=%s kind=%s %s %s %s%n", p.postId, p.category,
          p.finClickbait, p.formId, p.kind, p.platform.id(), p.contentType, p.group == null ? "" : p.group);
      System.out.printf("    [%s] %s%n", p.accountId, p.accountName);
      if (p.title != null) {
        System.out.println("  T: " + p.title);
      }
      if (p.query != null) {
        System.out.println("  Q: " + p.query);
      }
      System.out.println("  C: " + p.content.replace("\n", "\n     "));
    }
  }
}
