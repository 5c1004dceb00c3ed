package io.qinglang.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  static final Instant RUN = Instant.parse("2026-01-01T00:00:00Z");
  static final int MAX = 20;

  static final QinglangConfig DEFAULTS = ConfigLoader.load(null);

  private final RecordValidator validator = new RecordValidator(DEFAULTS.platforms(),
      ZoneId.of("Asia/Shanghai"), MAX, LocalDate.of(2000, 1, 1), RUN, DEFAULTS.ingest().contentTypeAliases());

  /** A valid record; tests change or remove fields with {@code with}. */
  private static Map<String, Object> post() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("post_id", "p1");
    m.put("platform", "weibo");
    m.put("account_id", "u1");
    m.put("published_at", "2023-05-01 23:30:00");
    m.put("content", "退款拖了两周");
    return m;
  }

  private static Map<String, Object> with(Object... keyValues) {
    Map<String, Object> m = post();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private ArchiveRecord check(Map<String, Object> fields) {
    return validator.validate("file:/in/a.jsonl", 7, "{raw}", fields);
  }

  private void assertReason(String reason, Map<String, Object> fields) {
    ArchiveRecord r = check(fields);
    assertFalse(r.accepted(), "accepted: " + fields);
    assertEquals(reason, r.reason(), r.detail());
    assertFalse(r.detail().isBlank());
    assertEquals("file:/in/a.jsonl", r.sourceFile());
    assertEquals(7, r.recordNo());
    assertEquals("{raw}", r.rawRecord());
  }

  @Test
  void validRecordIsNormalised() {
    ArchiveRecord r = check(with("platform", " 微博 ", "like_count", "1.2万", "comment_count", 3L, "repost_count", null,
        "title", "标题", "ip_region", "广东", "url", "https://weibo.com/1"));
    assertTrue(r.accepted(), r.detail());
    assertEquals("p1", r.postId());
    assertEquals("weibo", r.platform());
    assertEquals("post", r.contentType());
    assertEquals("u1", r.accountId());
    assertEquals(Instant.parse("2023-05-01T15:30:00Z"), r.publishedAt());
    assertEquals(LocalDate.of(2023, 5, 1), r.publishedDate());
    assertEquals(12_000L, r.likeCount());
    assertEquals(3L, r.commentCount());
    assertNull(r.repostCount());
    assertEquals("标题", r.title());
    assertEquals("广东", r.ipRegion());
    assertEquals("https://weibo.com/1", r.url());
    assertNull(r.accountName());
    assertNull(r.query());
    assertTrue(r.extra().isEmpty());
    assertEquals(RecordValidator.contentHash("标题", "退款拖了两周"), r.contentHash());
  }

  @Test
  void platformIdsAndAliasesIgnoreCase() {
    assertEquals("toutiao", check(with("platform", "Toutiao")).platform());
    assertEquals("weibo", check(with("platform", "wb")).platform());
    assertEquals("bilibili", check(with("platform", "B站")).platform());
    assertEquals("wechat", check(with("platform", "公众号")).platform());
    assertEquals("video", check(with("content_type", "VIDEO")).contentType());
  }

  @Test
  void contentTypeAliasesStandForTheFormatsTypes() {
    // Names other archives use (a Zhihu answer, a Xiaohongshu note, a danmaku) are stored as the format's types.
    assertEquals("post", check(with("content_type", "answer")).contentType());
    assertEquals("post", check(with("content_type", " Note ")).contentType());
    assertEquals("post", check(with("content_type", "笔记")).contentType());
    assertEquals("comment", check(with("content_type", "弹幕")).contentType());
    assertEquals("search_suggestion", check(with("content_type", "联想词")).contentType());
    ArchiveRecord bad = validator.validate("f", 1, "{}", with("content_type", "tweet"));
    assertEquals("bad_value:content_type", bad.reason());
    assertTrue(bad.detail().contains("nor an alias in qinglang.ingest.content-type-aliases"), bad.detail());
  }

  @Test
  void localDateUsesTheConfiguredZone() {
    // Ten past midnight on July 1st in Shanghai is still June 30th in UTC; the local date is July 1st.
    ArchiveRecord r = check(with("published_at", "2023-07-01T00:10:00+08:00"));
    assertEquals(Instant.parse("2023-06-30T16:10:00Z"), r.publishedAt());
    assertEquals(LocalDate.of(2023, 7, 1), r.publishedDate());
  }

  @Test
  void numbersAreAcceptedAsIds() {
    ArchiveRecord r = check(with("post_id", 4891234567890123L, "account_id", new BigDecimal("1.20E+3"),
        "content", 42L));
    assertTrue(r.accepted(), r.detail());
    assertEquals("4891234567890123", r.postId());
    assertEquals("1200", r.accountId());
    assertEquals("42", r.content());
    assertEquals("12.5", check(with("post_id", new BigDecimal("12.50"))).postId());
  }

  @Test
  void extraFieldsAreKept() {
    ArchiveRecord r = check(with("topic", "财经", "tags", List.of("a", "b"), "score", 5L,
        "meta", Map.of("k", "v"), "flag", true, "empty", null));
    assertTrue(r.accepted(), r.detail());
    assertEquals(Map.of("topic", "财经", "tags", "[\"a\",\"b\"]", "score", "5", "meta", "{\"k\":\"v\"}", "flag", "true"),
        r.extra());
  }

  @Test
  void everyReasonCode() {
    assertEquals("bad_encoding", validator.validate("f", 1, "{\"content\":\"X\uFFFD\"}", post()).reason());
    Map<String, Object> noId = post();
    noId.remove("post_id");
    assertReason("missing_field:post_id", noId);
    assertReason("missing_field:post_id", with("post_id", "   "));
    assertReason("missing_field:platform", with("platform", null));
    assertReason("unknown_platform", with("platform", "myspace"));
    assertReason("missing_field:account_id", with("account_id", ""));
    assertReason("missing_field:published_at", with("published_at", null));
    assertReason("bad_type:published_at", with("published_at", Map.of("s", 1)));
    assertReason("bad_type:published_at", with("published_at", true));
    assertReason("bad_timestamp", with("published_at", "yesterday"));
    assertReason("bad_timestamp", with("published_at", -1L));
    assertReason("bad_timestamp", with("published_at", "1999-12-31T15:59:59Z"));
    assertReason("bad_timestamp", with("published_at", "2026-01-02T00:00:01Z"));
    assertReason("missing_field:content", with("content", " \n "));
    assertReason("bad_type:content", with("content", Map.of("text", "对象")));
    assertReason("bad_type:title", with("title", List.of("a")));
    assertReason("bad_type:post_id", with("post_id", false));
    assertReason("bad_value:content_type", with("content_type", "tweet"));
    assertReason("bad_type:account_name", with("account_name", List.of()));
    assertReason("bad_type:like_count", with("like_count", "lots"));
    assertReason("bad_type:repost_count", with("repost_count", 1.5));
    assertReason("bad_value:comment_count", with("comment_count", -1L));
    assertReason("bad_value:like_count", with("like_count", "-3"));
    assertReason("content_too_long", with("content", "长".repeat(MAX + 1)));
    assertReason("content_too_long", with("title", "长".repeat(MAX + 1)));
  }

  @Test
  void theBadEncodingCheckComesFirstAndTheRawTextDecidesIt() {
    ArchiveRecord r = validator.validate("f", 1, "{\"post_id\":\"\uFFFD\"}", Map.of());
    assertEquals("bad_encoding", r.reason());
    assertTrue(check(post()).accepted(), "the marker in the raw text, not in the fields, decides");
  }

  @Test
  void checksRunInAFixedOrder() {
    // Several problems at once: the earliest check names the record's reason.
    assertReason("missing_field:post_id", with("post_id", null, "platform", "myspace", "content", null));
    assertReason("unknown_platform", with("platform", "myspace", "account_id", null));
    assertReason("missing_field:account_id", with("account_id", null, "published_at", "yesterday"));
    assertReason("bad_timestamp", with("published_at", "yesterday", "content", null));
    assertReason("missing_field:content", with("content", null, "content_type", "tweet"));
    assertReason("bad_type:title", with("title", List.of(), "content_type", "tweet"));
    assertReason("bad_value:content_type", with("content_type", "tweet", "like_count", "lots"));
    assertReason("bad_type:repost_count", with("repost_count", "lots", "like_count", -1L));
    assertReason("bad_type:like_count", with("like_count", "lots", "content", "长".repeat(MAX + 1)));
  }

  @Test
  void rejectedRecordsKeepThePostIdAndTheCanonicalPlatform() {
    ArchiveRecord missingAccount = check(with("platform", "抖音", "account_id", null));
    assertEquals("p1", missingAccount.postId());
    assertEquals("douyin", missingAccount.platform());
    ArchiveRecord unknown = check(with("platform", "myspace"));
    assertEquals("p1", unknown.postId());
    assertNull(unknown.platform());
    assertNull(unknown.contentHash());
  }

  @Test
  void contentHashIsStableAndSensitiveToTitleAndContent() {
    String h = RecordValidator.contentHash("标题", "正文");
    assertTrue(h.matches("[0-9a-f]{64}"), h);
    assertEquals(h, RecordValidator.contentHash("标题", "正文"));
    assertEquals(h, check(with("title", "标题", "content", "正文", "post_id", "other", "like_count", 5L)).contentHash());
    assertNotEquals(h, RecordValidator.contentHash("标题！", "正文"));
    assertNotEquals(h, RecordValidator.contentHash("标题", "正文。"));
    assertNotEquals(h, RecordValidator.contentHash(null, "正文"));
    assertEquals(RecordValidator.contentHash(null, "正文"), RecordValidator.contentHash("", "正文"));
    // Title and content are kept apart: moving text from one to the other changes the hash.
    assertNotEquals(RecordValidator.contentHash("ab", "c"), RecordValidator.contentHash("a", "bc"));
  }

  @Test
  void validatorSurvivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(validator);
    }
    RecordValidator copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RecordValidator) in.readObject();
    }
    ArchiveRecord r = copy.validate("f", 1, "{}", post());
    assertTrue(r.accepted(), r.detail());
    assertEquals(Instant.parse("2023-05-01T15:30:00Z"), r.publishedAt());
    assertEquals("unknown_platform", copy.validate("f", 2, "{}", with("platform", "myspace")).reason());
  }
}
