package io.qinglang.generate;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Posts whose text comes from the real corpora of {@code --real-text}: Weibo posts, news and finance
 * headlines and positive reviews as ordinary posts; negative reviews as hard negatives (an honest bad
 * review is legitimate criticism). Their form ids start with {@code real.}.
 */
final class RealPosts {
  private static Form form(String id, String kind, Form.Shape shape) {
    return new Form(id, 0, kind, shape, false, 1, Form.Persona.USER, List.of(), null, false, false, List.of(),
        List.of(Template.parse("")), List.of(), List.of());
  }

  private static final Form WEIBO = form("real.weibo", "ord.real", Form.Shape.SHORT);
  private static final Form HEADLINE = form("real.headline", "ord.real", Form.Shape.SHORT);
  private static final Form FINANCE = form("real.finance_headline", "ord.real", Form.Shape.SHORT);
  private static final Form GOOD = form("real.review_good", "ord.real", Form.Shape.SHORT);
  private static final Form BAD = form("real.review_bad", "neg.real_review", Form.Shape.SHORT);

  private RealPosts() {}

  /** A real-text post, or null when the corpora hold nothing of the kind for this split. */
  static Post post(PostGenerator gen, SplittableRandom rng, long i, LocalDateTime published, boolean ordinary) {
    RealText real = gen.real;
    FormSplit mode = gen.options.forms();
    RealText.Lines lines;
    Form form;
    Platform plat;
    if (!ordinary) {
      lines = real.badReviews;
      form = BAD;
      plat = pick(rng, Platform.WEIBO, Platform.XIAOHONGSHU, Platform.TIEBA, Platform.WEB, Platform.TOUTIAO,
          Platform.ZHIHU);
    } else {
      int r = rng.nextInt(100);
      if (r < 38) {
        lines = real.weibo;
        form = WEIBO;
        plat = Platform.WEIBO;
      } else if (r < 68) {
        lines = real.headlines;
        form = HEADLINE;
        plat = pick(rng, Platform.TOUTIAO, Platform.TOUTIAO, Platform.DOUYIN, Platform.KUAISHOU, Platform.WEIBO);
      } else if (r < 80) {
        lines = real.financeHeadlines;
        form = FINANCE;
        plat = pick(rng, Platform.TOUTIAO, Platform.WEIBO, Platform.WECHAT, Platform.WEB);
      } else {
        lines = real.goodReviews;
        form = GOOD;
        plat = pick(rng, Platform.XIAOHONGSHU, Platform.WEIBO, Platform.TIEBA, Platform.WEB);
      }
    }
    if (!lines.usable(mode)) {
      return null;
    }
    String text = lines.pick(rng, mode);
    PostContext ctx = new PostContext(gen, rng, form, published, false);
    ctx.platform = plat.id();
    Post p = new Post();
    p.platform = plat;
    p.formId = form.id();
    p.formKind = form.kind();
    p.split = Long.remainderUnsigned(Hashing.fnv("real\u0001" + text), 5) == 0 ? "heldout" : "train";
    p.category = 0;
    p.kind = PostGenerator.Kind.REGULAR.id();
    p.content = text;
    switch (plat) {
      case DOUYIN, KUAISHOU -> {
        p.contentType = "video";
        p.title = text;
        p.content = text + " #" + ctx.slotPlain("dy_tag");
      }
      case XIAOHONGSHU -> {
        p.contentType = "post";
        p.title = Register.deriveTitle(text);
      }
      case TIEBA -> {
        p.contentType = rng.nextBoolean() ? "comment" : "post";
        if (p.contentType.equals("post")) {
          p.title = Register.deriveTitle(text);
        }
      }
      case WECHAT, ZHIHU -> p.contentType = "comment";
      case WEB -> p.contentType = "comment";
      default -> p.contentType = "post";
    }
    String[] account = gen.account(ctx, form == FINANCE || form == HEADLINE ? Form.Persona.MEDIA : Form.Persona.USER,
        plat);
    p.accountId = account[0];
    p.accountName = account[1];
    gen.finish(ctx, p, plat, i, published);
    return p;
  }

  private static Platform pick(SplittableRandom rng, Platform... options) {
    return options[rng.nextInt(options.length)];
  }
}
