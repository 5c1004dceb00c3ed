package io.qinglang.generate;

import java.util.SplittableRandom;

/**
 * Platform registers: what makes a Weibo post look like Weibo (#话题#, @mentions, [表情], repost
 * chains), a Douyin caption like Douyin (#tags), a Xiaohongshu note like a note (emoji, 姐妹们,
 * #话题[话题]#), a Zhihu answer like an answer (谢邀, 利益相关), a WeChat article like an article
 * (a footer). Applied with the same probabilities whatever the category, so none of it is a label.
 */
final class Register {
  private Register() {}

  static void decorate(PostContext ctx, Post p, Platform plat) {
    SplittableRandom rng = ctx.rng;
    Form.Shape shape = ctx.form.shape();
    if (shape == Form.Shape.ACCOUNT || shape == Form.Shape.APP || shape == Form.Shape.SUGGESTION) {
      return;
    }
    boolean longText = shape == Form.Shape.LONG || shape == Form.Shape.FIN;
    String c = p.content;
    if (!longText && rng.nextInt(100) < 10) {
      // people wrap what they say in small talk; the label is about what is said, not where
      c = ctx.slotPlain("lead_in") + c;
    }
    if (!longText && rng.nextInt(100) < 8) {
      c = c + ctx.slotPlain("tail_out");
    }
    switch (plat) {
      case WEIBO -> {
        if (!longText) {
          if (rng.nextInt(100) < 35) {
            String topic = "#" + ctx.slot("wb_topic") + "#";
            c = rng.nextInt(10) < 7 ? topic + c : c + " " + topic;
          }
          if (rng.nextInt(100) < 12) {
            c = c + " @" + ctx.slotPlain("nick");
          }
          if (rng.nextInt(100) < 6) {
            c = c + " " + ctx.slotPlain("slang");
          }
          if (rng.nextInt(100) < 35) {
            c = c + emojiCodes(ctx);
          }
          if (rng.nextInt(100) < 7) {
            c = ctx.slotPlain("wb_repost_reaction") + "//@" + ctx.slotPlain("nick") + ":" + c;
          }
        }
      }
      case DOUYIN, KUAISHOU -> {
        if (rng.nextInt(100) < 15) {
          c = c + emojiCodes(ctx);
        }
        if (rng.nextInt(100) < 60) {
          StringBuilder b = new StringBuilder(c);
          int n = 1 + rng.nextInt(3);
          for (int k = 0; k < n; k++) {
            b.append(" #").append(ctx.slot("dy_tag"));
          }
          c = b.toString();
        }
        if (rng.nextInt(100) < 8) {
          c = c + " @" + ctx.slotPlain("nick");
        }
      }
      case XIAOHONGSHU -> {
        if (rng.nextInt(100) < 30) {
          c = ctx.slotPlain("xhs_open") + c;
        }
        if (rng.nextInt(100) < 50) {
          c = sprinkle(ctx, c);
        }
        if (rng.nextInt(100) < 50) {
          StringBuilder b = new StringBuilder(c).append(longText ? "\n" : " ");
          int n = 1 + rng.nextInt(3);
          for (int k = 0; k < n; k++) {
            b.append('#').append(ctx.slot("xhs_tag")).append("[话题]# ");
          }
          c = b.toString().stripTrailing();
        }
        if (p.title != null && rng.nextInt(100) < 40) {
          p.title = p.title + ctx.slotPlain("uni_emoji");
        }
      }
      case BILIBILI -> {
        if ("comment".equals(p.contentType) && rng.nextInt(100) < 25) {
          c = c + ctx.slotPlain("bili_tail");
        }
        if (p.title != null && !longText && rng.nextInt(100) < 30) {
          p.title = "【" + ctx.slotPlain("bili_tag") + "】" + p.title;
        }
      }
      case TIEBA -> {
        if (rng.nextInt(100) < 20) {
          c = ctx.slotPlain("tb_open") + c;
        }
        if (rng.nextInt(100) < 10) {
          c = c + ctx.slotPlain("tb_tail");
        }
      }
      case ZHIHU -> {
        if (longText && rng.nextInt(100) < 40) {
          c = ctx.slotPlain("zh_open") + c;
        }
        if (longText && rng.nextInt(100) < 15) {
          c = c + "\n" + ctx.slotPlain("zh_tail");
        }
      }
      case WECHAT -> {
        if (longText && rng.nextInt(100) < 35) {
          c = c + "\n" + ctx.slotPlain("wx_footer");
        }
      }
      case TOUTIAO -> {
        if (longText && rng.nextInt(100) < 20) {
          c = c + "\n" + ctx.slotPlain("tt_footer");
        } else if (!longText && rng.nextInt(100) < 15) {
          c = c + emojiCodes(ctx);
        }
      }
      default -> {
        // web pages and the rest carry no platform decoration
      }
    }
    p.content = c;
  }

