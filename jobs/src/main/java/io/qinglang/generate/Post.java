package io.qinglang.generate;

import java.util.Set;

/** One generated record: the archive fields, the label and the ground truth behind it. */
final class Post {
  // archive fields
  String postId;
  Platform platform;
  String platformShown;
  String contentType;
  String accountId;
  String accountName;
  Object publishedShown;
  long publishedEpoch;
  String title;
  String content;
  String url;
  Object reposts;
  Object comments;
  Object likes;
  String ipRegion;
  String query;
  // label and truth
  int category;
  /** 1 or 0 for financial-report articles, null otherwise. */
  Integer finClickbait;
  String formId;
  /** The form's kind: viol, or neg.* / ord.* for legitimate posts. */
  String formKind;
  String split;
  String kind;
  String group;
  Set<String> enterpriseIds = Set.of();
  Set<String> pii = Set.of();
  boolean impostor;
  boolean official;
  boolean clean = true;
  /** Slot values used ("slot#index"), when the generator traces (tests). */
  java.util.List<String> trace;
  /** The post id this record repeats (duplicates and edited re-posts), or null. */
  String copyOf;

  /** Appends the archive record as one JSON object (fields in the README's order, absent ones left out). */
  void writeJson(StringBuilder b) {
    b.append('{');
    boolean first = field(b, true, "post_id", postId);
    first = field(b, first, "platform", platformShown);
    first = field(b, first, "content_type", contentType);
    first = field(b, first, "account_id", accountId);
    first = field(b, first, "account_name", accountName);
    first = field(b, first, "published_at", publishedShown);
    first = field(b, first, "title", title);
    first = field(b, first, "content", content);
    first = field(b, first, "url", url);
    first = field(b, first, "repost_count", reposts);
    first = field(b, first, "comment_count", comments);
    first = field(b, first, "like_count", likes);
    first = field(b, first, "ip_region", ipRegion);
    field(b, first, "query", query);
    b.append('}');
  }

  private static boolean field(StringBuilder b, boolean first, String name, Object value) {
    if (value == null) {
      return first;
    }
    if (!first) {
      b.append(',');
    }
    b.append('"').append(name).append("\":");
    Json.value(value, b);
    return false;
  }

  Post copy() {
    Post p = new Post();
    p.postId = postId;
    p.platform = platform;
    p.platformShown = platformShown;
    p.contentType = contentType;
    p.accountId = accountId;
    p.accountName = accountName;
    p.publishedShown = publishedShown;
    p.publishedEpoch = publishedEpoch;
    p.title = title;
    p.content = content;
    p.url = url;
    p.reposts = reposts;
    p.comments = comments;
    p.likes = likes;
    p.ipRegion = ipRegion;
    p.query = query;
    p.category = category;
    p.finClickbait = finClickbait;
    p.formId = formId;
    p.formKind = formKind;
    p.split = split;
    p.kind = kind;
    p.group = group;
    p.enterpriseIds = enterpriseIds;
    p.pii = pii;
    p.impostor = impostor;
    p.official = official;
    p.clean = clean;
    return p;
  }
}
