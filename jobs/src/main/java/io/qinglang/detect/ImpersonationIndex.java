package io.qinglang.detect;

import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.text.CharNormalizer;
import io.qinglang.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every registry name (full name, short names, brands) in the forms a shown name is compared with,
 * indexed for lookups: canonical form, pinyin, characters (for edit distance) and Latin forms
 * (for domains). Built once per JVM per registry and lexicon (see {@link ImpersonationDetector});
 * a name check costs a few hash lookups plus edit distance against names sharing a character.
 *
 * <h2>How a shown name is compared</h2>
 * The name is reduced to its plain and canonical forms ({@link NameForms}), then official-sounding
 * additions (官方, 客服, 旗舰店, 售后, 退款中心 ...), reseller / fan / media words and trailing digits are
 * stripped one at a time from either end; after each step the remainder is looked up. Methods and
 * similarities (before the official-claim bonus of +0.10, +0.05 for exact names):
 * <ul>
 *   <li>{@code exact_name} 0.90 (0.70 for two-character or three-letter names, which are everyday
 *       words or initials, unless an official claim is made);</li>
 *   <li>{@code confusable_characters} 0.90: equal after replacing look-alike characters (荼/茶);</li>
 *   <li>{@code homophone} 0.85 (0.70 for two syllables): equal pinyin, different characters (比亚笛);</li>
 *   <li>{@code latin_spelling} 0.80 (0.70 under five letters): the pinyin typed in Latin (maotai);</li>
 *   <li>{@code edit_distance} 0.75 for one edit on names of four or more characters, 0.70 for one edit
 *       on three, 0.70 for two edits on six or more;</li>
 *   <li>{@code name_with_official_claim} 0.80: a registry name directly followed by an official claim
 *       somewhere inside a longer name (美的维修师傅-美的官方售后);</li>
 *   <li>{@code contains_name} 0.70 (0.50 for two-character names): the name plus other words; the
 *       official-claim bonus is +0.15 here. Legal-form words (有限公司, 集团) are stripped like additions
 *       but claim nothing.</li>
 * </ul>
 * Fan and media words (爱好者, 车友会, 资讯, 评测 ...) drop the match unless an official claim is also
 * made (then it is capped at review level, 0.60); reseller words (授权经销商, 4S店) cap it at 0.60 as a
 * {@code reseller_claim}; warning words (警惕, 假冒, 诈骗) drop it. Names listed as distinct
 * enterprises (中国石油 next to 中国石化) are never matched by pinyin, edit distance or containment.
 */
public final class ImpersonationIndex {
  /** One registry name in comparable forms. */
  record NameEntry(String enterpriseId, String enterpriseName, String name, String plain, String canonical,
      String pinyin, int syllables, boolean latin) {}

  /**
   * A shown name matched to an enterprise. {@code addition} is what was stripped (official claims
   * and markers); {@code marker} the fan / media / reseller / warning word found, if any;
   * {@code exactSpelling} whether the registry name occurs in the shown name character for character
   * (after width, case and traditional-character folding, before look-alike mapping), as in the
   * enterprise's own accounts ({@code exact_name}, and {@code contains_name} or
   * {@code name_with_official_claim} without a look-alike character).
   */
  public record NameMatch(String enterpriseId, String enterpriseName, String registryName, String method,
      double similarity, String addition, boolean officialClaim, String marker, String markerType, double score,
      boolean exactSpelling) {

    public String explain() {
      StringBuilder b = new StringBuilder();
      b.append(enterpriseId).append(' ').append(enterpriseName).append(": ").append(method)
          .append(" of '").append(registryName).append("'")
          .append(String.format(Locale.ROOT, " (similarity %.2f)", similarity));
      if (!addition.isEmpty()) {
        b.append(officialClaim ? ", official-sounding addition '" : ", addition '").append(addition).append("'");
      }
      if (marker != null) {
        b.append(", ").append(markerType).append(" word '").append(marker).append("'");
      }
      return b.toString();
    }
  }

  /** A registry name followed by an official claim in running text (比亚迪官方客服 in a post). */
  public record TextMatch(String enterpriseId, String enterpriseName, String registryName, String claim, int start,
      int end) {}

  /** A host name built from an enterprise's Latin form plus a claim (byd-kefu.com). */
  public record DomainMatch(String enterpriseId, String enterpriseName, String host, String latinForm, String claim) {}

