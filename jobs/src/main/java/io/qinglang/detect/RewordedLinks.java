package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.qinglang.spark.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Links between reworded copies of one claim: texts too different for the MinHash search (character
 * bigram Jaccard around 0.2) that still share the rare words of the claim (the product, the figure,
 * the made-up event). Only negative posts that name the same registry enterprise within one
 * {@code window-hours} of each other are compared (the block), so the cost follows the number of
 * hostile posts per enterprise and window, not the archive; a pair is linked when the cosine of
 * their rarity-weighted bigram sets ({@link ShingleRarity}) reaches {@code reworded-similarity}.
 * Blocks with more than {@code reworded-max-block-posts} posts are skipped and counted.
 */
final class RewordedLinks {
  private RewordedLinks() {}

  private static final StructType PAIR = new StructType()
      .add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);
  private static final StructType VECTOR = new StructType()
      .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("weights", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /**
   * The edges ({@code src < dst}, doc ids) and the figures of one run; {@code candidateTexts} counts the
   * candidates' distinct (text, publication time), so copies of one text posted at one time count once.
   */
  record Result(Dataset<Row> edges, long candidateTexts, long blocks, long oversizedBlocks, long pairs,
      long edgeCount) {}

  /**
   * @param candidates {@code doc_id, ent, t}: one row per negative post and enterprise it names, t in
   *     epoch seconds
   * @param docs {@code doc_id, shingles} of every distinct text of the run (the batch's frequencies)
   */
  static Result find(Dataset<Row> candidates, Dataset<Row> docs, long batchDocs, Broadcast<ShingleRarity> rarity,
      DetectSettings.Coordination s, List<Dataset<Row>> cached) {
    long window = Math.max(1, Math.round(s.windowHours() * 3600));
    int maxBlock = s.rewordedMaxBlockPosts();
    Column bucket = functions.floor(col("t").divide(window)).cast("long");
    // A post sits in its own time bucket and visits the next one, so every pair within one window
    // meets in exactly one bucket where at least one of the two is at home.
    Dataset<Row> placed = candidates.withColumn("bucket", bucket).withColumn("home", lit(true))
        .unionByName(candidates.withColumn("bucket", bucket.plus(1)).withColumn("home", lit(false)));
    Dataset<Row> blocks = Checkpoints.local(placed.groupBy("ent", "bucket").agg(
            collect_list(struct(col("doc_id"), col("t"), col("home"))).as("members"),
            sum(when(col("home"), 1).otherwise(0)).as("homes"))
        .filter(col("homes").geq(1).and(size(col("members")).geq(2))));
    cached.add(blocks);
    Row stats = blocks.agg(count(lit(1)), sum(when(col("homes").gt(maxBlock), 1).otherwise(0))).first();
    long blockCount = stats.getLong(0);
    long oversized = stats.isNullAt(1) ? 0 : stats.getLong(1);
    Dataset<Row> pairs = Checkpoints.local(blocks.filter(col("homes").leq(maxBlock)).select("members")
        .flatMap((FlatMapFunction<Row, Row>) row -> blockPairs(row.getList(0), window).iterator(), Encoders.row(PAIR))
        .distinct());
    cached.add(pairs);
    long pairCount = pairs.count();
    long candidateTexts = candidates.select("doc_id", "t").distinct().count();
    if (pairCount == 0) {
      Dataset<Row> none = pairs.select(col("a").as("src"), col("b").as("dst"));
      return new Result(none, candidateTexts, blockCount, oversized, 0, 0);
    }

    Dataset<Row> needed = pairs.select(col("a").as("doc_id")).union(pairs.select(col("b").as("doc_id"))).distinct();
    Dataset<Row> neededShingles = Checkpoints.local(docs.join(needed, "doc_id")
        .select(col("doc_id"), explode(col("shingles")).as("sh")));
    cached.add(neededShingles);
    Dataset<Row> distinctNeeded = neededShingles.select("sh").distinct();
    // The batch's frequencies are counted for the compared texts' shingles only (a broadcast filter
    // ahead of the aggregation), not for every shingle of the run.
    Dataset<Row> batchDf = docs.select(explode(col("shingles")).as("sh"))
        .join(functions.broadcast(distinctNeeded), "sh", "left_semi")
        .groupBy("sh").agg(count(lit(1)).as("df"));
    UserDefinedFunction idf = functions.udf((UDF2<Integer, Long, Double>) (sh, df) ->
        rarity.value().idf(sh, df, batchDocs), DataTypes.DoubleType);
    UserDefinedFunction unit = functions.udf((UDF1<scala.collection.Seq<Row>, Row>) RewordedLinks::unitVector, VECTOR);
    Dataset<Row> vectors = Checkpoints.local(neededShingles
        .join(batchDf, "sh")
        .groupBy("doc_id").agg(collect_list(struct(col("sh"), idf.apply(col("sh"), col("df")))).as("w"))
        .select(col("doc_id"), unit.apply(col("w")).as("v")));
    cached.add(vectors);
    UserDefinedFunction cosine = functions.udf((UDF2<Row, Row, Double>) (x, y) -> ShingleRarity.cosine(
        CampaignDetector.ints(x.getSeq(0)), doubles(x.getSeq(1)), CampaignDetector.ints(y.getSeq(0)),
        doubles(y.getSeq(1))), DataTypes.DoubleType);
    Dataset<Row> edges = CampaignDetector.similarPairs(pairs, vectors, "v", cosine, s.rewordedSimilarity());
    cached.add(edges);
    return new Result(edges, candidateTexts, blockCount, oversized, pairCount, edges.count());
  }

  /** Pairs (a < b) of one block's members: not both visitors, different texts, within the window. */
  static List<Row> blockPairs(List<Row> members, long windowSeconds) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Row x = members.get(i);
      for (int j = i + 1; j < members.size(); j++) {
        Row y = members.get(j);
        long a = x.getLong(0);
        long b = y.getLong(0);
        if (a == b || !(x.getBoolean(2) || y.getBoolean(2)) || Math.abs(x.getLong(1) - y.getLong(1)) > windowSeconds) {
          continue;
        }
        out.add(RowFactory.create(Math.min(a, b), Math.max(a, b)));
      }
    }
    return out;
  }

  /** Shingles sorted with their weights scaled to unit length. */
  static Row unitVector(scala.collection.Seq<Row> weighted) {
    List<Row> rows = new ArrayList<>(JavaConverters.seqAsJavaList(weighted));
    rows.sort((p, q) -> Integer.compare(p.getInt(0), q.getInt(0)));
    int[] sh = new int[rows.size()];
    double[] w = new double[rows.size()];
    double norm = 0;
    for (int i = 0; i < sh.length; i++) {
      sh[i] = rows.get(i).getInt(0);
      w[i] = rows.get(i).getDouble(1);
      norm += w[i] * w[i];
    }
    norm = Math.sqrt(norm);
    List<Integer> shingles = new ArrayList<>(sh.length);
    List<Double> weights = new ArrayList<>(sh.length);
    for (int i = 0; i < sh.length; i++) {
      shingles.add(sh[i]);
      weights.add(norm == 0 ? 0.0 : w[i] / norm);
    }
    return RowFactory.create(shingles, weights);
  }

  private static double[] doubles(scala.collection.Seq<Double> seq) {
    return JavaConverters.seqAsJavaList(seq).stream().mapToDouble(Double::doubleValue).toArray();
  }

  static String describe(Result r, DetectSettings.Coordination s) {
    return String.format(java.util.Locale.ROOT, "reworded pairs with rarity-weighted cosine >= %.2f among %,d "
        + "negative texts naming an enterprise, each counted once per publication time (%,d blocks, %,d over "
        + "reworded-max-block-posts %d skipped, %,d pairs compared)", s.rewordedSimilarity(), r.candidateTexts(),
        r.blocks(), r.oversizedBlocks(), s.rewordedMaxBlockPosts(), r.pairs());
  }
}
