package io.qinglang.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.testing.SparkExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ConnectedComponentsTest {
  static final StructType EDGES = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);

  static Map<Long, Long> run(SparkSession spark, List<long[]> edges) {
    return run(spark, edges, Long.MAX_VALUE);
  }

  static Map<Long, Long> run(SparkSession spark, List<long[]> edges, long driverMaxEdges) {
    List<Row> rows = new ArrayList<>();
    for (long[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> df = spark.createDataFrame(rows, EDGES);
    Map<Long, Long> out = new HashMap<>();
    ConnectedComponents.Result result = ConnectedComponents.compute(df, 40, driverMaxEdges);
    assertEquals(driverMaxEdges == 0, result.rounds() > 0, result.method());
    for (Row r : result.components().collectAsList()) {
      out.put(r.getLong(0), r.getLong(1));
    }
    return out;
  }

  static List<long[]> small() {
    List<long[]> edges = new ArrayList<>(List.of(
        new long[] {5, 4}, new long[] {4, 3}, new long[] {3, 2}, new long[] {2, 1}, // a chain
        new long[] {10, 11}, new long[] {11, 10}, // one edge twice
        new long[] {20, 21}, new long[] {20, 22}, new long[] {20, 23}, // a star
        new long[] {30, 30})); // a self loop is no component
    // A path over shuffled ids: many rounds for plain label propagation.
    long[] path = new Random(3).longs(12, 1000, 1_000_000).distinct().toArray();
    for (int i = 1; i < path.length; i++) {
      edges.add(new long[] {path[i - 1], path[i]});
    }
    return edges;
  }

  @Test
  void largeStarSmallStarRounds(SparkSession spark) {
    Map<Long, Long> all = run(spark, small(), 0);
    assertEquals(unionFind(small()), all);
    assertFalse(all.containsKey(30L), "a self loop is no component");
    Map<Long, Long> c = new HashMap<>(all);
    Map<Long, Long> expected = new HashMap<>();
    for (long n : new long[] {1, 2, 3, 4, 5}) {
      expected.put(n, 1L);
    }
    expected.put(10L, 10L);
    expected.put(11L, 10L);
    for (long n : new long[] {20, 21, 22, 23}) {
      expected.put(n, 20L);
    }
    c.keySet().retainAll(expected.keySet());
    assertEquals(expected, c);
  }

  @Test
  void largeStarSmallStarKeepsOnlyItsLastRoundPersisted(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (long[] e : small()) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    java.util.Set<Object> before = persisted(spark);
    ConnectedComponents.Result result = ConnectedComponents.compute(spark.createDataFrame(rows, EDGES), 40, 0);
    assertTrue(result.rounds() > 1, "several rounds: " + result.rounds());
    java.util.Set<Object> after = persisted(spark);
    after.removeAll(before);
    // Each round is a local checkpoint; the rounds it superseded are freed, the last one feeds the result.
    assertEquals(1, after.size(), "persisted RDDs left: " + after);
  }

  private static java.util.Set<Object> persisted(SparkSession spark) {
    return new java.util.HashSet<>(
        scala.jdk.javaapi.CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs()).keySet());
  }

  @Test
  void driverUnionFindOnARandomGraph(SparkSession spark) {
    Random random = new Random(7);
    List<long[]> edges = new ArrayList<>();
    int n = 400;
    for (int i = 0; i < 300; i++) {
      edges.add(new long[] {random.nextInt(n), random.nextInt(n)});
    }
    // A long path with shuffled ids: many rounds for plain label propagation, few here.
    long[] path = random.longs(120, 1000, 1_000_000).distinct().toArray();
    for (int i = 1; i < path.length; i++) {
      edges.add(new long[] {path[i - 1], path[i]});
    }
    Map<Long, Long> expected = unionFind(edges);
    Map<Long, Long> got = run(spark, edges);
    assertEquals(expected, got);
    assertTrue(got.values().stream().distinct().count() > 10);
  }

  static Map<Long, Long> unionFind(List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] e : edges) {
      if (e[0] == e[1]) {
        continue;
      }
      parent.putIfAbsent(e[0], e[0]);
      parent.putIfAbsent(e[1], e[1]);
      long a = find(parent, e[0]);
      long b = find(parent, e[1]);
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    Map<Long, Long> out = new HashMap<>();
    for (Long k : parent.keySet()) {
      out.put(k, find(parent, k));
    }
    return out;
  }

  static long find(Map<Long, Long> parent, long x) {
    while (parent.get(x) != x) {
      x = parent.get(x);
    }
    return x;
  }
}
