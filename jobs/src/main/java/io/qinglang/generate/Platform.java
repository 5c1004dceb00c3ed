package io.qinglang.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The platforms the generator writes for: post-id prefix, account-id prefix, the other spellings
 * archives use for them, how their exports write timestamps, their URL pattern, and whether they
 * show the poster's IP region. All of these are what real platform exports look like; none of them
 * depends on the category.
 */
enum Platform {
  WEIBO("wb", "wb_", new String[] {"微博", "新浪微博", "Weibo", "WB"}, true),
  DOUYIN("dy", "dy_", new String[] {"抖音", "DY", "Douyin"}, true),
  KUAISHOU("ks", "ks_", new String[] {"快手", "KS"}, true),
  WECHAT("wx", "wx_", new String[] {"微信", "公众号", "微信公众号", "WX"}, true),
  ZHIHU("zh", "zh_", new String[] {"知乎", "Zhihu"}, true),
  TOUTIAO("tt", "tt_", new String[] {"今日头条", "头条", "Toutiao"}, true),
  XIAOHONGSHU("xhs", "xhs_", new String[] {"小红书", "XHS", "RED"}, true),
  BILIBILI("bili", "bili_", new String[] {"哔哩哔哩", "B站", "bili"}, true),
  TIEBA("tb", "tb_", new String[] {"贴吧", "百度贴吧"}, true),
  BAIDU("bd", "bd_", new String[] {"百度", "Baidu"}, false),
  APPSTORE("app", "dev_", new String[] {"应用商店", "app store", "App_Store"}, false),
  WEB("web", "web_", new String[] {"网站", "网页", "website"}, false);

  final String code;
  final String accountPrefix;
  final String[] aliases;
  final boolean showsIpRegion;

  Platform(String code, String accountPrefix, String[] aliases, boolean showsIpRegion) {
    this.code = code;
    this.accountPrefix = accountPrefix;
    this.aliases = aliases;
    this.showsIpRegion = showsIpRegion;
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Platform of(String id) {
    return valueOf(id.toUpperCase(java.util.Locale.ROOT));
  }

  /** The platform as this record's export names it: usually the id, sometimes an alias. */
  String shown(SplittableRandom rng) {
    return rng.nextInt(100) < 4 ? aliases[rng.nextInt(aliases.length)] : id();
  }

  /** published_at as this platform's export writes it: ISO with or without offset, epoch s or ms. */
  Object timestamp(SplittableRandom rng, LocalDateTime local) {
    long epoch = local.toEpochSecond(ZoneOffset.ofHours(8));
    return switch (this) {
      case WEIBO, ZHIHU -> rng.nextInt(10) < 7 ? iso(local) + "+08:00" : space(local);
      case DOUYIN, BILIBILI -> epoch;
      case KUAISHOU, TOUTIAO -> epoch * 1000 + rng.nextInt(1000);
      case WECHAT -> rng.nextBoolean() ? space(local) : epoch;
      case XIAOHONGSHU -> Text.dateTime(local, ' ').substring(0, 16).replace('-', '/');
      case TIEBA -> space(local).substring(0, 16);
      case BAIDU -> iso(local.minusHours(8)) + "Z";
      case APPSTORE -> space(local);
      case WEB -> iso(local) + "+0800";
    };
  }

  private static String iso(LocalDateTime t) {
    return Text.dateTime(t, 'T');
  }

  private static String space(LocalDateTime t) {
    return Text.dateTime(t, ' ');
  }

  /** A URL of the post in this platform's pattern. */
  String url(SplittableRandom rng, String accountId, long number) {
    String n = Long.toString(number);
    return switch (this) {
      case WEIBO -> "https://weibo.com/" + Math.abs(accountId.hashCode()) + "/" + base36(number);
      case DOUYIN -> "https://www.douyin.com/video/72" + pad(n, 17);
      case KUAISHOU -> "https://www.kuaishou.com/short-video/3x" + base36(number * 7919) + "q";
      case WECHAT -> "https://mp.weixin.qq.com/s/" + base36(number * 104729) + base36(number ^ 0x5DEECE66DL);
      case ZHIHU -> "https://www.zhihu.com/question/" + (600000000L + number % 99999999) + "/answer/"
          + (3000000000L + number);
      case TOUTIAO -> "https://www.toutiao.com/article/72" + pad(n, 17) + "/";
      case XIAOHONGSHU -> "https://www.xiaohongshu.com/explore/64" + Long.toHexString(number * 2654435761L);
      case BILIBILI -> "https://www.bilibili.com/video/BV1" + base36(number * 31337).toUpperCase();
      case TIEBA -> "https://tieba.baidu.com/p/8" + pad(n, 9);
      case BAIDU -> null;
      case APPSTORE -> "https://app.mi.com/details?id=com." + accountId.replace("dev_", "") + ".app" + (number % 97);
      case WEB -> "https://www." + pickSite(rng) + "/news/" + n + ".html";
    };
  }

  private static String pickSite(SplittableRandom rng) {
    String[] sites = {"xinwen-zixun.cn", "caijing-daily.com", "shangye-ping.net", "cs-forum.cn", "life-bbs.com",
        "kuaixun.net", "qiye-guancha.com", "difang-xinwen.cn"};
    return sites[rng.nextInt(sites.length)];
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder();
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  private static String base36(long v) {
    return Long.toString(v & Long.MAX_VALUE, 36);
  }
}
