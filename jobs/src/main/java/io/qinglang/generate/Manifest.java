package io.qinglang.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run generated: its options, and counts per category, platform, content type, record kind
 * (dirty kinds included), hard-negative kind, form and split; campaigns, financial articles,
 * disposals; and the accounting ingest should report for {@code posts/}. The file holds no clock time,
 * so it is as reproducible as the data ({@link #seconds()} is kept apart).
 */
public final class Manifest {
  private final Map<String, Object> content;
  private final double seconds;
  private final double cpuSeconds;

  private Manifest(Map<String, Object> content, double seconds, double cpuSeconds) {
    this.content = content;
    this.seconds = seconds;
    this.cpuSeconds = cpuSeconds;
  }

  static Manifest of(GeneratorOptions o, RealText real, PartStats s, int parts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generator", "qinglang generate");
    m.put("format_version", 1);
    m.put("profile", o.profile());
    m.put("seed", o.seed());
    m.put("posts", o.posts());
    m.put("forms", o.forms().id());
    m.put("start", o.start().toString());
    m.put("end", o.end().toString());
    m.put("time_zone", o.timeZone());
    Map<String, Object> rates = new LinkedHashMap<>();
    rates.put("violation_rate", o.violationRate());
    rates.put("category_weights", Arrays.stream(o.categoryWeights()).boxed().toList());
    rates.put("hard_negative_rate", o.hardNegativeRate());
    rates.put("dirty_rate", o.dirtyRate());
    rates.put("campaign_share", o.campaignShare());
    rates.put("fan_cluster_rate", o.fanClusterRate());
    rates.put("registry_share", o.registryShare());
    rates.put("real_text_share", real == null ? 0.0 : o.realTextShare());
    m.put("rates", rates);
    m.put("parts", parts);
    m.put("posts_per_part", o.postsPerPart());
    if (o.registry() != null) {
      Map<String, Object> reg = new LinkedHashMap<>();
      reg.put("source", o.registry().source());
      reg.put("fingerprint", o.registry().fingerprint());
      reg.put("enterprises", o.registry().size());
      m.put("registry", reg);
    } else {
      m.put("registry", null);
    }
    if (real != null) {
      Map<String, Object> rt = new LinkedHashMap<>();
      rt.put("dir", real.dir());
      rt.put("fingerprint", real.fingerprint());
      rt.put("rows", new TreeMap<>(real.fileRows()));
      m.put("real_text", rt);
    } else {
      m.put("real_text", null);
    }
    m.put("options_fingerprint", fingerprint(o, real));
    m.put("records", s.records);
    m.put("label_rows", s.labelRows);
    m.put("records_without_post_id", s.withoutPostId);
    Map<String, Long> cats = new LinkedHashMap<>();
    long violations = 0;
    for (int c = 0; c <= 10; c++) {
      cats.put(String.valueOf(c), s.categories[c]);
      violations += c > 0 ? s.categories[c] : 0;
    }
    m.put("categories", cats);
    m.put("violations", violations);
    m.put("hard_negatives", s.hardNegatives);
    m.put("platforms", s.platforms);
    m.put("content_types", s.contentTypes);
    m.put("kinds", s.kinds);
    Map<String, Long> dirty = new TreeMap<>();
    long dirtyTotal = 0;
    for (Map.Entry<String, Long> e : s.kinds.entrySet()) {
      if (!List.of("regular", "campaign", "fan").contains(e.getKey())) {
        dirty.put(e.getKey(), e.getValue());
        dirtyTotal += e.getValue();
      }
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("total", dirtyTotal);
    d.put("by_kind", dirty);
    m.put("dirty_records", d);
    Map<String, Object> fin = new LinkedHashMap<>();
    fin.put("faithful", s.finFaithful);
    fin.put("distorted", s.finDistorted);
    m.put("financial_articles", fin);
    long campaigns = 0;
    long campaignMembers = 0;
    long fans = 0;
    long fanMembers = 0;
    for (Map.Entry<String, Long> e : s.groups.entrySet()) {
      if (e.getKey().startsWith("camp-")) {
        campaigns++;
        campaignMembers += e.getValue();
      } else {
        fans++;
        fanMembers += e.getValue();
      }
    }
    m.put("campaigns", Map.of("clusters", campaigns, "posts", campaignMembers));
    m.put("fan_clusters", Map.of("clusters", fans, "posts", fanMembers));
    m.put("personal_data_posts", s.personalDataPosts);
    m.put("impersonation_posts", s.impersonationPosts);
    m.put("official_account_posts", s.officialPosts);
    Map<String, Object> disp = new LinkedHashMap<>();
    disp.put("total", s.disposals);
    disp.put("actions", s.actions);
    disp.put("platforms", s.disposalPlatforms);
    m.put("disposals", disp);
    m.put("splits", s.splits);
    m.put("forms_used", s.forms);
    long quarantined = s.quarantine.values().stream().mapToLong(Long::longValue).sum();
    long duplicate = s.kinds.getOrDefault("duplicate", 0L);
    long updated = s.kinds.getOrDefault("edited_repost", 0L);
    Map<String, Object> ingest = new LinkedHashMap<>();
    ingest.put("read", s.records);
    ingest.put("written", s.records - quarantined - duplicate - updated);
    ingest.put("updated", updated);
    ingest.put("unchanged", 0);
    ingest.put("quarantined", quarantined);
    ingest.put("duplicate", duplicate);
    ingest.put("quarantine_reasons", s.quarantine);
    m.put("expected_ingest", ingest);
    m.put("uncompressed_bytes", s.bytes);
    return new Manifest(m, 0, 0);
  }

  /** A hash of everything the output depends on, to tell whether a corpus can be reused. */
  static String fingerprint(GeneratorOptions o, RealText real) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(o.toString().getBytes(StandardCharsets.UTF_8));
      md.update(String.valueOf(real == null ? null : real.fingerprint()).getBytes(StandardCharsets.UTF_8));
      md.update(Grammar.get().fingerprint().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A manifest read back from manifest.json. */
  static Manifest of(Map<String, Object> json) {
    return new Manifest(json, 0, 0);
  }

  Manifest withSeconds(double s, double cpu) {
    return new Manifest(content, s, cpu);
  }

  /** The manifest as written to manifest.json. */
  public Map<String, Object> content() {
    return content;
  }

  /** Wall-clock seconds the run took (not part of the file; 0 for a corpus read back). */
  public double seconds() {
    return seconds;
  }

  /** CPU seconds the generating tasks used (Spark task metrics; not part of the file). */
  public double cpuSeconds() {
    return cpuSeconds;
  }

  public long records() {
    return ((Number) content.get("records")).longValue();
  }

  public long labelRows() {
    return ((Number) content.get("label_rows")).longValue();
  }

  /** Posts per category, "0" to "10". */
  public Map<String, Long> categories() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    ((Map<?, ?>) content.get("categories")).forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue()));
    return out;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> expectedIngest() {
    return (Map<String, Object>) content.get("expected_ingest");
  }

  /** Dirty records by kind. */
  public Map<String, Long> dirtyByKind() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    ((Map<?, ?>) ((Map<?, ?>) content.get("dirty_records")).get("by_kind"))
        .forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue()));
    return out;
  }
}
