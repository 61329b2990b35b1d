package dev.mint.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Not part of mint's API: a seam that lets tests prove that secret buffers are wiped, shared by
 * mint-core and mint-cli (control C3 in docs/THREAT_MODEL.md).
 *
 * <p>Every array mint allocates to hold the phrase or anything computed from it passes through
 * {@link #allocated} as it is made. Normally that does nothing but read a thread-local. While a
 * test runs code under {@link #watch}, the arrays made on its thread are recorded, so the test can
 * check that each one is all zeros afterwards, except those handed to the caller. The seam is only
 * as complete as its calls: a new secret buffer must be wrapped in {@code allocated}.
 *
 * <p>The {@code dev.mint} module does not export this package: a modular application cannot reach
 * it (mint-core's {@code src/it/internal-not-exported} checks that). mint-cli, on the class path,
 * can.
 */
public final class SecretSeam {
  private static final ThreadLocal<List<Object>> WATCHED = new ThreadLocal<>();

  private SecretSeam() {}

  /** Marks {@code buffer} as a secret buffer just allocated; returns it unchanged. */
  public static <T> T allocated(T buffer) {
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
  public static <T> T watch(Supplier<T> action, List<Object> sink) {
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
}
