package io.qinglang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry shipped in conf/enterprises.csv, loaded the way every command loads it. */
class RegistryShippedTest {
  private static EnterpriseRegistry registry;

  @BeforeAll
  static void load() {
    QinglangConfig config = ConfigLoader.load(null);
    registry = EnterpriseRegistry.load(config);
  }

  @Test
  void holdsAtLeastThreeHundredEnterprisesAndKeepsTheOriginalIds() {
    assertTrue(registry.size() >= 300, "only " + registry.size() + " enterprises");
    assertEquals("贵州茅台酒股份有限公司", registry.get("E0001").name());
    assertEquals("比亚迪股份有限公司", registry.get("E0002").name());
    assertEquals("中国石油化工股份有限公司", registry.get("E0003").name());
    assertEquals("美的集团股份有限公司", registry.get("E0004").name());
    assertEquals(Ownership.PRIVATE, registry.get("E0002").ownership());
    assertTrue(registry.source().endsWith("enterprises.csv"), registry.source());
  }

  @Test
  void everyOwnershipAppears() {
    Set<Ownership> seen = EnumSet.noneOf(Ownership.class);
    registry.enterprises().forEach(e -> seen.add(e.ownership()));
    assertEquals(EnumSet.allOf(Ownership.class), seen);
  }

  @Test
  void fullNamesAreUniqueAndEveryNameBelongsToOneEnterprise() {
    Set<String> fullNames = new HashSet<>();
    for (Enterprise e : registry.enterprises()) {
      assertTrue(fullNames.add(e.name()), "full name twice: " + e.name());
    }
    List<String> shared = new ArrayList<>();
    registry.namesToIds().forEach((name, ids) -> {
      if (ids.size() > 1) {
        shared.add(name + " " + ids);
      }
    });
    assertTrue(shared.isEmpty(), "names used by several enterprises: " + shared);
  }

  @Test
  void noShortNameOrBrandIsShorterThanTwoCharacters() {
    for (Enterprise e : registry.enterprises()) {
      for (String n : e.allNames()) {
        assertTrue(n.codePointCount(0, n.length()) >= 2, e.enterpriseId() + " has the name '" + n + "'");
        assertEquals(n.strip(), n, e.enterpriseId() + " has a name with spaces around it");
      }
    }
  }

  @Test
  void everyEnterpriseHasIndustryAndRegionAndAboutHalfHaveOfficialAccounts() {
    int withAccounts = 0;
    Map<String, String> accountOwner = new HashMap<>();
    for (Enterprise e : registry.enterprises()) {
      assertFalse(e.industry().isBlank(), e.enterpriseId() + " has no industry");
      assertFalse(e.region().isBlank(), e.enterpriseId() + " has no region");
      assertTrue(e.officialAccounts().size() <= 3, e.enterpriseId() + " has more than three accounts");
      if (!e.officialAccounts().isEmpty()) {
        withAccounts++;
      }
      for (String account : e.officialAccounts()) {
        String before = accountOwner.put(account, e.enterpriseId());
        assertTrue(before == null, account + " belongs to " + before + " and " + e.enterpriseId());
        int colon = account.indexOf(':');
        assertTrue(registry.isOfficialAccount(account.substring(0, colon), account.substring(colon + 1)));
      }
    }
    double share = withAccounts / (double) registry.size();
    assertTrue(share > 0.35 && share < 0.65, "share with official accounts: " + share);
  }

  @Test
  void ordinaryWordsAreNotNames() {
    // conf/REGISTRY.md: short names that are ordinary words would flag innocent posts.
    Map<String, List<String>> names = registry.namesToIds();
    for (String word : List.of("美的", "小米", "理想", "联想", "平安", "吉利", "长安", "东风", "三星", "安利", "Apple")) {
      assertFalse(names.containsKey(word), "'" + word + "' is an ordinary word but a registry name");
    }
    assertTrue(names.containsKey("美的集团"));
    assertTrue(names.containsKey("小米集团"));
  }
}
