package dev.mint.internal;

import dev.mint.Pbkdf2Engine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 *       times faster than any SHA-256 written in Java. See {@link FastPbkdf2Chain} for how both are
 *       had at once, and at what price.
 *   <li>Where the JVM lets it (the jar's manifest opens {@code sun.security.provider} to it), the
 *       iterations after the first call the JDK provider's compression function directly on a state
 *       of their own ({@link FastPbkdf2Direct}): the same intrinsic, without the {@code
 *       MessageDigest} plumbing around it (a clone, padding, a reset per hash), about a third less
 *       CPU per iteration. Elsewhere they go through {@code MessageDigest}.
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
      new FastPbkdf2(true, FastPbkdf2::sha256, FastPbkdf2Direct.AVAILABLE);
  public static final FastPbkdf2 SEQUENTIAL =
      new FastPbkdf2(false, FastPbkdf2::sha256, FastPbkdf2Direct.AVAILABLE);

  static final int BLOCK = 64; // SHA-256 block, and the HMAC key block
  static final int HASH = 32; // SHA-256 output, and one PBKDF2 block

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
   * With {@code direct} (which needs {@link FastPbkdf2Direct#AVAILABLE}), the iterations after the
   * first call the provider's compression function directly; the rest still goes through {@code
   * digests}.
   */
  FastPbkdf2(boolean parallel, Supplier<MessageDigest> digests, boolean direct) {
    if (direct && !FastPbkdf2Direct.AVAILABLE) {
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
      new FastPbkdf2Job(ipad, opad, salt, iterations, out, blocks, digests, direct).run(helpers);
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

  @Override
  public String name() {
    return parallel ? "fast" : "fast-sequential";
  }

  @Override
  public String toString() {
    return "Pbkdf2Engine[" + name() + "]";
  }
}
