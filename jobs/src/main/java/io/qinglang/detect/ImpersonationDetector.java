package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;

import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * Impersonation (category 1): account profiles, apps and posts that promote an account, site or app
 * under an enterprise's name, trademark or brand without being one of the enterprise's official
 * accounts.
 *
 * <p>What is checked, per post:
 * <ul>
 *   <li>{@code account} rows: the account name ({@code account_name}, else the title);</li>
 *   <li>{@code app} rows: the app's title and the developer's name;</li>
 *   <li>every other row: the publishing account's name ({@code author_name}): posts of an account
 *       named 比亚迪官方客服 are the impersonator's posts;</li>
 *   <li>every row's title and content: a registry name directly followed by an official claim
 *       (比亚迪官方客服, 茅台旗舰店) in a post that also gives a way to reach someone (a WeChat or QQ id, a
 *       phone number that is not a 400/800 hotline, a QR-code lure, a link to a host other than the
 *       enterprise's {@code web:} official accounts) and does not warn about impersonators
 *       ({@code promoted_name}, 0.85; not when the name is an @mention or a repost attribution: the poster
 *       addresses or quotes that account and does not claim to be it); host names made of an enterprise's
 *       Latin form and a Latin claim (byd-kefu.com; {@code lookalike_domain}, 0.85) unless the host is
 *       a {@code web:} official account of the enterprise.</li>
 * </ul>
 * Name matching is {@link ImpersonationIndex}'s. A match never concerns an enterprise whose official
 * accounts include the post's {@code platform:account_id}; such a post instead gets an
 * {@value #OFFICIAL_ACCOUNT} entry without a score, which fusion reads as "never category 1". A post
 * that says it is not the enterprise's own (a dealer's "（非厂家）", a fan page's "（非官方）") gets a
 * {@value #DECLARED_NOT_OWN} entry without a score, which fusion reads as "not category 1 from the classifier".
 * Evidence names the enterprise, the method and the similarity; matches scoring below
 * {@code report-score} are dropped.
 *
 * <p>A shown name that spells a registry name exactly ({@code exact_name}, and {@code contains_name} or
 * {@code name_with_official_claim} without a look-alike character; see
 * {@link ImpersonationIndex.NameMatch#exactSpelling}) is strong evidence only when the registry lists an official
 * account of that enterprise on the post's platform: then the genuine account is known and any other
 * account under the name is not it. When the registry lists none there, the genuine account and a fake
 * look the same to the detector, so the evidence is kept for a reviewer but capped at review level
 * ({@value #UNVERIFIABLE_SCORE}, below fusion's flag-score) and its detail says why. Look-alike
 * spellings (confusable characters, homophones, Latin spellings, edit distance) stay strong on every
 * platform, since a genuine account does not misspell its own name; so do promoted names and
 * look-alike domains, which rest on contact channels and hosts rather than on the name alone.
 *
 * <p>Scale: the detector (registry and lexicons, a few kilobytes to megabytes) is broadcast once;
 * each executor JVM builds the index once per registry and lexicon fingerprint and keeps it in a
 * static cache, so rows only do lookups.
 */
public final class ImpersonationDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column {@link #withEvidence} adds. */
  public static final String COLUMN = "impersonation_evidence";
  static final double PROMOTED_SCORE = 0.85;
  /**
   * The score an exactly spelled name is capped at when the registry lists no official account of
   * the enterprise on the post's platform: review level (fusion's review-score 0.5 to flag-score 0.8),
   * the same level as a reseller's claim.
   */
  static final double UNVERIFIABLE_SCORE = 0.60;
  /**
   * Evidence kind (source {@code registry}, no score) on every post of a registered official account:
   * such a post is never category 1, since an enterprise's own account cannot impersonate it
   * ({@link FusionPolicy}).
   */
  public static final String OFFICIAL_ACCOUNT = "official_account";
  /**
   * Evidence kind (source {@code impersonation}, no score) on a post that says it is not the enterprise's
   * own ("授权经销商（非厂家）", "车友会（非官方）"; {@link NotOwnDeclaration}): fusion does not take category 1 from
   * the classifier for it, and marks it for review ({@link FusionPolicy}).
   */
  public static final String DECLARED_NOT_OWN = "declared_not_own";

  private static final Map<String, ImpersonationIndex> INDEXES = new ConcurrentHashMap<>();

  private final EnterpriseRegistry registry;
  private final Lexicon lexicon;
  private final Lexicon confusables;
  private final int minFuzzyLength;
  private final double reportScore;

  public ImpersonationDetector(EnterpriseRegistry registry, Lexicon lexicon, Lexicon confusables, int minFuzzyLength,
      double reportScore) {
    this.registry = registry;
    this.lexicon = lexicon;
    this.confusables = confusables;
    this.minFuzzyLength = minFuzzyLength;
    this.reportScore = reportScore;
    index(); // fail early (on the driver) when a lexicon is malformed
  }

  /** This JVM's index for the registry and lexicons, built on first use. */
  public ImpersonationIndex index() {
    String key = registry.fingerprint() + "|" + lexicon.fingerprint() + "|" + confusables.fingerprint() + "|"
        + minFuzzyLength;
    return INDEXES.computeIfAbsent(key, k -> new ImpersonationIndex(registry, lexicon, new NameForms(confusables),
        PinyinSource.get(), minFuzzyLength));
  }

  /** Evidence for one post (any argument but platform and account id may be null). */
  public List<Evidence> detect(String platform, String accountId, String accountName, String contentType,
      String title, String content, String url) {
    return detect(platform, accountId, accountName, contentType, title, content, url, Set.of());
  }

  /**
   * Evidence for one post; {@code officialContacts} are phone numbers official accounts publish
   * (see {@link PersonalDataDetector#officialContacts}), which are not a channel of an impersonator.
   */
  public List<Evidence> detect(String platform, String accountId, String accountName, String contentType,
      String title, String content, String url, Set<String> officialContacts) {
    ImpersonationIndex idx = index();
    String account = platform + ":" + accountId;
    Map<String, Evidence> out = new LinkedHashMap<>();
    String type = contentType == null ? "post" : contentType;
    if (type.equals("account")) {
      names(idx, platform, account, accountName != null ? accountName : title, "account_name", out);
    } else if (type.equals("app")) {
      names(idx, platform, account, title, "app_name", out);
      names(idx, platform, account, accountName, "app_developer", out);
    } else {
      names(idx, platform, account, accountName, "author_name", out);
    }
    String text = join(title, content);
    if (!text.isEmpty()) {
      String warning = idx.warningWord(text);
      if (warning == null) {
        int offset = title == null ? 0 : title.length() + 1;
        for (ImpersonationIndex.TextMatch m : idx.scanText(text)) {
          if (isOfficial(m.enterpriseId(), account) || inRepostAttribution(text, m.start())
              || isMention(text, m.start())) {
            continue;
          }
          List<String> channels = idx.channels(text, m.enterpriseId(), officialContacts);
          if (channels.isEmpty()) {
            continue; // naming the official service without a way to reach anyone is not promotion
          }
          boolean inContent = m.start() >= offset;
          String span = PersonalDataMasker.mask(text.substring(m.start(), m.end()));
          put(out, new Evidence(Evidence.IMPERSONATION, "promoted_name",
              m.enterpriseId() + " " + m.enterpriseName() + ": '" + m.registryName() + "' followed by the claim '"
                  + m.claim() + "' in a post giving " + String.join(", ", channels) + "; " + account
                  + " is not an official account" + (inContent ? "" : " (in the title)"),
              span, inContent ? m.start() - offset : m.start(), inContent ? m.end() - offset : m.end(), PROMOTED_SCORE),
              m.enterpriseId());
        }
      }
      if (warning == null) {
        for (ImpersonationIndex.DomainMatch d : idx.scanHosts(join(text, url))) {
          if (isOfficial(d.enterpriseId(), account)) {
            continue;
          }
          put(out, new Evidence(Evidence.IMPERSONATION, "lookalike_domain",
              d.enterpriseId() + " " + d.enterpriseName() + ": host " + d.host() + " combines '" + d.latinForm()
                  + "' with '" + d.claim() + "' and is not an official site", d.host(), null, null, PROMOTED_SCORE),
              d.enterpriseId());
        }
      }
    }
    List<Evidence> list = new ArrayList<>();
    for (Evidence e : out.values()) {
      if (e.scoreOrZero() >= reportScore) {
        list.add(e);
      }
    }
    NotOwnDeclaration.Found declared = idx.notOwnDeclaration(join(accountName, text));
    if (declared != null) {
      // Not a sign of anything by itself: it lets fusion refuse the classifier's category 1.
      list.add(new Evidence(Evidence.IMPERSONATION, DECLARED_NOT_OWN, "the post says it is not the enterprise's own ('"
          + declared.phrase() + "'), the opposite of what an impersonator claims", PersonalDataMasker.mask(
          declared.phrase()), null, null, null));
    }
    for (String id : registry.enterprisesWithOfficialAccount(account)) {
      // Not a sign of anything by itself: it lets fusion refuse category 1 for an enterprise's own account.
      list.add(new Evidence(Evidence.REGISTRY, OFFICIAL_ACCOUNT, id + " " + registry.get(id).name() + ": "
          + account + " is a registered official account of it", null, null, null, null));
    }
    return list;
  }

  /**
   * Whether {@code at} lies in a repost attribution ("//@百事公司官方账号: ...", "转发自@X："): the name
   * of the account the post was reposted from, which the reposter does not claim. That account is
   * judged by its own name when its posts are scanned.
   */
  static boolean inRepostAttribution(String text, int at) {
    for (int i = at - 1; i >= 0 && at - i <= 40; i--) {
      char c = text.charAt(i);
      if (c == '@') {
        String before = text.substring(Math.max(0, i - 3), i);
        return before.endsWith("//") || before.contains("转发") || before.contains("转自");
      }
      if (c == ':' || c == '：' || c == ' ' || c == '\n') {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the name at {@code at} is an @mention ("@饪途官方 收银系统又崩了"): the account addressed or tagged,
   * which the poster does not claim to be. That account is judged by its own name when its posts are scanned.
   */
  static boolean isMention(String text, int at) {
    return at > 0 && (text.charAt(at - 1) == '@' || text.charAt(at - 1) == '\uFF20');
  }

  private void names(ImpersonationIndex idx, String platform, String account, String shown, String kind,
      Map<String, Evidence> out) {
    if (shown == null || shown.isBlank()) {
      return;
    }
    for (ImpersonationIndex.NameMatch m : idx.matchName(shown)) {
      if (isOfficial(m.enterpriseId(), account)) {
        continue;
      }
      String k = m.method().equals("reseller_claim") ? "reseller_claim" : kind;
      String detail = m.explain() + "; " + account + " is not an official account of " + m.enterpriseId();
      double score = m.score();
      if (m.exactSpelling() && score > UNVERIFIABLE_SCORE
          && !hasOfficialAccountOn(m.enterpriseId(), platform)) {
        score = UNVERIFIABLE_SCORE;
        detail += String.format(Locale.ROOT, "; no official %s account of %s is registered, so %s cannot be told"
            + " from the genuine one (score %.2f capped at review level)", platform, m.enterpriseId(),
            m.method().equals("exact_name") ? "an exact name" : "a name containing the exact name", m.score());
      }
      put(out, new Evidence(Evidence.IMPERSONATION, k, detail, PersonalDataMasker.mask(shown), null, null, score),
          m.enterpriseId());
    }
  }

  private boolean isOfficial(String enterpriseId, String account) {
    Enterprise e = registry.get(enterpriseId);
    return e != null && e.officialAccounts().contains(account);
  }

  /** True when the registry lists an official account of the enterprise on the platform. */
  private boolean hasOfficialAccountOn(String enterpriseId, String platform) {
    Enterprise e = registry.get(enterpriseId);
    if (e == null || platform == null) {
      return false;
    }
    String prefix = platform + ":";
    for (String a : e.officialAccounts()) {
      if (a.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the strongest evidence per (kind, enterprise). */
  private static void put(Map<String, Evidence> out, Evidence e, String enterpriseId) {
    String key = e.kind() + "|" + enterpriseId;
    Evidence old = out.get(key);
    if (old == null || e.scoreOrZero() > old.scoreOrZero()) {
      out.put(key, e);
    }
  }

  private static String join(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b == null ? "" : b;
    }
    return b == null || b.isEmpty() ? a : a + "\n" + b;
  }

  /**
   * Adds {@value #COLUMN} (array of evidence structs) to a frame with the posts columns
   * platform, account_id, account_name, content_type, title, content and url.
   */
  public Dataset<Row> withEvidence(Dataset<Row> posts, Set<String> officialContacts) {
    return posts.withColumn(COLUMN, column(posts.sparkSession(), officialContacts));
  }

  /** The evidence column over the posts columns; the detector is broadcast once. */
  public Column column(org.apache.spark.sql.SparkSession spark, Set<String> officialContacts) {
    record Shipped(ImpersonationDetector detector, Set<String> contacts) implements Serializable {}
    Broadcast<Shipped> bc = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new Shipped(this, Set.copyOf(officialContacts)));
    UserDefinedFunction udf = functions.udf((UDF7<String, String, String, String, String, String, String, List<Row>>)
        (platform, accountId, accountName, contentType, title, content, url) -> {
          List<Row> rows = new ArrayList<>();
          Shipped s = bc.value();
          for (Evidence e : s.detector().detect(platform, accountId, accountName, contentType, title, content, url,
              s.contacts())) {
            rows.add(e.toRow());
          }
          return rows;
        }, EvidenceSchema.ARRAY).withName("impersonation_evidence");
    return udf.apply(col("platform"), col("account_id"), col("account_name"), col("content_type"), col("title"),
        col("content"), col("url"));
  }

  public EnterpriseRegistry registry() {
    return registry;
  }
}