  private static final Pattern HOST = Pattern.compile(
      "(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|cn|net|org|top|xyz|vip|shop|site|club|info|"
          + "cc|co|app|online|store|tech|ltd|wang|ren|link|live|fun|icu|asia|hk|me|io|biz))(?![a-z0-9-])");

  private final EnterpriseRegistry registry;
  private final NameForms forms;
  private final PinyinSource pinyin;
  private final int minFuzzyLength;
  private final Map<String, List<NameEntry>> byCanonical = new HashMap<>();
  private final Map<String, List<NameEntry>> byPinyin = new HashMap<>();
  private final Map<Character, List<NameEntry>> byChar = new HashMap<>();
  private final Map<String, Set<String>> latinForms = new HashMap<>();
  private final Map<String, Set<String>> officialHosts = new HashMap<>();
  private final int maxNameLength;
  /** The canonical names of two characters or more, for finding them in running text in one pass. */
  private final PhraseMatcher<List<NameEntry>> namesInText;
  private final List<String> claims;
  private final List<String> latinClaims;
  private final List<String> strippable;
  private final Map<String, String> markerType = new LinkedHashMap<>();
  private final List<String> promotion;
  private final List<String> promotionBare;
  private final List<String> warning;
  private final Set<String> distinct;
  private final NotOwnDeclaration notOwn;

