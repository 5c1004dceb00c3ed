package io.qinglang.corpus;

/** The thirteenth held-out set, {@code jobs/corpus/holdout13} (500 posts by four more writers, twenty-second session). */
class Holdout13SetTest extends HoldoutSetChecks {
  Holdout13SetTest() {
    super("holdout13", 28, 8);
  }
}
