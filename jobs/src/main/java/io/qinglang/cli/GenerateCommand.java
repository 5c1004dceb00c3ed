package io.qinglang.cli;

import io.qinglang.config.ConfigException;
import io.qinglang.config.OutputLocations;
import io.qinglang.config.QinglangConfig;
import io.qinglang.generate.CorpusGenerator;
import io.qinglang.generate.FormSplit;
import io.qinglang.generate.GeneratorOptions;
import io.qinglang.generate.Manifest;
import io.qinglang.generate.RealText;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.run.JobStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Generates a synthetic labelled archive: posts of every platform in the archive format, labels for the ten "
            + "categories (with hard negatives: complaints, bad reviews, accurate bad news, job ads, official accounts), "
            + "dirty records, coordinated campaigns and platform disposal records. The same seed and number of posts "
            + "give byte-identical files on any cluster.",
        "",
        "Writes DIR/posts/part-*.jsonl.gz, DIR/labels.csv (post_id,category,fin_clickbait), "
            + "DIR/disposals/part-*.jsonl.gz, DIR/truth.csv.gz and DIR/manifest.json. Ingest with "
            + "'ingest --input DIR/posts'.",
        "",
        "Profiles (defaults in conf/qinglang.conf, qinglang.generate.profiles): demo (200,000 posts, about 8%% "
            + "violations), training (the default training corpus: 90,000 posts, training forms only), bench "
            + "(1,000,000 posts, prints posts per second)."})
