package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * How detector evidence and the classifier's output combine into the final category of a post. A
 * pure function of (classifier probabilities, classifier decision, evidence list), the same on the
 * driver and in tasks.
 *
 * <p>Evidence counts for a category by its source: {@code personal_data} for 3, {@code impersonation}
 * for 1 (except {@code reseller_claim} and {@code declared_not_own}, which never decide),
 * {@code coordination}/{@code attack_cluster} for 9, {@code quote_context} (a quote cut out of context,
 * {@link QuoteContextDetector}; except {@code hearsay_headline} and {@code own_admission}, which never decide) for 5,
 * {@code suggestion} (an allegation in a suggestion or hot-list entry, {@link SuggestionDetector}; never more
 * than review-level) for 6, {@code hot_event} (marketing that rides a disaster or scandal, {@link HotEventDetector};
 * never more than review-level) for 9, {@code trade_secret} (a confidential document or figure put out,
 * {@link TradeSecretDetector}; never more than review-level) for 3. Evidence
 * at or above {@code flag-score} is <em>strong</em>; between {@code review-score} and
 * {@code flag-score} it is <em>review-level</em>; below it only documents. The rules, first match wins:
 * <ol>
 *   <li>strong personal-data evidence: 3, whatever the wording (a validated ID number with private
 *       context is a leak even in a post the classifier calls harmless);</li>
 *   <li>strong impersonation evidence: 1 (an account or app under an enterprise's name that is not
 *       one of its official accounts, or a post promoting such a channel), unless the classifier decided
 *       one of {@code impersonation-yields-to} (4, 8 by default: a scam or extortion under the name is
 *       what those categories are; an entry says the evidence yielded);</li>
 *   <li>a post of a registered official account ({@code registry/official_account} evidence, which the
 *       impersonation detector adds and which decides nothing else) never gets a category of
 *       {@code official-account-withholds} from the classifier (1 and 5 by default: an account cannot
 *       impersonate its own enterprise, and its own announcements are not clickbait against it): that
 *       category is withheld (a fusion entry says so), the rules below read it as 0, and corroboration
 *       does not give it either;</li>
 *   <li>a post that says it is not the enterprise's own ({@code impersonation/declared_not_own} evidence: a
 *       dealer's "（非厂家）", a fan page's "（非官方）", the opposite of an impersonator's claim) never gets 1 from
 *       the classifier: it is withheld as above, and the post is marked for review;</li>
 *   <li>a post whose headline reports what others say ({@code quote_context/hearsay_headline} evidence: "听说X倒闭了？",
 *       "网传……"; {@link HearsayHeadline}) never gets 5 from the classifier: it is withheld as above, and the post is
 *       marked for review (strong quote-context evidence still decides 5 below);</li>
 *   <li>a post that cites the enterprise's own admission and pushes no rival ({@code quote_context/own_admission}
 *       evidence: "X官方已经承认……", "X自己都发声明道歉了"; {@link OwnAdmission}) never gets 10 from the classifier: it is
 *       withheld as above, and the post is marked for review;</li>
 *   <li>the classifier's category when it is one of {@code coordination-yields-to} (1, 3, 4, 6, 7, 8
 *       by default: more specific than a campaign);</li>
 *   <li>strong coordination evidence (member of an attack cluster): 9 (a smear narrative, clickbait or
 *       a fabricated smear of a competitor that many accounts post together is a coordinated attack);</li>
 *   <li>any other non-zero classifier category (2, 5, 9, 10);</li>
 *   <li>strong quote-context evidence: 5 (the headline states as said what the body shows the
 *       speaker said under a condition, denied or rejected);</li>
 *   <li>corroboration: review-level evidence for the classifier's top class, when that class's
 *       probability reaches {@code corroboration-probability} although the classifier did not flag
 *       it, gives that class;</li>
 *   <li>otherwise 0; {@code needs_review} when the classifier asked for review or review-level
 *       evidence exists.</li>
 * </ol>
 * Evidence never flags on its own weak signal: a published hotline or a contact posted by an official
 * account produces no evidence at all, a masked number in a news report is not recognised, a bare
 * mobile number in an ad scores below review, a reseller's claim stays at review level, and so does
 * an enterprise's exact name on a platform where the registry lists no official account of it (the
 * genuine account cannot be told from a fake there; see {@link ImpersonationDetector}). The
 * confidence of a detector decision is the larger of the evidence score and the classifier's
 * probability for that category. Every decision adds one {@code fusion} evidence entry saying which
 * rule decided.
 */
