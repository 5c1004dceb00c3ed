package io.qinglang.corpus;

/** The first held-out set, {@code jobs/corpus/holdout} (577 posts, written in the first session). */
class HoldoutSetTest extends HoldoutSetChecks {
  HoldoutSetTest() {
    super("holdout", 30, 20);
  }
}
