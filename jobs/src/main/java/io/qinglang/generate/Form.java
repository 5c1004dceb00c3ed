package io.qinglang.generate;

import java.util.List;
import java.util.Locale;

/**
 * A form: one sentence plan of the grammar for one category (or kind of legitimate post), with its
 * fixed train / held-out assignment. A post is generated from exactly one form; its id goes into
 * {@code truth.csv.gz} and the manifest.
 */
public record Form(
    String id,
    int category,
    String kind,
    Shape shape,
    boolean heldout,
    int weight,
    Persona persona,
    List<String> platforms,
    FinType fin,
    boolean campaign,
    boolean fan,
    List<Template> titles,
    List<Template> bodies,
    List<Template> names,
    List<Template> queries) {

  /** How a post looks: which fields it fills and on which platforms it appears. */
  public enum Shape {
    /** A short post or comment (Weibo post, Douyin caption, Bilibili or Zhihu comment, Tieba reply ...). */
    SHORT,
    /** A long text with a title: WeChat or Toutiao article, Zhihu answer, Tieba thread, note. */
    LONG,
    /** A video: title plus caption (Douyin, Kuaishou, Bilibili, Xiaohongshu). */
    VIDEO,
    /** An account profile: display name plus bio. */
    ACCOUNT,
    /** An app-store listing: app name plus description. */
    APP,
    /** A search suggestion or hot-list entry, with the query typed. */
    SUGGESTION,
    /** A financial-report article: title plus a body that states the figures. */
    FIN;

    public static Shape parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** Who publishes the post; decides the account id and name. */
  public enum Persona {
    USER, MEDIA, OFFICIAL, IMPOSTOR, MARKETER, HR, AUTHORITY, SYSTEM, KOL, FAN;

    public static Persona parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** What a financial-report article's title does with the body's figures. */
  public enum FinType {
    /** Reports them faithfully (figures mixed). */
    FAITHFUL,
    /** Reports faithfully a bad result: the key hard negative. */
    FAITHFUL_BAD,
    /** Reports faithfully a good result. */
    FAITHFUL_GOOD,
    /** States the opposite direction. */
    FLIP,
    /** Inflates a modest change (3% becomes 30%, a dip becomes a crash). */
    INFLATE,
    /** Claims catastrophe (bankruptcy, collapse) that the figures do not support. */
    CRISIS,
    /** Presents one weak quarter as a trend while the period grew. */
    TREND,
    /** Headlines a minor metric's fall while the main figures grew. */
    MINOR;

    public boolean distorted() {
      return this != FAITHFUL && this != FAITHFUL_BAD && this != FAITHFUL_GOOD;
    }

    public static FinType parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  public String split() {
    return heldout ? "heldout" : "train";
  }

  /** True for legitimate posts that share vocabulary with violations (kind starting with "neg."). */
  public boolean hardNegative() {
    return category == 0 && kind.startsWith("neg.");
  }
}
