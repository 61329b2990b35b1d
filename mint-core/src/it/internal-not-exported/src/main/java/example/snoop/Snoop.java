package example.snoop;

import dev.mint.internal.SecretSeam;
import dev.mint.internal.StageAccess;

/**
 * Would mark buffers through mint's test seam, or reach the stages behind dev.mint.conformance's
 * back: must not compile outside mint.
 */
public final class Snoop {
  private Snoop() {}

  public static byte[] mark(byte[] buffer) {
    return SecretSeam.allocated(buffer);
  }

  public static Object stages() {
    return StageAccess.get();
  }
}
