package dev.mint.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A tiny seam that lets tests prove the CLI wipes its own copies of the phrase and the password
 * (control C3 for the CLI, docs/THREAT_MODEL.md), built like mint-core's {@code Secrets}.
 *
 * <p>Every array the CLI allocates for the phrase or the password passes through {@link
 * #allocated} as it is made. Normally that only reads a thread-local. While a test runs the CLI
 * under {@link #watch}, the arrays made on its thread are recorded, and the test checks that each
 * is all zeros once the command is over. A new secret buffer must be wrapped here too.
 */
final class SecretBuffers {
  private static final ThreadLocal<List<Object>> WATCHED = new ThreadLocal<>();

  private SecretBuffers() {}

  /** Marks {@code buffer} as a secret buffer the CLI just allocated; returns it unchanged. */
  static <T> T allocated(T buffer) {
    List<Object> watched = WATCHED.get();
    if (watched != null && buffer != null) {
      watched.add(buffer);
    }
    return buffer;
  }

  /** For tests: runs {@code action}, handing the buffers it marked on this thread to {@code sink}. */
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
}
