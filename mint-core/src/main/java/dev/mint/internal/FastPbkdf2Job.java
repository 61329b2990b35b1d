package dev.mint.internal;

import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The blocks of one derivation shared between the caller and up to {@code helpers} pool threads:
 * whoever is free takes the next block number, so no block waits for a thread that never came.
 */
final class FastPbkdf2Job implements Runnable {
  private final byte[] ipad;
  private final byte[] opad;
  private final byte[] salt;
  private final int iterations;
  private final byte[] out;
  private final int blocks;
  private final Supplier<MessageDigest> digests;
  private final boolean direct;
  private final AtomicInteger next = new AtomicInteger(1);
  private final CountDownLatch done;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  FastPbkdf2Job(
      byte[] ipad,
      byte[] opad,
      byte[] salt,
      int iterations,
      byte[] out,
      int blocks,
      Supplier<MessageDigest> digests,
      boolean direct) {
    this.ipad = ipad;
    this.opad = opad;
    this.salt = salt;
    this.iterations = iterations;
    this.out = out;
    this.blocks = blocks;
    this.digests = digests;
    this.direct = direct;
    this.done = new CountDownLatch(blocks);
  }

  void run(int helpers) {
    for (int h = 0; h < helpers; h++) {
      // a refused hand-off is dropped: the caller's run() below covers its blocks
      FastPbkdf2Pool.EXECUTOR.execute(this);
    }
    run();
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the helpers write into out: never return before they are done
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t != null) {
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      throw new IllegalStateException(t);
    }
  }

  @Override
  public void run() {
    // set up with the first block taken: a helper that came too late takes none
    FastPbkdf2Chain chain = null;
    try {
      for (int b = next.getAndIncrement(); b <= blocks; b = next.getAndIncrement()) {
        try {
          if (chain == null) {
            chain = new FastPbkdf2Chain(ipad, opad, salt, digests, direct);
          }
          chain.run(b, iterations, out);
        } finally {
          done.countDown(); // the block taken is counted even when its chain failed to start
        }
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      // release the caller: count down every block nobody will compute now
      for (int b = next.getAndSet(blocks + 1); b <= blocks; b++) {
        done.countDown();
      }
    } finally {
      if (chain != null) {
        chain.wipe();
      }
    }
  }
}
