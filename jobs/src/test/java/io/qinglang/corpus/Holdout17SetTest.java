package io.qinglang.corpus;

/** The seventeenth held-out set, {@code jobs/corpus/holdout17} (500 posts by four writers to a fifth brief, canonical cases in fresh words, fifty-second session). */
class Holdout17SetTest extends HoldoutSetChecks {
  Holdout17SetTest() {
    super("holdout17", 32, 8);
  }
}
