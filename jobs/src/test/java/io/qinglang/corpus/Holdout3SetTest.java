package io.qinglang.corpus;

/** The third held-out set, {@code jobs/corpus/holdout3} (500 posts by four more writers, fifteenth session). */
class Holdout3SetTest extends HoldoutSetChecks {
  Holdout3SetTest() {
    super("holdout3", 28, 7);
  }
}
