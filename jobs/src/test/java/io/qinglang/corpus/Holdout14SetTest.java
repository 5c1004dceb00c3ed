package io.qinglang.corpus;

/** The fourteenth held-out set, {@code jobs/corpus/holdout14} (500 posts by four writers to a new brief, twenty-fifth session). */
class Holdout14SetTest extends HoldoutSetChecks {
  Holdout14SetTest() {
    super("holdout14", 28, 8);
  }
}
