package io.qinglang.ingest;

import java.util.List;
import java.util.Set;

/** The archive format's field names (see README, "The archive format"). */
public final class ArchiveFields {
  public static final String POST_ID = "post_id";
  public static final String PLATFORM = "platform";
  public static final String CONTENT_TYPE = "content_type";
  public static final String ACCOUNT_ID = "account_id";
  public static final String ACCOUNT_NAME = "account_name";
  public static final String PUBLISHED_AT = "published_at";
  public static final String TITLE = "title";
  public static final String CONTENT = "content";
  public static final String URL = "url";
  public static final String REPOST_COUNT = "repost_count";
  public static final String COMMENT_COUNT = "comment_count";
  public static final String LIKE_COUNT = "like_count";
  public static final String IP_REGION = "ip_region";
  public static final String QUERY = "query";

  public static final List<String> ALL = List.of(POST_ID, PLATFORM, CONTENT_TYPE, ACCOUNT_ID, ACCOUNT_NAME,
      PUBLISHED_AT, TITLE, CONTENT, URL, REPOST_COUNT, COMMENT_COUNT, LIKE_COUNT, IP_REGION, QUERY);
  public static final Set<String> KNOWN = Set.copyOf(ALL);

  public static final List<String> CONTENT_TYPES =
      List.of("post", "comment", "article", "video", "account", "app", "search_suggestion");

  private ArchiveFields() {}
}
