package io.qinglang.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator without Spark: determinism, labels, split, structure, rates, variety. */
class PostGeneratorTest {
  private static final Pattern ID18 = Pattern.compile("(?<![0-9])[1-9]\\d{16}[0-9Xx](?![0-9])");
  private static final Pattern CARD = Pattern.compile("(?<![0-9])\\d{4}(?: ?\\d{4}){2,3}(?: ?\\d{1,3})?(?![0-9])");
  private static QinglangConfig config;
  private static EnterpriseRegistry registry;

  @BeforeAll
  static void load() {
    config = ConfigLoader.load(null);
    registry = EnterpriseRegistry.load(config);
  }

  private static GeneratorOptions training(long posts) {
    return GeneratorOptions.profile(config, "training", registry).withPosts(posts);
  }

  private static String line(PostGenerator gen, long i) {
    Post p = gen.generate(i);
    return Dirt.line(p, new SplittableRandom(Hashing.seed(gen.options.seed(), PostGenerator.S_DIRTY_KIND, i) ^ 0xD1),
        gen.tables);
  }

  @Test
  void everyPostDependsOnlyOnSeedAndIndex() {
    GeneratorOptions o = GeneratorOptions.profile(config, "demo", registry).withPosts(3000);
    PostGenerator a = new PostGenerator(o, null, false);
    PostGenerator b = new PostGenerator(o, null, false);
    List<String> forward = new ArrayList<>();
    for (long i = 0; i < 600; i++) {
      forward.add(line(a, i));
    }
    // another generator, visiting indices backwards (other caches, other order): same lines
    for (long i = 599; i >= 0; i--) {
      assertEquals(forward.get((int) i), line(b, i), "post " + i);
    }
    PostGenerator other = new PostGenerator(o.withSeed(o.seed() + 1), null, false);
    int same = 0;
    for (long i = 0; i < 200; i++) {
      same += line(other, i).equals(forward.get((int) i)) ? 1 : 0;
    }
    assertTrue(same < 5, "another seed gives other posts");
  }

