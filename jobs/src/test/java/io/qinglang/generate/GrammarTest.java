package io.qinglang.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrammarTest {
  private static final List<String> MINIMAL = List.of("@industry x", "label: 测试");

  private static Grammar grammar(String... lines) {
    List<String> all = new ArrayList<>(MINIMAL);
    all.addAll(List.of(lines));
    return Grammar.of(Map.of("test.txt", all));
  }

  @Test
  void templateSyntax() {
    Template t = Template.parse("a[b|c{x?30}|]\\[d\\]{num:1-9}");
    List<Template.Ref> refs = new ArrayList<>();
    t.references(refs);
    assertEquals(2, refs.size());
    assertEquals("x", refs.get(0).name);
    assertEquals(30, refs.get(0).percent);
    assertEquals(1, refs.get(1).lo);
    assertEquals(9, refs.get(1).hi);
    assertThrows(IllegalArgumentException.class, () -> Template.parse("[a|b"));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("a}b"));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("{num:9}"));
  }

  @Test
  void unknownReferencesAndBadFormsAreRejectedWithTheFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> grammar("@form f1 cat=2 shape=short", "{nosuchslot}"));
    assertTrue(e.getMessage().contains("nosuchslot"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> grammar("@form f1 cat=0 shape=short", "text"));
    assertTrue(e.getMessage().contains("test.txt:3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> grammar("@form f1 cat=5 shape=fin fin=faithful", "title: t"));
    assertThrows(IllegalArgumentException.class,
        () -> grammar("@form f1 cat=1 shape=short", "a", "@form f1 cat=1 shape=short", "b"));
  }

  @Test
  void largeSlotsAreSplitOnceAndSmallOrSharedOnesAreNot() {
    Grammar g = grammar("@slot big", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "@slot small", "甲", "乙", "@slot common shared", "a", "b", "c", "d", "e", "f", "g",
        "@slot emoji literal shared", "[哈哈]", "[doge]",
        "@form f1 cat=1 shape=short", "{big}{small}{common}{emoji}");
    Slot big = g.slot("big");
    assertTrue(big.isSplit());
    int held = 0;
    for (int i = 0; i < big.size(); i++) {
      held += big.isHeldout(i) ? 1 : 0;
    }
    assertTrue(held >= 1 && held < big.size(), "both sides non-empty: " + held);
    assertEquals(big.size() - held, big.eligible(FormSplit.TRAIN).length);
    assertEquals(held, big.eligible(FormSplit.HELDOUT).length);
    assertFalse(g.slot("small").isSplit());
    assertFalse(g.slot("common").isSplit());
    assertEquals(2, g.slot("small").eligible(FormSplit.HELDOUT).length);
    // the same grammar splits the same way again
    Grammar again = grammar("@slot big", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "@form f1 cat=1 shape=short", "{big}");
    for (int i = 0; i < big.size(); i++) {
      assertEquals(big.isHeldout(i), again.slot("big").isHeldout(i));
    }
    assertEquals("[哈哈]", g.slot("emoji").source(0));
  }

  @Test
  void mentionsAreTextNotDirectives() {
    Grammar g = grammar("@form f1 cat=1 shape=short", "@某人 你好");
    assertEquals(1, g.form("f1").bodies().size());
  }

  @Test
  void bundledGrammarCoversEveryCategoryOnBothSidesOfTheSplit() {
    Grammar g = Grammar.get();
    for (int c = 1; c <= 10; c++) {
      int train = g.selection("cat:" + c, FormSplit.TRAIN).forms.length;
      int held = g.selection("cat:" + c, FormSplit.HELDOUT).forms.length;
      assertTrue(train >= 12, "category " + c + " has only " + train + " training forms");
      assertTrue(held >= 3, "category " + c + " has only " + held + " held-out forms");
    }
    for (String group : List.of("neg", "ord", "campaign", "fan")) {
      assertFalse(g.selection(group, FormSplit.TRAIN).isEmpty(), group);
      assertFalse(g.selection(group, FormSplit.HELDOUT).isEmpty(), group);
    }
    Set<Form.FinType> fin = new HashSet<>();
    Set<Form.Shape> shapes = new HashSet<>();
    for (Form f : g.forms()) {
      shapes.add(f.shape());
      if (f.fin() != null) {
        fin.add(f.fin());
      }
    }
    assertEquals(Set.of(Form.Shape.values()), shapes);
    assertEquals(Set.of(Form.FinType.values()), fin);
    assertTrue(g.industries().size() >= 20);
    assertEquals(64, g.fingerprint().length());
  }

  @Test
  void registryIndustriesMapToGrammarIndustries() {
    Grammar g = Grammar.get();
    assertEquals("liquor", g.industry(g.matchIndustry("白酒")).key());
    assertEquals("auto", g.industry(g.matchIndustry("汽车整车")).key());
    assertEquals("appliance", g.industry(g.matchIndustry("家用电器")).key());
    assertEquals(-1, g.matchIndustry(""));
  }
}
