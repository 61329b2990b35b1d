package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MintKey}: the page's passwords from a phrase hardened once, on many threads at a time, and
 * a {@code close()} that waits for the derivations under way and refuses every later one. Real
 * threads and the real engines; nothing is timed, every wait is on a latch, a barrier or a thread
 * state.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MintKeyTest {
  private static final char[] PHRASE = "correct horse battery staple".toCharArray();

  @Test
  void aKeyGivesThePagesPasswordsForManySites() {
    try (MintKey key = MintKey.of(PHRASE)) {
      for (String site : List.of("github.com", "example.org", "mail.google.com")) {
        MintRequest request = MintRequest.builder(site).build();
        try (Password expected = Mint.derive(request, PHRASE);
            Password actual = key.derive(request)) {
          assertArrayEquals(expected.toCharArray(), actual.toCharArray(), site);
        }
      }
    }
  }

  @Test
  void theCallersPhraseIsNotModifiedAndMayBeWipedAtOnce() {
    char[] phrase = PHRASE.clone();
    MintRequest request = MintRequest.builder("github.com").build();
    try (MintKey key = MintKey.of(phrase, Pbkdf2Engine.fastSequential())) {
      assertArrayEquals(PHRASE, phrase);
      java.util.Arrays.fill(phrase, '\0');
      try (Password expected = Mint.derive(request, PHRASE);
          Password actual = key.derive(request)) {
        assertArrayEquals(expected.toCharArray(), actual.toCharArray());
      }
    }
  }

  @Test
  void refusalsNameTheFieldAndNeverTheKey() {
    assertEquals(
        "phrase", assertThrows(InvalidInputException.class, () -> MintKey.of(null)).field());
    assertEquals(
        "phrase",
        assertThrows(InvalidInputException.class, () -> MintKey.of(" \u3000 ".toCharArray()))
            .field());
    assertEquals(
        "engine",
        assertThrows(InvalidInputException.class, () -> MintKey.of(PHRASE, null)).field());
    try (MintKey key = MintKey.of(PHRASE)) {
      assertEquals(
          "request", assertThrows(InvalidInputException.class, () -> key.derive(null)).field());
      assertEquals("MintKey[open]", key.toString());
      assertFalse(key.isClosed());
    }
  }

  @Test
  void closeIsIdempotentAndEveryLaterDeriveIsRefused() {
    MintKey key = MintKey.of(PHRASE);
    key.close();
    key.close();
    assertTrue(key.isClosed());
    assertEquals("MintKey[closed]", key.toString());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> key.derive(MintRequest.builder("github.com").build()));
    assertEquals("the key was closed", e.getMessage());
    // a bad request after close is still the request's fault first
    assertThrows(InvalidInputException.class, () -> key.derive(null));
  }

  @Test
  void manyThreadsDeriveThroughOneKeyAtTheSameTime() throws Exception {
    int threads = 8;
    List<MintRequest> requests = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      requests.add(MintRequest.builder("site" + (i % 4) + ".example").version(1 + i / 4).build());
    }
    List<String> expected = new ArrayList<>();
    for (MintRequest request : requests) {
      try (Password password = Mint.derive(request, PHRASE, Pbkdf2Engine.fastSequential())) {
        expected.add(new String(password.toCharArray()));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    try (MintKey key = MintKey.of(PHRASE, Pbkdf2Engine.fast())) {
      List<Future<String>> results = new ArrayList<>();
      for (MintRequest request : requests) {
        results.add(
            pool.submit(
                () -> {
                  start.await(); // all threads derive at once
                  try (Password password = key.derive(request)) {
                    return new String(password.toCharArray());
                  }
                }));
      }
      for (int i = 0; i < threads; i++) {
        assertEquals(expected.get(i), results.get(i).get(), requests.get(i).toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeWaitsForTheDerivationUnderWayAndRefusesTheNext() throws Exception {
    Gate gate = new Gate(Pbkdf2Engine.fastSequential());
    MintRequest request = MintRequest.builder("github.com").build();
    MintKey key = MintKey.of(PHRASE, gate);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> deriving =
          pool.submit(
              () -> {
                try (Password password = key.derive(request)) {
                  return new String(password.toCharArray());
                }
              });
      assertTrue(gate.entered.await(60, TimeUnit.SECONDS), "the derivation never started");

      Thread closer = new Thread(key::close, "closer");
      closer.start();
      // the closer parks on the write lock while the derivation holds the read lock
      while (closer.getState() != Thread.State.WAITING) {
        assertTrue(closer.isAlive(), "close() returned while a derivation was under way");
        Thread.onSpinWait();
      }
      // (isClosed() would queue behind the waiting close(): look at the engine's key instead)
      assertFalse(isZero(gate.lastKey), "the key was wiped under a running derivation");
      // a derivation that starts now is refused as soon as close() has run: it queues behind it
      Future<Throwable> late =
          pool.submit(
              () -> {
                try {
                  key.derive(request).close();
                  return null;
                } catch (IllegalStateException e) {
                  return e;
                }
              });

      gate.release.countDown();
      try (Password expected = Mint.derive(request, PHRASE)) {
        assertEquals(new String(expected.toCharArray()), deriving.get());
      }
      closer.join();
      assertTrue(gate.keyWasIntactAtTheEnd, "the hardened bytes changed during the derivation");
      assertTrue(gate.lastKey != null && isZero(gate.lastKey), "close() did not wipe the key");
      assertTrue(late.get() instanceof IllegalStateException, "a derive after close() ran");
    } finally {
      gate.release.countDown();
      pool.shutdownNow();
    }
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** A real engine that, on its first call, waits to be released once it has derived. */
  private static final class Gate implements Pbkdf2Engine {
    private final Pbkdf2Engine engine;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile byte[] lastKey;
    volatile boolean keyWasIntactAtTheEnd;

    Gate(Pbkdf2Engine engine) {
      this.engine = engine;
    }

    @Override
    public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
      byte[] before = password.clone();
      lastKey = password;
      engine.derive(password, salt, iterations, out);
      if (entered.getCount() > 0) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      keyWasIntactAtTheEnd = java.util.Arrays.equals(before, password);
      java.util.Arrays.fill(before, (byte) 0);
    }

    @Override
    public String name() {
      return "gate";
    }
  }
}
