package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramIndexTest {
  @Test
  void findsGramsWhoseStringHashesCollide() {
    // 一 (U+4E00) + 丁 (U+4E01) and 丁 + 一 - 31 ... : String.hashCode is equal for these, positions are not.
    String a = "" + (char) 0x4E00 + (char) 0x4E40;
    String b = "" + (char) 0x4E01 + (char) 0x4E21;
    assertEquals(a.hashCode(), b.hashCode());
    GramIndex ix = new GramIndex(new String[] {a, b, "x"});
    assertEquals(0, ix.get(a));
    assertEquals(1, ix.get(b));
    assertEquals(2, ix.get("x"));
    assertEquals(-1, ix.get("" + (char) 0x4E02 + (char) 0x4E02));
    assertEquals(-1, ix.get(""));
  }

  @Test
  void aGramListedTwiceKeepsItsLaterPosition() {
    assertEquals(2, new GramIndex(new String[] {"删帖", "x", "删帖"}).get("删帖"));
  }

  @Test
  void gramsLongerThanOneCharCanCountAreFound() {
    String longGram = "长".repeat(70_000);
    GramIndex ix = new GramIndex(new String[] {"长", longGram, "长长"});
    assertEquals(1, ix.get(longGram));
    assertEquals(0, ix.get("长"));
    assertEquals(2, ix.get("长长"));
    assertEquals(-1, ix.get(longGram.substring(1)));
    assertEquals(-1, ix.get(longGram + "长"));
  }

  @Test
  void looksUpRangesOfATextByTheirGrownHash() {
    GramIndex ix = new GramIndex(new String[] {"公关", "黑公关", "关"});
    String text = "找黑公关";
    long h = GramIndex.EMPTY;
    for (int k = 1; k < text.length(); k++) {
      h = GramIndex.extend(h, text.charAt(k));
    }
    assertEquals(1, ix.get(text, 1, 4, h));
    assertEquals(GramIndex.hash("公关"), GramIndex.extend(GramIndex.extend(GramIndex.EMPTY, '公'), '关'));
    assertEquals(0, ix.get(text, 2, 4, GramIndex.hash("公关")));
    assertEquals(-1, ix.get(text, 0, 2, GramIndex.hash("找黑")));
  }

  @Test
  void agreesWithAHashMapOnManyShortCjkGrams() {
    Random random = new Random(7);
    String[] grams = new String[20_000];
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < grams.length; i++) {
      grams[i] = randomCjk(random, 1 + random.nextInt(3));
      expected.put(grams[i], i);
    }
    GramIndex ix = new GramIndex(grams);
    for (int i = 0; i < 50_000; i++) {
      String probe = i % 2 == 0 ? grams[random.nextInt(grams.length)] : randomCjk(random, 1 + random.nextInt(3));
      assertEquals(expected.getOrDefault(probe, -1), ix.get(probe), probe);
    }
  }

  /** Chars from a narrow CJK block, so that many grams share String.hashCode values. */
  static String randomCjk(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < length; k++) {
      sb.append((char) (0x4E00 + random.nextInt(400)));
    }
    return sb.toString();
  }
}