  public ImpersonationIndex(EnterpriseRegistry registry, Lexicon lexicon, NameForms forms, PinyinSource pinyin,
      int minFuzzyLength) {
    lexicon.requireSections(Set.of("official"), Set.of("official", "corporate", "latin_official", "fan", "media",
        "reseller",
        "warning", "promotion", "promotion_bare", "distinct_names", "not_official", "counterfeit"));
    this.registry = registry;
    this.forms = forms;
    this.pinyin = pinyin;
    this.minFuzzyLength = minFuzzyLength;
    this.claims = canonicalWords(lexicon.words("official"));
    this.latinClaims = canonicalWords(lexicon.words("latin_official"));
    for (String type : List.of("warning", "reseller", "fan", "media")) {
      for (String w : canonicalWords(lexicon.words(type))) {
        markerType.putIfAbsent(w, type);
      }
    }
    List<String> strip = new ArrayList<>();
    strip.addAll(claims);
    strip.addAll(canonicalWords(lexicon.words("corporate")));
    strip.addAll(latinClaims);
    for (Map.Entry<String, String> e : markerType.entrySet()) {
      if (!e.getValue().equals("warning")) {
        strip.add(e.getKey());
      }
    }
    strip.sort(Comparator.comparingInt(String::length).reversed());
    this.strippable = List.copyOf(strip);
    this.promotion = lowerWords(lexicon.words("promotion"));
    this.promotionBare = lowerWords(lexicon.words("promotion_bare"));
    this.warning = lowerWords(lexicon.words("warning"));
    this.notOwn = new NotOwnDeclaration(lowerWords(lexicon.words("not_official")),
        lowerWords(lexicon.words("counterfeit")));
    Set<String> d = new HashSet<>();
    for (String n : lexicon.words("distinct_names")) {
      d.add(forms.canonical(forms.plain(n)));
    }
    this.distinct = Set.copyOf(d);

    int max = 0;
    for (Enterprise e : registry.enterprises()) {
      // Longest first, then alphabetical: a host names the same spelling on every JVM (a HashSet's or
      // Set.copyOf's order is not fixed).
      Set<String> latin = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
          .thenComparing(Comparator.naturalOrder()));
      for (String name : e.allNames()) {
        String plain = forms.plain(name);
        if (plain.length() < 2) {
          continue;
        }
        String canonical = forms.canonical(plain);
        List<String> syl = pinyin.syllables(plain);
        String py = String.join("", syl);
        boolean isLatin = plain.chars().allMatch(ch -> ch < 128);
        NameEntry entry = new NameEntry(e.enterpriseId(), e.name(), name, plain, canonical, py, syl.size(), isLatin);
        byCanonical.computeIfAbsent(canonical, k -> new ArrayList<>()).add(entry);
        if (!isLatin) {
          byPinyin.computeIfAbsent(py, k -> new ArrayList<>()).add(entry);
        }
        if (canonical.length() >= minFuzzyLength) {
          for (char c : distinctChars(canonical)) {
            byChar.computeIfAbsent(c, k -> new ArrayList<>()).add(entry);
          }
        }
        max = Math.max(max, canonical.length());
        if (py.length() >= 3 && py.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
          latin.add(forms.canonical(py));
        }
      }
      latinForms.put(e.enterpriseId(), Collections.unmodifiableSet(latin));
      Set<String> hosts = new HashSet<>();
      for (String account : e.officialAccounts()) {
        if (account.startsWith("web:")) {
          hosts.add(account.substring(4).toLowerCase(Locale.ROOT));
        }
      }
      officialHosts.put(e.enterpriseId(), Set.copyOf(hosts));
    }
    this.maxNameLength = max;
    Map<String, List<NameEntry>> twoOrMore = new HashMap<>();
    byCanonical.forEach((k, v) -> {
      if (k.length() >= 2) {
        twoOrMore.put(k, v);
      }
    });
    this.namesInText = new PhraseMatcher<>(twoOrMore, PhraseMatcher.Boundaries.NONE);
  }

  private List<String> canonicalWords(List<String> words) {
    return words.stream().map(w -> forms.canonical(forms.plain(w))).filter(w -> !w.isEmpty()).distinct().toList();
  }

  private static List<String> lowerWords(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private static Set<Character> distinctChars(String s) {
    Set<Character> set = new HashSet<>();
    for (char c : s.toCharArray()) {
      set.add(c);
    }
    return set;
  }

  public EnterpriseRegistry registry() {
    return registry;
  }

  // ---- shown names ----

  /** The best match per enterprise for a shown name (account name, app title), highest score first. */
  public List<NameMatch> matchName(String shown) {
    String plain = forms.plain(shown);
    if (plain.length() < 2) {
      return List.of();
    }
    String canon = forms.canonical(plain);
    String marker = null;
    String markerKind = null;
    for (Map.Entry<String, String> m : markerType.entrySet()) {
      if (canon.contains(m.getKey())) {
        marker = m.getKey();
        markerKind = m.getValue();
        break; // warning words come first, then reseller, fan, media
      }
    }
    // Strip additions one at a time, remembering each remainder's offsets in plain / canonical.
    List<int[]> stages = new ArrayList<>();
    int a = 0;
    int b = canon.length();
    boolean claim = false;
    List<Boolean> claimAt = new ArrayList<>();
    stages.add(new int[] {a, b});
    claimAt.add(false);
    while (b - a >= 2) {
      int[] next = stripOnce(plain, canon, a, b);
      if (next == null) {
        break;
      }
      String removed = canon.substring(a, next[0]) + canon.substring(next[1], b);
      if (claims.contains(removed) || latinClaims.contains(removed)) {
        claim = true;
      }
      a = next[0];
      b = next[1];
      stages.add(new int[] {a, b});
      claimAt.add(claim);
    }
    Map<String, NameMatch> best = new LinkedHashMap<>();
    // 1. exact (after stripping as little as possible)
    for (int i = 0; i < stages.size(); i++) {
      int[] s = stages.get(i);
      List<NameEntry> hits = byCanonical.get(canon.substring(s[0], s[1]));
      if (hits != null) {
        String addition = plain.substring(0, s[0]) + plain.substring(s[1]);
        for (NameEntry e : hits) {
          boolean sameChars = plain.substring(s[0], s[1]).equals(e.plain());
          String method = sameChars ? "exact_name" : "confusable_characters";
          double sim = sameChars && shortName(e) ? 0.70 : 0.90;
          offer(best, e, method, sim, addition, claimAt.get(i), marker, markerKind, sameChars ? 0.05 : 0.10,
              sameChars);
        }
        return finish(best);
      }
    }
    for (int[] s : stages) {
      if (distinct.contains(canon.substring(s[0], s[1]))) {
        return List.of();
      }
    }
    for (int i = 0; i < stages.size(); i++) {
      int[] s = stages.get(i);
      if (s[1] - s[0] < 2) {
        continue;
      }
      String stage = canon.substring(s[0], s[1]);
      String plainStage = plain.substring(s[0], s[1]);
      String stageAddition = plain.substring(0, s[0]) + plain.substring(s[1]);
      boolean stageClaim = claimAt.get(i);
      // 2. homophones and Latin spellings
      String stagePinyin = pinyin.joined(plainStage);
      boolean latin = plainStage.chars().allMatch(ch -> ch < 128);
      for (NameEntry e : byPinyin.getOrDefault(stagePinyin, List.of())) {
        if (latin) {
          offer(best, e, "latin_spelling", stagePinyin.length() >= 5 ? 0.80 : 0.70, stageAddition, stageClaim,
              marker, markerKind, 0.10, false);
        } else {
          offer(best, e, "homophone", e.syllables() >= 3 ? 0.85 : 0.70, stageAddition, stageClaim, marker,
              markerKind, 0.10, false);
        }
      }
      // 3. edit distance against names sharing a character
      if (stage.length() >= minFuzzyLength) {
        Set<NameEntry> seen = new HashSet<>();
        for (char c : distinctChars(stage)) {
          for (NameEntry e : byChar.getOrDefault(c, List.of())) {
            if (!seen.add(e) || Math.abs(e.canonical().length() - stage.length()) > 2) {
              continue;
            }
            int d = levenshtein(stage, e.canonical(), 2);
            int len = e.canonical().length();
            double sim = d == 1 && len >= 4 ? 0.75 : d == 1 && len == 3 ? 0.70 : d == 2 && len >= 6 ? 0.70 : 0;
            if (sim > 0) {
              offer(best, e, "edit_distance", sim, stageAddition, stageClaim, marker, markerKind, 0.10, false);
            }
          }
        }
      }
    }
    // 4. a registry name directly followed by an official claim anywhere in the name (美的维修-美的官方售后)
    for (String c : claims) {
      int at = canon.indexOf(c);
      while (at >= 2) {
        for (int len = Math.min(maxNameLength, at); len >= 2; len--) {
          List<NameEntry> hits = byCanonical.get(canon.substring(at - len, at));
          if (hits != null && !insideDistinctName(canon, at - len, at)) {
            for (NameEntry e : hits) {
              offer(best, e, "name_with_official_claim", 0.80, plain.substring(at, at + c.length()), true, marker,
                  markerKind, 0.10, plain.substring(at - len, at).equals(e.plain()));
            }
            break;
          }
        }
        at = canon.indexOf(c, at + 1);
      }
    }
    // 5. containment: a registry name inside the fully stripped remainder, with other words around it
    int[] last = stages.get(stages.size() - 1);
    String core = canon.substring(last[0], last[1]);
    String addition = plain.substring(0, last[0]) + plain.substring(last[1]);
    boolean coreClaim = claimAt.get(claimAt.size() - 1);
    for (int len = Math.min(maxNameLength, core.length() - 1); len >= 2; len--) {
      for (int i = 0; i + len <= core.length(); i++) {
        List<NameEntry> hits = byCanonical.get(core.substring(i, i + len));
        if (hits == null || insideDistinctName(core, i, i + len)) {
          continue;
        }
        String plainPart = plain.substring(last[0] + i, last[0] + i + len);
        for (NameEntry e : hits) {
          double sim = e.canonical().length() >= 3 ? 0.70 : 0.50;
          offer(best, e, "contains_name", sim, addition, coreClaim, marker, markerKind, 0.15,
              plainPart.equals(e.plain()));
        }
      }
    }
    return finish(best);
  }

  /** True when [from, to) of {@code core} overlaps a distinct enterprise's name (茅台 inside 茅台镇). */
  private boolean insideDistinctName(String core, int from, int to) {
    for (String d : distinct) {
      int at = core.indexOf(d);
      while (at >= 0) {
        if (at < to && from < at + d.length() && d.length() > to - from) {
          return true;
        }
        at = core.indexOf(d, at + 1);
      }
    }
    return false;
  }

  private boolean shortName(NameEntry e) {
    return e.latin() ? e.canonical().length() <= 3 : e.canonical().length() <= 2;
  }

  private void offer(Map<String, NameMatch> best, NameEntry e, String method, double sim, String addition,
      boolean claim, String marker, String markerKind, double claimBonus, boolean exactSpelling) {
    double score = sim + (claim ? claimBonus : 0);
    if (claim && shortName(e) && (method.equals("exact_name") || method.equals("homophone"))) {
      score = Math.max(score, 0.90);
    }
    score = Math.min(1.0, score);
    String m = method;
    if (markerKind != null) {
      switch (markerKind) {
        case "warning" -> score = 0;
        case "reseller" -> {
          score = Math.min(score, 0.60);
          m = "reseller_claim";
        }
        default -> score = claim ? Math.min(score, 0.60) : 0; // fan or media
      }
    }
    NameMatch match = new NameMatch(e.enterpriseId(), e.enterpriseName(), e.name(), m, sim, addition, claim, marker,
        markerKind, Math.round(score * 1000) / 1000.0, exactSpelling);
    NameMatch old = best.get(e.enterpriseId());
    if (old == null || match.score() > old.score()) {
      best.put(e.enterpriseId(), match);
    }
  }

  private static List<NameMatch> finish(Map<String, NameMatch> best) {
    List<NameMatch> list = new ArrayList<>(best.values());
    list.removeIf(m -> m.score() <= 0);
    list.sort(Comparator.comparingDouble(NameMatch::score).reversed().thenComparing(NameMatch::enterpriseId));
    return list;
  }

  /** Removes one addition from either end of canon[a, b), or a run of trailing digits; null when none. */
  private int[] stripOnce(String plain, String canon, int a, int b) {
    String cur = canon.substring(a, b);
    for (String w : strippable) {
      if (w.length() < cur.length()) {
        if (cur.endsWith(w)) {
          return new int[] {a, b - w.length()};
        }
        if (cur.startsWith(w)) {
          return new int[] {a + w.length(), b};
        }
      }
    }
    int end = b;
    while (end > a + 2 && Character.isDigit(plain.charAt(end - 1))) {
      end--;
    }
    return end < b ? new int[] {a, end} : null;
  }

  /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
  static int levenshtein(String s, String t, int limit) {
    int n = s.length();
    int m = t.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[m];
  }

  // ---- running text ----

  /**
   * Registry names directly followed by an official claim in running text ("添加比亚迪官方客服微信"),
   * longest name first, one match per claim occurrence.
   */
  public List<TextMatch> scanText(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String mapped = forms.mapText(text);
    List<TextMatch> out = new ArrayList<>();
    for (String c : claims) {
      if (c.length() < 2) {
        continue;
      }
      int from = 0;
      int p;
      while ((p = mapped.indexOf(c, from)) >= 0) {
        from = p + 1;
        for (int len = Math.min(maxNameLength, p); len >= 2; len--) {
          List<NameEntry> hits = byCanonical.get(mapped.substring(p - len, p));
          if (hits != null) {
            for (NameEntry e : hits) {
              out.add(new TextMatch(e.enterpriseId(), e.enterpriseName(), e.name(), text.substring(p, p + c.length()),
                  p - len, p + c.length()));
            }
            break;
          }
        }
      }
    }
    return out;
  }

  /** Registry enterprises whose names (any form, look-alikes mapped) occur in the text, sorted. */
  public java.util.SortedSet<String> mentions(String text) {
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    if (text == null || text.isEmpty()) {
      return ids;
    }
    // The longest name starting at each position, as looking up every substring did (in one pass).
    namesInText.longestPerStart(forms.mapText(text), (start, end, entries) -> {
      for (NameEntry e : entries) {
        ids.add(e.enterpriseId());
      }
    });
    return ids;
  }

  /**
   * Where the text says its writer is not the enterprise's own ("授权经销商（非厂家）", "车友会（非官方）"; see
   * {@link NotOwnDeclaration}), or null; offsets are the text's.
   */
  public NotOwnDeclaration.Found notOwnDeclaration(String text) {
    if (text == null || text.isEmpty() || notOwn.isEmpty()) {
      return null;
    }
    if (!NotOwnDeclaration.mayDeclare(text)) {
      return null;
    }
    char[] lower = PersonalDataPatterns.fold(text).toCharArray();
    for (int i = 0; i < lower.length; i++) {
      lower[i] = Character.toLowerCase(lower[i]); // per character, so offsets stay the text's (and mapped's)
    }
    return notOwn.find(new String(lower), new java.util.function.IntUnaryOperator() {
      private int[] ends;

      @Override
      public int applyAsInt(int at) {
        if (ends == null) { // names are looked up only when a negation needs one
          String mapped = forms.mapText(text);
          int[] e = new int[mapped.length() + 1];
          java.util.Arrays.fill(e, -1);
          namesInText.longestPerStart(mapped, (start, end, entries) -> e[start] = end);
          ends = e;
        }
        return at < ends.length ? ends[at] : -1;
      }
    });
  }

  /** Host names in text built from an enterprise's Latin form and a Latin claim, not its official site. */
  public List<DomainMatch> scanHosts(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<DomainMatch> out = new ArrayList<>();
    Matcher m = HOST.matcher(PersonalDataPatterns.fold(text).toLowerCase(Locale.ROOT));
    while (m.find()) {
      String host = m.group(1);
      String labels = host.substring(0, host.lastIndexOf('.')).replace("www.", "");
      String squeezed = forms.canonical(labels.replace("-", "").replace(".", ""));
      String claim = null;
      for (String c : latinClaims) {
        if (squeezed.contains(c)) {
          claim = c;
          break;
        }
      }
      if (claim == null) {
        continue;
      }
      for (Enterprise e : registry.enterprises()) {
        if (isOfficialHost(e.enterpriseId(), host)) {
          continue;
        }
        for (String latin : latinForms.getOrDefault(e.enterpriseId(), Set.of())) {
          if (squeezed.contains(latin) && !latin.equals(claim)) {
            out.add(new DomainMatch(e.enterpriseId(), e.name(), host, latin, claim));
            break;
          }
        }
      }
    }
    return out;
  }

  private boolean isOfficialHost(String enterpriseId, String host) {
    for (String h : officialHosts.getOrDefault(enterpriseId, Set.of())) {
      if (host.equals(h) || host.endsWith("." + h)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern CHANNEL_ID = Pattern.compile("^[\\s:：号是为-]{0,3}([a-z0-9][a-z0-9_-]{4,19})");

  /** Whether a cue that starts with a Latin letter is found right after another Latin letter or digit. */
  static boolean insideLatinWord(String lower, int at, String cue) {
    return at > 0 && CharNormalizer.isAsciiAlnum(cue.charAt(0)) && CharNormalizer.isAsciiAlnum(lower.charAt(at - 1));
  }

  /**
   * The ways the text gives to reach someone, for a name of {@code enterpriseId}: a channel word
   * followed by an id (微信: byd_kf888), a bare lure (扫码), a phone number that is neither a 400/800
   * hotline nor one of {@code officialContacts} (numbers official accounts publish), or a link to a
   * host that is neither the enterprise's official site nor its own name ({@link #isOwnNameHost}).
   * Empty when none.
   */
  public List<String> channels(String text, String enterpriseId, Set<String> officialContacts) {
    List<String> found = new ArrayList<>();
    String lower = PersonalDataPatterns.fold(text).toLowerCase(Locale.ROOT);
    for (String cue : promotion) {
      int at = lower.indexOf(cue);
      while (at >= 0) {
        if (insideLatinWord(lower, at, cue)) { // "tg" in "postgresql" is no Telegram id
          at = lower.indexOf(cue, at + 1);
          continue;
        }
        Matcher id = CHANNEL_ID.matcher(lower.substring(at + cue.length(), Math.min(lower.length(),
            at + cue.length() + 24)));
        if (id.find()) {
          found.add(cue + " id");
          break;
        }
        at = lower.indexOf(cue, at + 1);
      }
    }
    for (String cue : promotionBare) {
      if (lower.contains(cue)) {
        found.add(cue);
      }
    }
    for (PersonalDataPatterns.Candidate c : PersonalDataPatterns.find(text)) {
      if ((c.kind() == PersonalDataKind.MOBILE || c.kind() == PersonalDataKind.LANDLINE)
          && !officialContacts.contains(c.value())) {
        found.add("phone number");
        break;
      }
    }
    Matcher m = HOST.matcher(lower);
    while (m.find()) {
      if (!isOfficialHost(enterpriseId, m.group(1)) && !isOwnNameHost(enterpriseId, m.group(1))) {
        found.add("link to " + m.group(1));
        break;
      }
    }
    return found;
  }

  /** Top-level domains an enterprise's own site plausibly uses; cheap ones (.top, .vip, .cc) are not. */
  private static final List<String> OWN_SITE_SUFFIXES = List.of(".com.cn", ".net.cn", ".com", ".cn", ".net");

  /**
   * A host that is exactly one of the enterprise's Latin forms under a common suffix
   * (www.jiuganghongxing.com for 酒钢宏兴): the enterprise's own domain as far as anyone can tell, so a
   * link to it is no impersonator's channel even when the registry does not list it. Additions
   * (byd-kefu.com) and other suffixes (byd.top) are not own names.
   */
  boolean isOwnNameHost(String enterpriseId, String host) {
    String labels = null;
    for (String suffix : OWN_SITE_SUFFIXES) {
      if (host.endsWith(suffix)) {
        labels = host.substring(0, host.length() - suffix.length());
        break;
      }
    }
    if (labels == null) {
      return false;
    }
    if (labels.startsWith("www.")) {
      labels = labels.substring(4);
    }
    if (labels.isEmpty() || labels.contains(".")) {
      return false;
    }
    return latinForms.getOrDefault(enterpriseId, Set.of()).contains(forms.canonical(labels));
  }

  /** The first warning word in the text (警惕, 冒充 ...), or null. */
  public String warningWord(String text) {
    String lower = PersonalDataPatterns.fold(text).toLowerCase(Locale.ROOT);
    for (String w : warning) {
      if (lower.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
