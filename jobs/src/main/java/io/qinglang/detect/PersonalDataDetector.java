package io.qinglang.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import io.qinglang.registry.EnterpriseRegistry;
import io.qinglang.table.EvidenceSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.functions;

/**
 * Personal data (category 3) over the posts table: {@link PersonalDataRecognizer} on each post's
 * title and content, with two exclusions that make a published contact legitimate: the author is an
 * official registry account (an enterprise posting its own service number or address), or the value
 * appears in a post of an official account somewhere in the scanned data ({@link #officialContacts}).
 * Evidence offsets refer to the field named at the start of {@code detail} (title or content);
 * {@code span} is the masked value.
 */
public final class PersonalDataDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column {@link #withEvidence} adds. */
  public static final String COLUMN = "personal_data_evidence";

  private final PersonalDataRecognizer recognizer;
  private final Set<String> officialAccounts;

  public PersonalDataDetector(PersonalDataRecognizer recognizer, EnterpriseRegistry registry) {
    this.recognizer = recognizer;
    this.officialAccounts = registry.officialAccounts();
  }

  /** Evidence for one post. */
  public List<Evidence> detect(String platform, String accountId, String title, String content,
      Set<String> officialContacts) {
    boolean official = officialAccounts.contains(platform + ":" + accountId);
    List<Evidence> out = new ArrayList<>();
    if (title != null) {
      for (PersonalDataRecognizer.Finding f : recognizer.recognize(title, official, officialContacts)) {
        out.add(f.toEvidence("title"));
      }
    }
    if (content != null) {
      for (PersonalDataRecognizer.Finding f : recognizer.recognize(content, official, officialContacts)) {
        out.add(f.toEvidence("content"));
      }
    }
    return out;
  }

  /**
   * Contact values (phones, e-mail) that official registry accounts publish in {@code posts}: the
   * same number quoted by anyone else is the enterprise's published contact, not a leak. Small
   * (collected to the driver).
   */
  public Set<String> officialContacts(Dataset<Row> posts) {
    if (officialAccounts.isEmpty()) {
      return Set.of();
    }
    Column key = concat_ws(":", col("platform"), col("account_id"));
    Dataset<Row> official = posts.filter(key.isin(officialAccounts.toArray()))
        .select(concat_ws("\n", col("title"), col("content")).as("text"));
    List<String> values = official.flatMap((FlatMapFunction<Row, String>) row -> {
      List<String> found = new ArrayList<>();
      for (PersonalDataPatterns.Candidate c : PersonalDataPatterns.find(row.getString(0))) {
        if (c.validated() && c.kind().isContact()) {
          found.add(c.value());
        }
      }
      Iterator<String> it = found.iterator();
      return it;
    }, Encoders.STRING()).distinct().collectAsList();
    return Set.copyOf(values);
  }

  /** Adds {@value #COLUMN} to a frame with platform, account_id, title and content. */
  public Dataset<Row> withEvidence(Dataset<Row> posts, Set<String> officialContacts) {
    return posts.withColumn(COLUMN, column(posts.sparkSession(), officialContacts));
  }

  public Column column(SparkSession spark, Set<String> officialContacts) {
    record Shipped(PersonalDataDetector detector, Set<String> contacts) implements Serializable {}
    Broadcast<Shipped> bc = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new Shipped(this, Set.copyOf(officialContacts)));
    return functions.udf((UDF4<String, String, String, String, List<Row>>) (platform, accountId, title, content) -> {
      Shipped s = bc.value();
      List<Row> rows = new ArrayList<>();
      for (Evidence e : s.detector().detect(platform, accountId, title, content, s.contacts())) {
        rows.add(e.toRow());
      }
      return rows;
    }, EvidenceSchema.ARRAY).withName("personal_data_evidence")
        .apply(col("platform"), col("account_id"), col("title"), col("content"));
  }
}
