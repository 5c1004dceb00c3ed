package io.qinglang.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who owns an enterprise; state-owned and private enterprises are both protected by the campaign. */
public enum Ownership {
  STATE_OWNED, PRIVATE, FOREIGN, MIXED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Ownership parse(String value) {
    for (Ownership o : values()) {
      if (o.id().equals(value.trim())) {
        return o;
      }
    }
    throw new IllegalArgumentException("ownership '" + value + "' is not one of "
        + Arrays.stream(values()).map(Ownership::id).collect(Collectors.joining(", ")));
  }
}