  private static String emojiCodes(PostContext ctx) {
    int n = 1 + ctx.rng.nextInt(3);
    StringBuilder b = new StringBuilder();
    String first = ctx.slotPlain("wb_emoji");
    b.append(first);
    for (int k = 1; k < n; k++) {
      b.append(ctx.rng.nextBoolean() ? first : ctx.slotPlain("wb_emoji"));
    }
    return b.toString();
  }

  /** Unicode emoji after some sentence ends. */
  private static String sprinkle(PostContext ctx, String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      b.append(ch);
      if ((ch == '。' || ch == '！' || ch == '~' || ch == '，') && ctx.rng.nextInt(3) == 0) {
        b.append(ctx.slotPlain("uni_emoji"));
      }
    }
    if (b.length() == text.length()) {
      b.append(ctx.slotPlain("uni_emoji"));
    }
    return b.toString();
  }

  /** A title from the text's first sentence (what Tieba, video and note exports show). */
  static String deriveTitle(String content) {
    int end = content.length();
    for (int i = 0; i < content.length(); i++) {
      char ch = content.charAt(i);
      if (ch == '。' || ch == '！' || ch == '？' || ch == '!' || ch == '?' || ch == '\n') {
        end = i + (ch == '\n' ? 0 : 1);
        break;
      }
    }
    if (end > 30) {
      int comma = content.lastIndexOf('，', 30);
      end = comma > 5 ? comma : 30;
      if (end < content.length() && Character.isLowSurrogate(content.charAt(end))) {
        end--;
      }
    }
    String t = content.substring(0, Math.max(1, Math.min(end, content.length()))).strip();
    return t.isEmpty() ? content.strip() : t;
  }

  /** What a user typed before a suggestion was shown: a prefix of it, sometimes in pinyin initials. */
  static String deriveQuery(SplittableRandom rng, String suggestion) {
    String s = suggestion.strip();
    int space = s.indexOf(' ');
    int cut;
    if (space > 0 && rng.nextBoolean()) {
      cut = space;
    } else {
      int max = Math.max(1, Math.min(s.length() - 1, 6));
      cut = Math.min(s.length(), 1 + rng.nextInt(max));
    }
    String q = s.substring(0, cut).strip();
    if (rng.nextInt(10) == 0 && q.length() >= 2) {
      String initials = Pinyin.initials(q);
      if (!initials.isEmpty()) {
        return initials;
      }
    }
    return q.isEmpty() ? s.substring(0, 1) : q;
  }

  /** Engagement counts, as numbers or as the platform displays them (1.2万, 3.4w, 2k, 1,200). */
  static void counts(SplittableRandom rng, Post p, Form.Persona persona, Platform plat) {
    double mu = switch (persona) {
      case MEDIA, AUTHORITY -> 4.2;
      case OFFICIAL -> 5.0;
      case KOL -> 5.5;
      case MARKETER, IMPOSTOR -> 1.2;
      default -> 1.8;
    };
    double likes = Math.exp(mu + 1.6 * rng.nextGaussian()) - 1;
    long l = Math.max(0, (long) likes);
    long c = (long) (l * rng.nextDouble(0.03, 0.4));
    long r = (long) (l * rng.nextDouble(0.01, 0.5));
    boolean display = plat == Platform.DOUYIN || plat == Platform.KUAISHOU || plat == Platform.XIAOHONGSHU
        || plat == Platform.BILIBILI || plat == Platform.WEIBO;
    p.likes = rng.nextInt(100) < 88 ? shown(rng, l, display) : null;
    p.comments = rng.nextInt(100) < 80 ? shown(rng, c, display) : null;
    p.reposts = plat == Platform.ZHIHU || plat == Platform.TIEBA || rng.nextInt(100) >= 75 ? null
        : shown(rng, r, display);
  }

  private static Object shown(SplittableRandom rng, long v, boolean display) {
    if (v < 1000 || !display || rng.nextInt(100) < 65) {
      return v;
    }
    if (v >= 10000) {
      double w = Math.round(v / 1000.0) / 10.0;
      String t = (w == Math.floor(w) ? String.valueOf((long) w) : String.valueOf(w));
      return rng.nextBoolean() ? t + "万" : t + "w";
    }
    if (rng.nextBoolean()) {
      return v / 1000 + "," + Text.pad(v % 1000, 3);
    }
    double k = Math.round(v / 100.0) / 10.0;
    return (k == Math.floor(k) ? String.valueOf((long) k) : String.valueOf(k)) + "k";
  }
}
