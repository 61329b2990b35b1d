package dev.mint;

import dev.mint.internal.SecretSeam;
import java.util.Arrays;

/**
 * Wiping of the buffers mint allocates for secrets. {@link #allocated} marks each such buffer for
 * the test seam ({@link SecretSeam}); SecretWipingTest checks every marked buffer is zeroed.
 */
final class Secrets {
  private Secrets() {}

  /** Marks {@code buffer} as a secret buffer mint just allocated; returns it unchanged. */
  static <T> T allocated(T buffer) {
    return SecretSeam.allocated(buffer);
  }

  static void wipe(char[]... buffers) {
    for (char[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, '\0');
      }
    }
  }

  static void wipe(byte[]... buffers) {
    for (byte[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, (byte) 0);
      }
    }
  }
}
