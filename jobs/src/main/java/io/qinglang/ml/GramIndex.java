package io.qinglang.ml;

/**
 * Gram -> vocabulary position, read-only after construction, looked up by a 64-bit hash of the
 * gram's chars and confirmed char by char.
 *
 * <p>Why not a {@code HashMap<String, Integer>}: {@code String.hashCode} collides heavily on short
 * CJK grams (two chars c1 c2 and c1+1, c2-31 hash alike), so HashMap's bins turned into trees and
 * their lookups took a sixth of scoring's time. The hash here can also be extended one char at a
 * time, so a text's character grams are looked up as ranges of the text, without a substring each.
 *
 * <p>Layout: a slot is two adjacent longs (the hash; the position and where the gram's chars start in
 * one shared char array), so a probe reads one cache line, and confirming a hit one more. A lookup
 * is most of the character n-grams' cost, and scoring makes hundreds per post.
 */
final class GramIndex {
  /** The hash of no chars; extend it with {@link #extend}. */
  static final long EMPTY = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  /** The second long of a free slot (no gram has position -1). */
  private static final long FREE = -1L;

  /** Per slot: [2s] the hash, [2s + 1] the gram's offset in {@link #chars} (high 32 bits) and position (low). */
  private final long[] slots;
  /** Every gram as its length (two chars, high half first) followed by its chars. */
  private final char[] chars;
  private final int mask;

  /** Indexes {@code grams}; a gram listed twice keeps its later position. */
  GramIndex(String[] grams) {
    int capacity = Integer.highestOneBit(Math.max(2, grams.length) * 2) * 2; // at most a quarter full
    slots = new long[2 * capacity];
    for (int s = 1; s < slots.length; s += 2) {
      slots[s] = FREE;
    }
    long total = 0;
    for (String g : grams) {
      total += g.length() + 2L;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("vocabulary too large to index: " + total + " chars");
    }
    chars = new char[(int) total];
    mask = capacity - 1;
    int offset = 0;
    for (int i = 0; i < grams.length; i++) {
      offset = put(grams[i], i, offset);
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
    for (int s = slot(hash); ; s = (s + 1) & mask) {
      long entry = slots[2 * s + 1];
      if (entry == FREE) {
        return -1;
      }
      if (slots[2 * s] == hash && sameChars((int) (entry >>> 32), text, from, to)) {
        return (int) entry;
      }
    }
  }

  private boolean sameChars(int offset, String text, int from, int to) {
    int len = (chars[offset] << 16) | chars[offset + 1];
    if (len != to - from) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (chars[offset + 2 + k] != text.charAt(from + k)) {
        return false;
      }
    }
    return true;
  }

  /** Puts {@code gram} at {@code position}, its chars at {@code offset}; returns the next free offset. */
  private int put(String gram, int position, int offset) {
    long h = hash(gram);
    int s = slot(h);
    while (slots[2 * s + 1] != FREE) {
      if (slots[2 * s] == h && sameChars((int) (slots[2 * s + 1] >>> 32), gram, 0, gram.length())) {
        // Listed again: the later position wins, the chars already stored serve.
        slots[2 * s + 1] = (slots[2 * s + 1] & 0xFFFFFFFF00000000L) | position;
        return offset;
      }
      s = (s + 1) & mask;
    }
    chars[offset] = (char) (gram.length() >>> 16);
    chars[offset + 1] = (char) gram.length();
    gram.getChars(0, gram.length(), chars, offset + 2);
    slots[2 * s] = h;
    slots[2 * s + 1] = ((long) offset << 32) | position;
    return offset + gram.length() + 2;
  }

  /** Spreads FNV's weak low bits (murmur3's finalizer) before taking a slot. */
  private int slot(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }
}
