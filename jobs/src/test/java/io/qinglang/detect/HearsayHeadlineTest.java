package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HearsayHeadlineTest {
  static final HearsayHeadline H = new HearsayHeadline(List.of("听说", "有人说", "网传"));

  @Test
  void aHeadlineThatOpensWithHearsayReportsIt() {
    assertEquals(Optional.of("听说"), H.find("听说新业餐饮倒闭了？", "查了一下是谣言，门店都正常营业"));
    assertEquals(Optional.of("网传"), H.find("【辟谣】网传“某某停产”不实", "记者从企业了解到……"));
    assertEquals(Optional.of("有人说"), H.find(null, "不吐不快：有人说青禾乳业要倒闭，我翻了它的半年报，营收还在涨。"));
    assertEquals(Optional.of("听说"), H.find("  ", "问：听说埕溆农商行有个网点没现金了，这是怎么回事？"), "a blank title");
  }

  @Test
  void hearsayFurtherInOrOnlyInTheBodyIsNotTheHeadlines() {
    assertEquals(Optional.empty(), H.find("青禾乳业倒闭了！员工都在群里说", "听说老板已经跑了"), "the body, not the title");
    assertEquals(Optional.empty(), H.find(null, "青禾乳业这次真的要倒闭了吧，听说老板跑了"), "far into the sentence");
    assertEquals(Optional.empty(), H.find(null, "青禾乳业倒闭了！听说老板跑了"), "the second sentence");
    assertEquals(Optional.of("听说"), H.find(null, "这次真的是，听说青禾乳业倒闭了"), "six characters of lead-in");
    assertEquals(Optional.empty(), H.find(null, null));
    assertEquals(Optional.empty(), new HearsayHeadline(List.of()).find("听说青禾乳业倒闭了", ""), "no words, no finding");
  }
}
