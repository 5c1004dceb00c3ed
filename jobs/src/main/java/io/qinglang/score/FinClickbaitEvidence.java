package io.qinglang.score;

import static org.apache.spark.sql.functions.col;

import io.qinglang.fin.FinModel;
import io.qinglang.fin.FinScorer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The financial-clickbait model as a scoring step: fills {@code fin_clickbait} and
 * {@code fin_clickbait_prob} for results articles and appends its evidence. It uses the model that
 * {@code train} (or {@code train-fin --version}) stored in the same model version's
 * {@code fin_clickbait/} directory; a version without one leaves both columns null (logged).
 */
public final class FinClickbaitEvidence implements EvidenceContributor {
  private static final Logger LOG = LogManager.getLogger(FinClickbaitEvidence.class);

  @Override
  public String name() {
    return "financial clickbait model";
  }

  @Override
  public Dataset<Row> contribute(Dataset<Row> scored, ScoringContext context) {
    if (!FinModel.exists(context.modelDir(), context.spark().sparkContext().hadoopConfiguration())) {
      LOG.warn("model version {} has no fin_clickbait/ model: fin_clickbait stays empty (train-fin --version {})",
          context.modelVersion(), context.modelVersion());
      return scored;
    }
    FinModel model = FinModel.load(context.modelDir(), context.spark().sparkContext().hadoopConfiguration());
    Dataset<Row> withFin = FinScorer.score(
        scored.drop(ScoringPipeline.FIN_CLICKBAIT, ScoringPipeline.FIN_CLICKBAIT_PROB), model);
    return Evidence.append(withFin, col(FinScorer.EVIDENCE)).drop(FinScorer.EVIDENCE);
  }
}
