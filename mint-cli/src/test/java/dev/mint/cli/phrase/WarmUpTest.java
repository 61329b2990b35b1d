package dev.mint.cli.phrase;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The prompt's warm-up runs on its own thread and stops when told, between two slices. */
class WarmUpTest {
  @Test
  void runsSlicesUntilClosedThenItsThreadEnds() throws Exception {
    WarmUp warmUp = WarmUp.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (warmUp.slices() < 3 && !warmUp.finished() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(warmUp.slices() >= 3, "slices run: " + warmUp.slices());
    warmUp.close();
    // close() waits up to 200 ms; a slice is about a millisecond, so the thread has ended
    // unless the machine stalled it; give a stalled machine time rather than fail
    for (int i = 0; i < 600 && !warmUp.finished(); i++) {
      Thread.sleep(100);
    }
    assertTrue(warmUp.finished(), "the warm-up thread still runs after close()");
  }

  @Test
  void noneIsANoOp() {
    WarmUp.NONE.close();
    assertTrue(WarmUp.NONE.finished());
  }
}
