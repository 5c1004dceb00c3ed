package io.qinglang.corpus;

/** The tenth held-out set, {@code jobs/corpus/holdout10} (500 posts by four more writers, nineteenth session). */
class Holdout10SetTest extends HoldoutSetChecks {
  Holdout10SetTest() {
    super("holdout10", 28, 8);
  }
}
