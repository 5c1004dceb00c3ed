package io.qinglang.corpus;

/** The seventh held-out set, {@code jobs/corpus/holdout7} (500 posts by four more writers, eighteenth session). */
class Holdout7SetTest extends HoldoutSetChecks {
  Holdout7SetTest() {
    super("holdout7", 28, 8);
  }
}
