package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionDetectorTest {
  static final SuggestionDetector D = DetectFixtures.RESOURCES.suggestionDetector();

  private static String kind(String type, String account, String title, String content) {
    return D.find(type, account, title, content).map(SuggestionDetector.Finding::kind).orElse("none");
  }

  @Test
  void anAllegationTheSystemShowsIsReviewLevelEvidenceForSix() {
    List<Evidence> ev = D.detect("search_suggestion", "system", null, "星澜科技 老板跑路了吗");
    assertEquals(1, ev.size());
    Evidence e = ev.get(0);
    assertEquals(Evidence.SUGGESTION, e.source());
    assertEquals("shown", e.kind());
    assertEquals("跑路", e.span());
    assertEquals(SuggestionDetector.SCORE, e.score());
    assertEquals(6, FusionPolicy.categoryOf(e));
    assertTrue(e.score() < DetectFixtures.SETTINGS.fusion().flagScore(), "never strong enough to flag alone");
    // A hot-list entry archived as a post of the system account counts too; full-width text is folded.
    assertEquals("shown", kind("post", "system", null, "热搜 第９位 #星澜手机电池爆炸#"));
  }

  @Test
  void trueSuggestionsAndServiceQueriesGiveNothing() {
    assertEquals("none", kind("search_suggestion", "system", null, "星澜手机价格"));
    assertEquals("none", kind("search_suggestion", "system", null, "星澜手机X3召回型号查询"), "a recall is news");
    assertEquals("none", kind("search_suggestion", "system", null, "星澜科技因虚假宣传被罚款20万"), "a fine is news");
    assertEquals("none", kind("search_suggestion", "system", null, "星澜科技上半年亏损3亿"), "no allegation word");
    assertEquals("none", kind("search_suggestion", "system", null, "星澜科技倒闭了吗 客服电话"), "a service query");
  }

  @Test
  void aPostCitingASuggestionNeedsTheAllegationNearTheCue() {
    Optional<SuggestionDetector.Finding> f = D.find("post", "u1", null,
        "刚在搜索框打了“星澜”，联想第一条就是“老板跑路了吗”，无风不起浪吧？");
    assertTrue(f.isPresent());
    assertEquals("cited", f.get().kind());
    assertEquals("跑路", f.get().allegation());
    // The same allegation without any word of seeing a suggestion is the classifier's business.
    assertEquals("none", kind("post", "u1", null, "听说星澜老板跑路了，定金还要得回来吗"));
    // A cue far from the allegation does not tie them together.
    String far = "我在搜索框里查了星澜手机的价格，" + "型号很多价格也不一样我看了好久也没有决定".repeat(2) + "朋友说老板跑路了";
    assertEquals("none", kind("post", "u1", null, far));
  }

  @Test
  void postsThatRefuteASuggestionGiveNothing() {
    assertEquals("none", kind("article", "news_1", "“星澜老板被抓”系谣言",
        "有网民反映在搜索“星澜”时出现“老板被抓”等联想词，公司表示纯属谣言。"));
    assertEquals("none", kind("video", "u2", "星澜老板跑路？我替大家查了",
        "搜星澜下拉框跳出“老板跑路”，联想词这东西谁都能刷，别慌。"));
  }

  @Test
  void switchedOffItFindsNothing() {
    SuggestionDetector off = new SuggestionDetector(DetectFixtures.RESOURCES.suggestionWords(), 30, false);
    assertTrue(off.detect("search_suggestion", "system", null, "星澜科技 老板跑路了吗").isEmpty());
  }

  @Test
  void theLexiconMustHaveItsSections() {
    Lexicon missing = Lexicon.parse("test.txt", "[allegation]\n跑路\n[cue]\n热搜\n[debunk]\n谣言\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new SuggestionDetector(missing, 30, true));
    assertTrue(e.getMessage().contains("section [factual] is missing"), e.getMessage());
  }
}
