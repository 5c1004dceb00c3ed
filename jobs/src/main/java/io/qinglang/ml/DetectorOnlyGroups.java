package io.qinglang.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.qinglang.config.QinglangConfig;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Labelled posts the classifier does not train on: members of coordinated campaigns (generator forms
 * {@code c9.camp.*}, hand-written kinds {@code v:campaign:*}). Each of them alone reads like a rumour
 * or a complaint; what makes it category 9 is the group of near-duplicates around it, which the
 * campaign detector finds and the fusion turns into category 9. Taught to the classifier as category 9,
 * they blur 9 with 10 and with honest complaints, and push the thresholds of both up.
 * Configured by {@code qinglang.classifier.training.detector-only-groups} (group prefixes).
 */
public final class DetectorOnlyGroups {
  public static final String KEY = "qinglang.classifier.training.detector-only-groups";
  private static final String EMPTY_PREFIX = "an empty prefix would leave out every grouped post";

  private final List<String> prefixes;

  public DetectorOnlyGroups(List<String> prefixes) {
    if (anyBlank(prefixes)) {
      throw new IllegalArgumentException(KEY + ": " + EMPTY_PREFIX);
    }
    this.prefixes = List.copyOf(prefixes);
  }

  public static DetectorOnlyGroups from(QinglangConfig config) {
    List<String> prefixes = config.reader().has(KEY) ? config.reader().stringList(KEY) : List.of();
    // Checked here as well, so that the error names the configuration file.
    if (anyBlank(prefixes)) {
      throw config.reader().error(KEY, EMPTY_PREFIX);
    }
    return new DetectorOnlyGroups(prefixes);
  }

  private static boolean anyBlank(List<String> prefixes) {
    return prefixes.stream().anyMatch(String::isBlank);
  }

  public List<String> prefixes() {
    return prefixes;
  }

  /** True for the rows to leave out (null groups are kept). */
  public Column matches() {
    Column any = lit(false);
    for (String p : prefixes) {
      any = any.or(col(LabeledData.GROUP).startsWith(p));
    }
    return col(LabeledData.GROUP).isNotNull().and(any);
  }

  /** The labelled posts without those of detector-only groups. */
  public Dataset<Row> filter(Dataset<Row> labelled) {
    return prefixes.isEmpty() ? labelled : labelled.filter(not(matches()));
  }
}
