package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.InputResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private static final List<String> DODGES = Lexicons.read(InputResource.classpath("conf/lexicons/dodges.txt"), 2);
  private final TextNormalizer normalizer = new TextNormalizer(DODGES, true);

  @Test
  void convertsTraditionalAndFullWidth() {
    assertEquals("张三在华为公司上班,abc<NUM>!", normalizer.normalize("張三在華為公司上班，ＡＢＣ１２３！"));
    assertEquals("发财了", new TextNormalizer(List.of(), false).normalize("發財了"));
    assertEquals("", normalizer.normalize(null));
    assertEquals("", normalizer.normalize("   "));
  }

  @Test
  void keepsLinksMentionsTopicsAndEmojiAsTokens() {
    assertEquals("<TOPIC> 比亚迪 <AT> [怒] <URL> 太坑了",
        normalizer.normalize("#比亚迪# @小明 [怒] https://t.cn/A6abc 太坑了"));
    assertEquals("官网 <URL> 下载", normalizer.normalize("官网 www.byd-kefu.top 下载"));
    assertEquals("邮箱 <EMAIL>", normalizer.normalize("邮箱 PR@example.com"));
    // Brackets that are not emoji codes stay as they are.
    assertEquals("【转发】好消息", normalizer.normalize("【转发】好消息"));
  }

  @Test
  void mapsFilterDodgingSpellings() {
    assertEquals("有意者加微信 <WXID> 私信我", normalizer.normalize("有意者加V信abc_123x 私我"));
    assertEquals("有偿删帖,加微信", normalizer.normalize("有偿删tie，+v"));
    assertEquals("专业删帖", normalizer.normalize("专业删*帖"));
    assertEquals("黑公关写手", normalizer.normalize("黑 公 关写shou"));
    assertEquals("加微信详聊", normalizer.normalize("加vx详聊"));
    // A Latin variant does not match inside a Latin word: "devx" is not a WeChat dodge.
    assertEquals("devx <NUM>", normalizer.normalize("devx 2023"));
  }

  @Test
  void replacesPersonalDataAndContactShapes() {
    String s = normalizer.normalize("身份证110105197003071234，手机138-1234-5678，卡号6222 0212 3456 7890 123，"
        + "客服400-800-1234，座机010-62345678，qq:12345678，微信号 wx_abc123");
    assertTrue(s.contains("身份证 <IDNO>"), s);
    assertTrue(s.contains("手机 <MOBILE>"), s);
    assertTrue(s.contains("卡号 <CARD>"), s);
    assertTrue(s.contains("客服 <HOTLINE>"), s);
    assertTrue(s.contains("座机 <PHONE>"), s);
    assertTrue(s.contains("qq <QQNUM>"), s);
    assertTrue(s.contains("微信号 <WXID>"), s);
    assertFalse(s.matches(".*\\d.*"), s);
    assertEquals("同比增长<NUM>%", normalizer.normalize("同比增长12.5%"));
    assertEquals("同比增长12.5%", new TextNormalizer(DODGES, false).normalize("同比增长12.5%"));
  }

  @Test
  void collapsesWhiteSpace() {
    assertEquals("a b", normalizer.normalize("  a \t\n b\u3000"));
  }
}