public final class FusionPolicy implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The struct {@link #column} returns. */
  public static final StructType DECISION = new StructType()
      .add("category", DataTypes.IntegerType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("needs_review", DataTypes.BooleanType, false)
      .add("evidence", EvidenceSchema.ARRAY, false);

  /** The fused decision; {@code evidence} is the input evidence plus the fusion entry. */
  public record Decision(int category, double confidence, boolean needsReview, String rule, List<Evidence> evidence) {
    Row toRow() {
      List<Row> rows = new ArrayList<>(evidence.size());
      for (Evidence e : evidence) {
        rows.add(e.toRow());
      }
      return RowFactory.create(category, confidence, needsReview, rows);
    }
  }

  /**
   * Evidence that the post is the opposite of what the classifier's category says (the writer's own word, so the
   * post goes to review): the category is withheld, and a fusion entry of the evidence's kind says why.
   */
  private record Withholding(Predicate<Evidence> marks, int category, String kind, String why) {}

  private static final List<Withholding> WITHHOLDINGS = List.of(
      new Withholding(FusionPolicy::declaresNotOwn, 1, ImpersonationDetector.DECLARED_NOT_OWN,
          "the post says it is not the enterprise's own, which an impersonator does not"),
      new Withholding(FusionPolicy::reportsHearsay, 5, HearsayHeadline.KIND,
          "the headline reports what others say, which clickbait does not"),
      new Withholding(FusionPolicy::citesOwnAdmission, 10, OwnAdmission.KIND,
          "the post cites the enterprise's own admission and pushes no rival, which a fabricated smear does not"));

  private final DetectSettings.Fusion settings;

  public FusionPolicy(DetectSettings.Fusion settings) {
    this.settings = settings;
  }

  /** The category a piece of evidence speaks for, or -1 when it decides nothing. */
  public static int categoryOf(Evidence e) {
    return switch (e.source()) {
      case Evidence.PERSONAL_DATA -> 3;
      case Evidence.IMPERSONATION -> e.kind().equals("reseller_claim")
          || e.kind().equals(ImpersonationDetector.DECLARED_NOT_OWN) ? -1 : 1;
      case Evidence.COORDINATION -> e.kind().equals("attack_cluster") ? 9 : -1;
      case Evidence.QUOTE_CONTEXT -> e.kind().equals(HearsayHeadline.KIND) || e.kind().equals(OwnAdmission.KIND) ? -1 : 5;
      case Evidence.SUGGESTION -> 6;
      case Evidence.HOT_EVENT -> 9;
      case Evidence.TRADE_SECRET -> 3;
      default -> -1;
    };
  }

  /**
   * @param probabilities classifier probability per category (index = id), or null without a classifier
   * @param classifierCategory the classifier's decision after its own thresholds (0 when none)
   * @param classifierConfidence its confidence
   * @param classifierNeedsReview whether it asked for review
   * @param evidence classifier and detector evidence
   */
  public Decision decide(double[] probabilities, int classifierCategory, double classifierConfidence,
      boolean classifierNeedsReview, List<Evidence> evidence) {
    List<Evidence> all = new ArrayList<>(evidence);
    Optional<Evidence> pd = strongest(evidence, 3);
    Optional<Evidence> imp = strongest(evidence, 1);
    Optional<Evidence> coord = strongest(evidence, 9);
    double flag = settings.flagScore();
    String classifier = String.format(Locale.ROOT, "classifier %d (%.2f)", classifierCategory, classifierConfidence);
    if (pd.isPresent() && pd.get().scoreOrZero() >= flag) {
      return detector(3, pd.get(), probabilities, "personal_data", classifier, all);
    }
    if (imp.isPresent() && imp.get().scoreOrZero() >= flag) {
      if (!settings.impersonationYieldsTo().contains(classifierCategory)) {
        return detector(1, imp.get(), probabilities, "impersonation", classifier, all);
      }
      all.add(new Evidence(Evidence.FUSION, "impersonation_yields", String.format(Locale.ROOT,
          "%s/%s (%.2f) left to the %s: the name serves a scam or extortion, which the classifier named",
          imp.get().source(), imp.get().kind(), imp.get().scoreOrZero(), classifier), null, null, null, null));
    }
    boolean official = evidence.stream().anyMatch(FusionPolicy::isOfficialAccount);
    Set<Integer> withheld = official ? settings.officialAccountWithholds() : Set.of();
    if (withheld.contains(classifierCategory)) {
      all.add(new Evidence(Evidence.FUSION, "official_account", "the " + classifier
          + " withheld: the post comes from a registered official account (fusion.official-account-withholds)",
          null, null, null, null));
      classifierCategory = 0;
    }
    for (Withholding w : WITHHOLDINGS) {
      if (evidence.stream().anyMatch(w.marks())) {
        withheld = with(withheld, w.category());
        if (classifierCategory == w.category()) {
          all.add(new Evidence(Evidence.FUSION, w.kind(),
              "the " + classifier + " withheld: " + w.why() + "; for review", null, null, null, null));
          classifierCategory = 0;
          classifierNeedsReview = true;
        }
      }
    }
    if (classifierCategory != 0 && settings.coordinationYieldsTo().contains(classifierCategory)) {
      return classifierDecision(classifierCategory, classifierConfidence, "classifier", classifier, all);
    }
    if (coord.isPresent() && coord.get().scoreOrZero() >= flag) {
      return detector(9, coord.get(), probabilities, "coordination", classifier, all);
    }
    if (classifierCategory != 0) {
      return classifierDecision(classifierCategory, classifierConfidence, "classifier", classifier, all);
    }
    Optional<Evidence> quote = strongest(evidence, 5);
    if (quote.isPresent() && quote.get().scoreOrZero() >= flag) {
      return detector(5, quote.get(), probabilities, "quote_context", classifier, all);
    }
    int top = topClass(probabilities);
    if (top > 0 && !withheld.contains(top) && probabilities[top] >= settings.corroborationProbability()) {
      Optional<Evidence> support = strongest(evidence, top)
          .filter(e -> e.scoreOrZero() >= settings.reviewScore());
      if (support.isPresent()) {
        double confidence = Math.max(probabilities[top], support.get().scoreOrZero());
        all.add(new Evidence(Evidence.FUSION, "corroborated", String.format(Locale.ROOT,
            "category %d: the classifier's top class (p=%.2f, below its threshold) confirmed by %s/%s (%.2f)", top,
            probabilities[top], support.get().source(), support.get().kind(), support.get().scoreOrZero()),
            null, null, null, confidence));
        return new Decision(top, confidence, false, "corroborated", all);
      }
    }
    boolean reviewEvidence = evidence.stream().anyMatch(e -> categoryOf(e) >= 0 || "reseller_claim".equals(e.kind())
        ? e.scoreOrZero() >= settings.reviewScore() : false);
    boolean review = classifierNeedsReview || reviewEvidence;
    if (reviewEvidence) {
      all.add(new Evidence(Evidence.FUSION, "review", "no violation decided; detector evidence at review level",
          null, null, null, null));
    }
    double confidence = probabilities != null && probabilities.length > 0 ? probabilities[0] : classifierConfidence;
    return new Decision(0, clamp(confidence), review, review ? "review" : "none", all);
  }

  private Decision detector(int category, Evidence e, double[] probabilities, String rule, String classifier,
      List<Evidence> all) {
    double p = probabilities != null && probabilities.length > category ? probabilities[category] : 0.0;
    double confidence = clamp(Math.max(e.scoreOrZero(), p));
    all.add(new Evidence(Evidence.FUSION, rule, String.format(Locale.ROOT,
        "category %d from %s/%s (%.2f) over %s", category, e.source(), e.kind(), e.scoreOrZero(), classifier),
        null, null, null, confidence));
    return new Decision(category, confidence, false, rule, all);
  }

  private static Decision classifierDecision(int category, double confidence, String rule, String classifier,
      List<Evidence> all) {
    all.add(new Evidence(Evidence.FUSION, rule, "category " + category + " from the " + classifier, null, null, null,
        clamp(confidence)));
    return new Decision(category, clamp(confidence), false, rule, all);
  }

  /** The set plus one category, copied only when it lacks it (fusion runs once per post). */
  private static Set<Integer> with(Set<Integer> categories, int category) {
    if (categories.contains(category)) {
      return categories;
    }
    Set<Integer> more = new HashSet<>(categories);
    more.add(category);
    return more;
  }

  private static boolean reportsHearsay(Evidence e) {
    return Evidence.QUOTE_CONTEXT.equals(e.source()) && HearsayHeadline.KIND.equals(e.kind());
  }

  private static boolean citesOwnAdmission(Evidence e) {
    return Evidence.QUOTE_CONTEXT.equals(e.source()) && OwnAdmission.KIND.equals(e.kind());
  }

  private static boolean declaresNotOwn(Evidence e) {
    return Evidence.IMPERSONATION.equals(e.source()) && ImpersonationDetector.DECLARED_NOT_OWN.equals(e.kind());
  }

  private static boolean isOfficialAccount(Evidence e) {
    return Evidence.REGISTRY.equals(e.source()) && ImpersonationDetector.OFFICIAL_ACCOUNT.equals(e.kind());
  }

  private static Optional<Evidence> strongest(List<Evidence> evidence, int category) {
    return evidence.stream().filter(e -> categoryOf(e) == category).max(Comparator.comparingDouble(Evidence::scoreOrZero));
  }

  private static int topClass(double[] p) {
    if (p == null || p.length == 0) {
      return -1;
    }
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }

  // ---- Spark ----

  /**
   * The fused decision as a struct column {@link #DECISION}, from the classifier's columns and any
   * number of evidence columns (array of {@link EvidenceSchema} structs; nulls count as empty). Use
   * {@link #fuse} to replace a scored frame's columns with it.
   */
  public Column column(Column probabilities, Column category, Column confidence, Column needsReview,
      List<Column> evidenceColumns) {
    Column empty = array().cast(EvidenceSchema.ARRAY);
    Column evidence = evidenceColumns.isEmpty() ? empty
        : concat(evidenceColumns.stream().map(c -> coalesce(c.cast(EvidenceSchema.ARRAY), empty)).toArray(Column[]::new));
    FusionPolicy policy = this;
    return functions.udf((UDF5<scala.collection.Seq<Object>, Integer, Double, Boolean, scala.collection.Seq<Row>, Row>)
        (p, c, conf, review, ev) -> {
          double[] probs = null;
          if (p != null) {
            List<Object> list = JavaConverters.seqAsJavaList(p);
            probs = new double[list.size()];
            for (int i = 0; i < probs.length; i++) {
              probs[i] = list.get(i) == null ? 0.0 : ((Number) list.get(i)).doubleValue();
            }
          }
          List<Evidence> items = new ArrayList<>();
          if (ev != null) {
            for (Row r : JavaConverters.seqAsJavaList(ev)) {
              items.add(Evidence.fromRow(r));
            }
          }
          return policy.decide(probs, c == null ? 0 : c, conf == null ? 0.0 : conf, review != null && review, items)
              .toRow();
        }, DECISION).withName("fuse_evidence")
        .apply(probabilities.cast("array<double>"), category.cast("int"), confidence.cast("double"),
            needsReview.cast("boolean"), evidence);
  }

  /**
   * Replaces {@code category}, {@code confidence}, {@code needs_review}, {@code evidence} and
   * {@code category_name} of a scored frame with the fused decision; the listed evidence columns are
   * merged into {@code evidence} and dropped. Frames without a classifier (no {@code probabilities}
   * or {@code category} column) are fused on the evidence alone.
   */
  public Dataset<Row> fuse(Dataset<Row> scored, List<String> evidenceColumns, Map<Integer, String> categoryNames) {
    Set<String> cols = Set.of(scored.columns());
    Column probabilities = cols.contains("probabilities") ? col("probabilities") : lit(null).cast("array<double>");
    Column category = cols.contains("category") ? col("category") : lit(0);
    Column confidence = cols.contains("confidence") ? col("confidence") : lit(0.0);
    Column needsReview = cols.contains("needs_review") ? col("needs_review") : lit(false);
    List<Column> evidence = new ArrayList<>();
    if (cols.contains("evidence")) {
      evidence.add(col("evidence"));
    }
    for (String c : evidenceColumns) {
      evidence.add(col(c));
    }
    List<Column> pairs = new ArrayList<>();
    categoryNames.forEach((id, name) -> {
      pairs.add(lit(id));
      pairs.add(lit(name));
    });
    Column names = pairs.isEmpty() ? lit(null).cast("string")
        : functions.element_at(functions.map(pairs.toArray(new Column[0])), col("fused.category"));
    return scored.withColumn("fused", column(probabilities, category, confidence, needsReview, evidence))
        .withColumn("category", col("fused.category"))
        .withColumn("category_name", coalesce(names, col("fused.category").cast("string")))
        .withColumn("confidence", col("fused.confidence"))
        .withColumn("needs_review", col("fused.needs_review"))
        .withColumn("evidence", col("fused.evidence"))
        .drop(evidenceColumns.toArray(new String[0]))
        .drop("fused");
  }
}
