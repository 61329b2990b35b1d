package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The parallel engine really runs its second block on a pool thread: the result alone cannot show
 * it (the caller runs whatever block no helper took), so a regression to one thread would only
 * double the time of every derivation. Isolated, so that no other test's derivation holds the pool
 * (a busy pool refuses the hand-off, by design). Found by the mutation run (docs/TESTING.md).
 */
@Isolated("counts on a free helper thread in the engine's shared pool")
class FastPbkdf2HandOffTest {

  @Test
  void theParallelEngineHandsTheSecondBlockToAPoolThread() {
    assumeTrue(
        Runtime.getRuntime().availableProcessors() >= 2, "one core: the engine has no helpers");
    byte[] password = "p".getBytes(StandardCharsets.US_ASCII);
    byte[] salt = "s".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = new byte[64];
    BouncyCastlePbkdf2.INSTANCE.derive(password, salt, 2, expected);
    // a helper that comes late finds no block left; the caller's digests wait a little for one,
    // and a few tries cover a pool thread still finishing someone else's hand-off
    for (int attempt = 0; attempt < 10; attempt++) {
      Thread caller = Thread.currentThread();
      CountDownLatch helperCame = new CountDownLatch(1);
      Set<String> helpers = ConcurrentHashMap.newKeySet();
      FastPbkdf2 engine =
          new FastPbkdf2(
              true,
              () -> {
                if (Thread.currentThread() == caller) {
                  awaitQuietly(helperCame);
                } else {
                  helpers.add(Thread.currentThread().getName());
                  helperCame.countDown();
                }
                return ForwardingSha256.jdkSha256();
              });
      byte[] out = new byte[64];
      engine.derive(password, salt, 2, out);
      assertArrayEquals(expected, out);
      if (!helpers.isEmpty()) {
        for (String name : helpers) {
          assertTrue(name.startsWith("mint-pbkdf2-"), name);
        }
        return;
      }
    }
    fail("no pool thread took the second block in 10 derivations");
  }

  /**
   * When one thread fails, the blocks nobody has taken are given up: a helper still computing its
   * block takes no other once it is done (it would write into the caller's array after the caller
   * has left with the failure). The caller's digests fail once a helper holds the second block; the
   * helper's digests count the clones it makes, two per iteration of each block it computes.
   */
  @Test
  void afterAFailureNoThreadTakesAnotherBlock() {
    assumeTrue(
        Runtime.getRuntime().availableProcessors() >= 2, "one core: the engine has no helpers");
    int iterations = 3;
    for (int attempt = 0; attempt < 10; attempt++) {
      Thread caller = Thread.currentThread();
      CountDownLatch helperCame = new CountDownLatch(1);
      AtomicInteger helperClones = new AtomicInteger();
      CountDownLatch helperWiped = new CountDownLatch(2); // its chain's two pad states reset
      IllegalStateException failure = new IllegalStateException("the caller's digest fails");
      FastPbkdf2 engine =
          new FastPbkdf2(
              true,
              () -> {
                if (Thread.currentThread() == caller) {
                  if (!awaitQuietly(helperCame)) {
                    return ForwardingSha256
                        .jdkSha256(); // no helper this time: an ordinary derivation
                  }
                  throw failure;
                }
                helperCame.countDown();
                // let the caller fail and wait for the blocks before this block starts
                awaitWaiting(caller);
                return new CountingSha256(helperClones, helperWiped);
              });
      Throwable thrown = null;
      try {
        engine.derive(
            "p".getBytes(StandardCharsets.US_ASCII), new byte[] {1}, iterations, new byte[64]);
      } catch (IllegalStateException e) {
        thrown = e;
      }
      if (thrown != null) {
        assertSame(failure, thrown);
        assertTrue(awaitQuietly(helperWiped, 10_000), "the helper did not finish");
        assertEquals(2 * iterations, helperClones.get(), "the helper computed more than one block");
        return;
      }
    }
    fail("no pool thread took the second block in 10 derivations");
  }

  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    return awaitQuietly(latch, 200);
  }

  /** The JDK's SHA-256, counting its clones and the resets of the instance itself. */
  private static final class CountingSha256 extends ForwardingSha256 implements Cloneable {
    private final AtomicInteger clones;
    private final CountDownLatch resets;

    CountingSha256(AtomicInteger clones, CountDownLatch resets) {
      this(clones, resets, jdkSha256());
    }

    private CountingSha256(AtomicInteger clones, CountDownLatch resets, MessageDigest real) {
      super(real);
      this.clones = clones;
      this.resets = resets;
    }

    @Override
    protected void engineReset() {
      super.engineReset();
      if (resets != null) {
        resets.countDown();
      }
    }

    @Override
    protected int engineGetDigestLength() {
      return 32;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
      clones.incrementAndGet();
      return new CountingSha256(clones, null, (MessageDigest) real.clone()); // resets not counted
    }
  }
}
