package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigLoader;
import io.qinglang.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinSettingsTest {

  @Test
  void defaults() {
    FinSettings s = FinSettings.of(ConfigLoader.load(null));
    assertEquals(Set.of("article", "post", "video"), s.contentTypes());
    assertEquals(0.5, s.threshold());
    assertEquals("logistic_regression", s.classifier());
    assertEquals(List.of("forum", "analyst"), s.holdoutStyles());
    assertEquals(List.of("qinglang/corpus/fin_gold", "qinglang/corpus/gold"), s.bundled());
    FinAnalyzer a = s.analyzer();
    assertTrue(a.analyze("article", "某公司净利润暴跌90%", "某公司2023年营业收入34.5亿元，同比下降1.8%；净利润同比下降3.2%。")
        .applies());
  }

  @Test
  void badValuesNameTheKey(@TempDir Path tmp) throws Exception {
    String[][] cases = {
        {"qinglang.fin.classifier = svm", "qinglang.fin.classifier"},
        {"qinglang.fin.title-features = 1000", "qinglang.fin.title-features"},
        {"qinglang.fin.veto-below = 0.6", "qinglang.fin.veto-below"},
        {"qinglang.fin.content-types = [article, blog]", "qinglang.fin.content-types"},
        {"qinglang.fin.min-cues = 1", "qinglang.fin.min-cues"},
        {"qinglang.fin.bundled = [\"qinglang/corpus/nothing\"]", "qinglang.fin.bundled"},
    };
    for (String[] c : cases) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> FinSettings.of(TestConfigs.withOverrides(tmp, c[0])), c[0]);
      assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
      assertTrue(e.getMessage().contains("test.conf"), "names the file: " + e.getMessage());
    }
    assertThrows(ConfigException.class, () -> FinSettings.of(ConfigLoader.load(null)).withClassifier("svm"));
  }
}
