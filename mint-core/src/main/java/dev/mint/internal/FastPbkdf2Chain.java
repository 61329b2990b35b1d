package dev.mint.internal;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One thread's working set: computes whole PBKDF2 blocks {@code T_i} into {@code out}.
 *
 * <p>The HMAC pad blocks are hashed once, into {@code innerStart} and {@code outerStart}; each HMAC
 * then starts from a {@code clone()} of those states and costs 2 SHA-256 compressions, both through
 * the JDK's intrinsic. With {@link FastPbkdf2Direct} only {@code U_1} goes this way, and the
 * iterations after it go through {@link FastPbkdf2Direct#iterate}; what follows is the path of
 * every iteration when the provider is not opened to mint. Cloning is the only way the public
 * {@code MessageDigest} API can restart a hash from a given state, and it allocates (384 bytes per
 * iteration on JDK 17, young garbage that never leaves the thread-local buffer). The alternatives
 * measured in {@code benchmarks/} (PrfVariantsBenchmark) are slower: re-hashing the pad block every
 * time (no allocation, 4 compressions per iteration) and a SHA-256 compression written in Java (2
 * compressions, no allocation, but without the CPU's SHA instructions).
 *
 * <p>Each clone is reset after use, so the values it held are wiped rather than left in dead heap
 * objects. This matters more than it seems: an inner clone holds both {@code U_(j-1)} (its input)
 * and {@code H(K ^ ipad || U_(j-1))} (its output), and such a pair lets whoever reads the heap test
 * guesses of the phrase with 2 compressions each instead of 2 x 210,000, the whole work factor
 * gone. The reset costs about a tenth of this loop (PrfVariantsBenchmark, mdCloneUnwiped).
 */
final class FastPbkdf2Chain {
  private final MessageDigest innerStart;
  private final MessageDigest outerStart;
  private final byte[] salt;
  private final byte[] index = new byte[4];
  // INT(i) is written through a big-endian view of index: a heap ByteBuffer, whose classes a
  // fresh JVM has loaded already, where a byte-array VarHandle cost 10 to 30 ms of class loading
  // and method-handle setup on the way to the first password
  private final ByteBuffer indexView = ByteBuffer.wrap(index);
  private final byte[] u = Secrets.allocated(new byte[FastPbkdf2.HASH]);
  private final byte[] t = Secrets.allocated(new byte[FastPbkdf2.HASH]);
  private final FastPbkdf2Direct direct; // null: every hash through MessageDigest

  FastPbkdf2Chain(
      byte[] ipad, byte[] opad, byte[] salt, Supplier<MessageDigest> digests, boolean direct) {
    innerStart = digests.get();
    outerStart = digests.get();
    innerStart.update(ipad, 0, FastPbkdf2.BLOCK);
    outerStart.update(opad, 0, FastPbkdf2.BLOCK);
    this.salt = salt;
    this.direct = direct ? new FastPbkdf2Direct(ipad, opad) : null;
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
      int offset = (i - 1) * FastPbkdf2.HASH;
      System.arraycopy(t, 0, out, offset, Math.min(FastPbkdf2.HASH, out.length - offset));
    } catch (CloneNotSupportedException | DigestException e) {
      throw new IllegalStateException("the JDK's SHA-256 is cloneable and has 32-byte digests", e);
    }
  }

  /**
   * One HMAC half, {@code u = H(pad || u)}, resumed from a clone of the pad state; after an outer
   * half, {@code u} is the next {@code U_j} and goes into {@code t}.
   *
   * <p>Its shape is for the JIT of a fresh JVM, where the CLI's one derivation runs: the loop calls
   * it from one place, so C2 compiles one inlined copy of the digest code instead of two; and it is
   * larger than C1 inlines (35 bytes of bytecode), so C2 compiles it on its own as soon as it is
   * hot, with the SHA-256 intrinsic, and the loop, still in C1 code, calls that long before C2 has
   * compiled the loop itself. Measured with {@code benchmarks/startup.sh} and alternating runs:
   * each of the two cut a cold {@code ./mint} by about 100 ms; warm, neither changes anything
   * (docs/PERFORMANCE.md).
   */
  private void half(boolean outer) throws CloneNotSupportedException, DigestException {
    MessageDigest md = (MessageDigest) (outer ? outerStart : innerStart).clone();
    md.update(u, 0, FastPbkdf2.HASH);
    finish(md);
    if (outer) {
      for (int k = 0; k < FastPbkdf2.HASH; k++) {
        t[k] ^= u[k];
      }
    }
  }

  /** Finishes {@code md} into u, then resets it: the clone's buffer held chain values. */
  private void finish(MessageDigest md) throws DigestException {
    md.digest(u, 0, FastPbkdf2.HASH);
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
