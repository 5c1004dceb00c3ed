package io.qinglang.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What platforms did with the clues referred to them: removed, restricted, labelled, rejected, or
 * still pending when the export was taken. Each platform has its own handling speed (median hours
 * and spread of a log-normal delay) and its own backlog, so timeliness statistics differ by platform.
 */
final class Disposals {
  /** Median hours to handle, log-normal sigma, share left pending. Fictional but plausible figures. */
  private static final Map<Platform, double[]> SPEED = new LinkedHashMap<>();

  static {
    SPEED.put(Platform.WEIBO, new double[] {5, 1.0, 0.03});
    SPEED.put(Platform.DOUYIN, new double[] {3, 0.9, 0.02});
    SPEED.put(Platform.KUAISHOU, new double[] {7, 1.0, 0.04});
    SPEED.put(Platform.WECHAT, new double[] {14, 1.1, 0.05});
    SPEED.put(Platform.ZHIHU, new double[] {20, 1.0, 0.06});
    SPEED.put(Platform.TOUTIAO, new double[] {9, 1.0, 0.04});
    SPEED.put(Platform.XIAOHONGSHU, new double[] {18, 1.2, 0.06});
    SPEED.put(Platform.BILIBILI, new double[] {12, 1.0, 0.05});
    SPEED.put(Platform.TIEBA, new double[] {40, 1.2, 0.10});
    SPEED.put(Platform.BAIDU, new double[] {30, 1.1, 0.08});
    SPEED.put(Platform.APPSTORE, new double[] {96, 0.9, 0.15});
    SPEED.put(Platform.WEB, new double[] {120, 1.3, 0.20});
  }

  private Disposals() {}

  static String line(SplittableRandom rng, Post p, long i, GeneratorOptions options) {
    double[] speed = SPEED.get(p.platform);
    LocalDateTime published = LocalDateTime.ofEpochSecond(p.publishedEpoch, 0, ZoneOffset.ofHours(8));
    LocalDateTime referred = published.plusSeconds((long) Math.max(600, 3600 * Math.exp(Math.log(8)
        + 1.0 * rng.nextGaussian())));
    LocalDateTime cutoff = options.end().plusDays(15).atStartOfDay();
    LocalDateTime handled = null;
    if (rng.nextDouble() >= speed[2]) {
      handled = referred.plusSeconds((long) Math.max(300, 3600 * Math.exp(Math.log(speed[0])
          + speed[1] * rng.nextGaussian())));
      if (handled.isAfter(cutoff)) {
        handled = null;
      }
    }
    String action;
    if (handled == null) {
      action = "pending";
    } else if (p.category > 0) {
      int r = rng.nextInt(100);
      action = r < 62 ? "removed" : r < 80 ? "restricted" : r < 90 ? "labelled" : "rejected";
    } else {
      int r = rng.nextInt(100);
      action = r < 70 ? "rejected" : r < 88 ? "labelled" : r < 95 ? "removed" : "restricted";
    }
    StringBuilder b = new StringBuilder(200);
    b.append("{\"clue_id\":");
    Json.string("CL" + p.postId.replace("-", "").toUpperCase(java.util.Locale.ROOT), b);
    b.append(",\"platform\":");
    Json.string(p.platform.id(), b);
    b.append(",\"post_id\":");
    Json.string(p.postId, b);
    b.append(",\"referred_at\":");
    Json.string(iso(referred), b);
    b.append(",\"handled_at\":");
    if (handled == null) {
      b.append("null");
    } else {
      Json.string(iso(handled), b);
    }
    b.append(",\"action\":");
    Json.string(action, b);
    b.append('}');
    return b.toString();
  }

  static String iso(LocalDateTime t) {
    return Text.dateTime(t, 'T') + "+08:00";
  }
}
