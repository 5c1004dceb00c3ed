package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StanceLexiconTest {
  static final StanceLexicon S = DetectFixtures.RESOURCES.stanceLexicon();

  @Test
  void negativeWhenHostileWordsOutweighFriendlyOnes() {
    assertTrue(S.stance("这家企业就是骗子，产品全是垃圾").isNegative());
    assertFalse(S.stance("恭喜！新品发布会圆满成功，感谢大家支持").isNegative());
    assertFalse(S.stance("网传该公司是骗子？并非骗子，官方已辟谣").isNegative(), "negated");
    assertFalse(S.stance("一季度营收同比下降3.1%，净利润增长1.8%").isNegative(), "plain news is not hostile");
    assertEquals("垃圾", S.stance("质量太垃圾了").firstNegative());
  }

  @Test
  void postsAskingWhetherAClaimIsTrueDoubt() {
    assertTrue(S.stance("朋友圈都在传这家健身房老板跑路了，是真的吗？我年卡才办三个月").isDoubting());
    assertTrue(S.stance("先别下结论，等官方说法").isDoubting());
    assertFalse(S.stance("老板卷款跑路了，大家赶紧去退卡！").isDoubting(), "an assertion");
  }

  @Test
  void organisationsOutsideTheRegistryAreNamedTargets() {
    assertEquals("瀚辰汽车", S.organisation("暴雨里泡水的瀚辰汽车全部自燃了"));
    assertEquals("锦川农商银行", S.organisation("锦川农商银行资金链断了"));
    assertEquals("青禾乳业", S.organisation("青禾乳业也跑不了"));
    assertNull(S.organisation("这家公司太坑了"), "a pronoun names nobody");
    assertNull(S.organisation("某银行又出事了"));
    assertNull(S.organisation("今天天气不错"));
  }

  @Test
  void personWords() {
    assertEquals("董事长", S.personWord("某集团董事长卷款跑路"));
    assertNull(S.personWord("今天天气不错"));
  }
}
