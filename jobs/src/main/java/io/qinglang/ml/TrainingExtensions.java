package io.qinglang.ml;

import java.util.ArrayList;
import java.util.List;

/** The components train fits besides the classifier (see {@link TrainingExtension}). */
public final class TrainingExtensions {
  private TrainingExtensions() {}

  public static List<TrainingExtension> standard() {
    List<TrainingExtension> extensions = new ArrayList<>();
    // Issue 5 (financial clickbait): extensions.add(new FinClickbaitTraining());
    return extensions;
  }
}
