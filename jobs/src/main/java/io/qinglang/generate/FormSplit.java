package io.qinglang.generate;

import java.util.Locale;

/**
 * Which generator forms and slot values a run may use. Every form has a fixed assignment (its
 * {@code split=heldout} attribute) and every value of a large slot a fixed hash-based one: the
 * training corpus uses {@link #TRAIN}, evaluation of generalisation uses {@link #HELDOUT}.
 */
public enum FormSplit {
  TRAIN, HELDOUT, ALL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FormSplit parse(String value) {
    for (FormSplit f : values()) {
      if (f.id().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("forms '" + value + "' is not one of train, heldout, all");
  }
}
