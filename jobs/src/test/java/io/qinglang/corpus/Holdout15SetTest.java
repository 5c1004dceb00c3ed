package io.qinglang.corpus;

/** The fifteenth held-out set, {@code jobs/corpus/holdout15} (500 long-form posts by four writers to a new brief, twenty-eighth session). */
class Holdout15SetTest extends HoldoutSetChecks {
  Holdout15SetTest() {
    super("holdout15", 28, 8);
  }
}
