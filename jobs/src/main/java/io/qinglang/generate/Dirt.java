package io.qinglang.generate;

import java.util.SplittableRandom;

/**
 * Edits and defects: the light edits that coordinated accounts make to one attack text, fans'
 * reposts of an announcement, edited re-posts, emoji-only posts, and the dirty lines ingest must
 * quarantine (malformed JSON, a missing required field, a bad timestamp, an unknown platform).
 */
final class Dirt {
  private Dirt() {}

  /** A member's copy of a campaign's attack text: the same text, lightly edited. */
  static String lightEdit(PostContext ctx, String text, String topic, Platform plat) {
    SplittableRandom rng = ctx.rng;
    String s = text;
    if (rng.nextInt(100) < 15) {
      int last = lastSentenceStart(s);
      if (last > s.length() / 2) {
        s = s.substring(0, last);
      }
    }
    if (rng.nextInt(100) < 25) {
      int comma = s.indexOf('，');
      if (comma >= 0) {
        s = s.substring(0, comma) + (rng.nextBoolean() ? "," : " ") + s.substring(comma + 1);
      }
    }
    if (rng.nextInt(100) < 20) {
      s = s.replace("。", "！");
    }
    if (rng.nextInt(100) < 15) {
      s = Noise.typo(ctx, s);
    }
    if (rng.nextInt(100) < 30) {
      s = ctx.slotPlain("camp_prefix") + s;
    }
    if (rng.nextInt(100) < 35) {
      s = s + ctx.slotPlain("camp_suffix");
    }
    if (plat == Platform.WEIBO && rng.nextInt(100) < 55) {
      s = "#" + topic + "#" + s;
    } else if ((plat == Platform.DOUYIN || plat == Platform.KUAISHOU) && rng.nextInt(100) < 50) {
      s = s + " #" + topic;
    } else if (plat == Platform.XIAOHONGSHU && rng.nextInt(100) < 40) {
      s = s + " #" + topic + "[话题]#";
    }
    if (rng.nextInt(100) < 20) {
      s = s + ctx.slotPlain(plat == Platform.XIAOHONGSHU ? "uni_emoji" : "wb_emoji");
    }
    return s;
  }

  /** A fan's repost of an official announcement: a reaction and the announcement. */
  static String fanRepost(PostContext ctx, String text, String topic, String source, Platform plat) {
    SplittableRandom rng = ctx.rng;
    String reaction = ctx.slotPlain("fan_reaction");
    String body = text;
    if (rng.nextInt(100) < 20) {
      body = body.replace("。", "！");
    }
    String s;
    if (plat == Platform.WEIBO && rng.nextInt(100) < 65) {
      s = reaction + "//@" + source + ":" + body;
    } else if (rng.nextInt(100) < 50) {
      s = reaction + " " + body;
    } else {
      s = body + " " + reaction;
    }
    if (rng.nextInt(100) < 40) {
      s = plat == Platform.XIAOHONGSHU ? s + " #" + topic + "[话题]#" : plat == Platform.WEIBO ? "#" + topic + "#" + s
          : s + " #" + topic;
    }
    return s;
  }

  private static int lastSentenceStart(String s) {
    for (int i = s.length() - 2; i > 0; i--) {
      char c = s.charAt(i);
      if (c == '。' || c == '！' || c == '？') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The content of an edited re-post: always different from the original. */
  static String edit(PostGenerator gen, SplittableRandom rng, String content, String postId) {
    PostContext ctx = gen.nameContext(rng);
    return switch (rng.nextInt(4)) {
      case 0 -> content + "（已编辑）";
      case 1 -> content + "\n" + ctx.slotPlain("repost_update");
      case 2 -> ctx.slotPlain("repost_update") + " " + content;
      default -> content.replace("，", ", ") + " [编辑于" + (1 + rng.nextInt(12)) + "-" + (1 + rng.nextInt(28)) + "]";
    };
  }

  static String emojiOnly(SplittableRandom rng, Tables t) {
    String e = t.emojiOnly.get(rng.nextInt(t.emojiOnly.size()));
    int n = 1 + rng.nextInt(4);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append(e);
    }
    return b.toString();
  }

  /** The archive line of a post with the defect its kind names. */
  static String line(Post p, SplittableRandom rng, Tables t) {
    switch (p.kind) {
      case "missing_field" -> {
        switch (rng.nextInt(5)) {
          case 0 -> p.postId = null;
          case 1 -> p.accountId = rng.nextBoolean() ? null : "";
          case 2 -> p.content = rng.nextBoolean() ? null : " ";
          case 3 -> p.publishedShown = null;
          default -> p.platformShown = null;
        }
      }
      case "bad_timestamp" -> p.publishedShown = t.badTimestamps.get(rng.nextInt(t.badTimestamps.size()));
      case "unknown_platform" -> p.platformShown = t.unknownPlatforms.get(rng.nextInt(t.unknownPlatforms.size()));
      default -> {
        // the rest are written as they are
      }
    }
    StringBuilder b = new StringBuilder(200 + 2 * ((p.content == null ? 0 : p.content.length())
        + (p.title == null ? 0 : p.title.length())));
    p.writeJson(b);
    if (!"malformed_json".equals(p.kind)) {
      return b.toString();
    }
    String s = b.toString();
    return switch (rng.nextInt(5)) {
      case 0 -> {
        int cut = s.length() / 3 + rng.nextInt(Math.max(1, s.length() * 2 / 3 - 2));
        if (cut < s.length() && Character.isLowSurrogate(s.charAt(cut))) {
          cut--;
        }
        yield s.substring(0, Math.min(cut, s.length() - 1));
      }
      case 1 -> s.replace("\"post_id\"", "'post_id'");
      case 2 -> s.substring(0, s.length() - 1) + ",}";
      case 3 -> s.replace("\"content\":", "content:");
      default -> s.replace("\",\"", "\" \"");
    };
  }
}
