package io.qinglang.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.spark.Checkpoints;
import io.qinglang.table.CoordinationClustersTable;
import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Coordinated cross-platform campaigns (category 9): near-duplicate posts by many accounts on several
 * platforms within a short time, negative toward an enterprise or a person.
 *
 * <p>Stages (each materialised once, timed and counted; the figures are returned and logged):
 * <ol>
 *   <li><b>prepare</b>: posts of the configured content types, text normalised
 *       ({@link CampaignText#normalize}); texts shorter than {@code min-chars} are left out
 *       (boilerplate and one-liners); identical normalised texts share a {@code doc_id}
 *       (xxhash64 of the text), so exact copies cost nothing more.</li>
 *   <li><b>signatures</b>: per distinct text, sorted character-shingle hashes and the band hashes of
 *       its MinHash signature.</li>
 *   <li><b>candidates</b>: (band, band hash) buckets; a bucket of at most {@code all-pairs-bucket-size}
 *       texts gives all its pairs, a larger one links each text to the bucket's smallest id and to its
 *       neighbour in id order (linear); buckets over {@code max-bucket-size} are dropped as boilerplate
 *       and counted.</li>
 *   <li><b>verify</b>: exact Jaccard similarity of the candidates' shingle sets; pairs at or above
 *       {@code jaccard-threshold} are edges.</li>
 *   <li><b>reworded</b> (unless {@code reworded-similarity} is 0): {@link RewordedLinks} adds edges between
 *       negative posts about one enterprise whose rarity-weighted bigrams are alike.</li>
 *   <li><b>bursts</b> (when the posts carry the classifier's {@code probabilities} and
 *       {@code burst-window-hours} is not 0): {@link HostileBursts} links posts about one enterprise that
 *       lean toward a smear from many accounts within a few hours; they count as negative for the judge. A
 *       post that rebuts the claim (the stance lexicon's {@code [rebuttal]}: 已经辟谣, 别再转) does not lean
 *       unless the classifier decided a hostile category.</li>
 *   <li><b>components</b>: {@link ConnectedComponents} over the edges.</li>
 *   <li><b>clusters</b>: posts grouped by component (a text without edges is its own component, so
 *       exact copies still cluster); clusters of at least {@code min-cluster-posts} posts are judged by
 *       {@link ClusterJudge#judgeAll}, window by window, so one component can give several attacks;
 *       each attack is confirmed by {@link ClusterJudge#cohesion} and becomes a row of its own.</li>
 * </ol>
 * Everything is keyed by ids derived from content and post keys, never by
 * {@code monotonically_increasing_id}, so runs over the same posts give the same clusters. Cost is
 * near-linear in the number of posts: one pass to sign, {@code bands} rows per distinct text to
 * bucket, and candidate pairs bounded by the bucket cap; the reworded stage compares pairs within
 * one enterprise's window only, at most {@code reworded-max-block-posts} squared per block; the burst stage
 * reads each enterprise's posts (at most {@code burst-max-posts}) once, in time order.
 *
 * <p>Input columns: platform, post_id, content_type, account_id, published_at, title, content; when
 * present, {@code category} (the classifier's decision: 2, 3, 5, 8, 9, 10 count as negative, 1, 4, 6
 * and 7 as not negative; 0 and null fall back to the stance lexicon, because a campaign's members
 * read one by one like rumours or complaints the classifier lets pass) and {@code enterprise_ids}.
 */
public final class CampaignDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Classifier categories that are negative toward an enterprise or a person. */
  public static final Set<Integer> NEGATIVE_CATEGORIES = Set.of(2, 3, 5, 8, 9, 10);
  /** The classifier's probabilities per category (array indexed by category), when the posts have them. */
  public static final String PROBABILITIES = "probabilities";
  /** The column of member evidence {@link Result#memberEvidence()} holds. */
  public static final String COLUMN = "coordination_evidence";
  /** Score of attack-cluster evidence: above the default fusion flag score. */
  public static final double ATTACK_SCORE = 0.9;
  private static final int[] HOSTILE = NEGATIVE_CATEGORIES.stream().mapToInt(Integer::intValue).sorted().toArray();

  private static final StructType SIGNATURE = new StructType()
      .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("bands", DataTypes.createArrayType(DataTypes.LongType, false), false);
  private static final StructType STANCE = new StructType()
      .add("negative", DataTypes.BooleanType, false)
      .add("word", DataTypes.StringType, true)
      .add("positive", DataTypes.BooleanType, false)
      .add("doubting", DataTypes.BooleanType, false)
      .add("rebutting", DataTypes.BooleanType, false);
  private static final StructType COHESION = new StructType()
      .add("ok", DataTypes.BooleanType, false)
      .add("doc_ids", DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add("accounts", DataTypes.IntegerType, false)
      .add("platforms", DataTypes.IntegerType, false)
      .add("posts", DataTypes.IntegerType, false)
      .add("negative_share", DataTypes.DoubleType, false)
      .add("pairs", DataTypes.LongType, false);
  private static final StructType VERDICT = new StructType()
      .add("is_attack", DataTypes.BooleanType, false)
      .add("window_accounts", DataTypes.IntegerType, false)
      .add("window_platforms", DataTypes.IntegerType, false)
      .add("window_start", DataTypes.TimestampType, false)
      .add("window_end", DataTypes.TimestampType, false)
      .add("negative_share", DataTypes.DoubleType, false)
      .add("reason", DataTypes.StringType, false)
      .add("enterprise_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("sample_accounts", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("representative_text", DataTypes.StringType, false)
      .add("window_keys", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** Time, task CPU time (negative when not measured) and output rows of one stage. */
  public record StageTiming(String stage, long millis, double cpuSeconds, long rows, String what) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-11s %8.1f s %s %,12d %s", stage, millis / 1000.0,
          cpuSeconds < 0 ? "" : String.format(Locale.ROOT, "%8.1f cpu-s", cpuSeconds), rows, what);
    }
  }

  private transient TaskCpuMeter meter;

  /** Measures the task CPU time of every stage with {@code meter} (see {@link TaskCpuMeter}). */
  public CampaignDetector withCpuMeter(TaskCpuMeter meter) {
    this.meter = meter;
    return this;
  }

  /**
   * The clusters (rows of {@link CoordinationClustersTable#SCHEMA}), the evidence for member posts
   * of attack clusters ({@code platform, post_id,} {@value #COLUMN}), and the stage figures.
   * The frames are local checkpoints ({@link Checkpoints}); call {@link #release()} when done.
   */
  public record Result(Dataset<Row> clusters, Dataset<Row> memberEvidence, List<StageTiming> timings,
      Map<String, Long> counts, List<Dataset<Row>> cached) {
    public void release() {
      for (Dataset<Row> d : cached) {
        Checkpoints.release(d);
      }
    }
  }

  /**
   * The category the campaign detector reads for a post: the classifier's {@code category} when it
   * is not 0; when it is 0, the most likely of {@link #NEGATIVE_CATEGORIES} if its probability (in
   * {@code probabilities}, indexed by category) reaches {@code threshold}, else 0. Null stays null.
   */
  public static Column leaningCategory(Column category, Column probabilities, double threshold) {
    Column hostile = array(Arrays.stream(HOSTILE)
        .mapToObj(c -> functions.element_at(probabilities, c + 1)).toArray(Column[]::new));
    Column ids = array(Arrays.stream(HOSTILE).mapToObj(functions::lit).toArray(Column[]::new));
    Column best = functions.array_max(hostile);
    Column leaning = functions.element_at(ids, functions.array_position(hostile, best).cast("int"));
    return when(category.equalTo(0).and(best.geq(threshold)), leaning).otherwise(category);
  }

  private final DetectSettings.Coordination settings;
  private final StanceLexicon stance;
  private final ImpersonationDetector names;
  private final Set<String> officialAccounts;

  public CampaignDetector(DetectSettings.Coordination settings, StanceLexicon stance, ImpersonationDetector names) {
    this.settings = settings;
    this.stance = stance;
    this.names = names;
    this.officialAccounts = names.registry().officialAccounts();
  }

  public static CampaignDetector of(DetectorResources resources, EnterpriseRegistry registry) {
    return new CampaignDetector(resources.settings().coordination(), resources.stanceLexicon(),
        resources.impersonation(registry));
  }

  public Result detect(Dataset<Row> posts, String runId, Instant now, Consumer<String> progress) {
    return detect(posts, "category", runId, now, progress);
  }

  /**
   * As {@link #detect(Dataset, String, Instant, Consumer)}, reading the classifier's decision from
   * {@code categoryColumn} (absent: the stance lexicon decides for every post) and, when the posts
   * have {@value #PROBABILITIES}, its leaning for posts it decided 0 ({@link #leaningCategory}).
   */
  public Result detect(Dataset<Row> posts, String categoryColumn, String runId, Instant now,
      Consumer<String> progress) {
    SparkSession spark = posts.sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    DetectSettings.Coordination s = settings;
    CampaignText text = new CampaignText(s.shingleSize(), s.bands(), s.rowsPerBand(), s.seed(), stance.boilerplate());
    Broadcast<CampaignDetector> self = jsc.broadcast(this);
    Broadcast<CampaignText> bcText = jsc.broadcast(text);
    List<StageTiming> timings = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    boolean hasCategory = Arrays.asList(posts.columns()).contains(categoryColumn);
    boolean hasEnterprises = Arrays.asList(posts.columns()).contains("enterprise_ids");
    boolean hasProbabilities = hasCategory && Arrays.asList(posts.columns()).contains(PROBABILITIES);
    Column category = !hasCategory ? lit(null).cast("int")
        : hasProbabilities
            ? leaningCategory(col(categoryColumn).cast("int"), col(PROBABILITIES), s.hostileProbability())
            : col(categoryColumn).cast("int");

    // 1. prepare
    cpuMark = meter == null ? 0 : meter.cpuSeconds();
    long t0 = System.nanoTime();
    UserDefinedFunction normalize = functions.udf((UDF2<String, String, String>) (title, content) ->
        bcText.value().normalize(title, content), DataTypes.StringType);
    Dataset<Row> prepared = Checkpoints.local(posts
        .filter(col("content_type").isin(s.contentTypes().toArray()))
        .select(col("platform"), col("post_id"), col("account_id"), col("published_at"), col("title"),
            col("content"),
            category.as("category"),
            hasEnterprises ? col("enterprise_ids") : lit(null).cast("array<string>").as("enterprise_ids"),
            hasProbabilities ? HostileBursts.smearLeaning(col(PROBABILITIES)).as("smear")
                : lit(null).cast("double").as("smear"))
        .withColumn("norm", normalize.apply(col("title"), col("content")))
        .filter(length(col("norm")).geq(s.minChars()))
        .withColumn("doc_id", xxhash64(col("norm"))));
    cached.add(prepared);
    long eligible = prepared.count();
    counts.put("eligible_posts", eligible);
    stage(timings, progress, "prepare", t0, eligible, "posts long enough to compare (min-chars " + s.minChars() + ")");

    // 2. signatures
    t0 = System.nanoTime();
    UserDefinedFunction sign = functions.udf((UDF1<String, Row>) norm -> {
      CampaignText ct = bcText.value();
      int[] sh = ct.shingles(norm);
      return RowFactory.create(sh, ct.bandHashes(sh));
    }, SIGNATURE);
    Dataset<Row> docs = Checkpoints.local(prepared.groupBy("doc_id").agg(first("norm").as("norm"))
        .withColumn("sig", sign.apply(col("norm")))
        .select(col("doc_id"), col("sig.shingles").as("shingles"), col("sig.bands").as("bands")));
    cached.add(docs);
    long distinctTexts = docs.count();
    counts.put("distinct_texts", distinctTexts);
    stage(timings, progress, "signatures", t0, distinctTexts,
        "distinct texts signed (" + s.bands() + " bands x " + s.rowsPerBand() + " rows)");

    // 3. candidates
    t0 = System.nanoTime();
    // Band hashes are seeded with their band index, so the hash alone identifies (band, value).
    // Most band values are unique: count them first (a cheap fixed-width aggregation), then gather
    // the members of shared values only.
    Dataset<Row> bandRows = docs.select(col("doc_id"), explode(col("bands")).as("h"));
    Dataset<Row> shared = Checkpoints.local(
        bandRows.groupBy("h").agg(count(lit(1)).as("n")).filter(col("n").geq(2)).select("h"));
    cached.add(shared);
    long sharedValues = shared.count();
    Dataset<Row> sharedSide = sharedValues <= 5_000_000 ? functions.broadcast(shared) : shared;
    Dataset<Row> buckets = Checkpoints.local(bandRows.join(sharedSide, "h")
        .groupBy("h").agg(collect_list("doc_id").as("ids")));
    cached.add(buckets);
    Row bucketStats = buckets.agg(count(lit(1)), functions.sum(when(size(col("ids")).gt(s.maxBucketSize()), 1)
        .otherwise(0)), max(size(col("ids")))).first();
    long bucketCount = bucketStats.getLong(0);
    long oversized = bucketStats.isNullAt(1) ? 0 : bucketStats.getLong(1);
    int largest = bucketStats.isNullAt(2) ? 0 : bucketStats.getInt(2);
    int allPairs = s.allPairsBucketSize();
    int cap = s.maxBucketSize();
    Dataset<Row> pairs = Checkpoints.local(buckets.filter(size(col("ids")).leq(cap)).select("ids")
        .flatMap((FlatMapFunction<Row, Row>) row -> pairsOf(row.getList(0), allPairs).iterator(),
            org.apache.spark.sql.Encoders.row(new StructType().add("a", DataTypes.LongType, false)
                .add("b", DataTypes.LongType, false)))
        .distinct());
    cached.add(pairs);
    long candidates = pairs.count();
    counts.put("buckets", bucketCount);
    counts.put("oversized_buckets", oversized);
    counts.put("candidate_pairs", candidates);
    stage(timings, progress, "candidates", t0, candidates, "candidate pairs from " + bucketCount
        + " shared buckets (largest " + largest + ", " + oversized + " over max-bucket-size " + cap + " dropped)");

    // 4. verify
    t0 = System.nanoTime();
    UserDefinedFunction jaccard = functions.udf((UDF2<scala.collection.Seq<Integer>, scala.collection.Seq<Integer>,
        Double>) (a, b) -> CampaignText.jaccard(ints(a), ints(b)), DataTypes.DoubleType);
    Dataset<Row> edges = similarPairs(pairs, docs, "shingles", jaccard, s.jaccardThreshold());
    cached.add(edges);
    long edgeCount = edges.count();
    counts.put("similar_pairs", edgeCount);
    stage(timings, progress, "verify", t0, edgeCount, String.format(Locale.ROOT,
        "pairs with Jaccard >= %.2f (%.1f%% of candidates)", s.jaccardThreshold(),
        candidates == 0 ? 0.0 : 100.0 * edgeCount / candidates));

    // 4b. reworded copies (rarity-weighted links among negative posts about one enterprise)
    UserDefinedFunction stanceUdf = functions.udf((UDF2<String, String, Row>) (title, content) -> {
      StanceLexicon.Stance st = self.value().stance.stance((title == null ? "" : title + " ") + content);
      return RowFactory.create(st.isNegative(), st.firstNegative(), st.isPositive(), st.isDoubting(),
          st.isRebutting());
    }, STANCE);
    UserDefinedFunction targetHint = functions.udf((UDF2<String, String, String>) (title, content) -> {
      String t = (title == null ? "" : title + " ") + content;
      return targetOf(List.of(), self.value().stance.personWord(t), self.value().stance.organisation(t));
    }, DataTypes.StringType);
    UserDefinedFunction mentions = functions.udf((UDF2<String, String, List<String>>) (title, content) ->
        new ArrayList<>(self.value().names.index().mentions((title == null ? "" : title + " ") + content)),
        DataTypes.createArrayType(DataTypes.StringType, false));
    // Blocks of the reworded and burst stages are loose on purpose (any spelling the impersonation index
    // knows, plus the linker's ids): they only bound the posts compared.
    Column found = mentions.apply(col("title"), col("content"));
    Column named = hasEnterprises
        ? functions.array_union(coalesce(col("enterprise_ids"), array().cast("array<string>")), found) : found;
    Column accountKey = concat_ws(":", col("platform"), col("account_id"));
    Column postKey = concat(col("platform"), lit(":"), col("post_id"));
    if (s.rewordedSimilarity() > 0) {
      t0 = System.nanoTime();
      Broadcast<ShingleRarity> rarity = jsc.broadcast(ShingleRarity.ofGoldSet(text));
      Column negative = col("category").isin(NEGATIVE_CATEGORIES.toArray())
          .or(col("category").isNull().or(col("category").equalTo(0))
              .and(stanceUdf.apply(col("title"), col("content")).getField("negative")));
      // Kept: the stance and name scans run once, not once per use.
      Dataset<Row> hostile = Checkpoints.local(prepared.filter(negative)
          .select(col("doc_id"), explode(named).as("ent"), col("published_at").cast("long").as("t")));
      cached.add(hostile);
      RewordedLinks.Result rw = RewordedLinks.find(hostile, docs, distinctTexts, rarity, s, cached);
      edges = Checkpoints.local(edges.union(rw.edges()).distinct());
      cached.add(edges);
      counts.put("reworded_pairs", rw.edgeCount());
      counts.put("oversized_reworded_blocks", rw.oversizedBlocks());
      stage(timings, progress, "reworded", t0, rw.edgeCount(), RewordedLinks.describe(rw, s));
    }

    // 4c. hostile bursts (reworded claims about one enterprise that share no characters, only the time)
    Dataset<Row> burstKeys = null;
    if (hasProbabilities && s.burstWindowHours() > 0) {
      t0 = System.nanoTime();
      // An announcement stops a burst only about the enterprise whose own account posted it.
      UserDefinedFunction ownAccount = functions.udf((UDF2<String, String, Boolean>) (account, ent) ->
          self.value().names.registry().enterprisesWithOfficialAccount(account).contains(ent), DataTypes.BooleanType);
      Column hostileCategory = col("category").isin(NEGATIVE_CATEGORIES.toArray());
      Column leaning = col("smear").geq(s.burstEntry()).or(hostileCategory);
      // Every post naming an enterprise: the ones that do not lean count against a burst's share. The stance
      // is read once per leaning post, in one column, before the post is repeated for each enterprise it names.
      // A post that rebuts the claim (已经辟谣, 别再转) leans only when the classifier calls it hostile.
      Column leans = leaning.and(hostileCategory.or(not(coalesce(col("burst_stance.rebutting"), lit(false)))));
      Dataset<Row> burstCandidates = Checkpoints.local(prepared
          .withColumn("burst_stance", when(leaning, stanceUdf.apply(col("title"), col("content"))))
          .select(explode(named).as("ent"), col("published_at").cast("long").as("t"), col("doc_id"),
              postKey.as("key"), col("account_id").as("account"),
              col("platform"), coalesce(col("smear"), lit(0.0)).as("smear"), coalesce(leans, lit(false)).as("leans"),
              coalesce(col("burst_stance.positive"), lit(false)).as("positive"),
              coalesce(col("burst_stance.doubting"), lit(false)).as("doubting"),
              accountKey.as("account_key"))
          .withColumn("official", ownAccount.apply(col("account_key"), col("ent"))));
      cached.add(burstCandidates);
      HostileBursts.Result hb = HostileBursts.find(burstCandidates, s, cached);
      edges = Checkpoints.local(edges.union(hb.edges()).distinct());
      cached.add(edges);
      burstKeys = hb.memberKeys();
      counts.put("burst_posts", hb.members());
      counts.put("oversized_burst_enterprises", hb.oversized());
      stage(timings, progress, "bursts", t0, hb.members(), HostileBursts.describe(hb, s));
    }

    // 5. components
    t0 = System.nanoTime();
    ConnectedComponents.Result cc = ConnectedComponents.compute(edges, s.maxIterations(),
        s.driverComponentsMaxEdges());
    Dataset<Row> components = Checkpoints.local(cc.components());
    cached.add(components);
    long linked = components.count();
    counts.put("linked_texts", linked);
    counts.put("component_rounds", (long) cc.rounds());
    stage(timings, progress, "components", t0, linked, "texts linked to another (" + cc.method()
        + (cc.rounds() > 0 ? ", " + cc.rounds() + " rounds" : "") + ")");

    // 6. clusters
    t0 = System.nanoTime();
    Dataset<Row> members = prepared
        .join(components, prepared.col("doc_id").equalTo(components.col("node")), "left")
        .withColumn("cluster_doc", coalesce(col("component"), col("doc_id")))
        .drop("node", "component");
    Dataset<Row> big = members.groupBy("cluster_doc").agg(count(lit(1)).as("n"))
        .filter(col("n").geq(s.minClusterPosts())).select("cluster_doc");
    Dataset<Row> inCluster = members.join(big, "cluster_doc")
        .withColumn("key", postKey);
    // A post of a hostile burst counts as negative whatever the lexicon says.
    Column burstMember = lit(false);
    if (burstKeys != null) {
      inCluster = inCluster.join(burstKeys.select(col("key").as("burst_key")),
          col("key").equalTo(col("burst_key")), "left");
      burstMember = col("burst_key").isNotNull();
    }
    Dataset<Row> clustered = Checkpoints.local(inCluster
        .withColumn("stance", when(col("category").isNull().or(col("category").equalTo(0)),
            stanceUdf.apply(col("title"), col("content"))))
        .withColumn("negative", when(col("category").isin(NEGATIVE_CATEGORIES.toArray()).or(burstMember), lit(true))
            .otherwise(coalesce(col("stance.negative"), lit(false))))
        .withColumn("in_burst", burstMember)
        .withColumn("official", accountKey.isin(officialAccounts.toArray()))
        // What each post names, for the target of a burst after the first (the linker's ids when scored),
        // and, for a burst that names no registry enterprise, an organisation or a person it names.
        .withColumn("window_ents", hasEnterprises ? col("enterprise_ids") : mentions.apply(col("title"), col("content")))
        // Only read where it can count: a later window needs the classifier and names no registry enterprise.
        .withColumn("target_hint", hasCategory
            ? when(coalesce(size(col("window_ents")), lit(0)).leq(0), targetHint.apply(col("title"), col("content")))
            : lit(null).cast("string")));
    cached.add(clustered);
    Dataset<Row> pairsPerCluster = edges.join(components, edges.col("src").equalTo(components.col("node")))
        .groupBy(col("component").as("cluster_doc")).agg(count(lit(1)).as("similar_pairs"));
    UserDefinedFunction judge = functions.udf((UDF3<scala.collection.Seq<Row>, String, scala.collection.Seq<String>,
        List<Row>>) (ms, rep, ents) -> self.value().verdicts(ms, rep, ents), DataTypes.createArrayType(VERDICT, false));
    Dataset<Row> grouped = clustered.groupBy("cluster_doc").agg(
        count(lit(1)).as("posts"),
        countDistinct(accountKey).as("accounts"),
        sort_array(collect_set("platform")).as("platforms"),
        min("published_at").as("first_at"),
        max("published_at").as("last_at"),
        min("key").as("min_key"),
        min_by(concat_ws("\n", col("title"), col("content")), struct(col("published_at"), col("key")))
            .as("first_text"),
        collect_list(struct(col("published_at"), col("platform"), col("account_id"), col("negative"),
            col("official"), col("category"), col("stance.word").as("word"), col("key"),
            col("window_ents"), col("target_hint"))).as("members"),
        flatten(collect_list(coalesce(col("enterprise_ids"), array().cast("array<string>")))).as("ents"));
    // One row per judged window: a component gives one row per attack window, or one row when it has none.
    Dataset<Row> judged = Checkpoints.local(grouped
        .join(pairsPerCluster, grouped.col("cluster_doc").equalTo(pairsPerCluster.col("cluster_doc")), "left")
        .drop(pairsPerCluster.col("cluster_doc"))
        .select(col("*"), functions.posexplode(judge.apply(col("members"), col("first_text"), col("ents")))
            .as(new String[] {"window_index", "v"}))
        .select(
            concat(col("cluster_doc").cast("string"), lit("#"), col("window_index").cast("string")).as("unit"),
            concat(lit("cc-"), substring(sha2(col("min_key"), 256), 1, 16)).as("cluster_id"),
            col("v.enterprise_ids").as("enterprise_ids"),
            col("accounts"),
            col("platforms"),
            col("posts"),
            col("first_at"),
            col("last_at"),
            col("v.window_accounts").as("window_accounts"),
            col("v.window_platforms").as("window_platforms"),
            col("v.window_start").as("window_start"),
            col("v.window_end").as("window_end"),
            col("v.negative_share").as("negative_share"),
            col("v.representative_text").as("representative_text"),
            col("v.sample_accounts").as("sample_accounts"),
            col("v.is_attack").as("is_attack"),
            col("v.reason").as("reason"),
            coalesce(col("similar_pairs"), lit(0L)).as("similar_pairs"),
            lit(runId).as("run_id"),
            lit(Timestamp.from(now)).as("detected_at"),
            col("cluster_doc"),
            col("window_index"),
            col("v.window_keys").as("window_keys")));
    cached.add(judged);

    // Attack candidates are confirmed only when their window's posts are near-duplicates of each
    // other directly (through verified pairs or identical text), not merely chained through others.
    Dataset<Row> candidateKeys = judged.filter(col("is_attack"))
        .select(col("unit"), col("cluster_doc").as("cand_doc"), explode(col("window_keys")).as("cand_key"));
    Dataset<Row> windowPosts = Checkpoints.local(clustered
        .join(candidateKeys, clustered.col("cluster_doc").equalTo(candidateKeys.col("cand_doc"))
            .and(clustered.col("key").equalTo(candidateKeys.col("cand_key"))))
        .select(col("unit"), col("doc_id"), col("platform"), col("post_id"), col("account_id"), col("negative"),
            col("in_burst"), col("published_at"), col("key"), concat_ws("\n", col("title"), col("content")).as("text"),
            col("window_ents").as("enterprise_ids")));
    cached.add(windowPosts);
    Dataset<Row> windowDocs = windowPosts.select("unit", "doc_id").distinct();
    Dataset<Row> da = windowDocs.select(col("unit").as("ua"), col("doc_id").as("da"));
    Dataset<Row> db = windowDocs.select(col("unit").as("ub"), col("doc_id").as("db"));
    Dataset<Row> windowEdges = edges.join(da, col("src").equalTo(col("da")))
        .join(db, col("dst").equalTo(col("db")).and(col("ua").equalTo(col("ub"))))
        .groupBy(col("ua").as("edge_unit")).agg(collect_list(array(col("src"), col("dst"))).as("wedges"));
    UserDefinedFunction cohesionUdf = functions.udf((UDF2<scala.collection.Seq<Row>,
        scala.collection.Seq<scala.collection.Seq<Long>>, Row>) (ps, es) -> self.value().cohesion(ps, es), COHESION);
    Dataset<Row> cohesion = Checkpoints.local(windowPosts
        .groupBy("unit").agg(collect_list(struct(col("doc_id"), col("platform"), col("account_id"),
            coalesce(col("negative"), lit(false)))).as("wposts"))
        .join(windowEdges, col("unit").equalTo(col("edge_unit")), "left")
        .select(col("unit").as("coh_unit"), cohesionUdf.apply(col("wposts"), col("wedges")).as("coh")));
    cached.add(cohesion);
    // An attack row describes the attack's own posts (the cohesive group), not the whole component.
    Dataset<Row> groupPosts = windowPosts
        .join(cohesion.filter(col("coh.ok")).select(col("coh_unit"), explode(col("coh.doc_ids")).as("g_doc")),
            col("unit").equalTo(col("coh_unit")).and(col("doc_id").equalTo(col("g_doc"))));
    UserDefinedFunction representative = functions.udf((UDF1<String, String>) CampaignDetector::representative,
        DataTypes.StringType);
    Dataset<Row> groups = groupPosts.groupBy(col("unit").as("g_unit")).agg(
        count(lit(1)).as("g_posts"),
        countDistinct(accountKey).as("g_accounts"),
        sort_array(collect_set("platform")).as("g_platforms"),
        min("published_at").as("g_first_at"),
        max("published_at").as("g_last_at"),
        min("key").as("g_min_key"),
        min_by(col("text"), struct(col("published_at"), col("key"))).as("g_text"),
        functions.sum(when(col("in_burst"), 1).otherwise(0)).as("g_burst"),
        sort_array(collect_list(struct(col("published_at"), col("key"), accountKey.as("account")))).as("g_order"),
        sort_array(functions.array_distinct(flatten(collect_list(coalesce(col("enterprise_ids"),
            array().cast("array<string>")))))).as("g_ents"));
    Column confirmed = col("is_attack").and(coalesce(col("coh.ok"), lit(false)));
    Column anyConfirmed = max(confirmed.cast("int")).over(org.apache.spark.sql.expressions.Window
        .partitionBy("cluster_doc"));
    Column attack = col("attack");
    Dataset<Row> clusters = Checkpoints.local(judged
        .join(cohesion, col("unit").equalTo(col("coh_unit")), "left")
        .join(groups, col("unit").equalTo(col("g_unit")), "left")
        .withColumn("attack", confirmed)
        .withColumn("any_attack", anyConfirmed)
        .filter(attack.or(col("any_attack").equalTo(0).and(col("window_index").equalTo(0))))
        .withColumn("reason", when(attack.and(col("g_burst").gt(0)),
                concat(col("reason"), lit("; "), col("coh.posts").cast("string"), lit(" linked posts from "),
                    col("coh.accounts").cast("string"), lit(" accounts on "), col("coh.platforms").cast("string"),
                    lit(" platforms, "), col("g_burst").cast("string"), lit(" of them in a hostile burst (alike in the "
                        + "classifier's smear leaning and in time, not in text)")))
            .when(attack,
                concat(col("reason"), lit("; "), col("coh.posts").cast("string"), lit(" directly similar posts from "),
                    col("coh.accounts").cast("string"), lit(" accounts on "), col("coh.platforms").cast("string"),
                    lit(" platforms")))
            .when(col("is_attack"), concat(lit("not an attack: the burst's posts are alike only through other posts "
                + "(largest group of directly similar posts: "), col("coh.accounts").cast("string"), lit(" accounts on "),
                col("coh.platforms").cast("string"), lit(" platforms); was: "), col("reason")))
            .otherwise(col("reason")))
        .withColumn("cluster_id", when(attack, concat(lit("cc-"), substring(sha2(col("g_min_key"), 256), 1, 16)))
            .otherwise(col("cluster_id")))
        // array_compact: the table's arrays hold no nulls, and its type says so.
        .withColumn("enterprise_ids", functions.array_compact(when(attack.and(size(col("g_ents")).gt(0)),
            col("g_ents")).otherwise(col("enterprise_ids"))))
        .withColumn("accounts", when(attack, col("g_accounts")).otherwise(col("accounts")))
        .withColumn("platforms", when(attack, col("g_platforms")).otherwise(col("platforms")))
        .withColumn("posts", when(attack, col("g_posts")).otherwise(col("posts")))
        .withColumn("first_at", when(attack, col("g_first_at")).otherwise(col("first_at")))
        .withColumn("last_at", when(attack, col("g_last_at")).otherwise(col("last_at")))
        .withColumn("negative_share", when(attack, functions.round(col("coh.negative_share"), 3))
            .otherwise(col("negative_share")))
        .withColumn("representative_text", when(attack, representative.apply(col("g_text")))
            .otherwise(col("representative_text")))
        .withColumn("sample_accounts", functions.array_compact(when(attack, functions.slice(functions.array_distinct(
                functions.transform(col("g_order"), o -> o.getField("account"))), 1, 20))
            .otherwise(col("sample_accounts"))))
        .withColumn("platforms", functions.array_compact(col("platforms")))
        .withColumn("similar_pairs", when(attack, col("coh.pairs")).otherwise(col("similar_pairs")))
        .withColumn("attack_docs", when(attack, col("coh.doc_ids")))
        .withColumn("is_attack", attack)
        .select(java.util.stream.Stream.concat(Arrays.stream(CoordinationClustersTable.SCHEMA.fieldNames()),
            java.util.stream.Stream.of("unit", "attack_docs", "g_burst")).map(functions::col).toArray(Column[]::new)));
    cached.add(clusters);
    Row clusterStats = clusters.agg(count(lit(1)), functions.sum(when(col("is_attack"), 1).otherwise(0)),
        functions.sum(when(col("is_attack"), col("posts")).otherwise(0L))).first();
    long clusterCount = clusterStats.getLong(0);
    long attacks = clusterStats.isNullAt(1) ? 0 : clusterStats.getLong(1);
    long attackPosts = clusterStats.isNullAt(2) ? 0 : clusterStats.getLong(2);
    counts.put("clusters", clusterCount);
    counts.put("attack_clusters", attacks);
    counts.put("attack_posts", attackPosts);
    stage(timings, progress, "clusters", t0, clusterCount, "clusters of >= " + s.minClusterPosts() + " posts, "
        + attacks + " attacks (" + attackPosts + " posts)");

    Column evidence = array(struct(
        lit(Evidence.COORDINATION).as("source"),
        lit("attack_cluster").as("kind"),
        concat(lit("member of cluster "), col("cluster_id"), lit(" ("), col("posts").cast("string"),
            when(col("g_burst").gt(0), lit(" linked posts): "))
                .otherwise(lit(" near-duplicate posts): ")),
            col("reason")).as("detail"),
        lit(null).cast("string").as("span"),
        lit(null).cast("int").as("start"),
        lit(null).cast("int").as("end"),
        lit(ATTACK_SCORE).as("score"))).cast(EvidenceSchema.ARRAY);
    // Evidence goes to the negative posts of the attack's cohesive group, not to everything chained in.
    Dataset<Row> attackDocs = clusters.filter(col("is_attack"))
        .select(col("unit").as("att_unit"), col("cluster_id"), col("posts"), col("reason"), col("g_burst"),
            explode(col("attack_docs")).as("att_doc_id"));
    Dataset<Row> memberEvidence = windowPosts.filter(coalesce(col("negative"), lit(false)))
        .join(attackDocs, col("unit").equalTo(col("att_unit")).and(col("doc_id").equalTo(col("att_doc_id"))))
        .select(col("platform"), col("post_id"), evidence.as(COLUMN));
    Dataset<Row> table = clusters.drop("unit", "attack_docs", "g_burst");
    return new Result(table, memberEvidence, timings, counts, cached);
  }

  private transient double cpuMark;

  private void stage(List<StageTiming> timings, Consumer<String> progress, String name, long t0, long rows,
      String what) {
    double cpu = -1;
    if (meter != null) {
      try {
        Thread.sleep(200); // let the listener bus deliver the stage's last task-end events
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      double now = meter.cpuSeconds();
      cpu = now - cpuMark;
      cpuMark = now;
    }
    StageTiming t = new StageTiming(name, (System.nanoTime() - t0) / 1_000_000, cpu, rows, what);
    timings.add(t);
    progress.accept(t.toString());
  }

  /** Pairs (a < b) of one bucket: all pairs when small, else a star on the smallest id plus a chain. */
  static List<Row> pairsOf(List<Long> idsIn, int allPairsMax) {
    long[] ids = idsIn.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    List<Row> out = new ArrayList<>();
    if (ids.length <= allPairsMax) {
      for (int i = 0; i < ids.length; i++) {
        for (int j = i + 1; j < ids.length; j++) {
          out.add(RowFactory.create(ids[i], ids[j]));
        }
      }
    } else {
      for (int i = 1; i < ids.length; i++) {
        out.add(RowFactory.create(ids[0], ids[i]));
        if (i + 1 < ids.length) {
          out.add(RowFactory.create(ids[i], ids[i + 1]));
        }
      }
    }
    return out;
  }

  /**
   * The candidate {@code pairs (a, b)} whose texts' {@code column} values (from {@code docs}, keyed by
   * doc_id) reach {@code threshold} under {@code similarity}, as edges {@code (src, dst)}; a local checkpoint.
   */
  static Dataset<Row> similarPairs(Dataset<Row> pairs, Dataset<Row> docs, String column,
      UserDefinedFunction similarity, double threshold) {
    return Checkpoints.local(pairs
        .join(docs.select(col("doc_id").as("a"), col(column).as("va")), "a")
        .join(docs.select(col("doc_id").as("b"), col(column).as("vb")), "b")
        .filter(similarity.apply(col("va"), col("vb")).geq(threshold))
        .select(col("a").as("src"), col("b").as("dst")));
  }

  static int[] ints(scala.collection.Seq<Integer> seq) {
    int[] out = new int[seq.size()];
    int i = 0;
    scala.collection.Iterator<Integer> it = seq.iterator();
    while (it.hasNext()) {
      out[i++] = it.next();
    }
    return out;
  }

  /** Checks an attack window's cohesion (runs on executors). */
  Row cohesion(scala.collection.Seq<Row> postsSeq, scala.collection.Seq<scala.collection.Seq<Long>> edgesSeq) {
    List<ClusterJudge.WindowPost> posts = new ArrayList<>();
    for (Row r : JavaConverters.seqAsJavaList(postsSeq)) {
      posts.add(new ClusterJudge.WindowPost(r.getLong(0), r.getString(1), r.getString(2), r.getBoolean(3)));
    }
    List<long[]> edges = new ArrayList<>();
    if (edgesSeq != null) {
      for (scala.collection.Seq<Long> e : JavaConverters.seqAsJavaList(edgesSeq)) {
        edges.add(new long[] {e.apply(0), e.apply(1)});
      }
    }
    ClusterJudge.Cohesion c = new ClusterJudge(settings).cohesion(posts, edges);
    return RowFactory.create(c.ok(), new ArrayList<>(c.docIds()), c.accounts(), c.platforms(), c.posts(),
        c.negativeShare(), c.pairs());
  }

  /** What an attack targets, for its reason: registry enterprises, else an organisation by name, and a person. */
  static String targetOf(java.util.Collection<String> ents, String person, String organisation) {
    String who = person != null ? "a person (" + person + ")" : null;
    if (!ents.isEmpty()) {
      return String.join(", ", ents) + (who != null ? " and " + who : "");
    }
    if (organisation != null) {
      return "an enterprise outside the registry (" + organisation + ")" + (who != null ? " and " + who : "");
    }
    return who;
  }

  /** The earliest post's title and content as a cluster's representative text: personal data masked, cut. */
  static String representative(String text) {
    String rep = PersonalDataMasker.mask(text == null ? "" : text);
    return rep.length() > 500 ? rep.substring(0, 499) + "…" : rep;
  }

  /**
   * Judges one cluster (runs on executors): every attack window ({@link ClusterJudge#judgeAll}), or the
   * densest window when there is none. A window after the first needs a target of its own: the registry
   * enterprises its posts name, else an organisation (by its name ending) or a person word, named by the
   * earliest of its posts that names one.
   */
  List<Row> verdicts(scala.collection.Seq<Row> membersSeq, String firstText, scala.collection.Seq<String> entsSeq) {
    List<Row> rows = new ArrayList<>(JavaConverters.seqAsJavaList(membersSeq));
    List<ClusterJudge.Member> members = new ArrayList<>(rows.size());
    Map<String, List<String>> entsByKey = new java.util.HashMap<>();
    Map<String, String> hintByKey = new java.util.HashMap<>();
    int classified = 0;
    Map<String, Integer> words = new LinkedHashMap<>();
    for (Row r : rows) {
      String key = r.getString(7);
      boolean byClassifier = !r.isNullAt(5) && NEGATIVE_CATEGORIES.contains(r.getInt(5));
      members.add(new ClusterJudge.Member(r.getTimestamp(0).getTime(), r.getString(1), r.getString(2),
          !r.isNullAt(3) && r.getBoolean(3), !r.isNullAt(4) && r.getBoolean(4), key, byClassifier));
      if (!r.isNullAt(8)) {
        entsByKey.put(key, r.getList(8));
      }
      if (!r.isNullAt(9)) {
        hintByKey.put(key, r.getString(9));
      }
      if (!r.isNullAt(5) && r.getInt(5) != 0) {
        classified++;
      } else if (!r.isNullAt(6)) {
        words.merge(r.getString(6), 1, Integer::sum);
      }
    }
    members.sort(ClusterJudge.ORDER);
    Set<String> sample = new LinkedHashSet<>();
    for (ClusterJudge.Member m : members) {
      if (sample.size() < 20) {
        sample.add(m.platform() + ":" + m.accountId());
      }
    }
    SortedSet<String> ents = new TreeSet<>();
    if (entsSeq != null) {
      ents.addAll(JavaConverters.seqAsJavaList(entsSeq));
    }
    if (ents.isEmpty()) {
      ents.addAll(names.index().mentions(firstText));
    }
    String target = targetOf(ents, stance.personWord(firstText), ents.isEmpty() ? stance.organisation(firstText) : null);
    // A later window's target: the registry enterprises its posts name, else what its earliest post names.
    java.util.function.Function<List<ClusterJudge.Member>, String> windowTarget = window -> {
      SortedSet<String> own = new TreeSet<>();
      String hint = null;
      for (ClusterJudge.Member m : window) {
        own.addAll(entsByKey.getOrDefault(m.key(), List.of()));
        hint = hint != null ? hint : hintByKey.get(m.key());
      }
      return own.isEmpty() ? hint : String.join(", ", own);
    };
    List<String> notes = new ArrayList<>();
    if (classified > 0) {
      notes.add("classifier on " + classified + " of " + rows.size() + " posts");
    }
    if (!words.isEmpty()) {
      notes.add("lexicon: " + String.join(", ", words.keySet().stream().limit(3).toList()));
    }
    List<ClusterJudge.Verdict> verdicts = new ClusterJudge(settings).judgeAll(members, target, windowTarget,
        notes.isEmpty() ? null : String.join("; ", notes));
    String rep = representative(firstText);
    List<Row> out = new ArrayList<>(verdicts.size());
    for (ClusterJudge.Verdict v : verdicts) {
      List<String> keys = v.windowMembers().stream().map(ClusterJudge.Member::key).toList();
      out.add(RowFactory.create(v.attack(), v.windowAccounts(), v.windowPlatforms(),
          new Timestamp(v.windowStartMillis()), new Timestamp(v.windowEndMillis()),
          Math.round(v.negativeShare() * 1000) / 1000.0, v.reason(), new ArrayList<>(ents), new ArrayList<>(sample),
          rep, new ArrayList<>(keys)));
    }
    return out;
  }
}
