package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTextTest {
  static final CampaignText T = new CampaignText(3, 32, 4, 20230424L, List.of("转发微博", "展开全文"));

  @Test
  void normalisationRemovesWhatDiffersBetweenCopies() {
    assertEquals("比亚迪的车质量太差了大家别买",
        T.normalize(null, "比亚迪的车质量太差了！！大家别买[怒] @某某网友 https://t.cn/abc123 转发微博"));
    assertEquals("标题正文abc", T.normalize("标题", "#正文# ＡＢＣ //@路人甲: "));
  }

  @Test
  void shinglesAreSortedAndDistinct() {
    int[] s = T.shingles("哈哈哈哈哈");
    assertEquals(1, s.length, "one distinct 3-gram");
    int[] t = T.shingles("abcdef");
    assertEquals(4, t.length);
    for (int i = 1; i < t.length; i++) {
      assertTrue(t[i - 1] < t[i]);
    }
    assertEquals(1, T.shingles("ab").length, "a text shorter than k is one shingle");
  }

  @Test
  void jaccardIsExact() {
    assertEquals(1.0, CampaignText.jaccard(new int[] {1, 2, 3}, new int[] {1, 2, 3}));
    assertEquals(0.5, CampaignText.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}), 1e-12);
    assertEquals(0.0, CampaignText.jaccard(new int[] {1}, new int[] {2}));
  }

  @Test
  void nearDuplicatesShareBandsAndStrangersDoNot() {
    String a = T.normalize(null, "比亚迪的车质量太垃圾了，刹车失灵还不给退，大家千万别买，黑心企业！");
    String b = T.normalize(null, "比亚迪的车质量太垃圾了，刹车失灵还不给退款，大家千万别买，黑心企业！！");
    String c = T.normalize(null, "今天去公园散步，看到湖边的柳树发芽了，春天真的来了，心情很好。");
    int[] sa = T.shingles(a);
    int[] sb = T.shingles(b);
    int[] sc = T.shingles(c);
    assertTrue(CampaignText.jaccard(sa, sb) > 0.8);
    assertTrue(CampaignText.jaccard(sa, sc) < 0.05);
    long[] ba = T.bandHashes(sa);
    long[] bb = T.bandHashes(sb);
    long[] bc = T.bandHashes(sc);
    int sharedAb = 0;
    int sharedAc = 0;
    for (int i = 0; i < ba.length; i++) {
      sharedAb += ba[i] == bb[i] ? 1 : 0;
      sharedAc += ba[i] == bc[i] ? 1 : 0;
    }
    assertTrue(sharedAb >= 5, "near duplicates share many bands: " + sharedAb);
    assertEquals(0, sharedAc);
    assertArrayEquals(ba, T.bandHashes(T.shingles(a)), "signatures are deterministic");
    assertArrayEquals(ba, new CampaignText(3, 32, 4, 20230424L, List.of()).bandHashes(sa), "same seed, same hashes");
  }

  @Test
  void candidateProbabilityFollowsTheBandingFormula() {
    assertEquals(1 - Math.pow(1 - Math.pow(0.6, 4), 32), T.candidateProbability(0.6), 1e-12);
    assertTrue(T.candidateProbability(0.6) > 0.98);
    assertTrue(T.candidateProbability(0.1) < 0.01);
  }

  @Test
  void bucketPairsAreAllPairsOrAStarWithAChain() {
    assertEquals(3, CampaignDetector.pairsOf(List.of(3L, 1L, 2L), 5).size());
    List<org.apache.spark.sql.Row> star = CampaignDetector.pairsOf(List.of(5L, 4L, 3L, 2L, 1L), 3);
    assertEquals(7, star.size(), "4 star edges + 3 chain edges");
    assertTrue(star.stream().allMatch(r -> r.getLong(0) < r.getLong(1)));
  }
}
