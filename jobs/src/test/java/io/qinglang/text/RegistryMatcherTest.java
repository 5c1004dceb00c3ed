package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryMatcherTest {
  private static final String[] ENTRIES = {
      "E1\t贵州茅台酒股份有限公司|贵州茅台|茅台|飞天茅台",
      "E2\t比亚迪股份有限公司|比亚迪|BYD|仰望|腾势",
      "E3\t美的集团股份有限公司|美的集团|美的|小天鹅",
      "E4\t星河科技有限公司|星河科技|星河",
      "E5\t星河乳业有限公司|星河乳业|星河"};
  private final RegistryMatcher matcher = RegistryMatcher.of(ENTRIES);

  private List<String> ids(String text) {
    return matcher.enterpriseIds(CharNormalizer.normalize(text));
  }

  @Test
  void findsFullShortAndBrandNames() {
    assertEquals(List.of("E1"), ids("贵州茅台酒股份有限公司发布公告"));
    assertEquals(List.of("E1"), ids("茅台涨价了，飞天茅台要两千多"));
    assertEquals(List.of("E2", "E3"), ids("比亚迪和美的集团都发了财报"));
    assertEquals(List.of("E2"), ids("BYD is 比亚迪"));
  }

  @Test
  void shortNamesInsideOrdinaryWordsAreNotEnterprises() {
    assertEquals(List.of(), ids("美的东西真好看"));
    assertEquals(List.of(), ids("仰望星空，脚踏实地"));
    assertEquals(List.of(), ids("abyd1 is not a brand"));
  }

  @Test
  void madeUpNamesHanLpSplitsIntoCharactersStillLink() {
    RegistryMatcher r = RegistryMatcher.of(new String[] {
        "K1\t杭州鲸舶荟网络科技股份有限公司|鲸舶荟", "K2\t南京钤付信息科技有限公司|钤付", "K3\t海川食品有限公司|海川"});
    assertEquals(List.of("K1"), r.enterpriseIds(CharNormalizer.normalize("难怪鲸舶荟的直邮三天就到")));
    assertEquals(List.of("K2"), r.enterpriseIds(CharNormalizer.normalize("钤付要完了兄弟们，有余额的赶紧提")));
    assertEquals(List.of("K3"), r.enterpriseIds(CharNormalizer.normalize("海川的酱油涨价了")));
    // A word that starts before the name or runs on past it means the characters read otherwise.
    assertEquals(List.of(), r.enterpriseIds(CharNormalizer.normalize("靠海川菜馆的生意不错")));
  }

  @Test
  void aWordThatStartsAtTheNameAndRunsOnStillLinks() {
    RegistryMatcher r = RegistryMatcher.of(new String[] {"T1\t携程旅行网|携程"});
    assertEquals(List.of("T1"), r.enterpriseIds(CharNormalizer.normalize("我在携程网订的酒店")));
  }

  @Test
  void ambiguousNamesNeedConfirmation() {
    assertEquals(List.of("E2"), ids("仰望U8开了半年"));
    assertEquals(List.of("E2"), ids("比亚迪的仰望卖得不错"));
    assertEquals(List.of("E3"), ids("我在美的集团上班"));
    assertEquals(List.of("E3"), ids("「美的」空调"));
  }

  @Test
  void sharedNamesLinkOnlyWhenSomethingSinglesOneOut() {
    assertEquals(List.of(), ids("星河公司又上热搜了"));
    assertEquals(List.of("E4"), ids("星河科技发布会上，星河公司宣布新品"));
    List<RegistryMatcher.Mention> m = matcher.mentions(CharNormalizer.normalize("星河公司又上热搜了"));
    assertEquals(1, m.size(), "still a mention, for <ENT>");
  }

  @Test
  void matchesMaskedNumbersInNames() {
    RegistryMatcher r = RegistryMatcher.of(new String[] {"E9\t五八同城|58同城"});
    TextNormalizer n = new TextNormalizer(List.of(), true);
    assertEquals(List.of("E9"), r.enterpriseIds(n.normalize("58同城上的招聘信息")));
    assertEquals(List.of("E9"), r.enterpriseIds(CharNormalizer.normalize("58同城上的招聘信息")));
    assertTrue(r.mentions("").isEmpty());
  }
}
