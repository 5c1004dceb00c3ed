package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HotEventDetectorTest {
  static final HotEventDetector D = DetectFixtures.RESOURCES.hotEventDetector();

  private static boolean found(String title, String content) {
    return D.find(title, content).isPresent();
  }

  @Test
  void aDisasterAndACallToBuyAreReviewLevelEvidenceForNine() {
    List<Evidence> ev = D.detect(null, "#南江洪水# 看着新闻心里难受。家里备点净水片总没错，岚溪净水片今天下单立减30！");
    assertEquals(1, ev.size());
    Evidence e = ev.get(0);
    assertEquals(Evidence.HOT_EVENT, e.source());
    assertEquals(HotEventDetector.KIND, e.kind());
    assertEquals("洪水 … 下单", e.span());
    assertTrue(e.detail().contains("洪水") && e.detail().contains("下单"), e.detail());
    assertEquals(HotEventDetector.SCORE, e.score());
    assertEquals(9, FusionPolicy.categoryOf(e));
    assertTrue(e.score() < DetectFixtures.SETTINGS.fusion().flagScore(), "never strong enough to flag alone");
  }

  @Test
  void theEventAndTheCallMayBeInTitleAndBodyAndInFullWidthText() {
    Optional<HotEventDetector.Finding> f = D.find("某明星塌房全过程", "同款外套还有货，ｌｉｎｋ在下方：限时 五 折");
    assertTrue(f.isPresent());
    assertEquals("塌房", f.get().event());
    assertEquals("五折", f.get().call(), "spaces inside a word are dropped");
  }

  @Test
  void everydayWordsForAFloodOrAFireAndPlainCallsToBuyCountToo() {
    Optional<HotEventDetector.Finding> flood = D.find(null, "老家那边发大水，今年的橙子要少一半，今晚最后一批活动价");
    assertTrue(flood.isPresent());
    assertEquals("发大水", flood.get().event());
    assertEquals("活动价", flood.get().call());
    Optional<HotEventDetector.Finding> fire = D.find(null, "隔壁小区着火那条视频都看了吧，灭火毯备一张，店里领券再减二十");
    assertTrue(fire.isPresent());
    assertEquals("着火", fire.get().event());
    assertEquals("领券", fire.get().call());
    assertTrue(!found(null, "商家拿着火灾视频带货，直播间里还在喊上车，这种蹭热点的吃法太难看"),
        "a post calling it riding the event is a critique");
    assertTrue(!found(null, "#台风# 门店照常营业，取件的朋友有事私信，直播间今晚停播一次"),
        "words that only give a contact or a livestream are not calls to buy");
  }

  @Test
  void anEventWithoutACallToBuyOrACallWithoutAnEventGivesNothing() {
    assertTrue(!found(null, "#南江洪水# 愿大家平安，救援队已经进村了。"), "news of a disaster");
    assertTrue(!found(null, "双十一岚溪净水片下单立减30，链接在主页。"), "an ordinary ad");
    assertTrue(!found(null, ""), "empty");
    assertTrue(!found(null, null), "nothing at all");
  }

  @Test
  void postsThatCondemnSuchMarketingGiveNothing() {
    assertTrue(!found("借洪水卖净水片，吃相太难看", "某品牌发文“洪水来了赶紧下单”，被网友骂上热搜。"));
    assertTrue(!found(null, "岚溪为地震期间的“下单立减”文案道歉，已删除原帖。"));
  }

  @Test
  void switchedOffItFindsNothing() {
    HotEventDetector off = new HotEventDetector(DetectFixtures.RESOURCES.hotEventWords(), false);
    assertTrue(off.detect(null, "#南江洪水# 岚溪净水片今天下单立减30！").isEmpty());
  }

  @Test
  void theLexiconMustHaveItsSections() {
    Lexicon missing = Lexicon.parse("test.txt", "[event]\n地震\n[marketing]\n下单\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new HotEventDetector(missing, true));
    assertTrue(e.getMessage().contains("section [critique] is missing"), e.getMessage());
  }
}
