package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostTokenizerTest {
  private static final String[] REGISTRY = {"E4\t星河科技有限公司|星河科技|星河", "E2\t比亚迪股份有限公司|比亚迪|仰望"};
  private final TextNormalizer normalizer = new TextNormalizer(List.of(), true);
  private final PostTokenizer tokenizer = new PostTokenizer("viterbi", true, List.of("w"), List.of("的", "了"),
      List.of("国进民退", "黑公关"), REGISTRY);

  private PostTokenizer.Result tokens(String text) {
    return tokenizer.tokenize(normalizer.normalize(text));
  }

  @Test
  void registryNamesBecomeOneEntityToken() {
    PostTokenizer.Result r = tokens("【转发】星河科技董事长王建国出轨了");
    assertEquals(List.of("转发", "<ENT>", "董事长", "<PER>", "出轨"), r.tokens());
    assertEquals("【转发】" + Placeholders.charOf(Placeholders.ENT) + "董事长" + Placeholders.charOf(Placeholders.PER)
        + "出轨了", r.masked());
    assertTrue(tokens("比亚迪的仰望U8").tokens().stream().filter(Placeholders.ENT::equals).count() == 2);
  }

  @Test
  void theRegistryInForceDecides() {
    PostTokenizer other = new PostTokenizer("viterbi", true, List.of("w"), List.of(), List.of(),
        new String[] {"H1\t青穗乳业股份有限公司|青穗乳业|青穗"});
    assertTrue(other.tokenize(normalizer.normalize("青穗乳业的牛奶有问题")).tokens().contains("<ENT>"));
    assertFalse(tokenizer.tokenize(normalizer.normalize("青穗乳业的牛奶有问题")).tokens().contains("<ENT>"));
  }

  @Test
  void placeholdersAndEmojiStayWholeAndPunctuationAndStopWordsGo() {
    PostTokenizer.Result r = tokens("加微信 wx_abc123 [怒]，国进民退！");
    assertEquals(List.of("加", "微信", "<WXID>", "[怒]", "国进民退"), r.tokens());
  }

  @Test
  void ordinaryWordsTaggedAsNamesStay() {
    // HanLP tags 真爽 as a person name; it does not start with a common surname.
    assertFalse(tokens("开着真爽").tokens().contains("<PER>"));
  }

  @Test
  void emptyText() {
    assertEquals(List.of(), tokenizer.tokenize("").tokens());
    assertEquals(List.of(), tokenizer.tokenize(null).tokens());
  }
}