  @Test
  void ratesFollowTheProfileAndDirtyRecordsAreLabelledAsDocumented() {
    GeneratorOptions o = GeneratorOptions.profile(config, "demo", registry).withPosts(20000)
        .withRates(0.08, 0.12, 0.05);
    PostGenerator gen = new PostGenerator(o, null, false);
    Map<String, Integer> kinds = new HashMap<>();
    int violations = 0;
    int labelled = 0;
    Set<String> ids = new HashSet<>();
    for (long i = 0; i < o.posts(); i++) {
      Post p = gen.generate(i);
      kinds.merge(p.kind, 1, Integer::sum);
      if (p.copyOf != null) {
        assertTrue(ids.contains(p.copyOf), "a copy repeats an earlier post: " + p.copyOf);
        continue;
      }
      String line = Dirt.line(p, new SplittableRandom(i), gen.tables);
      if (p.postId == null) {
        assertEquals("missing_field", p.kind);
        assertFalse(line.contains("\"post_id\""));
        continue;
      }
      assertTrue(ids.add(p.postId), "post ids are unique: " + p.postId);
      labelled++;
      violations += p.category > 0 ? 1 : 0;
      assertTrue(p.category >= 0 && p.category <= 10);
      assertEquals(p.formKind != null && p.formKind.startsWith("viol"), p.category > 0, p.formId);
      assertEquals(p.finClickbait != null, p.formId.startsWith("c5.fin") || p.formId.startsWith("neg.finnews"),
          p.formId);
      if ("emoji_only".equals(p.kind)) {
        assertEquals(0, p.category);
      }
    }
    long dirty = kinds.entrySet().stream().filter(e -> !Set.of("regular", "campaign", "fan").contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    // 1000 expected; binomial sd about 31
    assertTrue(Math.abs(dirty - 1000) < 150, "dirty records: " + dirty + " " + kinds);
    for (String k : List.of("malformed_json", "missing_field", "bad_timestamp", "unknown_platform", "duplicate",
        "edited_repost", "emoji_only")) {
      assertTrue(kinds.getOrDefault(k, 0) > 40, k + ": " + kinds);
    }
    double v = violations / (double) labelled;
    assertTrue(v > 0.065 && v < 0.095, "violation share " + v);
    assertTrue(kinds.getOrDefault("campaign", 0) > 50, "campaign members: " + kinds);
    assertTrue(kinds.getOrDefault("fan", 0) > 50, "fan reposts: " + kinds);
  }

  @Test
  void trainAndHeldoutRunsShareNoFormAndNoHeldoutSlotValue() {
    Grammar g = Grammar.get();
    Set<String> trainForms = new HashSet<>();
    for (FormSplit split : List.of(FormSplit.TRAIN, FormSplit.HELDOUT)) {
      PostGenerator gen = new PostGenerator(training(4000).withForms(split), null, true);
      Set<String> forms = new HashSet<>();
      int checkedValues = 0;
      for (long i = 0; i < 4000; i++) {
        Post p = gen.generate(i);
        if (p.formId.startsWith("dirty.")) {
          continue;
        }
        Form f = g.form(p.formId);
        assertNotNull(f, p.formId);
        assertEquals(split == FormSplit.HELDOUT, f.heldout(), p.formId + " in a " + split + " run");
        forms.add(p.formId);
        if (p.trace != null) {
          for (String used : p.trace) {
            int hash = used.lastIndexOf('#');
            Slot s = g.slot(used.substring(0, hash));
            int index = Integer.parseInt(used.substring(hash + 1));
            if (s.isSplit()) {
              assertEquals(split == FormSplit.HELDOUT, s.isHeldout(index), used + " in a " + split + " run");
              checkedValues++;
            }
          }
        }
      }
      assertTrue(checkedValues > 5000, "slot values checked: " + checkedValues);
      if (split == FormSplit.TRAIN) {
        trainForms.addAll(forms);
      } else {
        forms.retainAll(trainForms);
        assertTrue(forms.isEmpty(), "forms in both runs: " + forms);
      }
    }
  }

  @Test
  void personalDataInPostsIsValid() {
    PostGenerator gen = new PostGenerator(training(8000), null, false);
    int ids = 0;
    int cards = 0;
    for (long i = 0; i < 8000; i++) {
      Post p = gen.generate(i);
      String text = (p.title == null ? "" : p.title) + " " + p.content;
      if (p.pii.contains("idcard")) {
        Matcher m = ID18.matcher(text);
        assertTrue(m.find(), text);
        assertTrue(PersonalData.isValidIdNumber(m.group()), m.group() + " in " + text);
        ids++;
      }
      if (p.pii.contains("bankcard")) {
        Matcher m = CARD.matcher(text);
        boolean found = false;
        while (m.find()) {
          String digits = m.group().replace(" ", "");
          if (digits.length() >= 16 && digits.length() <= 19 && PersonalData.isLuhnValid(digits)) {
            found = true;
          }
        }
        assertTrue(found, "a Luhn-valid card in " + text);
        cards++;
      }
    }
    assertTrue(ids > 30 && cards > 10, ids + " ID numbers, " + cards + " cards");
  }

  @Test
  void impersonatorsNeverUseOfficialAccountsAndOfficialPostsAlwaysDo() {
    PostGenerator gen = new PostGenerator(training(10000), null, false);
    int impostors = 0;
    int officials = 0;
    for (long i = 0; i < 10000; i++) {
      Post p = gen.generate(i);
      boolean official = registry.isOfficialAccount(p.platform.id(), p.accountId);
      if (p.impostor) {
        impostors++;
        assertFalse(official, p.accountId);
        assertEquals(1, p.category, p.formId);
      }
      if (p.official && !p.enterpriseIds.isEmpty() && official) {
        officials++;
        assertEquals(0, p.category, p.formId);
      }
    }
    assertTrue(impostors > 200 && officials > 30, impostors + " impostor posts, " + officials + " official");
  }

  @Test
  void campaignsAreManyAccountsOnSeveralPlatformsWithinHoursAndFansAreNotAttacks() {
    PostGenerator gen = new PostGenerator(training(12000), null, false);
    Map<String, List<Post>> groups = new HashMap<>();
    for (long i = 0; i < 12000; i++) {
      Post p = gen.generate(i);
      if (p.group != null && p.clean) {
        groups.computeIfAbsent(p.group, k -> new ArrayList<>()).add(p);
      }
    }
    int checked = 0;
    for (Map.Entry<String, List<Post>> e : groups.entrySet()) {
      List<Post> posts = e.getValue();
      boolean attack = e.getKey().startsWith("camp-");
      for (Post p : posts) {
        assertEquals(attack ? 9 : 0, p.category, e.getKey());
      }
      if (posts.size() < 8) {
        continue;
      }
      checked++;
      Set<String> accounts = new HashSet<>();
      Set<Platform> platforms = new HashSet<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Post p : posts) {
        accounts.add(p.platform + ":" + p.accountId);
        platforms.add(p.platform);
        first = Math.min(first, p.publishedEpoch);
        last = Math.max(last, p.publishedEpoch);
      }
      assertTrue(accounts.size() >= 4, e.getKey() + " accounts " + accounts.size());
      assertTrue(platforms.size() >= 2, e.getKey() + " platforms " + platforms);
      assertTrue(last - first <= (attack ? 14 : 30) * 3600L, e.getKey() + " spans " + (last - first) + " s");
      // lightly edited copies of one text: most of the text's character trigrams are in every member
      long id = Long.parseLong(e.getKey().substring(e.getKey().indexOf('-') + 1));
      Set<String> base = GeneratorChecks.cjkGrams((attack ? gen.campaign(id) : gen.fan(id)).text, 3);
      int similar = 0;
      for (Post p : posts) {
        Set<String> inter = GeneratorChecks.cjkGrams(p.content, 3);
        inter.retainAll(base);
        similar += inter.size() >= 0.6 * base.size() ? 1 : 0;
      }
      assertTrue(similar >= posts.size() * 0.8, e.getKey() + ": only " + similar + " of " + posts.size() + " similar");
    }
    assertTrue(checked >= 4, "clusters checked: " + checked);
  }

