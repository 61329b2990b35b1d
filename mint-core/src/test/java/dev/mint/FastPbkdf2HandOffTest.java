package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
                return sha256();
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

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
