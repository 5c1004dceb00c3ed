package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qinglang.config.InputResource;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Registry names found in running text ({@link ImpersonationIndex#mentions}). */
class ImpersonationIndexTest {
  /** Names that overlap: a full name starting with another enterprise's short name, a brand running into another. */
  static final String REGISTRY = String.join("\n",
      "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts",
      "E1,中国石油化工股份有限公司,中国石化,中石化,state_owned,石油加工,北京,weibo:sinopec_official",
      "E2,中国石油天然气股份有限公司,中国石油,中石油,state_owned,石油开采,北京,weibo:petrochina_official",
      "E3,美的集团股份有限公司,美的集团,小天鹅|COLMO,private,家用电器,广东,weibo:midea_group",
      "E4,天鹅湖文旅有限公司,天鹅湖,,private,旅游,浙江,weibo:swanlake",
      "");

  static ImpersonationIndex index() throws IOException {
    Path file = Files.createTempFile("registry-", ".csv");
    Files.writeString(file, REGISTRY, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    EnterpriseRegistry registry = EnterpriseRegistry.load(InputResource.file(file), DetectFixtures.CONFIG.platforms());
    return DetectFixtures.RESOURCES.impersonation(registry).index();
  }

  static Set<String> ids(String... ids) {
    return new TreeSet<>(List.of(ids));
  }

  @Test
  void namesInTextInEveryFormTheIndexKnows() throws IOException {
    ImpersonationIndex idx = index();
    assertEquals(ids("E1", "E2"), idx.mentions("中国石油和中石化都涨了"));
    assertEquals(ids("E3"), idx.mentions("新买的colmo冰箱"), "Latin brands in any case");
    assertEquals(ids(), idx.mentions("今天天气不错"));
    assertEquals(ids(), idx.mentions(""));
    assertEquals(ids(), idx.mentions(null));
  }

  @Test
  void theLongestNameAtAPositionIsTheOneReadThere() throws IOException {
    ImpersonationIndex idx = index();
    // 中国石油 starts where 中国石油化工股份有限公司 does: the text names the longer one only.
    assertEquals(ids("E1"), idx.mentions("中国石油化工股份有限公司发布公告"));
    // A name starting inside another one is read too: 小天鹅 then 天鹅湖.
    assertEquals(ids("E3", "E4"), idx.mentions("小天鹅湖畔"));
  }

  @Test
  void aLexiconWithoutTheDeclarationSectionsStillLoadsAndFindsNone() throws IOException {
    String dealer = "美的空调长沙授权经销商（非厂家），授权书可在主页查看";
    assertEquals("非厂家", index().notOwnDeclaration(dealer).phrase(), "the shipped lexicon has [not_official]");
    Lexicon older = Lexicon.parse("older.txt", "[official]\n官方\n客服\n");
    ImpersonationIndex idx = new ImpersonationIndex(DetectFixtures.REG, older,
        new NameForms(Lexicon.parse("c.txt", "[confusable]\n")), PinyinSource.get(), 3);
    assertEquals(null, idx.notOwnDeclaration(dealer));
  }
}
