package dev.mint.internal;

import dev.mint.Pbkdf2Engine;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * PBKDF2-HMAC-SHA256 built for speed, exact for every input (RFC 8018 section 5.2).
 *
 * <p>What makes it fast:
 *
 * <ul>
 *   <li>The HMAC pad blocks are hashed once per block; every iteration costs 2 SHA-256
 *       compressions, not the 4 of a plain HMAC (the JDK's and Node's providers).
 *   <li>The compressions run through the JDK's {@code MessageDigest}, which HotSpot replaces with
 *       the CPU's SHA instructions where it has them (x86 SHA extensions, ARMv8 SHA2): several
 *       times faster than any SHA-256 written in Java. See {@link Chain} for how both are had at
 *       once, and at what price.
 *   <li>The output blocks of 32 bytes are independent chains; with two or more cores they run at
 *       the same time, the caller's thread taking the first and a shared pool of daemon threads the
 *       others. A block that no pool thread picked up in time is run by the caller, so a busy pool
 *       costs nothing but the hand-off.
 * </ul>
 *
 * <p>Every buffer it allocates for key material or chain state is wiped in {@code finally}; the
 * per-iteration clones are reset (wiped) right after use.
 */
public final class FastPbkdf2 implements Pbkdf2Engine {
  public static final FastPbkdf2 PARALLEL = new FastPbkdf2(true, FastPbkdf2::sha256);
  public static final FastPbkdf2 SEQUENTIAL = new FastPbkdf2(false, FastPbkdf2::sha256);

  private static final int BLOCK = 64; // SHA-256 block, and the HMAC key block
  private static final int HASH = 32; // SHA-256 output, and one PBKDF2 block

  private final boolean parallel;
  private final Supplier<MessageDigest> digests;

  /**
   * {@code digests} gives a new SHA-256 {@code MessageDigest} per call: the JDK's in mint, one that
   * records what is left in each instance in the tests that check the wiping.
   */
  FastPbkdf2(boolean parallel, Supplier<MessageDigest> digests) {
    this.parallel = parallel;
    this.digests = digests;
  }

