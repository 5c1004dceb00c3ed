package io.qinglang.aggregate;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The typical cases (典型案例) of a quarter: flagged posts (category 1..10, not needing review) ordered
 * by seriousness = confidence * log10(10 + reach) (a sure finding that reached many people first; reach
 * 0 gives the confidence itself, reach 990 doubles it), then reach, platform and post id; at most
 * {@code perCategory} of one category and {@code limit} in all. The excerpt (title and content), the
 * account name and the evidence lines are masked before they leave this class.
 */
public final class TypicalCases {
  private static final int EVIDENCE_LINES = 5;

  private TypicalCases() {}

  static final UserDefinedFunction MASK = udf(
      (org.apache.spark.sql.api.java.UDF1<String, String>) InterimPersonalDataMasker::mask, DataTypes.StringType);

  /** Evidence structs as at most five distinct masked lines "source/kind: detail (span)". */
  static final UserDefinedFunction EVIDENCE = udf(
      (org.apache.spark.sql.api.java.UDF1<scala.collection.Seq<Row>, scala.collection.Seq<String>>) evidence -> {
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        if (evidence != null) {
          for (Row e : scala.jdk.javaapi.CollectionConverters.asJava(evidence)) {
            if (lines.size() == EVIDENCE_LINES) {
              break;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(e.getAs("source").toString()).append('/').append(e.getAs("kind").toString());
            Object detail = e.getAs("detail");
            if (detail != null) {
              sb.append(": ").append(detail);
            }
            Object span = e.getAs("span");
            if (span != null) {
              sb.append(" (").append(span).append(')');
            }
            lines.add(InterimPersonalDataMasker.mask(sb.toString()));
          }
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(lines)).toSeq();
      }, DataTypes.createArrayType(DataTypes.StringType));

  /**
   * @param scored scored posts of the quarters (model version already chosen)
   * @param posts (platform, post_id, title, content) for the excerpts
   * @return quarter, typical_cases (array ordered by rank)
   */
  public static Dataset<Row> compute(Dataset<Row> scored, Dataset<Row> posts, Dataset<Row> categories, int limit,
      int perCategory, int excerptLength) {
    Column seriousness = round(col("confidence").multiply(log10(coalesce(col("reach"), lit(0L)).plus(10.0))), 4);
    Column[] order = {desc("seriousness"), desc("_reach"), asc("platform"), asc("post_id")};
    Dataset<Row> candidates = scored
        .filter(col("category").gt(0).and(col("needs_review").equalTo(false)))
        .withColumn("quarter", Quarters.of(col("published_date")))
        .withColumn("seriousness", seriousness)
        .withColumn("_reach", coalesce(col("reach"), lit(0L)))
        .withColumn("_in_category", row_number().over(Window.partitionBy("quarter", "category").orderBy(order)))
        .filter(col("_in_category").leq(perCategory))
        .withColumn("rank", row_number().over(Window.partitionBy("quarter").orderBy(order)))
        .filter(col("rank").leq(limit));
    Column text = MASK.apply(concat_ws("｜", col("title"), col("content")));
    Column excerpt = when(length(text).gt(excerptLength), concat(text.substr(1, excerptLength), lit("…")))
        .otherwise(text);
    return candidates
        .join(posts.select("platform", "post_id", "title", "content"), new String[] {"platform", "post_id"}, "left")
        .join(broadcast(categories), "category")
        .withColumn("excerpt", when(col("content").isNotNull(), excerpt))
        .withColumn("account_name", MASK.apply(col("account_name")))
        .withColumn("evidence_lines", EVIDENCE.apply(col("evidence")))
        .groupBy("quarter")
        .agg(expr("transform(array_sort(collect_list(struct(rank, platform, post_id, published_at, category, "
            + "category_name, confidence, reach, seriousness, account_id, account_name, enterprise_ids, excerpt, "
            + "evidence_lines))), x -> named_struct('rank', x.rank, 'platform', x.platform, 'post_id', x.post_id, "
            + "'published_at', x.published_at, 'category', x.category, 'category_name', x.category_name, "
            + "'confidence', x.confidence, 'reach', x.reach, 'seriousness', x.seriousness, 'account_id', "
            + "x.account_id, 'account_name', x.account_name, 'enterprise_ids', x.enterprise_ids, 'excerpt', "
            + "x.excerpt, 'evidence', x.evidence_lines))").as("typical_cases"));
  }

  /** For tests: what seriousness a case with this confidence and reach gets. */
  static double seriousness(double confidence, long reach) {
    return Math.round(confidence * Math.log10(10.0 + reach) * 10000.0) / 10000.0;
  }
}
