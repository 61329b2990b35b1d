package dev.mint.internal;

import dev.mint.Pbkdf2Engine;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 *   <li>Where the JVM lets it (the jar's manifest opens {@code sun.security.provider} to it), the
 *       iterations after the first call the JDK provider's compression function directly on a state
 *       of their own ({@link Direct}): the same intrinsic, without the {@code MessageDigest}
 *       plumbing around it (a clone, padding, a reset per hash), about a third less CPU per
 *       iteration. Elsewhere they go through {@code MessageDigest}.
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
  public static final FastPbkdf2 PARALLEL =
      new FastPbkdf2(true, FastPbkdf2::sha256, Direct.AVAILABLE);
  public static final FastPbkdf2 SEQUENTIAL =
      new FastPbkdf2(false, FastPbkdf2::sha256, Direct.AVAILABLE);

  private static final int BLOCK = 64; // SHA-256 block, and the HMAC key block
  private static final int HASH = 32; // SHA-256 output, and one PBKDF2 block

  private final boolean parallel;
  private final Supplier<MessageDigest> digests;
  private final boolean direct;

  /**
   * {@code digests} gives a new SHA-256 {@code MessageDigest} per call: the JDK's in mint, one that
   * records what is left in each instance in the tests that check the wiping. Every hash goes
   * through them.
   */
  FastPbkdf2(boolean parallel, Supplier<MessageDigest> digests) {
    this(parallel, digests, false);
  }

  /**
   * With {@code direct} (which needs {@link Direct#AVAILABLE}), the iterations after the first call
   * the provider's compression function directly; the rest still goes through {@code digests}.
   */
  FastPbkdf2(boolean parallel, Supplier<MessageDigest> digests, boolean direct) {
    if (direct && !Direct.AVAILABLE) {
      throw new IllegalStateException("the JDK's SHA-256 compression is not reachable");
    }
    this.parallel = parallel;
    this.digests = digests;
    this.direct = direct;
  }

  /** Whether this engine calls the provider's compression function directly. */
  boolean direct() {
    return direct;
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
      new Job(ipad, opad, salt, iterations, out, blocks, digests, direct).run(helpers);
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
   * through the JDK's intrinsic. With {@link Direct} only {@code U_1} goes this way, and the
   * iterations after it go through {@link Direct#iterate}; what follows is the path of every
   * iteration when the provider is not opened to mint. Cloning is the only way the public {@code
   * MessageDigest} API can restart a hash from a given state, and it allocates (384 bytes per
   * iteration on JDK 17, young garbage that never leaves the thread-local buffer). The alternatives
   * measured in {@code benchmarks/} (PrfVariantsBenchmark) are slower: re-hashing the pad block
   * every time (no allocation, 4 compressions per iteration) and a SHA-256 compression written in
   * Java (2 compressions, no allocation, but without the CPU's SHA instructions).
   *
   * <p>Each clone is reset after use, so the values it held are wiped rather than left in dead heap
   * objects. This matters more than it seems: an inner clone holds both {@code U_(j-1)} (its input)
   * and {@code H(K ^ ipad || U_(j-1))} (its output), and such a pair lets whoever reads the heap
   * test guesses of the phrase with 2 compressions each instead of 2 x 210,000, the whole work
   * factor gone. The reset costs about a tenth of this loop (PrfVariantsBenchmark, mdCloneUnwiped).
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
    private final Direct direct; // null: every hash through MessageDigest

    Chain(byte[] ipad, byte[] opad, byte[] salt, Supplier<MessageDigest> digests, boolean direct) {
      innerStart = digests.get();
      outerStart = digests.get();
      innerStart.update(ipad, 0, BLOCK);
      outerStart.update(opad, 0, BLOCK);
      this.salt = salt;
      this.direct = direct ? new Direct(ipad, opad) : null;
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
        if (direct != null) {
          direct.iterate(u, t, iterations - 1);
        } else {
          // U_2 .. U_c: 2 (c - 1) HMAC halves, inner then outer
          long halves = 2L * (iterations - 1);
          for (long h = 0; h < halves; h++) {
            half((h & 1) != 0);
          }
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
      if (direct != null) {
        direct.wipe();
      }
    }
  }

  /**
   * The HMAC halves of the iterations after the first, on a state of their own: the JDK provider's
   * SHA-256 ({@code sun.security.provider.SHA2}) keeps its chaining value in an {@code int[8]} and
   * compresses a 64-byte block into it with {@code implCompress0}, the method HotSpot replaces with
   * the CPU's SHA instructions. Here the pad states are written into that array before each call,
   * and the block is {@code U_(j-1)} (or the inner hash) followed by the fixed padding of a 96-byte
   * message: exactly the one compression a resumed {@code MessageDigest} would run, without the
   * clone, the buffering, the padding and the reset around it, and nothing allocated.
   *
   * <p>Reaching a provider's private method needs the package opened to mint ({@code Add-Opens} in
   * the jar's manifest; {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} elsewhere).
   * Whether it is, and whether the method still does what is written above, is checked once per JVM
   * against {@code MessageDigest} on a known message ({@link #AVAILABLE}); otherwise the engine
   * uses {@code MessageDigest} for every hash, with the same results.
   */
  static final class Direct {
    /** True when the compression function is reachable and agrees with {@code MessageDigest}. */
    static final boolean AVAILABLE;

    private static final MethodHandle NEW; // () -> a new SHA2$SHA256, as Object
    private static final MethodHandle STATE; // (SHA2) -> its state, int[8]
    private static final MethodHandle COMPRESS; // (SHA2, byte[] block, int offset) -> void
    // (SHA2) -> its message schedule, int[64] or null: the Java compression (before the JIT's
    // intrinsic takes over) copies each block into it, the pads K ^ ipad and K ^ opad included
    private static final MethodHandle SCHEDULE;

    static {
      MethodHandle make = null;
      MethodHandle state = null;
      MethodHandle compress = null;
      MethodHandle schedule = null;
      boolean available = false;
      try {
        Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
        Class<?> sha256 = Class.forName("sun.security.provider.SHA2$SHA256");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
        make =
            lookup
                .findConstructor(sha256, MethodType.methodType(void.class))
                .asType(MethodType.methodType(Object.class));
        state =
            lookup
                .findGetter(sha2, "state", int[].class)
                .asType(MethodType.methodType(int[].class, Object.class));
        compress =
            lookup
                .findVirtual(
                    sha2,
                    "implCompress0",
                    MethodType.methodType(void.class, byte[].class, int.class))
                .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
        schedule =
            lookup
                .findGetter(sha2, "W", int[].class)
                .asType(MethodType.methodType(int[].class, Object.class));
        available = agrees(make, state, compress);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // not opened to mint (IllegalAccessException), or another JDK's provider: MessageDigest
      } catch (Throwable e) {
        throw new IllegalStateException(e); // a handle of a known type threw a checked exception
      }
      NEW = make;
      STATE = state;
      COMPRESS = compress;
      SCHEDULE = schedule;
      AVAILABLE = available;
    }

    /**
     * SHA-256 of 96 known bytes two ways: {@code MessageDigest}, and the state and compression
     * function as this class uses them (a fresh instance's state is the initial value).
     */
    private static boolean agrees(MethodHandle make, MethodHandle state, MethodHandle compress)
        throws Throwable {
      byte[] message = new byte[BLOCK + HASH];
      for (int k = 0; k < message.length; k++) {
        message[k] = (byte) (k * 29 + 7);
      }
      // not FastPbkdf2.sha256(): that would start FastPbkdf2's initialization from inside this
      // class's, and PARALLEL would then read AVAILABLE before it is set (false)
      byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(message);
      Object spi = make.invoke();
      int[] h = (int[]) state.invoke(spi);
      compress.invoke(spi, message, 0);
      byte[] block = new byte[BLOCK];
      System.arraycopy(message, BLOCK, block, 0, HASH);
      pad(block);
      compress.invoke(spi, block, 0);
      ByteBuffer view = ByteBuffer.wrap(block);
      for (int k = 0; k < 8; k++) {
        view.putInt(4 * k, h[k]);
      }
      return Arrays.equals(expected, Arrays.copyOf(block, HASH));
    }

    /** The padding of a 96-byte message after its last 32 bytes: 0x80, zeros, 768 in bits. */
    private static void pad(byte[] block) {
      Arrays.fill(block, HASH, BLOCK, (byte) 0);
      block[HASH] = (byte) 0x80;
      block[BLOCK - 2] = 0x03; // 768 = 0x300
    }

    private final Object spi;
    private final int[] state; // the spi's own chaining value, written and read around each call
    private final int[] inner = Secrets.allocated(new int[8]); // H state after K ^ ipad
    private final int[] outer = Secrets.allocated(new int[8]); // H state after K ^ opad
    private final int[] sum = Secrets.allocated(new int[8]); // T_i so far, as big-endian words
    private final byte[] block = Secrets.allocated(new byte[BLOCK]);
    private final ByteBuffer blockView = ByteBuffer.wrap(block); // big-endian words of block

    Direct(byte[] ipad, byte[] opad) {
      try {
        spi = NEW.invokeExact();
        state = (int[]) STATE.invokeExact(spi);
        int[] initial = state.clone(); // a fresh instance holds SHA-256's initial value
        COMPRESS.invokeExact(spi, ipad, 0);
        System.arraycopy(state, 0, inner, 0, 8);
        System.arraycopy(initial, 0, state, 0, 8);
        COMPRESS.invokeExact(spi, opad, 0);
        System.arraycopy(state, 0, outer, 0, 8);
        Arrays.fill(state, 0);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Runs {@code count} more iterations from {@code U_1 = u}, {@code T = t}: XORs {@code U_2 ..
     * U_(count + 1)} into {@code t}. Leaves {@code u} as it was.
     */
    /** The spi's message schedule, null until its Java compression first ran. */
    int[] schedule() {
      try {
        return (int[]) SCHEDULE.invokeExact(spi);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    void iterate(byte[] u, byte[] t, int count) {
      pad(block);
      System.arraycopy(u, 0, block, 0, HASH);
      ByteBuffer tView = ByteBuffer.wrap(t);
      for (int k = 0; k < 8; k++) {
        sum[k] = tView.getInt(4 * k);
      }
      for (int c = 0; c < count; c++) {
        half(inner);
        half(outer);
        for (int k = 0; k < 8; k++) {
          sum[k] ^= state[k];
        }
      }
      for (int k = 0; k < 8; k++) {
        tView.putInt(4 * k, sum[k]);
      }
    }

    /** {@code block[0..32) = H(pad || block[0..32))}, the pad given by its state after 64 bytes. */
    private void half(int[] padState) {
      System.arraycopy(padState, 0, state, 0, 8);
      try {
        COMPRESS.invokeExact(spi, block, 0);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      for (int k = 0; k < 8; k++) {
        blockView.putInt(4 * k, state[k]);
      }
    }

    void wipe() {
      Arrays.fill(state, 0);
      int[] schedule = schedule();
      if (schedule != null) {
        Arrays.fill(schedule, 0);
      }
      Arrays.fill(inner, 0);
      Arrays.fill(outer, 0);
      Arrays.fill(sum, 0);
      Secrets.wipe(block);
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
    private final boolean direct;
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
              chain = new Chain(ipad, opad, salt, digests, direct);
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
