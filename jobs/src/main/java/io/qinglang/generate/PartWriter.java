package io.qinglang.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one part: posts {@code [part * postsPerPart, ...)} in index order into
 * {@code posts/part-NNNNN.jsonl.gz}, their disposals, label rows and ground-truth rows. Each file is
 * written under a temporary name and renamed when complete, so a retried task leaves no half files.
 */
final class PartWriter {
  static final String POSTS = "posts";
  static final String DISPOSALS = "disposals";
  static final String WORK = "_work";
  static final String TRUTH_HEADER = "post_id,platform,category,kind,form_id,split,group,enterprise_ids,personal_data,"
      + "impostor,official,copy_of";

  private PartWriter() {}

  static String partName(int part) {
    return String.format("part-%05d", part);
  }

  static PartStats write(int part, GeneratorOptions options, RealText real, Configuration conf, String outDir)
      throws IOException {
    long from = options.partStart(part);
    long to = part + 1 >= options.parts() ? options.posts() : options.partStart(part + 1);
    PostGenerator gen = new PostGenerator(options, real, false);
    Path out = new Path(outDir);
    try (FileSystem fs = fileSystem(out, conf)) {
      return write(gen, from, to, fs, out, part, options);
    }
  }

  /** A file system of its own (closed by the caller) that writes no .crc side files. */
  static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
    FileSystem fs = FileSystem.newInstance(p.toUri(), conf);
    fs.setWriteChecksum(false);
    return fs;
  }

  private static PartStats write(PostGenerator gen, long from, long to, FileSystem fs, Path out, int part,
      GeneratorOptions options) throws IOException {
    PartStats stats = new PartStats();
    String name = partName(part);
    Path postsFile = new Path(new Path(out, POSTS), name + ".jsonl.gz");
    Path disposalsFile = new Path(new Path(out, DISPOSALS), name + ".jsonl.gz");
    Path labelsFile = new Path(new Path(out, WORK), "labels-" + name + ".csv");
    Path truthFile = new Path(new Path(out, WORK), "truth-" + name + ".csv.gz");
    String attempt = "." + Long.toHexString(System.nanoTime()) + ".tmp";
    try (OutputStream posts = gzipStream(fs, tmp(postsFile, attempt));
        OutputStream disposals = gzipStream(fs, tmp(disposalsFile, attempt));
        OutputStream labels = new BufferedOutputStream(fs.create(tmp(labelsFile, attempt), true), 1 << 16);
        OutputStream truth = gzipStream(fs, tmp(truthFile, attempt))) {
      StringBuilder row = new StringBuilder(256);
      for (long i = from; i < to; i++) {
        Post p = gen.generate(i);
        SplittableRandom dirt = new SplittableRandom(Hashing.seed(options.seed(), PostGenerator.S_DIRTY_KIND, i) ^ 0xD1);
        if (p.content == null || p.content.isBlank()) {
          p.content = "[图片]";
        }
        String line = Dirt.line(p, dirt, gen.tables);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        posts.write(bytes);
        posts.write('\n');
        stats.bytes += bytes.length + 1;
        count(stats, p);
        if (p.postId != null && p.copyOf == null) {
          row.setLength(0);
          row.append(p.postId).append(',').append(p.category).append(',');
          if (p.finClickbait != null) {
            row.append(p.finClickbait);
          }
          row.append('\n');
          labels.write(row.toString().getBytes(StandardCharsets.UTF_8));
        }
        row.setLength(0);
        truthRow(p, row);
        truth.write(row.toString().getBytes(StandardCharsets.UTF_8));
        String disposal = gen.disposal(p, i);
        if (disposal != null) {
          disposals.write(disposal.getBytes(StandardCharsets.UTF_8));
          disposals.write('\n');
          stats.disposals++;
          PartStats.add(stats.actions, actionOf(disposal), 1);
          PartStats.add(stats.disposalPlatforms, p.platform.id(), 1);
        }
      }
    }
    for (Path f : new Path[] {postsFile, disposalsFile, labelsFile, truthFile}) {
      Path t = tmp(f, attempt);
      fs.delete(f, false);
      if (!fs.rename(t, f)) {
        throw new IOException("cannot rename " + t + " to " + f);
      }
    }
    return stats;
  }

  private static String actionOf(String disposal) {
    int at = disposal.lastIndexOf("\"action\":\"") + 10;
    return disposal.substring(at, disposal.indexOf('"', at));
  }

  private static void count(PartStats s, Post p) {
    s.records++;
    PartStats.add(s.kinds, p.kind, 1);
    switch (p.kind) {
      case "malformed_json" -> PartStats.add(s.quarantine, "malformed_json", 1);
      case "bad_timestamp" -> PartStats.add(s.quarantine, "bad_timestamp", 1);
      case "unknown_platform" -> PartStats.add(s.quarantine, "unknown_platform", 1);
      case "missing_field" -> PartStats.add(s.quarantine, "missing_field:" + missingField(p), 1);
      default -> {
        // accepted by ingest
      }
    }
    if (p.postId == null) {
      s.withoutPostId++;
      return;
    }
    if (p.copyOf != null) {
      return;
    }
    s.labelRows++;
    s.categories[p.category]++;
    PartStats.add(s.platforms, p.platform.id(), 1);
    PartStats.add(s.contentTypes, p.contentType, 1);
    PartStats.add(s.forms, p.formId, 1);
    PartStats.add(s.splits, p.split, 1);
    if (p.category == 0 && p.formKind.startsWith("neg.")) {
      PartStats.add(s.hardNegatives, p.formKind, 1);
    }
    if (p.group != null) {
      PartStats.add(s.groups, p.group, 1);
    }
    if (!p.pii.isEmpty()) {
      s.personalDataPosts++;
    }
    if (p.impostor) {
      s.impersonationPosts++;
    }
    if (p.official) {
      s.officialPosts++;
    }
    if (p.finClickbait != null) {
      if (p.finClickbait == 1) {
        s.finDistorted++;
      } else {
        s.finFaithful++;
      }
    }
  }

  private static String missingField(Post p) {
    if (p.postId == null) {
      return "post_id";
    }
    if (p.platformShown == null) {
      return "platform";
    }
    if (p.accountId == null || p.accountId.isBlank()) {
      return "account_id";
    }
    if (p.publishedShown == null) {
      return "published_at";
    }
    return "content";
  }

  private static void truthRow(Post p, StringBuilder b) {
    Json.csv(p.postId, b);
    b.append(',').append(p.platform.id()).append(',').append(p.category).append(',').append(p.kind).append(',');
    Json.csv(p.formId, b);
    b.append(',').append(p.split).append(',');
    if (p.group != null) {
      b.append(p.group);
    }
    b.append(',').append(String.join("|", p.enterpriseIds)).append(',').append(String.join("|", p.pii))
        .append(',').append(p.impostor ? 1 : 0).append(',').append(p.official ? 1 : 0).append(',');
    if (p.copyOf != null) {
      b.append(p.copyOf);
    }
    b.append('\n');
  }

  private static Path tmp(Path f, String attempt) {
    return new Path(f.getParent(), "." + f.getName() + attempt);
  }

  /**
   * Gzip with a fixed header (no file name, no time) and a fixed level, so the bytes depend only on the
   * text. Level 1: compressing at the default level 6 costs as much time as generating; level 1 costs
   * about a tenth of it for files about a fifth larger.
   */
  static OutputStream gzipStream(FileSystem fs, Path p) throws IOException {
    OutputStream raw = new BufferedOutputStream(fs.create(p, true), 1 << 16);
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
    // many small writes (one per line): buffer them before the deflater
    return new BufferedOutputStream(gz, 1 << 16);
  }
}
