package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {
  @Test
  void masksEveryKind() {
    String text = "手机13812345678，身份证110105198503071230，卡6217 0000 1000 1234，邮箱boss1985@163.com，"
        + "车牌粤B12345，护照E12345678，家住北京市朝阳区建国路88号3单元502室，座机010-62345678";
    String masked = PersonalDataMasker.mask(text);
    assertEquals("手机138****5678，身份证110105********1230，卡6217********1234，邮箱b***@163.com，"
        + "车牌粤B****5，护照E******78，家住北京市朝阳区****，座机010-****5678", masked);
  }

  @Test
  void masksWhatCouldBeRealEvenWhenInvalid() {
    // A wrong check digit may be a typo of a real number: mask it anyway.
    assertEquals("身份证110105********1234", PersonalDataMasker.mask("身份证110105198503071234"));
    assertEquals("卡号6217********1235", PersonalDataMasker.mask("卡号6217 0000 1000 1235"));
  }

  @Test
  void leavesOtherTextAlone() {
    String text = "客服热线400-123-4567，订单2023041512304512，价格13800元，2023-04-15发布，营收同比增长4.5%";
    assertEquals(text, PersonalDataMasker.mask(text));
    assertFalse(PersonalDataMasker.containsPersonalData(text));
    assertNull(PersonalDataMasker.mask(null));
  }

  @Test
  void masksWhereaboutsButNotModelNumbers() {
    assertEquals("他儿子在**小学*年*班，下学期转去**附小*年*班",
        PersonalDataMasker.mask("他儿子在滨江实验小学五年三班，下学期转去滨江附小2年1班"));
    assertEquals("周五CA****落地首都机场", PersonalDataMasker.mask("周五CA1357落地首都机场"));
    String models = "显卡GT1030和RX5700都有货，型号MU5633的电机";
    assertEquals(models, PersonalDataMasker.mask(models), "a code with no flight word near it is a model number");
  }

  @Test
  void masksAnEntrepreneursMedicalDetailsOnly() {
    assertEquals("那位老板住在**病情**，**病情**晚期", PersonalDataMasker.mask("那位老板住在12床，确诊胃癌晚期"));
    String own = "我住在12床，明天第二次手术";
    assertEquals(own, PersonalDataMasker.mask(own), "no boss named: a patient's own post");
    String masked = PersonalDataMasker.mask("董事长做完手术转进了ICU");
    assertEquals("董事长做完**病情**转进了**病情**", masked);
    assertEquals(masked, PersonalDataMasker.mask(masked), "masking twice changes nothing");
  }

  @Test
  void maskingIsIdempotent() {
    String whereabouts = PersonalDataMasker.mask("女儿在滨江实验小学五年三班，他周五CA1357落地");
    assertEquals(whereabouts, PersonalDataMasker.mask(whereabouts));
    String once = PersonalDataMasker.mask("老板电话138-1234-5678，身份证110105198503071230");
    assertEquals(once, PersonalDataMasker.mask(once));
    assertTrue(PersonalDataMasker.containsPersonalData("老板电话138-1234-5678"));
  }
}
