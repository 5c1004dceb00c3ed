package io.qinglang.ml;

import java.util.Set;
import scala.Function1;

/** Param validators written in Java (Spark's ParamValidators are awkward to call with Java generics). */
final class Validators {
  private Validators() {}

  static Function1<String, Object> nonEmpty() {
    return s -> s != null && !s.isBlank();
  }

  static Function1<String, Object> oneOf(Set<String> allowed) {
    return s -> s != null && allowed.contains(s);
  }

  static Function1<Object, Object> intBetween(int min, int max) {
    return v -> ((Integer) v) >= min && ((Integer) v) <= max;
  }

  static Function1<Object, Object> doubleBetween(double min, double max) {
    return v -> ((Double) v) >= min && ((Double) v) <= max;
  }

  static Function1<Object, Object> positive() {
    return v -> ((Double) v) > 0;
  }

  /** Every entry has exactly {@code fields} tab-separated, non-empty fields. */
  static Function1<String[], Object> tabEntries(int fields) {
    return entries -> {
      for (String e : entries) {
        String[] parts = e.split("\t", -1);
        if (parts.length != fields) {
          return false;
        }
        for (String p : parts) {
          if (p.isEmpty()) {
            return false;
          }
        }
      }
      return true;
    };
  }

  /** Cue entries: "category TAB term" with a category 0..10. */
  static Function1<String[], Object> cueEntries() {
    return entries -> {
      for (String e : entries) {
        String[] parts = e.split("\t", -1);
        if (parts.length != 2 || parts[1].isEmpty()) {
          return false;
        }
        try {
          int c = Integer.parseInt(parts[0]);
          if (c < 0 || c > 10) {
            return false;
          }
        } catch (NumberFormatException ex) {
          return false;
        }
      }
      return true;
    };
  }

  static Function1<String[], Object> noBlanks() {
    return entries -> {
      for (String e : entries) {
        if (e == null || e.isBlank()) {
          return false;
        }
      }
      return true;
    };
  }

  static Function1<double[], Object> probabilities(int size) {
    return values -> {
      if (values.length != size) {
        return false;
      }
      for (double v : values) {
        if (!(v >= 0 && v <= 1)) {
          return false;
        }
      }
      return true;
    };
  }
}
