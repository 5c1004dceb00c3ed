package io.qinglang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JvmCacheTest {
  @Test
  void aBuilderMayFetchAnotherEntryEvenOneWhoseKeyHashesAlike() {
    // "Aa" and "BB" have the same String hash code, so the two keys land in one hash bin. A registry
    // matcher is built this way: its builder fetches the dodge matcher from the same cache.
    assertEquals("Aa:jvmcache-test".hashCode(), "BB:jvmcache-test".hashCode());
    String outer = JvmCache.get("Aa", "jvmcache-test",
        () -> "outer around " + JvmCache.get("BB", "jvmcache-test", () -> "inner"));
    assertEquals("outer around inner", outer);
    assertEquals("inner", JvmCache.get("BB", "jvmcache-test", () -> "built again"));
  }

  @Test
  void eachKeyIsBuiltOnceAndShared() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    Object[] seen = new Object[8];
    Thread[] threads = new Thread[seen.length];
    for (int i = 0; i < threads.length; i++) {
      int slot = i;
      threads[i] = new Thread(() -> seen[slot] = JvmCache.get("once", "jvmcache-test", () -> {
        builds.incrementAndGet();
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new Object();
      }));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, builds.get());
    for (Object o : seen) {
      assertSame(seen[0], o);
    }
  }
}
