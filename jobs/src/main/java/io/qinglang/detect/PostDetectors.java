package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;

import io.qinglang.registry.EnterpriseRegistry;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The per-post detectors together: adds {@value PersonalDataDetector#COLUMN},
 * {@value ImpersonationDetector#COLUMN}, {@value QuoteContextDetector#COLUMN},
 * {@value SuggestionDetector#COLUMN}, {@value HotEventDetector#COLUMN} and {@value TradeSecretDetector#COLUMN} to a
 * frame with the posts columns, and
 * joins the coordinated-campaign member evidence ({@value CampaignDetector#COLUMN}). This is what the
 * score job calls before {@link FusionPolicy#fuse}:
 *
 * <pre>{@code
 * PostDetectors detectors = PostDetectors.of(resources, registry);
 * Dataset<Row> withEvidence = detectors.withEvidence(posts, detectors.officialContacts(posts));
 * // ... classifier columns (category, confidence, probabilities, needs_review, evidence) ...
 * CampaignDetector.Result campaigns = CampaignDetector.of(resources, registry).detect(scored, runId, now, log);
 * Dataset<Row> all = PostDetectors.withCampaignEvidence(withEvidence, campaigns.memberEvidence());
 * Dataset<Row> fused = new FusionPolicy(settings.fusion()).fuse(all, PostDetectors.EVIDENCE_COLUMNS, names);
 * }</pre>
 */
public final class PostDetectors {
  /** Every evidence column the detectors add, in the order fusion merges them. */
  public static final List<String> EVIDENCE_COLUMNS =
      List.of(PersonalDataDetector.COLUMN, ImpersonationDetector.COLUMN, QuoteContextDetector.COLUMN,
          SuggestionDetector.COLUMN, HotEventDetector.COLUMN, TradeSecretDetector.COLUMN, CampaignDetector.COLUMN);
  /** The columns {@link #withEvidence} adds (every evidence column but the campaigns'). */
  public static final List<String> PER_POST_COLUMNS = EVIDENCE_COLUMNS.subList(0, EVIDENCE_COLUMNS.size() - 1);

  private final PersonalDataDetector personalData;
  private final ImpersonationDetector impersonation;
  private final QuoteContextDetector quoteContext;
  private final SuggestionDetector suggestions;
  private final HotEventDetector hotEvents;
  private final TradeSecretDetector tradeSecrets;

  public PostDetectors(PersonalDataDetector personalData, ImpersonationDetector impersonation,
      QuoteContextDetector quoteContext, SuggestionDetector suggestions, HotEventDetector hotEvents,
      TradeSecretDetector tradeSecrets) {
    this.personalData = personalData;
    this.impersonation = impersonation;
    this.quoteContext = quoteContext;
    this.suggestions = suggestions;
    this.hotEvents = hotEvents;
    this.tradeSecrets = tradeSecrets;
  }

  public static PostDetectors of(DetectorResources resources, EnterpriseRegistry registry) {
    return new PostDetectors(new PersonalDataDetector(resources.personalDataRecognizer(), registry),
        resources.impersonation(registry), resources.quoteContextDetector(), resources.suggestionDetector(),
        resources.hotEventDetector(), resources.tradeSecretDetector());
  }

  public PersonalDataDetector personalData() {
    return personalData;
  }

  public ImpersonationDetector impersonation() {
    return impersonation;
  }

  /** Contacts official accounts publish in {@code posts} (see {@link PersonalDataDetector#officialContacts}). */
  public Set<String> officialContacts(Dataset<Row> posts) {
    return personalData.officialContacts(posts);
  }

  /** Adds the personal-data, impersonation, quote-context, suggestion, hot-event and trade-secret evidence columns. */
  public Dataset<Row> withEvidence(Dataset<Row> posts, Set<String> officialContacts) {
    return tradeSecrets.withEvidence(hotEvents.withEvidence(suggestions.withEvidence(quoteContext.withEvidence(
        impersonation.withEvidence(personalData.withEvidence(posts, officialContacts), officialContacts)))));
  }

  /**
   * Adds {@value CampaignDetector#COLUMN} from a campaign result's member evidence (null for posts
   * in no attack cluster).
   */
  public static Dataset<Row> withCampaignEvidence(Dataset<Row> posts, Dataset<Row> memberEvidence) {
    Dataset<Row> ev = memberEvidence.select(col("platform").as("ce_platform"), col("post_id").as("ce_post_id"),
        col(CampaignDetector.COLUMN));
    return posts.join(ev, posts.col("platform").equalTo(ev.col("ce_platform"))
            .and(posts.col("post_id").equalTo(ev.col("ce_post_id"))), "left")
        .drop("ce_platform", "ce_post_id");
  }
}
