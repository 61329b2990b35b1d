package dev.mint.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared helper threads: daemon, created on first use, gone after a minute idle, at most one
 * per core beyond the caller's. When all are busy a hand-off is refused and dropped, and the caller
 * runs that block itself.
 */
final class FastPbkdf2Pool {
  static final Executor EXECUTOR = create();

  private static Executor create() {
    int max = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            max,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread thread = new Thread(r, "mint-pbkdf2-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());
    return executor;
  }
}
