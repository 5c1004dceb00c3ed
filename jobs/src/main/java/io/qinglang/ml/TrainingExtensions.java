package io.qinglang.ml;

import java.util.ArrayList;
import java.util.List;

/** The components train fits besides the classifier (see {@link TrainingExtension}). */
public final class TrainingExtensions {
  private TrainingExtensions() {}

  public static List<TrainingExtension> standard(io.qinglang.config.QinglangConfig config) {
    List<TrainingExtension> extensions = new ArrayList<>();
    extensions.add(new io.qinglang.fin.FinClickbaitTraining(config));
    return extensions;
  }
}
