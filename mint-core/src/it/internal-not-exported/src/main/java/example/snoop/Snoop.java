package example.snoop;

import dev.mint.internal.FiveStages;
import dev.mint.internal.SecretSeam;

/**
 * Would mark buffers through mint's test seam, or run the stages behind dev.mint.conformance's
 * back: must not compile outside mint.
 */
public final class Snoop {
  private Snoop() {}

  public static byte[] mark(byte[] buffer) {
    return SecretSeam.allocated(buffer);
  }

  public static String salt() {
    return FiveStages.salt("github", "1");
  }
}
