package io.qinglang.corpus;

/** The fourth held-out set, {@code jobs/corpus/holdout4} (500 posts by four more writers, sixteenth session). */
class Holdout4SetTest extends HoldoutSetChecks {
  Holdout4SetTest() {
    super("holdout4", 28, 8);
  }
}
