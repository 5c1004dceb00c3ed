package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnAdmissionTest {
  static final OwnAdmission A = new OwnAdmission(List.of("官方", "自己", "厂家"), List.of("也", "都", "已经", "已"),
      List.of("承认", "道歉", "发了声明", "发声明"), List.of("如果", "要求"), List.of("否认", "辟谣"),
      List.of("来我们", "链接"));

  @Test
  void aCustomerCitingTheEnterprisesOwnAdmissionIsFound() {
    assertEquals(Optional.of("官方已经承认"), A.find("岚溪奶茶那段视频", "岚溪奶茶官方已经承认是他们东门店，我上周还去喝过，恶心。"));
    assertEquals(Optional.of("自己都发声明"), A.find(null, "别再说是P的了，澜岳自己都发声明道歉了，我家那台也漏电。"));
    assertEquals(Optional.of("厂家也已经承认"), A.find(null, "厂家也已经承认这批刹车片有问题，我的车还在等召回。"),
        "adverbs stack up to the limit");
    assertEquals(Optional.empty(), A.find(null, "厂家也都也都承认了这批刹车片有问题。"), "four adverbs are past the limit of three");
    assertEquals(Optional.of("官方承认"), A.find("官方承认了，退款", null), "in the title");
  }

  @Test
  void aNegationDoubtDemandRetractionOrQuestionIsNoAdmission() {
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶官方至今不承认，说视频是摆拍。"), "a negation is not an adverb");
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶官方也没道歉。"));
    assertEquals(Optional.empty(), A.find(null, "如果官方承认，我就退卡。"), "a condition");
    assertEquals(Optional.empty(), A.find(null, "我们要求厂家道歉并赔偿。"), "a demand");
    assertEquals(Optional.of("官方承认"), A.find(null, "我说如果不行就退，官方承认了，退了。"),
        "a condition in an earlier clause does not count");
    assertEquals(Optional.empty(), A.find(null, "澜岳自己发了声明否认，说是谣言。"), "the statement denies it");
    assertEquals(Optional.empty(), A.find(null, "澜岳自己发了声明，辟谣说是同行造假。"), "a retraction later in the sentence");
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶官方承认了吗？我怎么没看到。"), "a question");
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶官方承认？做梦吧。"), "a question mark");
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶承认了，出了问题。"), "no admitter before the word");
  }

  @Test
  void aPostThatPushesARivalIsNotACustomersCitation() {
    assertEquals(Optional.empty(), A.find(null, "岚溪奶茶官方都承认了用隔夜奶，想喝放心的来我们店。"));
    assertEquals(Optional.empty(), A.find("岚溪奶茶官方道歉了", "换一家吧，链接在评论区。"), "the pitch anywhere in the post");
  }

  @Test
  void noWordsNoFinding() {
    OwnAdmission none = new OwnAdmission(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    assertEquals(Optional.empty(), none.find(null, "岚溪奶茶官方已经承认了。"));
    assertEquals(Optional.empty(), A.find(null, null));
  }
}
