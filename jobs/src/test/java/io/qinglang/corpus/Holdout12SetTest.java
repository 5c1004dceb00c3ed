package io.qinglang.corpus;

/** The twelfth held-out set, {@code jobs/corpus/holdout12} (500 posts by four more writers, twenty-first session). */
class Holdout12SetTest extends HoldoutSetChecks {
  Holdout12SetTest() {
    super("holdout12", 28, 8);
  }
}
