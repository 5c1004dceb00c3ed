package io.qinglang.detect;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Text fingerprints for near-duplicate detection: normalisation, character shingles, MinHash
 * signatures and LSH band hashes, and exact Jaccard similarity of shingle sets.
 *
 * <p>Normalisation removes what differs between copies of the same text without changing what it
 * says: links, @mentions, [emoji] codes, repost markers and platform boilerplate (转发微博, 展开全文),
 * then everything but letters, digits and Chinese characters; full-width forms are folded and Latin
 * is lower-cased. Shingles are the hashed character k-grams of the result.
 *
 * <p>MinHash uses {@code bands * rows} multiply-shift hash functions drawn from {@code seed}; band
 * {@code i} hashes rows {@code i*r .. i*r+r-1} of the signature into one 64-bit value, so two texts
 * share a band hash with probability about J^r and become candidates with probability
 * 1 - (1 - J^r)^b. Instances are immutable and thread-safe.
 */
public final class CampaignText implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[\\x21-\\x7e]+");
  private static final Pattern MENTION = Pattern.compile("//?@[^\\s:：,，]{1,30}[:：]?|@[^\\s:：,，]{1,30}");
  private static final Pattern EMOJI = Pattern.compile("\\[[^\\[\\]\\s]{1,8}\\]");

  private final int shingleSize;
  private final int bands;
  private final int rows;
  private final long[] mulA;
  private final long[] addB;
  private final List<String> boilerplate;

  public CampaignText(int shingleSize, int bands, int rows, long seed, List<String> boilerplate) {
    this.shingleSize = shingleSize;
    this.bands = bands;
    this.rows = rows;
    int n = bands * rows;
    this.mulA = new long[n];
    this.addB = new long[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      mulA[i] = random.nextLong() | 1L;
      addB[i] = random.nextLong();
    }
    this.boilerplate = boilerplate.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  /** The comparable form of a post's title and content. */
  public String normalize(String title, String content) {
    String text = (title == null || title.isEmpty() ? "" : title + " ") + (content == null ? "" : content);
    String t = PersonalDataPatterns.fold(text).toLowerCase(Locale.ROOT);
    t = URL.matcher(t).replaceAll(" ");
    t = MENTION.matcher(t).replaceAll(" ");
    t = EMOJI.matcher(t).replaceAll(" ");
    for (String b : boilerplate) {
      if (t.contains(b)) {
        t = t.replace(b, " ");
      }
    }
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Sorted distinct hashes of the character k-grams (the whole text when shorter than k). */
  public int[] shingles(String normalized) {
    int k = shingleSize;
    int n = normalized.length();
    if (n == 0) {
      return new int[0];
    }
    int count = Math.max(1, n - k + 1);
    int[] h = new int[count];
    for (int i = 0; i < count; i++) {
      int x = 0x2545F491;
      int end = Math.min(n, i + k);
      for (int j = i; j < end; j++) {
        x = x * 31 + normalized.charAt(j);
      }
      h[i] = fmix32(x);
    }
    Arrays.sort(h);
    int distinct = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[distinct++] = h[i];
      }
    }
    return Arrays.copyOf(h, distinct);
  }

  /** The band hashes of the MinHash signature of a shingle set (non-empty). */
  public long[] bandHashes(int[] shingles) {
    int n = mulA.length;
    long[] min = new long[n];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int s : shingles) {
      long x = s & 0xFFFFFFFFL;
      for (int i = 0; i < n; i++) {
        long v = (mulA[i] * x + addB[i]) >>> 32;
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    long[] out = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < rows; r++) {
        h = fmix64(h ^ (min[b * rows + r] + 0x632BE59BD9B4E019L * (r + 1)));
      }
      out[b] = h;
    }
    return out;
  }

  /** Exact Jaccard similarity of two sorted distinct hash sets. */
  public static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int inter = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        inter++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) inter / (a.length + b.length - inter);
  }

  /** Probability that a pair at Jaccard {@code j} becomes a candidate: 1 - (1 - j^r)^b. */
  public double candidateProbability(double j) {
    return 1 - Math.pow(1 - Math.pow(j, rows), bands);
  }

  static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
