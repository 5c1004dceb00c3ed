package io.qinglang.ml;

/**
 * Looks up n-grams in a vocabulary: open addressing on a 64-bit hash of the characters, and a
 * lookup over a range of a text without cutting a substring out of it. Java's {@code String.hashCode}
 * collides on short CJK strings ({@code c0 * 31 + c1} is the same for many pairs), which turned a
 * {@code HashMap}'s buckets into trees walked by string comparison on every lookup. Read-only after
 * construction, so tasks in one JVM share it.
 */
final class GramIndex {
  private final String[] vocabulary;
  private final long[] hashes;
  /** Vocabulary index + 1 per slot; 0 is an empty slot. */
  private final int[] slots;
  private final int mask;

  GramIndex(String[] vocabulary) {
    this.vocabulary = vocabulary.clone();
    int capacity = Integer.highestOneBit(Math.max(4, vocabulary.length * 2 - 1)) << 1;
    this.hashes = new long[capacity];
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < vocabulary.length; i++) {
      String g = vocabulary[i];
      long h = hash(g, 0, g.length());
      int slot = (int) h & mask;
      // A saved vocabulary can list a gram twice (character grams that split a surrogate pair are
      // both written as '?'): the later position wins, as it did with a HashMap.
      while (slots[slot] != 0 && !(hashes[slot] == h && vocabulary[slots[slot] - 1].equals(g))) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = h;
      slots[slot] = i + 1;
    }
  }

  /** The gram's position in the vocabulary, or -1. */
  int indexOf(String gram) {
    return indexOf(gram, 0, gram.length());
  }

  /** The position of {@code text[from, to)} in the vocabulary, or -1. */
  int indexOf(CharSequence text, int from, int to) {
    long h = hash(text, from, to);
    int slot = (int) h & mask;
    int length = to - from;
    while (slots[slot] != 0) {
      if (hashes[slot] == h) {
        String g = vocabulary[slots[slot] - 1];
        if (g.length() == length && sameChars(g, text, from)) {
          return slots[slot] - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static boolean sameChars(String g, CharSequence text, int from) {
    for (int i = 0; i < g.length(); i++) {
      if (g.charAt(i) != text.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  /** FNV-1a over the UTF-16 units, then a finalising mix so that the low bits spread. */
  static long hash(CharSequence text, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
