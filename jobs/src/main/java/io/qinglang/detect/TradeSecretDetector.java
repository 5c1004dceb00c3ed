package io.qinglang.detect;

import java.util.Optional;

/**
 * Leaking trade secrets (category 3, besides personal data): a post that names a confidential business
 * document or figure (lexicon {@code trade_secrets.txt}, section {@code secret}: 底价表, 供货价, 配方, 图纸, 客户名单
 * ...) and says the writer has it or puts it out ({@code disclosure}: 我拿到了, 我这有, 全套, 发个福利 ...), unless it
 * reports a leak, a court case or a notice ({@code report}: 泄露事件, 判决, 公告 ...).
 *
 * <p>The evidence is review-level only ({@value #SCORE}): a supplier quoting its own cost to a customer or a
 * buyer showing the quote they were given uses the same words, and only the classifier's reading of the
 * whole post tells them apart. Fusion's corroboration rule gives 3 when the classifier's top class is 3;
 * otherwise the post is only marked for review. Matching is {@link WordPair}'s: half-width text without
 * spaces, a post first checked for a secret word as written.
 */
public final class TradeSecretDetector extends WordPairDetector {
  private static final long serialVersionUID = 1L;
  public static final String COLUMN = "trade_secret_evidence";
  public static final double SCORE = 0.6;
  public static final String KIND = "trade_secret";

  public TradeSecretDetector(Lexicon lexicon, boolean enabled) {
    super(lexicon, new String[] {"secret", "disclosure", "report"}, enabled, COLUMN, Evidence.TRADE_SECRET, KIND, SCORE,
        "the post names a confidential document or figure (\"%s\") and puts it out (\"%s\")");
  }

  /** What was found: the secret named and the words that put it out. */
  public record Finding(String secret, String disclosure) {}

  public Optional<Finding> find(String title, String content) {
    return pair(title, content).map(m -> new Finding(m.first(), m.second()));
  }
}
