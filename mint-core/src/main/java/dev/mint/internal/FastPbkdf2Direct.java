package dev.mint.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The HMAC halves of the iterations after the first, on a state of their own: the JDK provider's
 * SHA-256 ({@code sun.security.provider.SHA2}) keeps its chaining value in an {@code int[8]} and
 * compresses a 64-byte block into it with {@code implCompress0}, the method HotSpot replaces with
 * the CPU's SHA instructions. Here the pad states are written into that array before each call, and
 * the block is {@code U_(j-1)} (or the inner hash) followed by the fixed padding of a 96-byte
 * message: exactly the one compression a resumed {@code MessageDigest} would run, without the
 * clone, the buffering, the padding and the reset around it, and nothing allocated.
 *
 * <p>Reaching a provider's private method needs the package opened to mint ({@code Add-Opens} in
 * the jar's manifest; {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} elsewhere).
 * Whether it is, and whether the method still does what is written above, is checked once per JVM
 * against {@code MessageDigest} on a known message ({@link #AVAILABLE}); otherwise the engine uses
 * {@code MessageDigest} for every hash, with the same results.
 */
final class FastPbkdf2Direct {
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
                  sha2, "implCompress0", MethodType.methodType(void.class, byte[].class, int.class))
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
    byte[] message = new byte[FastPbkdf2.BLOCK + FastPbkdf2.HASH];
    for (int k = 0; k < message.length; k++) {
      message[k] = (byte) (k * 29 + 7);
    }
    // not FastPbkdf2.sha256(): that would start FastPbkdf2's initialization from inside this
    // class's, and PARALLEL would then read AVAILABLE before it is set (false)
    byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(message);
    Object spi = make.invoke();
    int[] h = (int[]) state.invoke(spi);
    compress.invoke(spi, message, 0);
    byte[] block = new byte[FastPbkdf2.BLOCK];
    System.arraycopy(message, FastPbkdf2.BLOCK, block, 0, FastPbkdf2.HASH);
    pad(block);
    compress.invoke(spi, block, 0);
    ByteBuffer view = ByteBuffer.wrap(block);
    for (int k = 0; k < 8; k++) {
      view.putInt(4 * k, h[k]);
    }
    return Arrays.equals(expected, Arrays.copyOf(block, FastPbkdf2.HASH));
  }

  /** The padding of a 96-byte message after its last 32 bytes: 0x80, zeros, 768 in bits. */
  private static void pad(byte[] block) {
    Arrays.fill(block, FastPbkdf2.HASH, FastPbkdf2.BLOCK, (byte) 0);
    block[FastPbkdf2.HASH] = (byte) 0x80;
    block[FastPbkdf2.BLOCK - 2] = 0x03; // 768 = 0x300
  }

  private final Object spi;
  private final int[] state; // the spi's own chaining value, written and read around each call
  private final int[] inner = Secrets.allocated(new int[8]); // H state after K ^ ipad
  private final int[] outer = Secrets.allocated(new int[8]); // H state after K ^ opad
  private final int[] sum = Secrets.allocated(new int[8]); // T_i so far, as big-endian words
  private final byte[] block = Secrets.allocated(new byte[FastPbkdf2.BLOCK]);
  private final ByteBuffer blockView = ByteBuffer.wrap(block); // big-endian words of block

  FastPbkdf2Direct(byte[] ipad, byte[] opad) {
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

  /**
   * Runs {@code count} more iterations from {@code U_1 = u}, {@code T = t}: XORs {@code U_2 ..
   * U_(count + 1)} into {@code t}. Leaves {@code u} as it was.
   */
  void iterate(byte[] u, byte[] t, int count) {
    pad(block);
    System.arraycopy(u, 0, block, 0, FastPbkdf2.HASH);
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
