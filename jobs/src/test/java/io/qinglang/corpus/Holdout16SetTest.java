package io.qinglang.corpus;

/** The sixteenth held-out set, {@code jobs/corpus/holdout16} (500 machine- and form-shaped posts by four writers to a fourth brief, thirtieth session). */
class Holdout16SetTest extends HoldoutSetChecks {
  Holdout16SetTest() {
    super("holdout16", 28, 8);
  }
}
