package io.qinglang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigLoader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnterpriseRegistryTest {
  static final String HEADER = "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts";
  static final String BYD = "E1,比亚迪股份有限公司,比亚迪,BYD|腾势,private,汽车整车,广东,weibo:byd_official|douyin:byd_auto";
  static final String MOUTAI = "E2,贵州茅台酒股份有限公司,贵州茅台|茅台,飞天茅台,state_owned,白酒,贵州,";

  private static QinglangConfig.Platforms platforms;

  @TempDir
  Path tmp;

  @BeforeAll
  static void platforms() {
    platforms = ConfigLoader.load(null).platforms();
  }

  private Path write(String... lines) throws IOException {
    Path file = tmp.resolve("registry.csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private EnterpriseRegistry load(Path file) {
    return EnterpriseRegistry.load(InputResource.file(file), platforms);
  }

  /** Loading fails with one line that names the file and the line. */
  private String failure(Path file, int line) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(file));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "not one line: " + m);
    assertTrue(m.contains(file.toString()), "file not named: " + m);
    assertTrue(m.contains("line " + line + ":"), "line " + line + " not named: " + m);
    return m;
  }

  @Test
  void validRegistryLoadsWithItsFields() throws IOException {
    EnterpriseRegistry r = load(write(HEADER, BYD, MOUTAI));
    assertEquals(2, r.size());
    Enterprise byd = r.get("E1");
    assertEquals("比亚迪股份有限公司", byd.name());
    assertEquals(List.of("比亚迪"), byd.shortNames());
    assertEquals(List.of("BYD", "腾势"), byd.brands());
    assertEquals(Ownership.PRIVATE, byd.ownership());
    assertEquals("汽车整车", byd.industry());
    assertEquals("广东", byd.region());
    assertEquals(List.of("weibo:byd_official", "douyin:byd_auto"), byd.officialAccounts());
    assertEquals(List.of(), r.get("E2").officialAccounts());
    assertEquals(Ownership.STATE_OWNED, r.get("E2").ownership());
    // Longest first, so that matching prefers 比亚迪股份有限公司 over 比亚迪.
    assertEquals(List.of("比亚迪股份有限公司", "比亚迪", "BYD", "腾势"), byd.allNames());
  }

  @Test
  void wrongHeaderIsRejected() throws IOException {
    String m = failure(write("id,name,short_names,brands,ownership,industry,region,official_accounts", BYD), 1);
    assertTrue(m.contains("unknown column 'id' in the header"), m);
    assertTrue(m.contains("(columns: " + HEADER + "; enterprise_id and name required"), m);
    m = failure(write("enterprise_id,short_names,brands", "E1,比亚迪,BYD"), 1);
    assertTrue(m.contains("has no column 'name'"), m);
    m = failure(write("enterprise_id,name,brands,Brands", "E1,比亚迪股份有限公司,BYD,腾势"), 1);
    assertTrue(m.contains("column 'brands' appears twice"), m);
  }

  @Test
  void optionalColumnsMayBeLeftOutAndColumnsComeInAnyOrder() throws IOException {
    // A registry of invented enterprises with names only: the ids, names and brands are what matching needs.
    EnterpriseRegistry r = load(write("Name,enterprise_id,brands", "\"澄溪食品有限公司\",X1,澄溪鲜|澄溪",
        "岚桥电子科技有限公司,X2,"));
    Enterprise x1 = r.get("X1");
    assertEquals("澄溪食品有限公司", x1.name());
    assertEquals(List.of("澄溪鲜", "澄溪"), x1.brands());
    assertEquals(List.of(), x1.shortNames());
    assertEquals(null, x1.ownership());
    assertEquals("", x1.region());
    assertEquals(List.of(), x1.officialAccounts());
    assertEquals(List.of("岚桥电子科技有限公司"), r.get("X2").allNames());
    // An empty ownership is "not given", as a left-out column is; a wrong one is still an error.
    assertEquals(null, load(write(HEADER, BYD.replace("private", ""))).get("E1").ownership());
    assertTrue(failure(write("enterprise_id,name,ownership", "X1,某某公司,public"), 2).contains("ownership 'public'"));
    assertTrue(failure(write("enterprise_id,name", "X1,某某公司,多一列"), 2)
        .contains("expected 2 fields, found 3 (one per header column)"));
  }

  @Test
  void emptyIdOrNameIsRejected() throws IOException {
    assertTrue(failure(write(HEADER, BYD, ",某公司,,,private,,,"), 3).contains("enterprise_id is empty"));
    assertTrue(failure(write(HEADER, "E9,  ,,,private,,,", BYD), 2).contains("name is empty"));
  }

  @Test
  void repeatedIdIsRejectedAtItsSecondLine() throws IOException {
    String m = failure(write(HEADER, BYD, MOUTAI, BYD.replace("比亚迪股份有限公司", "另一家公司")), 4);
    assertTrue(m.contains("enterprise_id 'E1' appears twice"), m);
  }

  @Test
  void unknownOwnershipIsRejected() throws IOException {
    String m = failure(write(HEADER, MOUTAI, BYD.replace("private", "public")), 3);
    assertTrue(m.contains("ownership 'public' is not one of state_owned, private, foreign, mixed"), m);
  }

  @Test
  void wrongFieldCountIsRejected() throws IOException {
    assertTrue(failure(write(HEADER, "E1,比亚迪股份有限公司,比亚迪"), 2).contains("expected 8 fields, found 3"));
  }

  @Test
  void malformedOfficialAccountsAreRejected() throws IOException {
    for (String bad : List.of("byd_official", ":byd", "weibo:")) {
      String m = failure(write(HEADER, BYD.replace("douyin:byd_auto", bad)), 2);
      assertTrue(m.contains("official account '" + bad + "' is not platform:account_id"), m);
    }
  }

  @Test
  void aLegalNameUnderTwoIdsIsRejected() throws IOException {
    String m = failure(write(HEADER, BYD, MOUTAI, BYD.replace("E1,", "E7,").replace("腾势", "仰望")), 4);
    assertTrue(m.contains("name '比亚迪股份有限公司' is already enterprise_id 'E1'"), m);
  }

  @Test
  void unknownPlatformInAnAccountIsRejected() throws IOException {
    String m = failure(write(HEADER, MOUTAI, BYD.replace("douyin:byd_auto", "facebook:byd")), 3);
    assertTrue(m.contains("names unknown platform 'facebook'"), m);
  }

  @Test
  void platformAliasesInAccountsAreCanonicalised() throws IOException {
    EnterpriseRegistry r = load(write(HEADER,
        "E1,比亚迪股份有限公司,比亚迪,,private,汽车整车,广东,微博:byd_official| WX : gh_byd |Douyin:byd_auto"));
    assertEquals(List.of("weibo:byd_official", "wechat:gh_byd", "douyin:byd_auto"), r.get("E1").officialAccounts());
    assertTrue(r.isOfficialAccount("weibo", "byd_official"));
    assertTrue(r.isOfficialAccount("wechat", "gh_byd"));
    assertTrue(r.isOfficialAccount("douyin", "byd_auto"));
  }

  @Test
  void isOfficialAccountNeedsTheRightPlatform() throws IOException {
    EnterpriseRegistry r = load(write(HEADER, BYD, MOUTAI));
    assertTrue(r.isOfficialAccount("weibo", "byd_official"));
    assertFalse(r.isOfficialAccount("douyin", "byd_official"));
    assertFalse(r.isOfficialAccount("weibo", "byd_official_fan"));
    assertFalse(r.isOfficialAccount("weibo", "moutai_official"));
  }

  @Test
  void officialAccountsAreMappedToTheirEnterprises() throws IOException {
    // Two entries may share an account (a group and its listed subsidiary): both own it.
    EnterpriseRegistry r = load(write(HEADER, BYD, MOUTAI,
        "E9,比亚迪电子(国际)有限公司,比亚迪电子,,private,电子,广东,weibo:byd_official"));
    assertEquals(List.of("E1", "E9"), r.enterprisesWithOfficialAccount("weibo:byd_official"));
    assertEquals(List.of("E1"), r.enterprisesWithOfficialAccount("douyin:byd_auto"));
    assertEquals(List.of(), r.enterprisesWithOfficialAccount("douyin:byd_official"));
  }

  @Test
  void utf8ByteOrderMarkIsIgnored() throws IOException {
    Path file = tmp.resolve("bom.csv");
    Files.writeString(file, "\uFEFF" + HEADER + "\r\n" + BYD + "\r\n", StandardCharsets.UTF_8);
    EnterpriseRegistry r = load(file);
    assertEquals("E1", r.enterprises().get(0).enterpriseId());
  }

  @Test
  void quotedFieldsMayHoldCommasAndQuotes() throws IOException {
    EnterpriseRegistry r = load(write(HEADER,
        "E7,\"某某科技（北京）有限公司,上海分公司\",\"某某, 某某科技\",\"牌子\"\"一\"\"|牌子二\",private,软件服务,北京,"));
    Enterprise e = r.get("E7");
    assertEquals("某某科技（北京）有限公司,上海分公司", e.name());
    assertEquals(List.of("某某, 某某科技"), e.shortNames());
    assertEquals(List.of("牌子\"一\"", "牌子二"), e.brands());
  }

  @Test
  void blankLinesAreSkippedAndLaterLinesStillNamedCorrectly() throws IOException {
    assertEquals(2, load(write(HEADER, "", BYD, "", MOUTAI, "")).size());
    failure(write(HEADER, "", BYD, "", "E3,名字,,,publicly_owned,,,"), 5);
  }

  @Test
  void lastLineWithoutNewlineIsNamedCorrectly() throws IOException {
    Path file = tmp.resolve("no-newline.csv");
    Files.writeString(file, HEADER + "\n" + BYD + "\n" + MOUTAI.replace("state_owned", "national"), StandardCharsets.UTF_8);
    failure(file, 3);
  }

  @Test
  void multiLineQuotedFieldIsNamedByTheLineWhereTheRecordStarts() throws IOException {
    failure(write(HEADER, "E5,\"两行\n的名字\",,,nobody,,,", BYD), 2);
    failure(write(HEADER, "E5,\"两行\n的名字\",,,private,,,", "E6,名字,,,nobody,,,"), 4);
  }

  @Test
  void emptyRegistryIsRejected() throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> load(write(HEADER)));
    assertTrue(e.getMessage().contains("has no enterprises"), e.getMessage());
  }

  @Test
  void missingFileIsAConfigError() {
    Path missing = tmp.resolve("missing.csv");
    ConfigException e = assertThrows(ConfigException.class, () -> load(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void namesToIdsMapsEveryNameToTheEnterprisesItNames() throws IOException {
    EnterpriseRegistry r = load(write(HEADER, BYD, MOUTAI,
        "E3,某汽车销售有限公司,某汽车,腾势,private,汽车服务,上海,"));
    Map<String, List<String>> names = r.namesToIds();
    assertEquals(List.of("E1"), names.get("比亚迪股份有限公司"));
    assertEquals(List.of("E1"), names.get("比亚迪"));
    assertEquals(List.of("E2"), names.get("茅台"));
    assertEquals(List.of("E2"), names.get("飞天茅台"));
    assertEquals(List.of("E1", "E3"), names.get("腾势"));
    assertEquals(10, names.size());
  }

  @Test
  void fingerprintIsTheFilesSha256AndChangesWithIt() throws Exception {
    Path file = write(HEADER, BYD, MOUTAI);
    String first = load(file).fingerprint();
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
        first);
    assertEquals(first, load(file).fingerprint());
    write(HEADER, BYD, MOUTAI.replace("飞天茅台", "飞天茅台|茅台王子"));
    assertNotEquals(first, load(file).fingerprint());
  }

  @Test
  void registryIsSerializableForBroadcast() throws Exception {
    EnterpriseRegistry r = load(write(HEADER, BYD, MOUTAI));
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    EnterpriseRegistry copy;
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (EnterpriseRegistry) in.readObject();
    }
    assertEquals(r.fingerprint(), copy.fingerprint());
    assertTrue(copy.isOfficialAccount("douyin", "byd_auto"));
    assertEquals(r.namesToIds(), copy.namesToIds());
  }

  @Test
  void withAddsAnotherRegistrysEnterprisesAndRefusesRepeatedIds() throws IOException {
    EnterpriseRegistry base = load(write(HEADER, BYD));
    Path other = tmp.resolve("other.csv");
    Files.writeString(other, HEADER + "\n" + MOUTAI + "\n", StandardCharsets.UTF_8);
    EnterpriseRegistry both = base.with(load(other));
    assertEquals(2, both.size());
    assertEquals(List.of("E1"), both.namesToIds().get("BYD"));
    assertEquals(List.of("E2"), both.namesToIds().get("茅台"));
    assertTrue(both.isOfficialAccount("weibo", "byd_official"));
    assertNotEquals(base.fingerprint(), both.fingerprint());
    assertTrue(both.source().contains("other.csv"), both.source());

    ConfigException e = assertThrows(ConfigException.class, () -> base.with(base));
    assertTrue(e.getMessage().contains("'E1'"), e.getMessage());
  }

  @Test
  void headerOnlyFileIsEmpty() {
    assertTrue(EnterpriseRegistry.isEmpty((HEADER + "\n\n").getBytes(StandardCharsets.UTF_8)));
    assertFalse(EnterpriseRegistry.isEmpty((HEADER + "\n" + BYD + "\n").getBytes(StandardCharsets.UTF_8)));
  }
}
