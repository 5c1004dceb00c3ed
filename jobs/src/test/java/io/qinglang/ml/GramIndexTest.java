package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GramIndexTest {
  @Test
  void findsEveryGramIncludingThoseWhoseStringHashesCollide() {
    // "Aa"/"BB" and 黑公/黒 pairs share String.hashCode; each must still find its own position.
    String a = "\u4e00\u4e1f";
    String b = "\u4e01\u4e00";
    assertEquals(a.hashCode(), b.hashCode(), "the fixture needs a String.hashCode collision");
    String[] vocab = {"Aa", "BB", a, b, "删帖", "黑公关", "a b"};
    GramIndex index = new GramIndex(vocab);
    for (int i = 0; i < vocab.length; i++) {
      assertEquals(i, index.indexOf(vocab[i]), vocab[i]);
    }
    assertEquals(-1, index.indexOf("Ab"));
    assertEquals(-1, index.indexOf("黑公"));
    assertEquals(-1, index.indexOf(""));
  }

  @Test
  void looksUpARangeOfATextWithoutCuttingIt() {
    GramIndex index = new GramIndex(new String[] {"公关", "黑公关", "删帖"});
    String text = "找黑公关删帖";
    assertEquals(1, index.indexOf(text, 1, 4));
    assertEquals(0, index.indexOf(text, 2, 4));
    assertEquals(2, index.indexOf(text, 4, 6));
    assertEquals(-1, index.indexOf(text, 0, 2));
    assertEquals(-1, index.indexOf(text, 2, 3), "a prefix of a gram is not the gram");
  }

  @Test
  void handlesAnEmptyVocabularyAndKeepsTheLaterPositionOfADuplicate() {
    assertEquals(-1, new GramIndex(new String[0]).indexOf("x"));
    GramIndex index = new GramIndex(new String[] {",?", "删帖", ",?"});
    assertEquals(2, index.indexOf(",?"), "saved vocabularies can repeat a gram; the later one wins");
    assertEquals(1, index.indexOf("删帖"));
  }
}
