package dev.mint.cli.phrase;

import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;
import dev.mint.cli.io.Wipe;
import dev.mint.conformance.Stages;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the PBKDF2 path while a person types the phrase, so that Enter is answered by compiled
 * code on every core (docs/PERFORMANCE.md, "Answer at Enter").
 *
 * <p>In a fresh JVM the first derivation runs in the interpreter and C1 code until C2 has compiled
 * the engine's loop and the SHA-256 intrinsic with it: 150 to 400 ms against 40 to 80 ms warm. The
 * console prompt leaves a second or more of idle cores, so a daemon thread runs the same engine
 * ({@link Pbkdf2Engine#fast()}, the one derive uses, pool thread included) on a throw-away key and
 * salt, in short derivations: each is timed and the next one's iteration count set so that a slice
 * lasts about a millisecond. {@link #close()} sets a flag that the thread reads between slices, and
 * waits for it: the warm-up is over a slice (a few ms) after the phrase arrives, and the real
 * derivation has both cores to itself. Everything the thread touches is a constant of this class;
 * nothing secret.
 *
 * <p>It warms for at most {@link #BUDGET_NANOS} (compilation is long done by then), so a prompt
 * left open does not keep the cores busy. Only for the console prompt: with the phrase on standard
 * input, a descriptor or the environment, or in {@code mint batch}, there is no idle time, and a
 * warm-up would only compete with the real work.
 */
public final class WarmUp implements AutoCloseable {
  /** Warming stops by itself after this long. */
  static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(3);

  private static final long SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);
  private static final int MAX_ITERATIONS = 1 << 16;

  /** The key and salt: constants, the shape of a hardened phrase and a salt, never a secret. */
  private static final byte[] KEY =
      "Warm Up key, not a phrase!5@".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] SALT =
      (Stages.SALT_PREFIX + "warm-up.invalid::1").getBytes(StandardCharsets.US_ASCII);

  /** A warm-up that does nothing: for the sources of the phrase that leave no idle time. */
  public static final WarmUp NONE = new WarmUp(null);

  private final Thread thread;
  private volatile boolean stop;
  private volatile long slices;

  private WarmUp(Thread thread) {
    this.thread = thread;
  }

  /** Starts warming on a daemon thread named {@code mint-warm-up}. */
  public static WarmUp start() {
    WarmUp[] self = new WarmUp[1];
    Thread thread = new Thread(() -> self[0].warm(), "mint-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    self[0] = new WarmUp(thread);
    thread.start();
    return self[0];
  }

  private void warm() {
    long start = System.nanoTime();
    try {
      // the stages around PBKDF2: microseconds, but their classes load and link now
      MintRequest request =
          MintRequest.builder("www.warm-up.invalid").revision(Revision.DEFAULT).build();
      Stages.salt(Stages.normalizeSite(request.site(), request.revision()), request.version());
      byte[] hardened = Stages.hardenPhrase("warm up words".toCharArray());
      char[] encoded = Stages.encode(new byte[64], request);
      Wipe.bytes(hardened);
      Wipe.chars(encoded);

      Pbkdf2Engine engine = Pbkdf2Engine.fast();
      byte[] out = new byte[64]; // two blocks, as a derivation: the pool thread warms too
      int iterations = 16;
      while (!stop && System.nanoTime() - start < BUDGET_NANOS) {
        long t0 = System.nanoTime();
        engine.derive(KEY, SALT, iterations, out);
        long took = System.nanoTime() - t0;
        slices++;
        if (took < SLICE_NANOS / 2 && iterations < MAX_ITERATIONS) {
          iterations *= 2;
        } else if (took > SLICE_NANOS * 2 && iterations > 1) {
          iterations /= 2;
        }
      }
    } catch (RuntimeException | Error e) {
      // a warm-up that fails changes nothing but the speed: the derivation will say what is wrong
    }
  }

  /** How many slices have run; for tests. */
  long slices() {
    return slices;
  }

  /** Whether the warming thread has ended. */
  boolean finished() {
    return thread == null || !thread.isAlive();
  }

  /** Stops warming and waits (a slice, a few ms; at most 200 ms) for the thread to end. */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    stop = true;
    boolean interrupted = false;
    try {
      thread.join(200);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