public final class GenerateCommand extends JobCommand {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created).")
  String out;

  @Option(names = "--posts", paramLabel = "N", description = "Number of records (default: the profile's).")
  Long posts;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: the profile's).")
  Long seed;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "demo",
      description = "demo, training or bench (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--start", paramLabel = "DATE", description = "First day of posts (default 2023-04-24).")
  String start;

  @Option(names = "--end", paramLabel = "DATE", description = "Last day of posts (default 2023-09-30).")
  String end;

  @Option(names = "--forms", paramLabel = "SPLIT",
      description = "train, heldout or all: which generator forms and slot values to use (default: the profile's; "
          + "training uses train, demo and bench all).")
  String forms;

  @Option(names = "--real-text", paramLabel = "DIR",
      description = "Directory of real corpora (e.g. ../shared/data): ordinary posts, headlines and reviews are "
          + "drawn from them. Read at run time only. \"bundled\": the jar's own hand-written ordinary text.")
  Path realText;

  @Option(names = "--violation-rate", paramLabel = "R", description = "Share of posts that are violations.")
  Double violationRate;

  @Option(names = "--hard-negative-rate", paramLabel = "R", description = "Share of posts that are hard negatives.")
  Double hardNegativeRate;

  @Option(names = "--dirty-rate", paramLabel = "R", description = "Share of records that are dirty.")
  Double dirtyRate;

  @Option(names = "--posts-per-part", paramLabel = "N",
      description = "Posts per part file (default qinglang.generate.posts-per-part); changes the file layout.")
  Integer postsPerPart;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark partitions to spread the parts over (default: one per part). Does not change the output.")
  Integer partitions;

  @Option(names = "--overwrite", description = "Replace a corpus generated earlier in DIR.")
  boolean overwrite;

  private GeneratorOptions options;
  private String outDir;

  @Override
  protected void validate(QinglangConfig config) {
    try {
      io.qinglang.generate.Grammar.get();
    } catch (RuntimeException e) {
      throw new ConfigException("the generator grammar is broken: " + e.getMessage());
    }
    EnterpriseRegistry registry = EnterpriseRegistry.load(config);
    GeneratorOptions o = GeneratorOptions.profile(config, profile, registry);
    if (posts != null) {
      if (posts < 1) {
        throw new ConfigException("--posts must be at least 1, not " + posts);
      }
      o = o.withPosts(posts);
    }
    if (seed != null) {
      o = o.withSeed(seed);
    }
    if (forms != null) {
      try {
        o = o.withForms(FormSplit.parse(forms));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--forms: " + e.getMessage());
      }
    }
    LocalDate from = start == null ? o.start() : DateOptions.parse("--start", start);
    LocalDate to = end == null ? o.end() : DateOptions.parse("--end", end);
    if (to.isAfter(LocalDate.now(config.timeZone()))) {
      throw new ConfigException("--end " + to + " is in the future: ingest quarantines posts dated after the run");
    }
    if (from.isBefore(config.ingest().earliestTimestamp())) {
      throw new ConfigException("--start " + from + " is before qinglang.ingest.earliest-timestamp ("
          + config.ingest().earliestTimestamp() + "): ingest would quarantine the posts");
    }
    o = o.withWindow(from, to);
    if (violationRate != null || hardNegativeRate != null || dirtyRate != null) {
      o = o.withRates(rate("--violation-rate", violationRate, o.violationRate()),
          rate("--hard-negative-rate", hardNegativeRate, o.hardNegativeRate()),
          rate("--dirty-rate", dirtyRate, o.dirtyRate()));
    }
    if (postsPerPart != null) {
      if (postsPerPart < 1) {
        throw new ConfigException("--posts-per-part must be at least 1");
      }
      o = o.withPostsPerPart(postsPerPart);
    }
    if (partitions != null) {
      if (partitions < 1) {
        throw new ConfigException("--partitions must be at least 1");
      }
      o = o.withSparkPartitions(partitions);
    }
    if (realText != null && realText.toString().equals(RealText.BUNDLED) && !Files.isDirectory(realText)) {
      o = o.withRealText(RealText.BUNDLED);
    } else if (realText != null) {
      RealText.load(realText);
      o = o.withRealText(realText.toAbsolutePath().normalize().toString());
    }
    outDir = OutputLocations.absolute(out);
    checkOutput(outDir);
    options = o;
  }

  private void checkOutput(String dir) {
    try {
      if (CorpusGenerator.hasCorpus(dir, new Configuration()) && !overwrite) {
        throw new ConfigException("--out " + dir + " already holds a generated corpus; pass --overwrite to replace it");
      }
    } catch (IOException e) {
      throw new ConfigException("--out " + dir + ": " + e.getMessage());
    }
    Path local = dir.contains("://") ? null : Path.of(dir);
    if (local != null && Files.exists(local) && !Files.isDirectory(local)) {
      throw new ConfigException("--out " + dir + " is a file, not a directory");
    }
    if (local != null && Files.isDirectory(local)) {
      try (var list = Files.list(local)) {
        List<String> foreign = list.map(p -> p.getFileName().toString())
            .filter(n -> !List.of("posts", "disposals", "_work", "labels.csv", "truth.csv.gz", "manifest.json")
                .contains(n)).limit(5).toList();
        if (!foreign.isEmpty()) {
          throw new ConfigException("--out " + dir + " holds files generate did not write (" + String.join(", ", foreign)
              + "); choose an empty or new directory");
        }
      } catch (IOException e) {
        throw new ConfigException("--out " + dir + ": " + e.getMessage());
      }
    }
  }

  private static double rate(String option, Double value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 0 || value > 1) {
      throw new ConfigException(option + " must be between 0 and 1, not " + value);
    }
    return value;
  }

  @Override
  protected JobStats run(JobContext ctx) {
    Manifest m = CorpusGenerator.generate(ctx.spark(), options, outDir);
    PrintWriter outWriter = spec.commandLine().getOut();
    printSummary(outWriter, m);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("out", outDir);
    details.put("profile", options.profile());
    details.put("seed", String.valueOf(options.seed()));
    details.put("forms", options.forms().id());
    details.put("label_rows", String.valueOf(m.labelRows()));
    details.put("seconds", String.format("%.1f", m.seconds()));
    details.put("posts_per_second", String.format("%.0f", m.records() / Math.max(m.seconds(), 1e-3)));
    details.put("cpu_seconds", String.format("%.1f", m.cpuSeconds()));
    m.categories().forEach((k, v) -> details.put("category." + k, String.valueOf(v)));
    m.dirtyByKind().forEach((k, v) -> details.put("dirty." + k, String.valueOf(v)));
    return JobStats.written(m.records(), m.records(), details);
  }

  private void printSummary(PrintWriter w, Manifest m) {
    Map<String, Object> c = m.content();
    w.printf("generated %,d records into %s%n", m.records(), outDir);
    w.printf("  %,d labelled posts, %,d violations; categories 0..10: %s%n", m.labelRows(), c.get("violations"),
        m.categories().values());
    w.printf("  hard negatives: %s%n", c.get("hard_negatives"));
    w.printf("  platforms: %s%n", c.get("platforms"));
    w.printf("  dirty records: %s%n", c.get("dirty_records"));
    w.printf("  campaigns: %s, fan clusters: %s, financial articles: %s, disposals: %s%n", c.get("campaigns"),
        c.get("fan_clusters"), c.get("financial_articles"), ((Map<?, ?>) c.get("disposals")).get("total"));
    w.printf("  ingest should report: %s%n", m.expectedIngest());
    w.printf("  %.1f s, %,.0f posts/s; the generating tasks used %.1f CPU seconds: %,.0f posts per CPU second%n",
        m.seconds(), m.records() / Math.max(m.seconds(), 1e-3), m.cpuSeconds(),
        m.records() / Math.max(m.cpuSeconds(), 1e-3));
    w.flush();
  }

  @Override
  protected String describe(JobStats stats) {
    return String.format("generated %d records (%s posts/s)", stats.rowsWritten(),
        stats.details().get("posts_per_second"));
  }
}
