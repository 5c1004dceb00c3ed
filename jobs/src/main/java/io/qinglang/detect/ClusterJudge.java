package io.qinglang.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides whether a cluster of linked posts (near-duplicates, reworded copies, hostile bursts) is a
 * coordinated attack (category 9). Two conditions,
 * both required:
 * <ol>
 *   <li>Coordination: some window of {@code window-hours} hours holds posts from at least
 *       {@code min-accounts} distinct accounts on at least {@code min-platforms} platforms (the
 *       densest such window is reported; found with two pointers over the members sorted by time).</li>
 *   <li>Hostility: at least {@code negative-share} of the posts in that window are negative toward an
 *       enterprise or a person (the classifier's category when the post has one, else the stance
 *       lexicon), and the cluster names a target: a registry enterprise or a person word (董事长,
 *       老板 ...).</li>
 * </ol>
 * A cluster whose densest window starts with a post of an official registry account (fans and media
 * reposting an announcement) is never an attack. {@link #judgeAll} then looks for further attacks in the
 * rest of the cluster, one window at a time. Negativity and origin are judged inside the window
 * because a connected component can also hold older or unrelated posts chained in through a shared
 * sentence. For the same reason an attack is confirmed by {@link #cohesion}: the window's posts must
 * form a group that meets the thresholds through direct links among them, and only that group's
 * negative posts receive category-9 evidence.
 */
public final class ClusterJudge implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One member post: time (epoch millis), platform, account, whether it reads as negative, whether the
   * account is an official registry account, its key ({@code platform:post_id}; may be null) and
   * whether the classifier (not the stance lexicon) reads it as hostile.
   */
  public record Member(long atMillis, String platform, String accountId, boolean negative, boolean official,
      String key, boolean classifierHostile) {
    public Member(long atMillis, String platform, String accountId, boolean negative, boolean official) {
      this(atMillis, platform, accountId, negative, official, null, false);
    }
  }

  /**
   * The verdict on one window with its figures and a sentence that says why. {@code coordinated}: the
   * window meets the account and platform thresholds; {@code officialOrigin}: it starts with an
   * official account's post; {@code windowMembers}: the window's posts (for attacks only, else empty).
   */
  public record Verdict(boolean attack, int windowAccounts, int windowPlatforms, long windowStartMillis,
      long windowEndMillis, double negativeShare, String reason, boolean coordinated, boolean officialOrigin,
      List<Member> windowMembers) {}

  private final int minAccounts;
  private final int minPlatforms;
  private final long windowMillis;
  private final double negativeShare;
  private final double laterWindowShare;

  public ClusterJudge(DetectSettings.Coordination s) {
    this(s.minAccounts(), s.minPlatforms(), s.windowHours(), s.negativeShare(), s.laterWindowShare());
  }

  public ClusterJudge(int minAccounts, int minPlatforms, double windowHours, double negativeShare,
      double laterWindowShare) {
    this.minAccounts = minAccounts;
    this.minPlatforms = minPlatforms;
    this.windowMillis = Math.round(windowHours * 3_600_000L);
    this.negativeShare = negativeShare;
    this.laterWindowShare = laterWindowShare;
  }

  /**
   * Judges the cluster's densest window.
   *
   * @param members the cluster's posts (any order)
   * @param target what the cluster names (enterprise ids, a person word), or null when nothing
   * @param stanceNote how negativity was judged, for the reason (e.g. "lexicon: 垃圾")
   */
  public Verdict judge(List<Member> members, String target, String stanceNote) {
    return judgeWindow(sorted(members), w -> target, stanceNote, false).verdict();
  }

  /**
   * Every attack of the cluster: judges the densest window, sets its posts aside and judges the densest
   * window of the rest, while some window is still coordinated. A connected component can hold several
   * campaigns posted from one text months apart; judging the densest window alone loses all but one.
   * The first window is judged with {@code target}; every further one with {@code windowTarget} of its
   * own posts, so a later burst must name its own target, and only posts the classifier reads as hostile
   * count, at least {@code later-window-share} of them: long components are where organic waves live
   * (rumour debunks, fraud warnings, fans' reposts), which the stance lexicon misreads. A cluster whose
   * densest window starts with an official account's post gives only that verdict (reposts of an
   * announcement are never an attack).
   *
   * @return the attack verdicts in the order found (densest first), or the densest window's verdict
   *     alone when there is no attack
   */
  public List<Verdict> judgeAll(List<Member> members, String target, Function<List<Member>, String> windowTarget,
      String stanceNote) {
    List<Member> rest = sorted(members);
    Window densest = judgeWindow(rest, w -> target, stanceNote, false);
    if (densest.verdict().officialOrigin()) {
      return List.of(densest.verdict());
    }
    List<Verdict> attacks = new ArrayList<>();
    Window w = densest;
    // Each round sets aside the window's posts (at least min-accounts of them), so the loop ends.
    while (true) {
      if (w.verdict().attack()) {
        attacks.add(w.verdict());
      }
      if (!w.verdict().coordinated()) {
        break;
      }
      rest.subList(w.from(), w.to()).clear(); // rest is this method's own copy; verdicts keep copies too
      if (rest.size() < minAccounts) {
        break;
      }
      w = judgeWindow(rest, windowTarget, stanceNote, true);
    }
    return attacks.isEmpty() ? List.of(densest.verdict()) : attacks;
  }

  private record Window(Verdict verdict, int from, int to) {}

  /** Members by time, then platform and account: the order windows are found in. */
  static final Comparator<Member> ORDER = Comparator.comparingLong(Member::atMillis)
      .thenComparing(Member::platform).thenComparing(Member::accountId);

  private static List<Member> sorted(List<Member> members) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(ORDER);
    return sorted;
  }

  /**
   * The densest window of {@code sorted} (found with two pointers) and its verdict; {@code later}: a window
   * after the component's first, judged on the classifier's reading at {@code later-window-share}.
   */
  private Window judgeWindow(List<Member> sorted, Function<List<Member>, String> targetOf, String stanceNote,
      boolean later) {
    Map<String, Integer> accounts = new HashMap<>();
    Map<String, Integer> platforms = new HashMap<>();
    int bestAccounts = -1;
    int bestPlatforms = -1;
    boolean bestMeets = false;
    long bestStart = 0;
    long bestEnd = 0;
    int bestFrom = 0;
    int bestTo = 0;
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Member left = sorted.get(i);
      while (j < sorted.size() && sorted.get(j).atMillis() - left.atMillis() <= windowMillis) {
        Member m = sorted.get(j);
        accounts.merge(m.platform() + ":" + m.accountId(), 1, Integer::sum);
        platforms.merge(m.platform(), 1, Integer::sum);
        j++;
      }
      int a = accounts.size();
      int p = platforms.size();
      boolean meets = a >= minAccounts && p >= minPlatforms;
      if ((meets && !bestMeets) || (meets == bestMeets && (a > bestAccounts || (a == bestAccounts && p > bestPlatforms)))) {
        bestAccounts = a;
        bestPlatforms = p;
        bestMeets = meets;
        bestStart = left.atMillis();
        bestEnd = sorted.get(j - 1).atMillis();
        bestFrom = i;
        bestTo = j;
      }
      decrement(accounts, left.platform() + ":" + left.accountId());
      decrement(platforms, left.platform());
    }
    // Negativity and origin are judged on the densest window: a component can also hold older or
    // unrelated posts chained in through a shared sentence.
    List<Member> window = sorted.subList(bestFrom, bestTo);
    String target = window.isEmpty() ? null : targetOf.apply(window);
    long negatives = window.stream().filter(later ? m -> m.negative() && m.classifierHostile() : Member::negative)
        .count();
    double needed = later ? laterWindowShare : negativeShare;
    double share = window.isEmpty() ? 0 : (double) negatives / window.size();
    boolean officialOrigin = !window.isEmpty() && window.get(0).official();
    boolean hostile = share >= needed && target != null;
    String burst = String.format(Locale.ROOT, "%d accounts on %d platforms within %.1f h", bestAccounts, bestPlatforms,
        (bestEnd - bestStart) / 3_600_000.0);
    String stance = String.format(Locale.ROOT, "%.0f%% of them negative", share * 100) + (later
        ? " (classifier; a later window of the cluster)" : stanceNote == null ? "" : " (" + stanceNote + ")");
    String reason;
    boolean attack = false;
    if (officialOrigin) {
      reason = "not an attack: the first post comes from an official account (reposts of an announcement); "
          + burst + "; " + stance;
    } else if (!bestMeets) {
      reason = "not coordinated: at most " + burst + " (needs " + minAccounts + " accounts on " + minPlatforms
          + " platforms within " + trim(windowMillis / 3_600_000.0) + " h); " + stance;
    } else if (share < needed) {
      reason = "not an attack: coordinated (" + burst + ") but " + stance + " (needs "
          + String.format(Locale.ROOT, "%.0f%%", needed * 100) + ")";
    } else if (target == null) {
      reason = "not an attack: coordinated (" + burst + ") and " + stance + " but names no enterprise or person";
    } else {
      attack = hostile;
      reason = "coordinated attack: " + burst + "; " + stance + "; target " + target;
    }
    Verdict v = new Verdict(attack, bestAccounts, bestPlatforms, bestStart, bestEnd, share, reason, bestMeets,
        officialOrigin, attack ? List.copyOf(window) : List.of());
    return new Window(v, bestFrom, bestTo);
  }

  /** A post of an attack's window, with its distinct text. */
  public record WindowPost(long docId, String platform, String accountId, boolean negative) {}

  /**
   * The largest group of the window's posts that are near-duplicates of each other directly, with the
   * verified pairs among its distinct texts.
   */
  public record Cohesion(boolean ok, List<Long> docIds, int accounts, int platforms, int posts, double negativeShare,
      long pairs) {}

  /**
   * Checks that the window's posts are near-duplicates of each other, not only through posts outside
   * the window (a connected component chains texts that share one sentence): groups the window's
   * texts by the verified pairs among them ({@code edges}, doc ids; identical texts share a doc id)
   * and keeps the group with the most accounts that still meets the account, platform and
   * negativity thresholds.
   */
  public Cohesion cohesion(List<WindowPost> posts, List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (WindowPost p : posts) {
      parent.put(p.docId(), p.docId());
    }
    for (long[] e : edges) {
      if (parent.containsKey(e[0]) && parent.containsKey(e[1])) {
        long a = root(parent, e[0]);
        long b = root(parent, e[1]);
        if (a != b) {
          parent.put(Math.max(a, b), Math.min(a, b));
        }
      }
    }
    Map<Long, List<WindowPost>> groups = new HashMap<>();
    for (WindowPost p : posts) {
      groups.computeIfAbsent(root(parent, p.docId()), k -> new java.util.ArrayList<>()).add(p);
    }
    Cohesion best = new Cohesion(false, List.of(), 0, 0, 0, 0, 0);
    for (List<WindowPost> g : groups.values()) {
      java.util.Set<String> accounts = new java.util.HashSet<>();
      java.util.Set<String> platforms = new java.util.HashSet<>();
      java.util.Set<Long> docs = new java.util.TreeSet<>();
      int negative = 0;
      for (WindowPost p : g) {
        accounts.add(p.platform() + ":" + p.accountId());
        platforms.add(p.platform());
        docs.add(p.docId());
        negative += p.negative() ? 1 : 0;
      }
      double share = (double) negative / g.size();
      boolean ok = accounts.size() >= minAccounts && platforms.size() >= minPlatforms && share >= negativeShare;
      boolean better = (ok && !best.ok()) || (ok == best.ok() && (accounts.size() > best.accounts()
          || (accounts.size() == best.accounts() && platforms.size() > best.platforms())));
      if (better) {
        long pairs = edges.stream().filter(e -> e[0] != e[1] && docs.contains(e[0]) && docs.contains(e[1])).count();
        best = new Cohesion(ok, List.copyOf(docs), accounts.size(), platforms.size(), g.size(), share, pairs);
      }
    }
    return best;
  }

  private static long root(Map<Long, Long> parent, long x) {
    long r = x;
    while (parent.get(r) != r) {
      r = parent.get(r);
    }
    while (parent.get(x) != r) {
      long next = parent.get(x);
      parent.put(x, r);
      x = next;
    }
    return r;
  }

  private static void decrement(Map<String, Integer> map, String key) {
    int n = map.get(key) - 1;
    if (n == 0) {
      map.remove(key);
    } else {
      map.put(key, n);
    }
  }

  private static String trim(double hours) {
    return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
  }
}
