package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileBurstsTest {
  static final long HOUR = 3600;
  static final long WINDOW = 6 * HOUR;
  static final String[] PLATFORMS = {"weibo", "douyin", "toutiao"};

  /** Six accounts on three platforms, one post every half hour, each leaning {@code smear}. */
  static List<HostileBursts.Member> six(double smear) {
    List<HostileBursts.Member> ms = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ms.add(member(i, i * HOUR / 2, "writer_" + i, PLATFORMS[i % 3], smear, false));
    }
    return ms;
  }

  static HostileBursts.Member member(int id, long t, String account, String platform, double smear, boolean positive) {
    return new HostileBursts.Member(t, 100 + id, platform + ":p" + id, account, platform, smear, true, positive, false,
        false);
  }

  static List<List<HostileBursts.Member>> bursts(List<HostileBursts.Member> ms) {
    return HostileBursts.bursts(ms, WINDOW, 4, 2, 0.2, 0.5);
  }

  @Test
  void postsLeaningTowardASmearFromManyAccountsAreOneBurst() {
    List<List<HostileBursts.Member>> found = bursts(six(0.25));
    assertEquals(1, found.size(), found.toString());
    assertEquals(6, found.get(0).size());
  }

  @Test
  void aWaveThatLeansTowardNoSmearIsNoBurst() {
    assertEquals(List.of(), bursts(six(0.19)));
    // The mean decides, not each post: two posts leaning strongly carry four that lean a little.
    List<HostileBursts.Member> mixed = six(0.12);
    mixed.set(0, member(0, 0, "writer_0", "weibo", 0.5, false));
    mixed.set(3, member(3, 3 * HOUR / 2, "writer_3", "weibo", 0.5, false));
    assertEquals(1, bursts(mixed).size());
  }

  @Test
  void tooFewAccountsOrPlatformsAreNoBurst() {
    List<HostileBursts.Member> oneAccount = new ArrayList<>();
    for (HostileBursts.Member m : six(0.5)) {
      oneAccount.add(new HostileBursts.Member(m.t(), m.docId(), m.key(), m.platform().equals("weibo") ? "a" : "b",
          m.platform(), m.smear(), true, false, false, false));
    }
    assertEquals(List.of(), bursts(oneAccount), "three accounts (a on two platforms counts twice)");
    List<HostileBursts.Member> onePlatform = new ArrayList<>();
    for (HostileBursts.Member m : six(0.5)) {
      onePlatform.add(new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), "weibo", 0.5, true, false, false, false));
    }
    assertEquals(List.of(), bursts(onePlatform));
  }

  @Test
  void postsFurtherApartThanTheWindowAreNoBurst() {
    List<HostileBursts.Member> slow = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slow.add(member(i, i * 2 * HOUR, "writer_" + i, PLATFORMS[i % 3], 0.5, false));
    }
    // Any 6 hours hold four posts at most (0-6 h, 2-8 h, 4-10 h), each from four accounts on three platforms;
    // the three windows share posts, so they are one burst of all six.
    List<List<HostileBursts.Member>> found = bursts(slow);
    assertEquals(1, found.size(), found.toString());
    assertEquals(6, found.get(0).size());
    slow.removeIf(m -> m.t() % (4 * HOUR) != 0);
    assertEquals(List.of(), bursts(slow), "0, 4, 8 h: three posts");
  }

  @Test
  void attacksADayApartAreTwoBursts() {
    List<HostileBursts.Member> two = six(0.5);
    for (int i = 0; i < 6; i++) {
      two.add(member(10 + i, 24 * HOUR + i * HOUR / 2, "other_" + i, PLATFORMS[i % 3], 0.5, false));
    }
    List<List<HostileBursts.Member>> found = bursts(two);
    assertEquals(2, found.size(), found.toString());
    assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L), found.get(0).stream().map(HostileBursts.Member::docId)
        .toList());
    assertEquals(List.of(110L, 111L, 112L, 113L, 114L, 115L), found.get(1).stream().map(HostileBursts.Member::docId)
        .toList());
    // A slow post between them (no window of four around it) joins neither.
    two.add(member(20, 12 * HOUR, "loner", "weibo", 0.9, false));
    assertEquals(found, bursts(two));
  }

  @Test
  void leaningPostsLostInAStreamOfOtherPostsAreNoBurst() {
    List<HostileBursts.Member> stream = six(0.5);
    // Five posts about the enterprise that do not lean, inside the same hours: 6 of 11 still lean.
    for (int i = 0; i < 5; i++) {
      stream.add(new HostileBursts.Member(i * HOUR / 2 + 60, 200 + i, "weibo:q" + i, "reader_" + i, "weibo", 0.01,
          false, false, false, false));
    }
    assertEquals(1, bursts(stream).size());
    assertEquals(6, bursts(stream).get(0).size(), "posts that do not lean are never members");
    // Seven: 6 of 13 lean, under half.
    for (int i = 5; i < 7; i++) {
      stream.add(new HostileBursts.Member(i * HOUR / 2 + 60, 200 + i, "weibo:q" + i, "reader_" + i, "weibo", 0.01,
          false, false, false, false));
    }
    assertEquals(List.of(), bursts(stream));
    assertEquals(1, HostileBursts.bursts(stream, WINDOW, 4, 2, 0.2, 0.4).size(), "a lower share lets it through");
  }

  @Test
  void aWaveAskingWhetherARumourIsTrueIsNoBurst() {
    List<HostileBursts.Member> asking = six(0.5);
    for (int i = 0; i < 4; i++) {
      asking.set(i, doubting(asking.get(i), true));
    }
    assertEquals(List.of(), bursts(asking), "every window of four or more posts is at least half doubt");
    asking.set(0, doubting(asking.get(0), false));
    asking.set(1, doubting(asking.get(1), false));
    assertEquals(1, bursts(asking).size(), "two of six doubting");
  }

  static HostileBursts.Member doubting(HostileBursts.Member m, boolean doubt) {
    return new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), m.platform(), m.smear(), m.leans(),
        m.positive(), doubt, m.official());
  }

  @Test
  void anAnnouncementOrPraiseIsNoBurst() {
    List<HostileBursts.Member> fans = six(0.5);
    fans.add(new HostileBursts.Member(-HOUR / 2, 99, "weibo:official", "brand_official", "weibo", 0.0, false, true, false,
        true));
    assertEquals(List.of(), bursts(fans), "the enterprise's own account posted half an hour before");
    List<HostileBursts.Member> praise = six(0.5);
    for (int i = 0; i < 4; i++) {
      HostileBursts.Member m = praise.get(i);
      praise.set(i, new HostileBursts.Member(m.t(), m.docId(), m.key(), m.account(), m.platform(), m.smear(), true,
          true, false, false));
    }
    assertEquals(List.of(), bursts(praise), "every window of four or more posts is at least half praise");
  }
}