  @Test
  void noCategoryIsGivenAwayByOneFixedPhrase() {
    PostGenerator gen = new PostGenerator(training(9000), null, false);
    Map<Integer, Map<String, Integer>> grams = new HashMap<>();
    int[] posts = new int[11];
    for (long i = 0; i < 9000; i++) {
      Post p = gen.generate(i);
      if (p.postId == null || p.copyOf != null) {
        continue;
      }
      posts[p.category]++;
      Map<String, Integer> m = grams.computeIfAbsent(p.category, k -> new HashMap<>());
      for (String gram : GeneratorChecks.cjkGrams((p.title == null ? "" : p.title + "\n") + p.content, 4)) {
        m.merge(gram, 1, Integer::sum);
      }
    }
    for (int c = 0; c <= 10; c++) {
      assertTrue(posts[c] > 200, "category " + c + " has " + posts[c] + " posts");
      Map.Entry<String, Integer> top = grams.get(c).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      double share = top.getValue() / (double) posts[c];
      assertTrue(share < 1.0 / 3, "category " + c + ": '" + top.getKey() + "' is in " + share + " of its posts");
    }
  }

  @Test
  void financialArticlesStateTheirFiguresInTheBody() {
    PostGenerator gen = new PostGenerator(training(20000), null, false);
    int faithful = 0;
    int distorted = 0;
    for (long i = 0; i < 20000; i++) {
      Post p = gen.generate(i);
      if (p.finClickbait == null || !p.clean) {
        continue;
      }
      assertEquals("article", p.contentType);
      assertNotNull(p.title);
      assertTrue(p.content.contains("亿元") || p.content.contains("万元") || p.content.contains("億元")
          || p.content.contains("萬元"), p.content);
      assertTrue(p.content.contains("%"), p.content);
      if (p.finClickbait == 1) {
        distorted++;
        assertEquals(5, p.category);
      } else {
        faithful++;
        assertEquals(0, p.category);
      }
    }
    assertTrue(faithful > 50 && distorted > 50, faithful + " faithful, " + distorted + " distorted");
  }

