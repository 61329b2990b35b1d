package dev.mint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wiping of the buffers mint allocates for secrets, and a tiny seam that lets tests prove it.
 *
 * <p>Every array mint allocates to hold the phrase or anything computed from it (lowercased and
 * hardened characters, the hardened bytes, the engine's key copy, the derived bytes, the
 * password) passes through {@link #allocated} as it is made. Normally that does nothing but read
 * a thread-local. While a test runs code under {@link #watch}, the arrays made on its thread are
 * recorded, so the test can check that each one is all zeros afterwards, except those handed to
 * the caller (SecretWipingTest; control C3 in docs/THREAT_MODEL.md). The seam is only as complete
 * as its calls: a new secret buffer must be wrapped in {@code Secrets.allocated(...)}.
 */
final class Secrets {
  private static final ThreadLocal<List<Object>> WATCHED = new ThreadLocal<>();

  private Secrets() {}

  /** Marks {@code buffer} as a secret buffer mint just allocated; returns it unchanged. */
  static <T> T allocated(T buffer) {
    List<Object> watched = WATCHED.get();
    if (watched != null && buffer != null) {
      watched.add(buffer);
    }
    return buffer;
  }

  /**
   * For tests: runs {@code action} and hands the buffers it allocated on this thread to {@code
   * sink}, even when it throws.
   */
  static <T> T watch(Supplier<T> action, List<Object> sink) {
    List<Object> outer = WATCHED.get();
    List<Object> mine = new ArrayList<>();
    WATCHED.set(mine);
    try {
      return action.get();
    } finally {
      sink.addAll(mine);
      WATCHED.set(outer);
    }
  }

  static void wipe(char[]... buffers) {
    for (char[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, '\0');
      }
    }
  }

  static void wipe(byte[]... buffers) {
    for (byte[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, (byte) 0);
      }
    }
  }
}
