package dev.mint.internal;

import java.util.Arrays;

/**
 * Wiping of the buffers mint allocates for secrets. {@link #allocated} marks each such buffer for
 * the test seam ({@link SecretSeam}); SecretWipingTest checks every marked buffer is zeroed.
 */
public final class Secrets {
  private Secrets() {}

  /** Marks {@code buffer} as a secret buffer mint just allocated; returns it unchanged. */
  public static <T> T allocated(T buffer) {
    return SecretSeam.allocated(buffer);
  }

  public static void wipe(char[]... buffers) {
    for (char[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, '\0');
      }
    }
  }

  public static void wipe(byte[]... buffers) {
    for (byte[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, (byte) 0);
      }
    }
  }
}
