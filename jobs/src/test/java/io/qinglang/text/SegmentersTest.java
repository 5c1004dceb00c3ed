package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionaryTransformMatrixDictionary;
import com.hankcs.hanlp.dictionary.TransformMatrix;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SegmentersTest {
  // 调味酱, 挺好 and 链接 are words of HanLP's bundled custom dictionary, not of its core dictionary.
  private static final String TEXT = "绝味的调味酱真的挺好，我表哥问链接";

  private static String segmented(Segment segment, String text) {
    StringBuilder b = new StringBuilder();
    for (Term t : segment.seg(text)) {
      b.append(t.word).append('/').append(t.nature).append(' ');
    }
    return b.toString().strip();
  }

  @Test
  void taggingNoLongerRegrowsTheTransitionMatrix() {
    Segment segment = Segmenters.plain();
    TransformMatrix matrix = CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary;
    assertEquals(Nature.values().length, matrix.states.length);
    double[][] transitions = matrix.transititon_probability;
    String tagged = segmented(segment, "马云在杭州创办了阿里巴巴，股价今天下跌");
    assertSame(transitions, matrix.transititon_probability, "tagging a sentence kept the matrix as it was");
    assertTrue(tagged.contains("杭州/ns"), tagged);
  }

  @Test
  void bundledDictionaryWordsAreCombined() {
    String s = segmented(Segmenters.get("viterbi", false, List.of("官方旗舰店")), TEXT + "，就是官方旗舰店买的");
    for (String word : List.of("调味酱/", "挺好/", "链接/", "官方旗舰店/nz")) {
      assertTrue(s.contains(word), word + " in " + s);
    }
  }

  @Test
  void aCustomWordChangesOnlyItsOwnSegmenter() {
    Segment plain = Segmenters.plain();
    String before = segmented(plain, TEXT);
    // 调味酱 is already in the bundled dictionary: making it a custom word of one segmenter must not retag
    // it in every other segmenter of this JVM.
    Segment custom = Segmenters.get("viterbi", false, List.of("调味酱", "SegmentersTest-own-list"));
    assertTrue(segmented(custom, TEXT).contains("调味酱/nz"), segmented(custom, TEXT));
    assertEquals(before, segmented(plain, TEXT));
  }

  @Test
  void buildingASegmenterDoesNotDisturbOthersInUse() throws Exception {
    Segment inUse = Segmenters.get("viterbi", true, List.of("SegmentersTest-in-use"));
    String expected = segmented(inUse, TEXT);
    AtomicBoolean building = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> seen = pool.submit(() -> {
        List<String> wrong = new ArrayList<>();
        while (building.get()) {
          String s = segmented(inUse, TEXT);
          if (!s.equals(expected) && wrong.size() < 3) {
            wrong.add(s);
          }
        }
        return wrong;
      });
      for (int i = 0; i < 30; i++) {
        Segmenters.get("viterbi", false, List.of("SegmentersTest-build-" + i + "-" + System.nanoTime()));
      }
      building.set(false);
      assertEquals(List.of(), seen.get(), "segmentations that differed from " + expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