  @Override
  public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
    Pbkdf2Arguments.check(password, salt, iterations, out);
    int blocks = (out.length - 1) / HASH + 1; // out.length >= 1; cannot overflow
    byte[] ipad = Secrets.allocated(new byte[BLOCK]);
    byte[] opad = Secrets.allocated(new byte[BLOCK]);
    try {
      padKey(password, ipad, opad, digests);
      // with no helper (the sequential engine, one core or one block) the caller runs every block
      int helpers = parallel ? Math.min(blocks, Runtime.getRuntime().availableProcessors()) - 1 : 0;
      new Job(ipad, opad, salt, iterations, out, blocks, digests).run(helpers);
    } finally {
      Secrets.wipe(ipad, opad);
    }
  }

  /** HMAC's K0 XOR ipad and K0 XOR opad (FIPS 198-1): keys over 64 bytes are hashed first. */
  private static void padKey(
      byte[] password, byte[] ipad, byte[] opad, Supplier<MessageDigest> digests) {
    byte[] hashed = null;
    try {
      byte[] key = password;
      if (password.length > BLOCK) {
        MessageDigest md = digests.get();
        try {
          hashed = Secrets.allocated(md.digest(password));
        } finally {
          md.reset(); // its state is the hashed key itself, which stands in for the password
        }
        key = hashed;
      }
      System.arraycopy(key, 0, ipad, 0, key.length);
      System.arraycopy(key, 0, opad, 0, key.length);
      for (int i = 0; i < BLOCK; i++) {
        ipad[i] ^= 0x36;
        opad[i] ^= 0x5c;
      }
    } finally {
      Secrets.wipe(hashed);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * One thread's working set: computes whole PBKDF2 blocks {@code T_i} into {@code out}.
   *
   * <p>The HMAC pad blocks are hashed once, into {@code innerStart} and {@code outerStart}; each
   * HMAC then starts from a {@code clone()} of those states and costs 2 SHA-256 compressions, both
   * through the JDK's intrinsic. Cloning is the only way the public {@code MessageDigest} API can
   * restart a hash from a given state, and it allocates (384 bytes per iteration on JDK 17, young
   * garbage that never leaves the thread-local buffer). The alternatives measured in {@code
   * benchmarks/} (PrfVariantsBenchmark) are slower: re-hashing the pad block every time (no
   * allocation, 4 compressions per iteration) and a SHA-256 compression written in Java (2
   * compressions, no allocation, but without the CPU's SHA instructions).
   *
   * <p>Each clone is reset after use, so the values it held are wiped rather than left in dead heap
   * objects. This matters more than it seems: an inner clone holds both {@code U_(j-1)} (its input)
   * and {@code H(K ^ ipad || U_(j-1))} (its output), and such a pair lets whoever reads the heap
   * test guesses of the phrase with 2 compressions each instead of 2 x 210,000, the whole work
   * factor gone. The reset costs about 12% of the warm loop (docs/PERFORMANCE.md).
   */
  private static final class Chain {
    private final MessageDigest innerStart;
    private final MessageDigest outerStart;
    private final byte[] salt;
    private final byte[] index = new byte[4];
    // INT(i) is written through a big-endian view of index: a heap ByteBuffer, whose classes a
    // fresh JVM has loaded already, where a byte-array VarHandle cost 10 to 30 ms of class loading
    // and method-handle setup on the way to the first password
    private final ByteBuffer indexView = ByteBuffer.wrap(index);
    private final byte[] u = Secrets.allocated(new byte[HASH]);
    private final byte[] t = Secrets.allocated(new byte[HASH]);

    Chain(byte[] ipad, byte[] opad, byte[] salt, Supplier<MessageDigest> digests) {
      innerStart = digests.get();
      outerStart = digests.get();
      innerStart.update(ipad, 0, BLOCK);
      outerStart.update(opad, 0, BLOCK);
      this.salt = salt;
    }

    /** {@code T_i = U_1 ^ ... ^ U_c} with {@code U_1 = PRF(P, S || INT(i))}, into its place. */
    void run(int i, int iterations, byte[] out) {
      indexView.putInt(0, i); // INT(i): four octets, most significant first
      try {
        Arrays.fill(t, (byte) 0);
        MessageDigest first = (MessageDigest) innerStart.clone();
        first.update(salt, 0, salt.length);
        first.update(index, 0, 4);
        finish(first); // u = the inner half of U_1
        half(true); // U_1; t = U_1
        // U_2 .. U_c: 2 (c - 1) HMAC halves, inner then outer
        long halves = 2L * (iterations - 1);
        for (long h = 0; h < halves; h++) {
          half((h & 1) != 0);
        }
        int offset = (i - 1) * HASH;
        System.arraycopy(t, 0, out, offset, Math.min(HASH, out.length - offset));
      } catch (CloneNotSupportedException | DigestException e) {
        throw new IllegalStateException(
            "the JDK's SHA-256 is cloneable and has 32-byte digests", e);
      }
    }

    /**
     * One HMAC half, {@code u = H(pad || u)}, resumed from a clone of the pad state; after an outer
     * half, {@code u} is the next {@code U_j} and goes into {@code t}.
     *
     * <p>Its shape is for the JIT of a fresh JVM, where the CLI's one derivation runs: the loop
     * calls it from one place, so C2 compiles one inlined copy of the digest code instead of two;
     * and it is larger than C1 inlines (35 bytes of bytecode), so C2 compiles it on its own as soon
     * as it is hot, with the SHA-256 intrinsic, and the loop, still in C1 code, calls that long
     * before C2 has compiled the loop itself. Measured with {@code benchmarks/startup.sh} and
     * alternating runs: each of the two cut a cold {@code ./mint} by about 100 ms; warm, neither
     * changes anything (docs/PERFORMANCE.md).
     */
    private void half(boolean outer) throws CloneNotSupportedException, DigestException {
      MessageDigest md = (MessageDigest) (outer ? outerStart : innerStart).clone();
      md.update(u, 0, HASH);
      finish(md);
      if (outer) {
        for (int k = 0; k < HASH; k++) {
          t[k] ^= u[k];
        }
      }
    }

    /** Finishes {@code md} into u, then resets it: the clone's buffer held chain values. */
    private void finish(MessageDigest md) throws DigestException {
      md.digest(u, 0, HASH);
      md.reset();
    }

    void wipe() {
      Secrets.wipe(u, t);
      innerStart.reset();
      outerStart.reset();
    }
  }

  /**
   * The blocks of one derivation shared between the caller and up to {@code helpers} pool threads:
   * whoever is free takes the next block number, so no block waits for a thread that never came.
   */
  private static final class Job implements Runnable {
    private final byte[] ipad;
    private final byte[] opad;
    private final byte[] salt;
    private final int iterations;
    private final byte[] out;
    private final int blocks;
    private final Supplier<MessageDigest> digests;
    private final AtomicInteger next = new AtomicInteger(1);
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Job(
        byte[] ipad,
        byte[] opad,
        byte[] salt,
        int iterations,
        byte[] out,
        int blocks,
        Supplier<MessageDigest> digests) {
      this.ipad = ipad;
      this.opad = opad;
      this.salt = salt;
      this.iterations = iterations;
      this.out = out;
      this.blocks = blocks;
      this.digests = digests;
      this.done = new CountDownLatch(blocks);
    }

    void run(int helpers) {
      for (int h = 0; h < helpers; h++) {
        Pool.EXECUTOR.execute(this); // a refused hand-off is dropped: the loop below covers it
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
      Chain chain = null; // set up with the first block taken: one that came too late takes none
      try {
        for (int b = next.getAndIncrement(); b <= blocks; b = next.getAndIncrement()) {
          try {
            if (chain == null) {
              chain = new Chain(ipad, opad, salt, digests);
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

  /**
   * The shared helper threads: daemon, created on first use, gone after a minute idle, at most one
   * per core beyond the caller's. When all are busy a hand-off is refused and dropped, and the
   * caller runs that block itself.
   */
  private static final class Pool {
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

  @Override
  public String name() {
    return parallel ? "fast" : "fast-sequential";
  }

  @Override
  public String toString() {
    return "Pbkdf2Engine[" + name() + "]";
  }
}
