package io.qinglang.corpus;

/** The second held-out set, {@code jobs/corpus/holdout2} (500 posts by four other writers). */
class Holdout2SetTest extends HoldoutSetChecks {
  Holdout2SetTest() {
    super("holdout2", 28, 6);
  }
}
