package io.qinglang.corpus;

/** The ninth held-out set, {@code jobs/corpus/holdout9} (500 posts by four more writers, nineteenth session). */
class Holdout9SetTest extends HoldoutSetChecks {
  Holdout9SetTest() {
    super("holdout9", 28, 8);
  }
}
