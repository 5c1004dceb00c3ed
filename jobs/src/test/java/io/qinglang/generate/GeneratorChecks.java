package io.qinglang.generate;

import java.util.HashSet;
import java.util.Set;

/** Helpers shared by the generator's tests and tools. */
final class GeneratorChecks {
  private GeneratorChecks() {}

  /** The distinct n-grams of consecutive CJK ideographs in {@code text} (each counted once per text). */
  static Set<String> cjkGrams(String text, int n) {
    Set<String> out = new HashSet<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        run.append(c);
      } else {
        for (int k = 0; k + n <= run.length(); k++) {
          out.add(run.substring(k, k + n));
        }
        run.setLength(0);
      }
    }
    return out;
  }
}
