package io.qinglang.ml;

/**
 * Gram -> vocabulary position, read-only after construction, looked up by a 64-bit hash of the
 * gram's chars and confirmed char by char.
 *
 * <p>Why not a {@code HashMap<String, Integer>}: {@code String.hashCode} collides heavily on short
 * CJK grams (two chars c1 c2 and c1+1, c2-31 hash alike), so HashMap's bins turned into trees and
 * their lookups took a sixth of scoring's time. The hash here can also be extended one char at a
 * time, so a text's character grams are looked up as ranges of the text, without a substring each.
 */
final class GramIndex {
  /** The hash of no chars; extend it with {@link #extend}. */
  static final long EMPTY = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private final String[] keys;
  private final long[] hashes;
  private final int[] positions;
  private final int mask;

  /** Indexes {@code grams}; a gram listed twice keeps its later position. */
  GramIndex(String[] grams) {
    int capacity = Integer.highestOneBit(Math.max(2, grams.length) * 2) * 2; // at most a quarter full
    keys = new String[capacity];
    hashes = new long[capacity];
    positions = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < grams.length; i++) {
      put(grams[i], i);
    }
  }

  /** FNV-1a over UTF-16 units: the hash of a gram followed by {@code c}. */
  static long extend(long hash, char c) {
    return (hash ^ c) * PRIME;
  }

  static long hash(String s) {
    long h = EMPTY;
    for (int i = 0; i < s.length(); i++) {
      h = extend(h, s.charAt(i));
    }
    return h;
  }

  /** The position of {@code gram}, or -1. */
  int get(String gram) {
    return get(gram, 0, gram.length(), hash(gram));
  }

  /** The position of {@code text[from, to)} whose hash is {@code hash}, or -1. */
  int get(String text, int from, int to, long hash) {
    int len = to - from;
    for (int slot = slot(hash); keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && keys[slot].length() == len && keys[slot].regionMatches(0, text, from, len)) {
        return positions[slot];
      }
    }
    return -1;
  }

  private void put(String gram, int position) {
    long h = hash(gram);
    int slot = slot(h);
    while (keys[slot] != null && !(hashes[slot] == h && keys[slot].equals(gram))) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = gram;
    hashes[slot] = h;
    positions[slot] = position;
  }

  /** Spreads FNV's weak low bits (murmur3's finalizer) before taking a slot. */
  private int slot(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }
}
