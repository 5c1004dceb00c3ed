package io.qinglang.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot of the grammar: a named list of values, each a template. Values of a slot with at least
 * {@link #SPLIT_MIN_VALUES} values are divided once and for all into training and held-out values
 * by a hash of the slot name and the value's text (about one in five held out), so that
 * {@code --forms heldout} produces phrasings the training corpus never contains. Slots declared
 * {@code shared} (punctuation, particles) and smaller slots are used by both sides.
 */
public final class Slot {
  public static final int SPLIT_MIN_VALUES = 6;

  private final String name;
  private final boolean shared;
  private boolean bind;
  private final List<String> sources = new ArrayList<>();
  private final List<Template> values = new ArrayList<>();
  private boolean[] heldout;
  private int[] train;
  private int[] held;
  private int[] all;

  Slot(String name, boolean shared) {
    this.name = name;
    this.shared = shared;
  }

  /** A bound slot keeps, within one post, the value it took first ({@code @slot NAME bind}). */
  boolean bind() {
    return bind;
  }

  void setBind(boolean b) {
    bind = b;
  }

  void add(String source, Template value) {
    sources.add(source);
    values.add(value);
  }

  /** Fixes the split; called once when the grammar is complete. */
  void freeze() {
    int n = values.size();
    heldout = new boolean[n];
    boolean split = !shared && n >= SPLIT_MIN_VALUES;
    if (split) {
      int held = 0;
      long minHash = Long.MAX_VALUE;
      long maxHash = Long.MIN_VALUE;
      int minAt = 0;
      int maxAt = 0;
      for (int i = 0; i < n; i++) {
        long h = Hashing.fnv(name + '\u0001' + sources.get(i));
        heldout[i] = Long.remainderUnsigned(h, 5) == 0;
        held += heldout[i] ? 1 : 0;
        if (h < minHash) {
          minHash = h;
          minAt = i;
        }
        if (h > maxHash) {
          maxHash = h;
          maxAt = i;
        }
      }
      if (held == 0) {
        heldout[minAt] = true;
      } else if (held == n) {
        heldout[maxAt] = false;
      }
    }
    List<Integer> tr = new ArrayList<>();
    List<Integer> ho = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!split || !heldout[i]) {
        tr.add(i);
      }
      if (!split || heldout[i]) {
        ho.add(i);
      }
    }
    train = tr.stream().mapToInt(Integer::intValue).toArray();
    held = ho.stream().mapToInt(Integer::intValue).toArray();
    all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
  }

  /** Indices of the values usable under {@code mode}. */
  int[] eligible(FormSplit mode) {
    return switch (mode) {
      case TRAIN -> train;
      case HELDOUT -> held;
      case ALL -> all;
    };
  }

  Template value(int i) {
    return values.get(i);
  }

  public String name() {
    return name;
  }

  public int size() {
    return values.size();
  }

  public String source(int i) {
    return sources.get(i);
  }

  /** True when value {@code i} belongs to the held-out side (false for every value of an unsplit slot). */
  public boolean isHeldout(int i) {
    return heldout[i];
  }

  /** True when this slot's values are divided between training and held-out. */
  public boolean isSplit() {
    return !shared && values.size() >= SPLIT_MIN_VALUES;
  }

  List<Template> values() {
    return values;
  }
}
