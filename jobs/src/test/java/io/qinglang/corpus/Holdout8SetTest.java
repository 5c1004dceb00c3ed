package io.qinglang.corpus;

/** The eighth held-out set, {@code jobs/corpus/holdout8} (500 posts by four more writers, eighteenth session). */
class Holdout8SetTest extends HoldoutSetChecks {
  Holdout8SetTest() {
    super("holdout8", 28, 8);
  }
}
