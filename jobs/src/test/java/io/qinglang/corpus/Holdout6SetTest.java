package io.qinglang.corpus;

/** The sixth held-out set, {@code jobs/corpus/holdout6} (500 posts by four more writers, eighteenth session). */
class Holdout6SetTest extends HoldoutSetChecks {
  Holdout6SetTest() {
    super("holdout6", 28, 8);
  }
}
