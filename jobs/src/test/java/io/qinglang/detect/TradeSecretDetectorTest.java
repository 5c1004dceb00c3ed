package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TradeSecretDetectorTest {
  static final TradeSecretDetector D = DetectFixtures.RESOURCES.tradeSecretDetector();

  private static boolean found(String title, String content) {
    return D.find(title, content).isPresent();
  }

  @Test
  void aConfidentialFigurePutOutIsReviewLevelEvidenceForThree() {
    List<Evidence> ev = D.detect(null, "岚溪给经销商的出厂价我这有一整张，热水器每台进货才六百出头，零售卖两千九");
    assertEquals(1, ev.size());
    Evidence e = ev.get(0);
    assertEquals(Evidence.TRADE_SECRET, e.source());
    assertEquals(TradeSecretDetector.KIND, e.kind());
    assertEquals("出厂价 … 我这有", e.span());
    assertEquals(3, FusionPolicy.categoryOf(e));
    assertTrue(e.score() >= DetectFixtures.SETTINGS.fusion().reviewScore(), "review-level");
    assertTrue(e.score() < DetectFixtures.SETTINGS.fusion().flagScore(), "never strong enough to flag alone");
  }

  @Test
  void theSecretAndTheDisclosureMayBeInTitleAndBody() {
    Optional<TradeSecretDetector.Finding> f = D.find("离职前拿到了", "新款电池包的 图纸 全套都在，同行要的私聊");
    assertTrue(f.isPresent());
    assertEquals("图纸", f.get().secret());
    assertEquals("拿到了", f.get().disclosure());
  }

  @Test
  void reportsOfALeakAndEverydayWordsGiveNothing() {
    assertTrue(!found(null, "某车企图纸外泄案一审判决，前员工因侵犯商业秘密罪获刑三年"), "a court report");
    assertTrue(!found(null, "这家店的价格表想要的私我，小样随单送"), "a shop's own price list and samples");
    assertTrue(!found(null, "配方表上写的是零添加，买回来一看配料表全是添加剂"), "a secret word without putting anything out");
    assertTrue(!found(null, "我拿到了新手机，拍照真清楚"), "putting out without a secret");
    assertTrue(!found(null, null));
  }

  @Test
  void switchedOffItFindsNothing() {
    TradeSecretDetector off = new TradeSecretDetector(DetectFixtures.RESOURCES.tradeSecretWords(), false);
    assertTrue(off.detect(null, "出厂价我这有一整张").isEmpty());
  }

  @Test
  void theLexiconMustHaveItsSections() {
    Lexicon missing = Lexicon.parse("test.txt", "[secret]\n底价\n[disclosure]\n我这有\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new TradeSecretDetector(missing, true));
    assertTrue(e.getMessage().contains("section [report] is missing"), e.getMessage());
  }
}
