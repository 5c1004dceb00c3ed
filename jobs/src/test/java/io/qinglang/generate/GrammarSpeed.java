package io.qinglang.generate;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;

/** A tool (not a test): generation speed on one thread without Spark or gzip. */
public final class GrammarSpeed {
  private GrammarSpeed() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100000;
    String profile = args.length > 1 ? args[1] : "bench";
    QinglangConfig config = ConfigLoader.load(null);
    long nominal = args.length > 2 ? Long.parseLong(args[2]) : n;
    GeneratorOptions o = GeneratorOptions.profile(config, profile, EnterpriseRegistry.load(config)).withPosts(nominal);
    PostGenerator gen = new PostGenerator(o, null, false);
    Tables t = Tables.get();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    for (int round = 0; round < rounds; round++) {
      int level = round < 2 ? -2 : round == 2 ? java.util.zip.Deflater.DEFAULT_COMPRESSION : 1;
      long start = System.nanoTime();
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = mx.getCurrentThreadCpuTime();
      long chars = 0;
      java.io.OutputStream sink = java.io.OutputStream.nullOutputStream();
      try (java.io.OutputStream w = level == -2 ? sink
          : new java.io.BufferedOutputStream(new java.util.zip.GZIPOutputStream(sink, 1 << 16) {
            {
              def.setLevel(level);
            }
          }, 1 << 16)) {
        for (long i = 0; i < n; i++) {
          Post p = gen.generate(i);
          String line = Dirt.line(p, new java.util.SplittableRandom(i), t);
          w.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          w.write('\n');
          chars += line.length();
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf("round %d (gzip level %s): %.0f posts/s, %.0f posts per CPU second, %.0f chars per line%n",
          round, level == -2 ? "none" : String.valueOf(level), n / secs, n / cpu, chars / (double) n);
    }
  }
}
