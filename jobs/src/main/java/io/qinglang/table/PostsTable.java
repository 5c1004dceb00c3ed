package io.qinglang.table;

import static io.qinglang.table.Columns.optional;
import static io.qinglang.table.Columns.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Bronze: every accepted post, one row per (platform, post_id), upserted by MERGE. */
public final class PostsTable extends DeltaTableSpec {
  public static final String NAME = "posts";
  public static final StructType SCHEMA = new StructType()
      .add(required("post_id", StringType, "post id, unique within its platform"))
      .add(required("platform", StringType, "canonical platform id (weibo, douyin, ...)"))
      .add(required("content_type", StringType, "post, comment, article, video, account, app or search_suggestion"))
      .add(required("account_id", StringType, "publishing account (for search suggestions: the system)"))
      .add(optional("account_name", StringType, "display name of the account"))
      .add(required("published_at", TimestampType, "publication time (UTC)"))
      .add(required("published_date", DateType, "publication date in the configured time zone"))
      .add(optional("title", StringType, "article, video or app title"))
      .add(required("content", StringType, "text; bio for accounts, description for apps, the suggestion shown"))
      .add(optional("url", StringType, "link to the post"))
      .add(optional("repost_count", LongType, "reposts when archived"))
      .add(optional("comment_count", LongType, "comments when archived"))
      .add(optional("like_count", LongType, "likes when archived"))
      .add(optional("ip_region", StringType, "province shown by the platform"))
      .add(optional("query", StringType, "for search suggestions: what the user typed"))
      .add(optional("extra", DataTypes.createMapType(StringType, StringType), "archive fields outside the format"))
      .add(required("source_file", StringType, "archive file the current version came from"))
      .add(required("ingest_run_id", StringType, "run that wrote the current version"))
      .add(required("first_seen_at", TimestampType, "when Qinglang first ingested the post (UTC)"))
      .add(required("last_seen_at", TimestampType, "when Qinglang last saw the post in an archive (UTC)"))
      .add(required("content_hash", StringType, "SHA-256 of title and content"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String comment() {
    return "Bronze: posts from platform archives, one row per (platform, post_id)";
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<String> partitionColumns() {
    return List.of("published_date");
  }

  @Override
  public Map<String, String> checkConstraints() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("counts_non_negative", "coalesce(repost_count, 0) >= 0 AND coalesce(comment_count, 0) >= 0 "
        + "AND coalesce(like_count, 0) >= 0");
    c.put("known_content_type", "content_type IN ('post', 'comment', 'article', 'video', 'account', 'app', "
        + "'search_suggestion')");
    return c;
  }

  /**
   * Upserts {@code batch} (one row per key, already deduplicated): new posts are inserted; a post
   * whose content changed is updated; an unchanged post only gets a new last_seen_at.
   */
  public void merge(SparkSession spark, Warehouse warehouse, Dataset<Row> batch) {
    upsertSeen(spark, warehouse, batch, "t.platform = s.platform AND t.post_id = s.post_id", "content_hash");
  }
}
