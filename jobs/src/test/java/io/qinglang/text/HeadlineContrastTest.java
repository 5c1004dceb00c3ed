package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineContrastTest {
  private final HeadlineContrast contrast = new HeadlineContrast(List.of("倒闭", "查封", "致癌", "!!"),
      List.of("正常营业", "合格", "装修"), List.of("网传", "辟谣"));

  @Test
  void anAlarmedTitleOverADefusingBodyIsTheContrast() {
    double[] v = contrast.features("星河超市被查封！！", "记者到现场看了，门店只是在装修，下周正常营业。");
    assertArrayEquals(new double[] {1, 0, Math.log1p(2), 1}, v, 1e-12);
  }

  @Test
  void factualBadNewsKeepsItsAlarmWithoutTheContrast() {
    double[] v = contrast.features("星河超市被查封", "市场监管局通报，该店销售过期食品，已依法查封并立案调查。");
    assertArrayEquals(new double[] {1, 0, 0, 0}, v, 1e-12);
  }

  @Test
  void aDebunkingHeadlineHoldsNoAlarm() {
    double[] v = contrast.features("网传星河超市倒闭？", "记者探访：门店正常营业。");
    assertArrayEquals(new double[] {0, 1, 0, 0}, v, 1e-12);
  }

  @Test
  void anAlarmWordInsideQuotationMarksDoesNotCount() {
    assertArrayEquals(new double[] {0, 0, 0, 0}, contrast.features("董事长回应“倒闭”传言", "公司正常营业。"), 1e-12);
    assertEquals("董事长回应传言", HeadlineContrast.unquoted("董事长回应“倒闭”传言"));
    assertEquals("说了", HeadlineContrast.unquoted("说了「致癌」"));
  }

  @Test
  void anUntitledPostTakesItsBracketedOrShortFirstSentenceAsHeadline() {
    assertEquals(new HeadlineContrast.Split("星河奶茶致癌", "检测结果全部合格"),
        HeadlineContrast.split(null, "【星河奶茶致癌】检测结果全部合格"));
    HeadlineContrast.Split s = HeadlineContrast.split("", "星河奶茶致癌!! 其实送检的二十批样品全部合格，请大家放心购买饮用。");
    assertEquals("星河奶茶致癌!!", s.headline());
    assertEquals("其实送检的二十批样品全部合格,请大家放心购买饮用。", s.body());
    assertArrayEquals(new double[] {1, 0, Math.log1p(1), 1},
        contrast.features(null, "星河奶茶致癌！！其实送检的二十批样品全部合格，请大家放心购买饮用。"), 1e-12);
  }

  @Test
  void aShortPostOrALongFirstSentenceHasNoHeadline() {
    assertEquals("", HeadlineContrast.split(null, "星河奶茶致癌!! 合格").headline(), "too little body");
    String longSentence = "星河奶茶".repeat(20) + "致癌。" + "后面还有很多很多的文字说明检测合格的情况";
    assertEquals("", HeadlineContrast.split(null, longSentence).headline());
    assertArrayEquals(new double[4], contrast.features(null, null), 0);
    assertArrayEquals(new double[4], contrast.features(null, "今天天气不错"), 0);
  }

  @Test
  void matchingIsOnNormalizedText() {
    // Traditional characters and full-width punctuation in the post, simplified words in the lexicon.
    assertArrayEquals(new double[] {1, 0, Math.log1p(1), 1},
        contrast.features("星河超市倒閉！！", "門店在裝修"), 1e-12);
  }
}
