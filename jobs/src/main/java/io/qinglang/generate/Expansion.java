package io.qinglang.generate;

import java.util.SplittableRandom;

/** What a template needs while it expands: the post's random stream, its slots' choices and bound values. */
interface Expansion {
  SplittableRandom rng();

  /** Appends one value of {@code slot} eligible under the run's split. */
  void pick(Slot slot, StringBuilder out);

  /** Appends a built-in value; {@code lo..hi} is the range of {@code {num:lo-hi}}. */
  void builtin(Builtin builtin, int lo, int hi, StringBuilder out);

  /** Appends the value a bound slot already took in this post; false when it has none yet. */
  boolean appendBound(String name, StringBuilder out);

  /** Records the value a bound slot took. */
  void bind(String name, String value);

  /** The industry number of the post's enterprise (binding one when none is bound yet). */
  int industry();
}
