package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;

import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.functions;

/**
 * False search suggestions and hot-list entries (category 6): an allegation (lexicon
 * {@code suggestions.txt}, section {@code allegation}: 倒闭, 跑路, 被抓, 致癌 ...) in
 * <ul>
 *   <li>{@code shown}: a record the system shows (content type {@code search_suggestion}, or a post
 *       of the account {@code system}, as hot lists are archived), unless the record also carries a
 *       word of ordinary factual news or service ({@code factual}: 召回, 罚款, 财报, 客服 ...);</li>
 *   <li>{@code cited}: another post, within {@code window} characters of a word by which it says it
 *       saw a suggestion ({@code cue}: 下拉, 联想, 热搜 ...), unless the post refutes it or reports
 *       manipulated suggestions ({@code debunk}: 谣言, 辟谣, 刷出来 ...).</li>
 * </ul>
 * The evidence is review-level only ({@value #SCORE}): a true suggestion can carry the same words
 * as a false one, and only the classifier's reading of the whole post tells them apart. Fusion's
 * corroboration rule gives 6 when the classifier's top class is 6; otherwise the post is only marked
 * for review. Matching is on half-width text without spaces, except that a post which is not a shown
 * record is first checked for a cue word as written (one scan, no copy): most posts have none.
 */
public final class SuggestionDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String COLUMN = "suggestion_evidence";
  public static final double SCORE = 0.6;
  /** The account that publishes what the system shows (README, archive format). */
  public static final String SYSTEM_ACCOUNT = "system";
  static final Set<String> SECTIONS = Set.of("allegation", "factual", "cue", "debunk");

  private final List<String> allegations;
  private final List<String> factual;
  private final List<String> cues;
  private final List<String> debunk;
  private final int window;
  private final boolean enabled;

  public SuggestionDetector(Lexicon lexicon, int window, boolean enabled) {
    lexicon.requireSections(SECTIONS, SECTIONS);
    allegations = QuoteContextDetector.normalized(lexicon.words("allegation"));
    factual = QuoteContextDetector.normalized(lexicon.words("factual"));
    cues = QuoteContextDetector.normalized(lexicon.words("cue"));
    debunk = QuoteContextDetector.normalized(lexicon.words("debunk"));
    this.window = window;
    this.enabled = enabled;
  }

  /** What was found: {@code shown} or {@code cited}, the allegation and the cue (null when shown). */
  public record Finding(String kind, String allegation, String cue) {}

  /** The evidence for one post (empty, or one entry). */
  public List<Evidence> detect(String contentType, String accountId, String title, String content) {
    return find(contentType, accountId, title, content).map(f -> List.of(new Evidence(Evidence.SUGGESTION,
        f.kind(), describe(f), PersonalDataMasker.mask(f.allegation()), null, null, SCORE))).orElse(List.of());
  }

  private static String describe(Finding f) {
    return f.kind().equals("shown")
        ? String.format(Locale.ROOT, "a suggestion or hot-list entry shown with the allegation \"%s\"", f.allegation())
        : String.format(Locale.ROOT, "the post cites a suggestion (\"%s\") with the allegation \"%s\"", f.cue(),
            f.allegation());
  }

  public Optional<Finding> find(String contentType, String accountId, String title, String content) {
    if (!enabled) {
      return Optional.empty();
    }
    boolean shown = "search_suggestion".equals(contentType) || SYSTEM_ACCOUNT.equals(accountId);
    String raw = WordScan.titleAndContent(title, content);
    if (!shown && WordScan.firstIn(raw, cues) == null) {
      return Optional.empty(); // most posts name no cue word, so they are not normalized
    }
    String text = QuoteContextDetector.normalize(raw);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (shown) {
      String allegation = WordScan.firstIn(text, allegations);
      return allegation == null || WordScan.firstIn(text, factual) != null
          ? Optional.empty() : Optional.of(new Finding("shown", allegation, null));
    }
    if (WordScan.firstIn(text, debunk) != null) {
      return Optional.empty();
    }
    for (String cue : cues) {
      for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length())) {
        String near = text.substring(Math.max(0, at - window), Math.min(text.length(), at + cue.length() + window));
        String allegation = WordScan.firstIn(near, allegations);
        if (allegation != null) {
          return Optional.of(new Finding("cited", allegation, cue));
        }
      }
    }
    return Optional.empty();
  }

  /** Adds {@value #COLUMN} (array of evidence structs) from content_type, account_id, title and content. */
  public Dataset<Row> withEvidence(Dataset<Row> posts) {
    return posts.withColumn(COLUMN, column());
  }

  public Column column() {
    SuggestionDetector detector = this;
    return functions.udf((UDF4<String, String, String, String, List<Row>>) (type, account, title, content) ->
        EvidenceColumns.rows(detector.detect(type, account, title, content)), EvidenceSchema.ARRAY).withName(COLUMN)
        .apply(col("content_type"), col("account_id"), col("title"), col("content"));
  }
}
