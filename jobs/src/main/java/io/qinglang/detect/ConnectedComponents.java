package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import io.qinglang.spark.Checkpoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Connected components of an undirected graph given as a DataFrame of edges {@code (src, dst)}
 * (longs). Output: {@code (node, component)} for every node that has an edge, {@code component}
 * being the smallest node id of its component, hence the same on every run over the same graph.
 *
 * <p>Two ways, chosen by the number of edges:
 * <ul>
 *   <li>up to {@code driverMaxEdges}: the edges stream to the driver ({@code toLocalIterator}, one
 *       partition at a time) into a union-find over primitive arrays (about 40 bytes per node), and
 *       the labels go back as a DataFrame. Near-duplicate graphs are sparse, so this is the usual case
 *       even at millions of posts, and it costs one pass.</li>
 *   <li>above: the alternating Large-Star / Small-Star rounds of Kiveris et al. ("Connected
 *       Components in MapReduce and Beyond", SoCC 2014), a min-label propagation in which every node
 *       is re-attached to the smallest node of its neighbourhood, so that the rounds grow with
 *       log n rather than with the diameter. Each round is a few aggregations and joins, ends with a
 *       local checkpoint (no growing lineage), and convergence is tested by the count and an
 *       order-independent hash sum of the edge set. GraphFrames is not needed.</li>
 * </ul>
 */
public final class ConnectedComponents {
  private static final Logger LOG = LogManager.getLogger(ConnectedComponents.class);
  static final StructType OUTPUT = new StructType()
      .add("node", DataTypes.LongType, false)
      .add("component", DataTypes.LongType, false);

  /** The labels and how they were computed (rounds is 0 for the driver union-find). */
  public record Result(Dataset<Row> components, int rounds, String method) {}

  private ConnectedComponents() {}

  public static Result compute(Dataset<Row> edges, int maxIterations, long driverMaxEdges) {
    long n = edges.count();
    if (n <= driverMaxEdges) {
      return new Result(onDriver(edges), 0, "union-find on the driver");
    }
    return distributed(edges, maxIterations);
  }

  // ---- union-find on the driver ----

  static Dataset<Row> onDriver(Dataset<Row> edges) {
    SparkSession spark = edges.sparkSession();
    LongIndex index = new LongIndex(1024);
    int[] parent = new int[1024];
    int filled = 0;
    Iterator<Row> it = edges.select(col("src"), col("dst")).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      long a = r.getLong(0);
      long b = r.getLong(1);
      if (a == b) {
        continue;
      }
      int ia = index.idOf(a);
      int ib = index.idOf(b);
      if (index.size() > parent.length) {
        parent = Arrays.copyOf(parent, Math.max(index.size(), parent.length * 2));
      }
      while (filled < index.size()) {
        parent[filled] = filled;
        filled++;
      }
      union(parent, index, ia, ib);
    }
    List<Row> rows = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      rows.add(RowFactory.create(index.key(i), index.key(find(parent, i))));
    }
    return spark.createDataFrame(rows, OUTPUT);
  }

  /** Union by smallest key: the root of a set is always its smallest node id. */
  private static void union(int[] parent, LongIndex index, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra == rb) {
      return;
    }
    if (index.key(ra) < index.key(rb)) {
      parent[rb] = ra;
    } else {
      parent[ra] = rb;
    }
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Dense ids for long keys: open addressing, insertion order kept. */
  static final class LongIndex {
    private long[] keys;
    private int[] slots;
    private long[] byId;
    private int size;

    LongIndex(int capacity) {
      int cap = Integer.highestOneBit(Math.max(16, capacity) * 2);
      slots = new int[cap];
      Arrays.fill(slots, -1);
      keys = new long[cap];
      byId = new long[Math.max(16, capacity)];
    }

    int size() {
      return size;
    }

    long key(int id) {
      return byId[id];
    }

    int idOf(long key) {
      int mask = slots.length - 1;
      int h = (int) CampaignText.fmix64(key) & mask;
      while (slots[h] >= 0) {
        if (keys[h] == key) {
          return slots[h];
        }
        h = (h + 1) & mask;
      }
      int id = size++;
      slots[h] = id;
      keys[h] = key;
      if (id >= byId.length) {
        byId = Arrays.copyOf(byId, byId.length * 2);
      }
      byId[id] = key;
      if (size * 2 > slots.length) {
        rehash();
      }
      return id;
    }

    private void rehash() {
      int cap = slots.length * 2;
      int[] newSlots = new int[cap];
      long[] newKeys = new long[cap];
      Arrays.fill(newSlots, -1);
      int mask = cap - 1;
      for (int id = 0; id < size; id++) {
        long k = byId[id];
        int h = (int) CampaignText.fmix64(k) & mask;
        while (newSlots[h] >= 0) {
          h = (h + 1) & mask;
        }
        newSlots[h] = id;
        newKeys[h] = k;
      }
      slots = newSlots;
      keys = newKeys;
    }
  }

  // ---- Large-Star / Small-Star ----

  static Result distributed(Dataset<Row> edges, int maxIterations) {
    // Orient every edge from the larger to the smaller id and drop self loops and duplicates.
    Dataset<Row> e = Checkpoints.local(edges
        .select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"))
        .filter(col("u").notEqual(col("v"))).distinct());
    long[] fingerprint = fingerprint(e);
    int round = 0;
    while (true) {
      round++;
      if (round > maxIterations) {
        throw new IllegalStateException("connected components did not converge in " + maxIterations
            + " rounds (raise qinglang.detect.coordination.max-iterations)");
      }
      Dataset<Row> next = Checkpoints.local(smallStar(largeStar(e)));
      long[] f = fingerprint(next);
      boolean same = f[0] == fingerprint[0] && f[1] == fingerprint[1];
      Checkpoints.release(e); // the new round is materialised and no longer reads the previous one
      e = next;
      fingerprint = f;
      LOG.info("connected components: round {}, {} edges", round, f[0]);
      if (same) {
        break;
      }
    }
    // Converged: every edge is (member, smallest member); the smallest member labels itself.
    Dataset<Row> members = e.select(col("u").as("node"), col("v").as("component"));
    Dataset<Row> roots = e.select(col("v").as("node")).distinct().withColumn("component", col("node"));
    Dataset<Row> all = members.unionByName(roots).groupBy("node").agg(min("component").as("component"));
    return new Result(all, round, "Large-Star/Small-Star");
  }

  /** Count and order-independent hash sum of an oriented edge set: equal sets give equal pairs. */
  private static long[] fingerprint(Dataset<Row> e) {
    Row r = e.agg(count(lit(1)), sum(xxhash64(col("u"), col("v")).cast("decimal(38,0)"))).first();
    long n = r.getLong(0);
    long h = r.isNullAt(1) ? 0 : r.getDecimal(1).longValue();
    return new long[] {n, h};
  }

  /**
   * Large-Star: for each node u, let m be the smallest of u and its neighbours; every neighbour v
   * larger than u is re-attached to m. Input and output edges are oriented (u > v).
   */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.select(col("u").as("a"), col("v").as("b"))
        .unionByName(e.select(col("v").as("a"), col("u").as("b")));
    Dataset<Row> m = both.groupBy("a").agg(min("b").as("m"));
    Dataset<Row> mm = m.select(col("a").as("a2"), least(col("a"), col("m")).as("m"));
    return both.filter(col("b").gt(col("a")))
        .join(mm, col("a").equalTo(col("a2")))
        .select(col("b").as("u"), col("m").as("v"))
        .filter(col("u").notEqual(col("v")))
        .distinct();
  }

  /**
   * Small-Star: for each node u, let m be the smallest of u and its smaller neighbours; u and every
   * smaller neighbour are re-attached to m.
   */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> m = e.groupBy("u").agg(min("v").as("m"));
    Dataset<Row> neighbours = e.join(m.withColumnRenamed("u", "u2"), col("u").equalTo(col("u2")))
        .select(col("v").as("u"), col("m").as("v"));
    Dataset<Row> self = m.select(col("u"), col("m").as("v"));
    return neighbours.unionByName(self)
        .select(greatest(col("u"), col("v")).as("u"), least(col("u"), col("v")).as("v"))
        .filter(col("u").notEqual(col("v")))
        .distinct();
  }
}
