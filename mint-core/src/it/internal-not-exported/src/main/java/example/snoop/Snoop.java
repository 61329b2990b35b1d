package example.snoop;

import dev.mint.internal.SecretSeam;

/** Would mark buffers through mint's test seam: must not compile outside mint. */
public final class Snoop {
  private Snoop() {}

  public static byte[] mark(byte[] buffer) {
    return SecretSeam.allocated(buffer);
  }
}
