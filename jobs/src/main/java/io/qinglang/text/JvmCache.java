package io.qinglang.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-JVM holder for objects that are expensive to build and must never be serialized (HanLP
 * segmenters, Aho-Corasick tries). Each is built once per JVM per fingerprint of the entries it is
 * built from; tasks on executors rebuild it from the entries their stage carries, never from a
 * captured object. Building happens at most once per key, under one reentrant lock and outside the
 * map: a builder may fetch other entries (a registry matcher needs the dodge matcher), which
 * ConcurrentHashMap.computeIfAbsent forbids when the two keys share a hash bin. Builds are rare (once
 * per JVM per key), so they need not run in parallel; reads of built entries take no lock. The built
 * objects are read-only afterwards, so concurrent tasks share them safely.
 */
public final class JvmCache {
  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_ENTRIES = 64;

  private JvmCache() {}

  @SuppressWarnings("unchecked")
  public static <T> T get(String kind, String fingerprint, Supplier<T> builder) {
    String key = kind + ":" + fingerprint;
    Object value = CACHE.get(key);
    if (value != null) {
      return (T) value;
    }
    synchronized (CACHE) {
      value = CACHE.get(key);
      if (value == null) {
        if (CACHE.size() >= MAX_ENTRIES) {
          // Many registries or lexicons in one JVM (a long test run): start over rather than grow.
          CACHE.clear();
        }
        value = builder.get();
        CACHE.put(key, value);
      }
    }
    return (T) value;
  }

  /** SHA-256 (hex, first 16 bytes) of the entries in order, separated by newlines. */
  public static String fingerprint(List<String> entries) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String e : entries) {
        md.update(e.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String fingerprint(String[] entries) {
    return fingerprint(List.of(entries));
  }
}
