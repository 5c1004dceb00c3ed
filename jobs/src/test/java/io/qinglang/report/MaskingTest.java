package io.qinglang.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void masksIdsPhonesCardsAndMail() {
    assertEquals("身份证 110105********1234，手机 138****5678。", Masking.mask("身份证 110105199001011234，手机 13812345678。"));
    assertEquals("ID 11010519900101123X? 110105********123X", "ID 11010519900101123X? " + Masking.mask("11010519900101123X"));
    assertEquals("+86 手机 138****5678", "+86 手机 " + Masking.mask("+86 13812345678").substring(0, 11).strip());
    assertEquals("卡号 6222***********0123", Masking.mask("卡号 6222021234567890123"));
    assertEquals("卡号 6222********3456", Masking.mask("卡号 6222 0212 3456 3456"));
    assertEquals("电话 010-****5678", Masking.mask("电话 010-12345678"));
    assertEquals("联系 z***@example.com", Masking.mask("联系 zhang.san@example.com"));
    assertEquals("客服138****5678", Masking.mask("客服13812345678"), "also when text touches the number");
    assertEquals("acct138****5678x", Masking.mask("acct13812345678x"));
  }

  @Test
  void leavesOrdinaryNumbersAndMaskedValues() {
    for (String text : new String[] {"2023年7月3日 营收 1,234 亿元，同比 12.5%", "2023-07-03 10:00", "400-800-1234",
        "138****5678", "110105********1234", "编号 E9002，第 3 季度"}) {
      assertEquals(text, Masking.mask(text));
    }
    String once = Masking.mask("13812345678 和 110105199001011234");
    assertEquals(once, Masking.mask(once), "masking twice changes nothing");
    assertNull(Masking.mask(null));
  }
}
