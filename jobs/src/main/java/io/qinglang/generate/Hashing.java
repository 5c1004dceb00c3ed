package io.qinglang.generate;

import java.nio.charset.StandardCharsets;

/** Stable hashes: the same inputs give the same numbers on every machine and JVM. */
public final class Hashing {
  private Hashing() {}

  /** FNV-1a, 64 bits, over the UTF-8 bytes. */
  public static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: a well-mixed 64-bit value. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A seed for item {@code index} of stream {@code stream} under the run seed. */
  public static long seed(long runSeed, long stream, long index) {
    return mix(mix(runSeed ^ 0x9e3779b97f4a7c15L * (stream + 1)) + index * 0xd1b54a32d192ed03L);
  }

  /** A uniform double in [0, 1) from a 64-bit value. */
  public static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }
}
