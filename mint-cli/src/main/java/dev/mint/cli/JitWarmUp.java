package dev.mint.cli;

import dev.mint.Pbkdf2Engine;

/**
 * Lets the JIT compiler meet the PBKDF2 loop while the command line is still starting.
 *
 * <p>In a fresh JVM the first few thousand PBKDF2 iterations run interpreted, with SHA-256 in
 * plain bytecode, until the compiler has produced code that uses the CPU's SHA instructions; in
 * a one-shot {@code mint SITE} that warm-up used to cost more than the whole derivation does
 * warm. Start-up itself (loading classes, parsing arguments, reading the phrase) leaves the
 * second core mostly idle, so a daemon thread runs short derivations on throw-away bytes there
 * until the real derivation begins. Nothing secret is involved.
 */
final class JitWarmUp {
  /** Iterations per round: short, so the thread notices {@link #stop()} quickly. */
  private static final int ITERATIONS = 2_000;
  /** An upper bound, in case the real derivation never comes (a prompt left waiting). */
  private static final int MAX_ROUNDS = 60;

  private static volatile boolean stopped;

  private JitWarmUp() {}

  /** Starts warming up in the background, where there is a core to spare. */
  static void start() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread thread = new Thread(JitWarmUp::run, "mint-jit-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** The real derivation is about to start: give the core back. */
  static void stop() {
    stopped = true;
  }

  private static void run() {
    byte[] key = new byte[16];
    byte[] salt = new byte[24];
    byte[] out = new byte[32];
    Pbkdf2Engine engine = Pbkdf2Engine.fastSequential();
    for (int round = 0; round < MAX_ROUNDS && !stopped; round++) {
      engine.derive(key, salt, ITERATIONS, out);
    }
  }
}
