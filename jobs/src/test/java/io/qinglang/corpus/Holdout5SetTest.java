package io.qinglang.corpus;

/** The fifth held-out set, {@code jobs/corpus/holdout5} (500 posts by four more writers, seventeenth session). */
class Holdout5SetTest extends HoldoutSetChecks {
  Holdout5SetTest() {
    super("holdout5", 28, 8);
  }
}
