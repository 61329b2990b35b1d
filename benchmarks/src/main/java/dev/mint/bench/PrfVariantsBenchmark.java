package dev.mint.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 *   <li>{@code jdkInternalCompress}: the JDK provider's own compression method (the one HotSpot
 *       replaces with the SHA instructions), called on a state written directly: 2 compressions,
 *       nothing allocated, SHA instructions, none of the {@code MessageDigest} plumbing. It needs
 *       {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} (its fork is given it) and
 *       so is no option for mint, which runs on any JDK from 17 without such flags; it measures how
 *       much of the gap to the floor is the public API's plumbing rather than the compression.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrfVariantsBenchmark {
  static final int ITERATIONS = 20_000;

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

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  @Fork(
      value = 1,
      jvmArgsAppend = {"--add-opens", "java.base/sun.security.provider=ALL-UNNAMED"})
  public byte[] jdkInternalCompress(Internal in) throws Throwable {
    for (int c = 0; c < ITERATIONS; c++) {
      in.half(in.innerState);
      in.half(in.outerState);
      for (int k = 0; k < 32; k++) {
        t[k] ^= in.block[k];
      }
    }
    return t;
  }

  /**
   * One {@code sun.security.provider.SHA2$SHA256} whose {@code state} array is written before and
   * read after each call of its {@code implCompress0}. The 64-byte block is {@code u} and the
   * padding of a 96-byte message (the 64-byte pad block, then {@code u}), which never changes.
   */
  @State(Scope.Thread)
  public static class Internal {
    private static final VarHandle INT_BE =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final MethodHandle COMPRESS;
    private static final MethodHandle STATE;
    private static final Class<?> SHA256;

    static {
      try {
        Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
        SHA256 = Class.forName("sun.security.provider.SHA2$SHA256");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
        COMPRESS =
            lookup
                .findVirtual(
                    sha2,
                    "implCompress0",
                    MethodType.methodType(void.class, byte[].class, int.class))
                .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
        STATE =
            lookup
                .findGetter(sha2, "state", int[].class)
                .asType(MethodType.methodType(int[].class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final byte[] block = new byte[64];
    final int[] innerState = new int[8];
    final int[] outerState = new int[8];
    private Object spi;
    private int[] state;

    @Setup
    public void setUp() throws Throwable {
      spi = SHA256.getConstructor().newInstance();
      state = (int[]) STATE.invokeExact(spi);
      byte[] ipad = new byte[64];
      byte[] opad = new byte[64];
      for (int i = 0; i < 64; i++) {
        byte key = (byte) (i < 21 ? 'a' + i : 0);
        ipad[i] = (byte) (key ^ 0x36);
        opad[i] = (byte) (key ^ 0x5c);
      }
      int[] iv = state.clone();
      padState(iv, ipad, innerState);
      padState(iv, opad, outerState);
      // the check: one inner hash of a known u against the JDK's MessageDigest
      for (int i = 0; i < 32; i++) {
        block[i] = (byte) (i * 7);
      }
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(ipad);
      md.update(block, 0, 32);
      byte[] expected = md.digest();
      setPadding();
      half(innerState);
      if (!java.util.Arrays.equals(expected, java.util.Arrays.copyOf(block, 32))) {
        throw new IllegalStateException("the JDK's internal compression disagrees with its digest");
      }
    }

    private void padState(int[] iv, byte[] pad, int[] into) throws Throwable {
      System.arraycopy(iv, 0, state, 0, 8);
      COMPRESS.invokeExact(spi, pad, 0);
      System.arraycopy(state, 0, into, 0, 8);
    }

    private void setPadding() {
      java.util.Arrays.fill(block, 32, 64, (byte) 0);
      block[32] = (byte) 0x80;
      block[62] = 0x03; // 96 bytes = 768 bits = 0x300, the message length
    }

    /** {@code block[0..32) = H(pad || block[0..32))}, the pad given by its state. */
    void half(int[] padState) throws Throwable {
      System.arraycopy(padState, 0, state, 0, 8);
      COMPRESS.invokeExact(spi, block, 0);
      for (int i = 0; i < 8; i++) {
        INT_BE.set(block, 4 * i, state[i]);
      }
    }
  }
}
