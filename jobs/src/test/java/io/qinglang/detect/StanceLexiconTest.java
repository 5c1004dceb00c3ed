package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void postsRebuttingARumourAreNotNegativeThoughTheyRepeatIt() {
    String rumour = "网传这家企业是骗子，资金链断了";
    assertTrue(S.stance(rumour).isNegative());
    assertFalse(S.stance(rumour).isRebutting());
    for (String rebuttal : new String[] {rumour + "？官方已经说明了，大家别再转", "关于" + rumour + "的情况说明",
        rumour + "，好几个号说法一个模子，等待警方结论"}) {
      assertTrue(S.stance(rebuttal).isRebutting(), rebuttal);
      assertFalse(S.stance(rebuttal).isNegative(), rebuttal);
    }
    StanceLexicon without = StanceLexicon.of(Lexicon.parse("older.txt", "[negative]\n骗子\n[positive]\n感谢\n"));
    assertTrue(without.stance(rumour + "，别再转").isNegative(), "the section is optional");
    assertFalse(without.stance(rumour + "，别再转").isRebutting());
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
  void organisationsReadAfterARunThatNamesNobody() {
    assertEquals("青禾乳业", S.organisation("这家公司和青禾乳业都欠钱"), "the vague run is passed over, reading goes on");
    assertEquals("锦川农商银行", S.organisation("说到锦川农商银行"), "words before the name are cut off");
    assertEquals("瀚辰股份有限公司", S.organisation("瀚辰股份有限公司"), "the longest ending at the name's end");
    assertNull(S.organisation("乳业"), "an ending alone names nobody");
    assertNull(S.organisation("A公司跑路了"), "two Chinese characters at least before the ending");
  }

  /**
   * The reading above, as a regular expression (how it was first written): the shortest run of two to six
   * Chinese characters followed by the first ending, longest first, that matches there.
   */
  private static String organisationByRegex(List<String> endings, String text) {
    List<String> sorted = new ArrayList<>(endings);
    sorted.sort((a, b) -> b.length() - a.length());
    Matcher m = Pattern.compile("([\\u4e00-\\u9fa5]{2,6}?)("
        + String.join("|", sorted.stream().map(Pattern::quote).toList()) + ")").matcher(text);
    String stops = "的了在是和与把被从向对给让就也都还又说到";
    while (m.find()) {
      String name = m.group(1);
      for (int i = name.length() - 2; i >= 0; i--) {
        if (stops.indexOf(name.charAt(i)) >= 0) {
          name = name.substring(i + 1);
          break;
        }
      }
      if (name.length() >= 2 && stops.indexOf(name.charAt(name.length() - 1)) < 0
          && !Pattern.compile("^(这|那|该|某|本|我|你|他|她|它|哪|每|各|一|有|没|两|几|别|其|此|贵|整个|所有|很多|不少)")
              .matcher(name).find()) {
        return name + m.group(2);
      }
    }
    return null;
  }

  @Test
  void organisationAgreesWithTheRegularExpressionOnRandomText() {
    List<String> endings = List.of("股份有限公司", "有限公司", "公司", "集团", "银行", "农商行", "科技");
    StanceLexicon lexicon = StanceLexicon.of(Lexicon.parse("test", "[negative]\n骗子\n[positive]\n感谢\n[organisation]\n"
        + String.join("\n", endings) + "\n"));
    // Pieces of endings, name characters, pronouns, stop characters, Latin letters and punctuation.
    String[] pieces = {"股份", "有限", "公司", "公", "司", "集团", "银行", "农商", "行", "科技", "科", "青", "禾", "锦",
        "川", "这", "某", "的", "和", "说到", "A", "1", "，", " ", "乳业"};
    Random random = new Random(11);
    int found = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      String expected = organisationByRegex(endings, text);
      assertEquals(expected, lexicon.organisation(text), text);
      found += expected == null ? 0 : 1;
    }
    assertTrue(found > 2_000, "the random texts name organisations often enough to compare: " + found);
  }

  @Test
  void personWords() {
    assertEquals("董事长", S.personWord("某集团董事长卷款跑路"));
    assertNull(S.personWord("今天天气不错"));
  }
}
