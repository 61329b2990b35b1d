package dev.mint;

import java.util.Arrays;

/** Wiping of the buffers mint allocates for secrets. */
final class Secrets {
  private Secrets() {}

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
