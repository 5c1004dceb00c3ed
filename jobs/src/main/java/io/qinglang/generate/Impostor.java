package io.qinglang.generate;

import com.hankcs.hanlp.HanLP;
import java.util.SplittableRandom;

/**
 * Names, sites and account ids that imitate an enterprise: its name or brand with an official-
 * sounding addition (官方, 客服, 旗舰店, 售后, 退款中心 ... from the slot {@code fake_suffix}), a homophone
 * or look-alike character swapped in, pinyin or initials, separators, traditional characters; and
 * account ids that imitate the official ones. These are what the impersonation detector must find.
 */
final class Impostor {
  private static final String[] TLDS = {"com", "cn", "top", "xyz", "net", "vip", "cc", "shop", "club", "com.cn", "site"};
  private static final String[] SITE_WORDS = {"kefu", "service", "vip", "tuikuan", "lipei", "shouhou", "fuli",
      "guanfang", "gw", "kf", "help", "online", "mall", "app", "jinrong", "huodong"};

  private Impostor() {}

  /** An imitation of the enterprise's name as a display name, account name or app name. */
  static String name(PostContext ctx, Entity e) {
    SplittableRandom rng = ctx.rng;
    String base = rng.nextInt(3) == 0 && !e.brands.isEmpty() ? e.brands.get(rng.nextInt(e.brands.size())) : e.shortName;
    String core = switch (rng.nextInt(10)) {
      case 0, 1 -> swap(rng, base, ctx.gen.tables.homophones);
      case 2, 3 -> swap(rng, base, ctx.gen.tables.lookalikes);
      case 4 -> rng.nextBoolean() ? Pinyin.of(base) : Pinyin.initials(base).toUpperCase(java.util.Locale.ROOT);
      case 5 -> separated(rng, base);
      case 6 -> HanLP.convertToTraditionalChinese(base);
      default -> base;
    };
    String suffix = ctx.slotPlain("fake_suffix");
    return rng.nextInt(8) == 0 ? ctx.slotPlain("fake_prefix") + core + suffix : core + suffix;
  }

  /** {@code text} with one character replaced from {@code table}; unchanged when none applies. */
  static String swap(SplittableRandom rng, String text, java.util.Map<Character, char[]> table) {
    int n = text.length();
    int start = rng.nextInt(Math.max(1, n));
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      char[] alts = table.get(text.charAt(i));
      if (alts != null && alts.length > 0) {
        return text.substring(0, i) + alts[rng.nextInt(alts.length)] + text.substring(i + 1);
      }
    }
    return text;
  }

  private static String separated(SplittableRandom rng, String text) {
    if (text.length() < 2) {
      return text;
    }
    String sep = switch (rng.nextInt(4)) {
      case 0 -> " ";
      case 1 -> "-";
      case 2 -> "·";
      default -> ".";
    };
    int at = 1 + rng.nextInt(text.length() - 1);
    return text.substring(0, at) + sep + text.substring(at);
  }

  /** The enterprise's own web site (fictional but stable per enterprise). */
  static String officialSite(Entity e) {
    String latin = e.latin();
    if (latin.isEmpty()) {
      latin = "e" + Long.toUnsignedString(e.key % 100000);
    }
    return switch ((int) Long.remainderUnsigned(e.key, 3)) {
      case 0 -> "www." + latin + ".com";
      case 1 -> "www." + latin + ".com.cn";
      default -> "www." + (e.initials().length() >= 2 ? e.initials() : latin) + ".cn";
    };
  }

  /** A look-alike site: pinyin or initials plus a service word on a cheap top-level domain. */
  static String site(SplittableRandom rng, Entity e) {
    String latin = e.latin().isEmpty() ? "e" + rng.nextInt(1000) : e.latin();
    String word = SITE_WORDS[rng.nextInt(SITE_WORDS.length)];
    String tld = TLDS[rng.nextInt(TLDS.length)];
    return switch (rng.nextInt(5)) {
      case 0 -> latin + "-" + word + "." + tld;
      case 1 -> word + "." + latin + "-" + rng.nextInt(10, 99) + "." + tld;
      case 2 -> e.initials() + word + rng.nextInt(100, 999) + "." + tld;
      case 3 -> "www." + latin + word + "." + tld;
      default -> latin + "." + word + "-" + e.initials() + "." + tld;
    };
  }

  /** An account id that imitates an official one, or a throwaway id. */
  static String accountId(SplittableRandom rng, Entity e, String platformPrefix, String official) {
    int r = rng.nextInt(10);
    if (official != null && r < 3) {
      String id = official.substring(official.indexOf(':') + 1);
      return switch (rng.nextInt(4)) {
        case 0 -> id.replace('o', '0').replace('l', '1');
        case 1 -> id + "_kf";
        case 2 -> id + rng.nextInt(1, 99);
        default -> id.replace("_", "") + "_" + SITE_WORDS[rng.nextInt(SITE_WORDS.length)];
      };
    }
    if (r < 7) {
      String latin = e.latin().isEmpty() ? e.initials() : e.latin();
      return (rng.nextBoolean() ? latin : e.initials()) + "_" + SITE_WORDS[rng.nextInt(SITE_WORDS.length)]
          + (rng.nextBoolean() ? String.valueOf(rng.nextInt(1, 999)) : "");
    }
    return platformPrefix + Long.toString(rng.nextLong(1_000_000_000L, 9_999_999_999L));
  }
}