  @Test
  void realTextFeedsOrdinaryPostsAndHardNegativesAndFollowsTheSplit() {
    java.nio.file.Path shared = io.qinglang.testing.TestFiles.sharedData();
    org.junit.jupiter.api.Assumptions.assumeTrue(shared != null,
        "../shared/data is missing: the real-text corpora are not on this machine");
    RealText real = RealText.load(shared);
    assertTrue(real.weibo.size() > 1000 && real.badReviews.size() > 1000 && real.companies.size() > 1000);
    for (FormSplit split : List.of(FormSplit.TRAIN, FormSplit.HELDOUT)) {
      PostGenerator gen = new PostGenerator(GeneratorOptions.profile(config, "demo", registry).withPosts(3000)
          .withForms(split).withRealText(shared.toString()), real, false);
      int fromCorpora = 0;
      int badReviews = 0;
      for (long i = 0; i < 3000; i++) {
        Post p = gen.generate(i);
        if (p.formId.startsWith("real.") && p.clean) {
          fromCorpora++;
          assertEquals(0, p.category);
          assertEquals(split.id(), p.split, p.content);
          badReviews += p.formId.equals("real.review_bad") ? 1 : 0;
        }
      }
      assertTrue(fromCorpora > 500, "posts from the corpora: " + fromCorpora);
      assertTrue(badReviews > 20, "honest bad reviews: " + badReviews);
    }
  }

  @Test
  void bundledTextStandsInForTheCorporaAndFollowsTheSplit() {
    RealText bundled = RealText.load(RealText.BUNDLED);
    assertEquals(RealText.bundled().fingerprint(), bundled.fingerprint());
    for (RealText.Lines kind : List.of(bundled.weibo, bundled.headlines, bundled.financeHeadlines, bundled.goodReviews,
        bundled.badReviews)) {
      assertTrue(kind.size() >= 300 && !kind.train.isEmpty() && !kind.heldout.isEmpty(), kind.size() + " lines");
    }
    assertTrue(bundled.companies.isEmpty(), "no company names: invented enterprises keep the grammar's names");
    for (FormSplit split : List.of(FormSplit.TRAIN, FormSplit.HELDOUT)) {
      PostGenerator gen = new PostGenerator(GeneratorOptions.profile(config, "demo", registry).withPosts(3000)
          .withForms(split).withRealText(RealText.BUNDLED), bundled, false);
      List<String> side = new java.util.ArrayList<>();
      for (RealText.Lines kind : List.of(bundled.weibo, bundled.headlines, bundled.financeHeadlines,
          bundled.goodReviews, bundled.badReviews)) {
        side.addAll(kind.side(split));
      }
      int fromBundle = 0;
      for (long i = 0; i < 3000; i++) {
        Post p = gen.generate(i);
        if (p.formId.startsWith("real.") && p.clean) {
          fromBundle++;
          assertEquals(0, p.category);
          assertTrue(side.stream().anyMatch(p.content::startsWith), split.id() + " side lacks: " + p.content);
        }
      }
      assertTrue(fromBundle > 500, "posts from the bundled text: " + fromBundle);
    }
  }

  @Test
  void postsAreNeverEmptyAndSuggestionsCarryTheirQuery() {
    PostGenerator gen = new PostGenerator(GeneratorOptions.profile(config, "demo", registry).withPosts(6000), null,
        false);
    for (long i = 0; i < 6000; i++) {
      Post p = gen.generate(i);
      if (p.clean) {
        assertFalse(p.content.isBlank(), p.formId);
        assertFalse(p.accountId.isBlank(), p.formId);
        if ("search_suggestion".equals(p.contentType)) {
          assertNotNull(p.query, p.formId);
          assertNull(p.title);
        }
      }
    }
  }
}
