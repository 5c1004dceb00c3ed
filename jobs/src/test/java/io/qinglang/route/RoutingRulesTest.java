package io.qinglang.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.ConfigException;
import io.qinglang.config.ConfigLoader;
import io.qinglang.config.QinglangConfig;
import io.qinglang.testing.SparkExtension;
import io.qinglang.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shipped routing rules, one case at a time and in combination, on hand-made clue rows. */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingRulesTest {
  static final StructType CLUES = new StructType()
      .add("clue_id", DataTypes.StringType, false)
      .add("category", DataTypes.IntegerType, false)
      .add("clue_kind", DataTypes.StringType, false)
      .add("outside", DataTypes.BooleanType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("accounts", DataTypes.LongType, false)
      .add("platforms", DataTypes.createArrayType(DataTypes.StringType, false), false);

  RoutingSettings shipped;
  Map<String, Map<String, String>> routes;

  static Row clue(String id, int category, String kind, boolean outside, double confidence, long accounts,
      String... platforms) {
    return RowFactory.create(id, category, kind, outside, confidence, accounts,
        scala.jdk.javaapi.CollectionConverters.asScala(List.of(platforms)).toSeq());
  }

  @BeforeAll
  void route(SparkSession spark) {
    shipped = RoutingSettings.of(ConfigLoader.load(null));
    List<Row> rows = List.of(
        clue("smear-local", 2, Clues.POST, false, 0.95, 1, "weibo"),
        clue("smear-outside", 2, Clues.POST, true, 0.95, 1, "weibo"),
        clue("impersonator", 1, Clues.ACCOUNT, false, 0.99, 1, "weibo"),
        clue("impersonator-outside", 1, Clues.ACCOUNT, true, 0.99, 1, "appstore"),
        clue("extortion-sure", 8, Clues.POST, false, 0.95, 1, "zhihu"),
        clue("extortion-threshold", 8, Clues.POST, false, 0.9, 1, "zhihu"),
        clue("extortion-unsure", 8, Clues.POST, false, 0.89, 1, "zhihu"),
        clue("doxxing-sure-outside", 3, Clues.POST, true, 0.97, 1, "douyin"),
        clue("doxxing-unsure", 3, Clues.POST, false, 0.6, 1, "douyin"),
        clue("attack-large", 9, Clues.CLUSTER, false, 0.9, 20, "weibo", "douyin", "kuaishou"),
        clue("attack-small", 9, Clues.CLUSTER, false, 0.9, 19, "weibo", "douyin"),
        clue("attack-large-outside", 9, Clues.CLUSTER, true, 0.9, 40, "weibo", "douyin"),
        clue("clickbait", 5, Clues.POST, false, 0.99, 1, "toutiao"));
    routes = destinations(Router.route(spark.createDataFrame(rows, CLUES), shipped.rules()).collectAsList());
  }

  static Map<String, Map<String, String>> destinations(List<Row> routed) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Row r : routed) {
      out.computeIfAbsent(r.getAs("clue_id"), k -> new TreeMap<>()).put(r.getAs("destination"), r.getAs("rule"));
    }
    return out;
  }

  private void expect(String clue, Map<String, String> destinations) {
    assertEquals(new TreeMap<>(destinations), routes.get(clue), clue);
  }

  @Test
  void everyClueGoesToThePlatform() {
    assertEquals(13, routes.size());
    for (Map.Entry<String, Map<String, String>> e : routes.entrySet()) {
      assertEquals("platform-handles-all", e.getValue().get("platform"), e.getKey());
    }
  }

  @Test
  void localEnterpriseGoesToTheLocalOfficeOnly() {
    expect("smear-local", Map.of("platform", "platform-handles-all", "local_office", "local-enterprise"));
    expect("clickbait", Map.of("platform", "platform-handles-all", "local_office", "local-enterprise"));
  }

  @Test
  void enterpriseOutsideTheJurisdictionGoesToTheReportingCentreNotTheLocalOffice() {
    expect("smear-outside", Map.of("platform", "platform-handles-all", "reporting_centre", "cross-region"));
  }

  @Test
  void impersonatingAccountsGoToTheGovernanceBureau() {
    expect("impersonator", Map.of("platform", "platform-handles-all", "governance_bureau", "impersonating-account"));
    expect("impersonator-outside", Map.of("platform", "platform-handles-all", "reporting_centre", "cross-region",
        "governance_bureau", "impersonating-account"));
  }

  @Test
  void extortionAndDoxxingGoToThePoliceFromTheConfidenceThreshold() {
    expect("extortion-sure", Map.of("platform", "platform-handles-all", "police", "extortion-or-doxxing"));
    expect("extortion-threshold", Map.of("platform", "platform-handles-all", "police", "extortion-or-doxxing"));
    expect("extortion-unsure", Map.of("platform", "platform-handles-all", "local_office", "local-enterprise"));
    expect("doxxing-unsure", Map.of("platform", "platform-handles-all", "local_office", "local-enterprise"));
    expect("doxxing-sure-outside", Map.of("platform", "platform-handles-all", "reporting_centre", "cross-region",
        "police", "extortion-or-doxxing"));
  }

  @Test
  void coordinatedAttacksGoToThePoliceFromTheirSize() {
    expect("attack-large", Map.of("platform", "platform-handles-all", "police", "large-coordinated-attack"));
    expect("attack-small", Map.of("platform", "platform-handles-all", "local_office", "local-enterprise"));
    expect("attack-large-outside", Map.of("platform", "platform-handles-all", "reporting_centre", "cross-region",
        "police", "large-coordinated-attack"));
  }

  @Test
  void theFirstRuleNamesADestinationAndOtherwiseSeesEveryEarlierRule(SparkSession spark) {
    List<RoutingRule> rules = new ArrayList<>();
    rules.add(new RoutingRule("minor", Destination.LOCAL_OFFICE, Set.of(5), null, null, null, null, null, false));
    rules.add(RoutingRule.always("everything-local", Destination.LOCAL_OFFICE));
    rules.add(new RoutingRule("wide", Destination.REPORTING_CENTRE, null, null, null, null, null, 3, false));
    rules.add(new RoutingRule("rest", Destination.POLICE, null, null, "inside", null, null, null, true));
    List<Row> rows = List.of(clue("a", 5, Clues.POST, false, 0.5, 1, "weibo"),
        clue("b", 2, Clues.CLUSTER, false, 0.5, 3, "weibo", "douyin", "zhihu"),
        clue("c", 2, Clues.CLUSTER, true, 0.5, 3, "weibo", "douyin"));
    Map<String, Map<String, String>> got = destinations(
        Router.route(spark.createDataFrame(rows, CLUES), rules).collectAsList());
    assertEquals(Map.of("local_office", "minor"), got.get("a"));
    assertEquals(Map.of("local_office", "everything-local", "reporting_centre", "wide"), got.get("b"));
    // "rest" is otherwise: an earlier rule sent c to the local office, so it does not hold.
    assertEquals(Map.of("local_office", "everything-local"), got.get("c"));
    List<RoutingRule> onlyOtherwise = List.of(
        new RoutingRule("rest", Destination.POLICE, null, null, "outside", null, null, null, true));
    Map<String, Map<String, String>> rest = destinations(
        Router.route(spark.createDataFrame(rows, CLUES), onlyOtherwise).collectAsList());
    assertEquals(Set.of("c"), rest.keySet(), "clues no rule matches are not routed");
  }

  @Test
  void rulesAndJurisdictionAreReadFromTheConfiguration(@TempDir Path dir) throws IOException {
    assertEquals(Set.of(), shipped.provinces(), "the shipped view is national");
    assertEquals(6, shipped.rules().size());
    QinglangConfig c = TestConfigs.withOverrides(dir, """
        qinglang.jurisdiction.provinces = [广东, 北京]
        qinglang.routing.rules = [
          { name = all, destination = platform }
          { name = sure, destination = police, categories = [8], min-confidence = 0.99, min-platforms = 2 }
        ]
        """);
    RoutingSettings s = RoutingSettings.of(c);
    assertEquals(new TreeSet<>(Set.of("广东", "北京")), new TreeSet<>(s.provinces()));
    assertEquals(List.of("all: every clue -> platform",
            "sure: category in [8] and confidence >= 0.99 and platforms >= 2 -> police"),
        s.rules().stream().map(Router::describe).toList());
  }

  @Test
  void badRulesAreClearErrors(@TempDir Path dir) {
    assertError(dir, "{ name = x, destination = court }", "unknown destination 'court'");
    assertError(dir, "{ name = x, destination = police, categories = [11] }", "categories are 1..10");
    assertError(dir, "{ name = x, destination = police, kinds = [app] }", "kinds are post, account and cluster");
    assertError(dir, "{ name = x, destination = police, size = 3 }", "unknown condition 'size'");
    assertError(dir, "{ destination = police }", "needs a name and a destination");
    assertError(dir, "{ name = x, destination = police, jurisdiction = abroad }", "inside or outside");
    assertError(dir, "{ name = x, destination = police }, { name = x, destination = platform }", "used twice");
  }

  private static void assertError(Path dir, String rules, String expected) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RoutingSettings.of(TestConfigs.withOverrides(dir, "qinglang.routing.rules = [" + rules + "]")));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("qinglang.routing.rules"), e.getMessage());
  }
}
