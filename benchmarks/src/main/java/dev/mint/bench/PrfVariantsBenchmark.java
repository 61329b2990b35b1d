package dev.mint.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why FastPbkdf2 resumes HMAC states with {@code MessageDigest.clone()}: the cost of one PBKDF2
 * iteration ({@code U = HMAC(P, U); T ^= U}) done three ways, in ns per iteration. Run with {@code
 * -prof gc} to see what each allocates.
 *
 * <ul>
 *   <li>{@code mdClone}: pad states hashed once, each HMAC resumes a clone: 2 compressions, both in
 *       the JDK's SHA intrinsic, about 450 bytes allocated per iteration (FastPbkdf2's loop).
 *   <li>{@code mdCloneUnwiped}: the same without resetting each clone after use (FastPbkdf2 resets
 *       them so that the chain values in their buffers do not linger until the next GC).
 *   <li>{@code mdRehashPad}: one MessageDigest, the pad block hashed again for every hash: 4
 *       intrinsic compressions, nothing allocated.
 *   <li>{@code javaCompress}: a SHA-256 compression function in plain Java resuming from the saved
 *       pad states: 2 compressions, nothing allocated, no SHA instructions.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrfVariantsBenchmark {
  private static final int ITERATIONS = 20_000;

  private final byte[] ipad = new byte[64];
  private final byte[] opad = new byte[64];
  private MessageDigest md;
  private MessageDigest innerStart;
  private MessageDigest outerStart;
  private final byte[] u = new byte[32];
  private final byte[] t = new byte[32];
  private final byte[] inner = new byte[96];
  private final byte[] outer = new byte[96];
  private final int[] innerState = new int[8];
  private final int[] outerState = new int[8];
  private final int[] w = new int[64];
  private final int[] ui = new int[8];
  private final int[] ti = new int[8];

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    for (int i = 0; i < 64; i++) {
      byte key = (byte) (i < 21 ? 'a' + i : 0);
      ipad[i] = (byte) (key ^ 0x36);
      opad[i] = (byte) (key ^ 0x5c);
    }
    md = MessageDigest.getInstance("SHA-256");
    innerStart = MessageDigest.getInstance("SHA-256");
    outerStart = MessageDigest.getInstance("SHA-256");
    innerStart.update(ipad);
    outerStart.update(opad);
    System.arraycopy(ipad, 0, inner, 0, 64);
    System.arraycopy(opad, 0, outer, 0, 64);
    JavaSha256.compressBlock(JavaSha256.IV, ipad, innerState, w);
    JavaSha256.compressBlock(JavaSha256.IV, opad, outerState, w);
    checkJavaCompressAgreesWithTheJdk();
  }

  /** A variant that computed something else would be no contender. */
  private void checkJavaCompressAgreesWithTheJdk() throws NoSuchAlgorithmException {
    byte[] message = new byte[96];
    System.arraycopy(ipad, 0, message, 0, 64);
    for (int i = 64; i < 96; i++) {
      message[i] = (byte) (i * 7);
    }
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(message);
    int[] digest = new int[8];
    for (int i = 0; i < 8; i++) {
      digest[i] =
          (message[64 + 4 * i] << 24)
              | (message[65 + 4 * i] & 0xff) << 16
              | (message[66 + 4 * i] & 0xff) << 8
              | (message[67 + 4 * i] & 0xff);
    }
    int[] actual = new int[8];
    JavaSha256.compressDigest(innerState, digest, actual, new int[64]);
    for (int i = 0; i < 8; i++) {
      int e =
          (expected[4 * i] << 24)
              | (expected[4 * i + 1] & 0xff) << 16
              | (expected[4 * i + 2] & 0xff) << 8
              | (expected[4 * i + 3] & 0xff);
      if (actual[i] != e) {
        throw new IllegalStateException("JavaSha256 disagrees with the JDK's SHA-256");
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public byte[] mdClone() throws CloneNotSupportedException, DigestException {
    for (int c = 0; c < ITERATIONS; c++) {
      MessageDigest a = (MessageDigest) innerStart.clone();
      a.update(u, 0, 32);
      a.digest(u, 0, 32);
      a.reset();
      MessageDigest b = (MessageDigest) outerStart.clone();
      b.update(u, 0, 32);
      b.digest(u, 0, 32);
      b.reset();
      for (int k = 0; k < 32; k++) {
        t[k] ^= u[k];
      }
    }
    return t;
  }

  /** {@link #mdClone} without resetting each clone: what wiping the clones' buffers costs. */
  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public byte[] mdCloneUnwiped() throws CloneNotSupportedException, DigestException {
    for (int c = 0; c < ITERATIONS; c++) {
      MessageDigest a = (MessageDigest) innerStart.clone();
      a.update(u, 0, 32);
      a.digest(u, 0, 32);
      MessageDigest b = (MessageDigest) outerStart.clone();
      b.update(u, 0, 32);
      b.digest(u, 0, 32);
      for (int k = 0; k < 32; k++) {
        t[k] ^= u[k];
      }
    }
    return t;
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public byte[] mdRehashPad() throws DigestException {
    for (int c = 0; c < ITERATIONS; c++) {
      md.update(inner, 0, 96);
      md.digest(outer, 64, 32);
      md.update(outer, 0, 96);
      md.digest(inner, 64, 32);
      for (int k = 0; k < 32; k++) {
        t[k] ^= inner[64 + k];
      }
    }
    return t;
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int[] javaCompress() {
    for (int c = 0; c < ITERATIONS; c++) {
      JavaSha256.compressDigest(innerState, ui, ui, w);
      JavaSha256.compressDigest(outerState, ui, ui, w);
      for (int k = 0; k < 8; k++) {
        ti[k] ^= ui[k];
      }
    }
    return ti;
  }
}
