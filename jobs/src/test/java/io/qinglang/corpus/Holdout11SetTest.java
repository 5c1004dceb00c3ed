package io.qinglang.corpus;

/** The eleventh held-out set, {@code jobs/corpus/holdout11} (500 posts by four more writers, twentieth session). */
class Holdout11SetTest extends HoldoutSetChecks {
  Holdout11SetTest() {
    super("holdout11", 28, 8);
  }
}
