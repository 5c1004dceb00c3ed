package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.detect.ClusterJudge.Member;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterJudgeTest {
  static final long H = 3_600_000L;
  static final ClusterJudge J = new ClusterJudge(5, 2, 24, 0.5, 0.8);

  static List<Member> spread(int accounts, int platforms, long stepMillis, boolean negative) {
    List<Member> m = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      m.add(new Member(i * stepMillis, "p" + (i % platforms), "a" + i, negative, false));
    }
    return m;
  }

  @Test
  void manyAccountsOnSeveralPlatformsQuicklyAndNegativeIsAnAttack() {
    ClusterJudge.Verdict v = J.judge(spread(6, 3, H / 2, true), "E0002", "lexicon: 垃圾");
    assertTrue(v.attack(), v.reason());
    assertEquals(6, v.windowAccounts());
    assertEquals(3, v.windowPlatforms());
    assertTrue(v.reason().startsWith("coordinated attack: 6 accounts on 3 platforms within 2.5 h"), v.reason());
  }

  @Test
  void theWindowMustHoldEnoughAccounts() {
    // Six accounts, but one every ten hours: at most three fall in any 24-hour window.
    ClusterJudge.Verdict v = J.judge(spread(6, 3, 10 * H, true), "E0002", null);
    assertFalse(v.attack());
    assertEquals(3, v.windowAccounts());
    assertTrue(v.reason().startsWith("not coordinated"), v.reason());
  }

  @Test
  void onePlatformIsNotCrossPlatform() {
    assertFalse(J.judge(spread(8, 1, H, true), "E0002", null).attack());
  }

  @Test
  void repeatedPostsOfOneAccountCountOnce() {
    List<Member> m = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      m.add(new Member(i * H, i % 2 == 0 ? "weibo" : "douyin", "same", true, false));
    }
    ClusterJudge.Verdict v = J.judge(m, "E0002", null);
    assertFalse(v.attack());
    assertEquals(2, v.windowAccounts(), "weibo:same and douyin:same");
  }

  @Test
  void neutralOrPositiveClustersAreNotAttacks() {
    ClusterJudge.Verdict v = J.judge(spread(6, 3, H, false), "E0002", null);
    assertFalse(v.attack());
    assertTrue(v.reason().contains("0% of them negative"), v.reason());
  }

  @Test
  void aClusterWithoutTargetIsNotAnAttack() {
    ClusterJudge.Verdict v = J.judge(spread(6, 3, H, true), null, null);
    assertFalse(v.attack());
    assertTrue(v.reason().contains("names no enterprise or person"), v.reason());
  }

  @Test
  void theBurstDecidesNotWhatIsChainedIn() {
    // A hostile burst, plus a dozen older friendly posts that share a sentence with it.
    List<Member> m = spread(6, 3, H / 2, true);
    for (int i = 0; i < 12; i++) {
      m.add(new Member(-(30 + i * 50) * H, "zhihu", "old" + i, false, i == 11));
    }
    ClusterJudge.Verdict v = J.judge(m, "E0002", null);
    assertTrue(v.attack(), v.reason());
    assertEquals(1.0, v.negativeShare());
    assertEquals(0L, v.windowStartMillis());
  }

  @Test
  void aBurstMustBeAlikeDirectlyNotThroughOtherPosts() {
    List<ClusterJudge.WindowPost> posts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      posts.add(new ClusterJudge.WindowPost(100 + i, "p" + (i % 3), "a" + i, true));
    }
    posts.add(new ClusterJudge.WindowPost(100, "p9", "a9", true)); // an identical copy of text 100
    // Pairs only inside three couples (the rest were linked through texts outside the window).
    ClusterJudge.Cohesion loose = J.cohesion(posts, List.of(new long[] {100, 101}, new long[] {102, 103},
        new long[] {104, 105}, new long[] {104, 999}));
    assertFalse(loose.ok());
    assertEquals(3, loose.accounts(), "a0, a1 and the copy's a9");
    ClusterJudge.Cohesion tight = J.cohesion(posts, List.of(new long[] {100, 101}, new long[] {101, 102},
        new long[] {102, 103}, new long[] {103, 104}, new long[] {105, 100}));
    assertTrue(tight.ok());
    assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L), tight.docIds());
    assertEquals(7, tight.accounts());
    assertEquals(4, tight.platforms());
  }

  @Test
  void repostsOfAnOfficialAnnouncementAreNotAttacks() {
    List<Member> m = spread(6, 3, H, true);
    m.add(new Member(-H, "weibo", "byd_official", false, true));
    ClusterJudge.Verdict v = J.judge(m, "E0002", null);
    assertFalse(v.attack());
    assertTrue(v.reason().contains("official account"), v.reason());
  }

  /** Members of a burst: {@code accounts} accounts of {@code prefix}, one every half hour from {@code start}. */
  static List<Member> burst(String prefix, int accounts, long start) {
    List<Member> m = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      m.add(new Member(start + i * H / 2, "p" + (i % 3), prefix + i, true, false, prefix + ":" + i, true));
    }
    return m;
  }

  @Test
  void everyBurstOfAClusterIsJudged() {
    // One text posted by two campaigns two months apart: the later one is denser.
    List<Member> m = new ArrayList<>(burst("may", 5, 0));
    m.addAll(burst("july", 7, 60 * 24 * H));
    m.add(new Member(30 * 24 * H, "p0", "lone", true, false, "lone:0", true));
    List<ClusterJudge.Verdict> vs = J.judgeAll(m, "E0002", w -> "E0002 (own)", null);
    assertEquals(2, vs.size(), vs.toString());
    assertEquals(7, vs.get(0).windowAccounts(), "densest first");
    assertTrue(vs.get(0).reason().endsWith("target E0002"), vs.get(0).reason());
    assertEquals(5, vs.get(1).windowAccounts());
    assertEquals(0L, vs.get(1).windowStartMillis());
    assertTrue(vs.get(1).reason().endsWith("target E0002 (own)"), vs.get(1).reason());
    assertEquals(List.of("may:0", "may:1", "may:2", "may:3", "may:4"),
        vs.get(1).windowMembers().stream().map(Member::key).toList(), "the window's posts, not the lone one");
    assertEquals(J.judge(m, "E0002", null).windowStartMillis(), vs.get(0).windowStartMillis(),
        "the first verdict is the one judge gives");
  }

  @Test
  void aLaterBurstNeedsItsOwnTarget() {
    List<Member> m = new ArrayList<>(burst("may", 5, 0));
    m.addAll(burst("july", 7, 60 * 24 * H));
    List<ClusterJudge.Verdict> vs = J.judgeAll(m, "E0002", w -> null, null);
    assertEquals(1, vs.size());
    assertEquals(7, vs.get(0).windowAccounts());
  }

  @Test
  void withoutAnAttackTheDensestWindowIsReported() {
    // A friendly burst, then a hostile one that names nobody itself.
    List<Member> m = spread(6, 3, H, false);
    m.addAll(burst("later", 5, 90 * 24 * H));
    List<ClusterJudge.Verdict> vs = J.judgeAll(m, "E0002", w -> null, null);
    assertEquals(1, vs.size());
    assertFalse(vs.get(0).attack());
    assertEquals(6, vs.get(0).windowAccounts());
    assertTrue(vs.get(0).windowMembers().isEmpty(), "members are kept for attacks only");
  }

  @Test
  void anOfficialAnnouncementStopsTheSearch() {
    // Reposts of an announcement, and a hostile burst later: the cluster started with the announcement.
    List<Member> m = spread(6, 3, H, true);
    m.add(new Member(-H, "weibo", "byd_official", false, true));
    m.addAll(burst("later", 5, 90 * 24 * H));
    List<ClusterJudge.Verdict> vs = J.judgeAll(m, "E0002", w -> "E0002", null);
    assertEquals(1, vs.size());
    assertFalse(vs.get(0).attack());
    assertTrue(vs.get(0).reason().contains("official account"), vs.get(0).reason());
  }

  @Test
  void aLaterBurstMustBeHostileOnTheClassifiersReading() {
    // The later (smaller) burst reads negative through the stance lexicon only in three of its five posts.
    List<Member> m = new ArrayList<>(burst("july", 7, 60 * 24 * H));
    List<Member> may = burst("may", 5, 0);
    for (int i = 0; i < may.size(); i++) {
      Member x = may.get(i);
      m.add(new Member(x.atMillis(), x.platform(), x.accountId(), true, false, x.key(), i >= 3));
    }
    List<ClusterJudge.Verdict> vs = J.judgeAll(m, "E0002", w -> "E0002", null);
    assertEquals(1, vs.size());
    assertEquals(7, vs.get(0).windowAccounts());
    // Four of five (0.8) is enough.
    m.set(7, new Member(m.get(7).atMillis(), m.get(7).platform(), m.get(7).accountId(), true, false, m.get(7).key(),
        true));
    m.set(8, new Member(m.get(8).atMillis(), m.get(8).platform(), m.get(8).accountId(), true, false, m.get(8).key(),
        true));
    List<ClusterJudge.Verdict> again = J.judgeAll(m, "E0002", w -> "E0002", null);
    assertEquals(2, again.size(), again.toString());
    assertTrue(again.get(1).reason().contains("(classifier; a later window of the cluster)"), again.get(1).reason());
  }
}
