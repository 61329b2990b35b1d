package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fast engines do when a block cannot be computed, and when the caller is interrupted: the
 * failure reaches the caller as it was thrown (an unchecked one as it is, anything else wrapped),
 * the caller never waits for a block nobody will compute, and an interrupt is kept, not swallowed.
 * With the JDK's SHA-256 nothing here fails short of running out of memory, so the digests are made
 * to fail on purpose. Found by the mutation run (docs/TESTING.md): none of these paths was run by
 * any test, and a digest that failed where a block's chain is set up left the caller waiting for
 * ever.
 */
class FastPbkdf2FailureTest {
  private static final byte[] PASSWORD = "p".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SALT = "s".getBytes(StandardCharsets.US_ASCII);

  /** An unchecked exception is rethrown as it is, by either engine, for one block or several. */
  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {false, true})
  void aRuntimeExceptionFromTheDigestReachesTheCaller(boolean parallel) {
    IllegalStateException failure = new IllegalStateException("no digest today");
    for (int length : new int[] {32, 64, 200}) {
      Throwable thrown = derive(parallel, length, () -> throwIt(failure));
      assertSame(failure, thrown, "output of " + length + " bytes");
    }
  }

  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {false, true})
  void anErrorFromTheDigestReachesTheCallerAsItIs(boolean parallel) {
    Error failure = new OutOfMemoryError("pretend");
    assertSame(failure, derive(parallel, 64, () -> throwIt(failure)));
  }

  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {false, true})
  void aCheckedExceptionThrownAnywayIsWrapped(boolean parallel) {
    Exception failure = new java.io.IOException("thrown without being declared");
    Throwable thrown =
        derive(parallel, 64, () -> FastPbkdf2FailureTest.<RuntimeException>sneaky(failure));
    assertInstanceOf(IllegalStateException.class, thrown);
    assertSame(failure, thrown.getCause());
  }

  /** A failure after the chain is set up, in the middle of a block, also reaches the caller. */
  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {false, true})
  void aDigestThatCannotBeClonedIsAnIllegalState(boolean parallel) {
    Throwable thrown = derive(parallel, 64, NotCloneableSha256::new);
    assertInstanceOf(IllegalStateException.class, thrown);
    assertEquals("the JDK's SHA-256 is cloneable and has 32-byte digests", thrown.getMessage());
    assertInstanceOf(CloneNotSupportedException.class, thrown.getCause());
  }

  /**
   * An interrupt does not cut a derivation short (the helpers write into the caller's array) and is
   * still set when it returns, for the caller to act on.
   */
  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {false, true})
  void anInterruptedCallerGetsTheWholeResultAndKeepsItsInterrupt(boolean parallel) {
    byte[] expected = new byte[96];
    BouncyCastlePbkdf2.INSTANCE.derive(PASSWORD, SALT, 100, expected);
    byte[] out = new byte[96];
    boolean stillInterrupted;
    Thread.currentThread().interrupt();
    try {
      new FastPbkdf2(parallel, ForwardingSha256::jdkSha256).derive(PASSWORD, SALT, 100, out);
    } finally {
      stillInterrupted = Thread.interrupted(); // and clear it for the next test on this thread
    }
    assertTrue(stillInterrupted, "the interrupt was swallowed");
    assertArrayEquals(expected, out);
    assertFalse(Thread.currentThread().isInterrupted());
  }

  private static Throwable derive(boolean parallel, int length, Supplier<MessageDigest> digests) {
    FastPbkdf2 engine = new FastPbkdf2(parallel, digests);
    return assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThrows(Throwable.class, () -> engine.derive(PASSWORD, SALT, 3, new byte[length])),
        "the caller waited for blocks nobody computes");
  }

  private static MessageDigest throwIt(RuntimeException e) {
    throw e;
  }

  private static MessageDigest throwIt(Error e) {
    throw e;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> MessageDigest sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /** The JDK's SHA-256 behind a MessageDigest that is not Cloneable: clone() refuses. */
  private static final class NotCloneableSha256 extends ForwardingSha256 {}
}
