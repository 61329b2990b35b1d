package dev.mint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link PrfVariantsBenchmark}'s loops timed with the thread's CPU clock instead of the wall clock:
 * on a machine shared with other work, CPU time is what the other processes disturb least. After 10
 * untimed rounds, the variants take turns, each round one call of each (20,000 iterations); prints
 * each variant's median and minimum CPU ns per iteration.
 *
 * <p>{@code java --add-opens java.base/sun.security.provider=ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar dev.mint.bench.PrfCpuHarness [rounds]}
 */
public final class PrfCpuHarness {
  private PrfCpuHarness() {}

  public static void main(String[] args) throws Throwable {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
    PrfVariantsBenchmark loops = new PrfVariantsBenchmark();
    loops.setUp();
    PrfVariantsBenchmark.Internal internal = new PrfVariantsBenchmark.Internal();
    internal.setUp();
    String[] names = {
      "mdClone", "mdCloneUnwiped", "mdRehashPad", "javaCompress", "jdkInternalCompress"
    };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[names.length][rounds];
    for (int r = -10; r < rounds; r++) {
      for (int v = 0; v < names.length; v++) {
        long start = threads.getCurrentThreadCpuTime();
        switch (v) {
          case 0:
            loops.mdClone();
            break;
          case 1:
            loops.mdCloneUnwiped();
            break;
          case 2:
            loops.mdRehashPad();
            break;
          case 3:
            loops.javaCompress();
            break;
          default:
            loops.jdkInternalCompress(internal);
        }
        if (r >= 0) {
          cpu[v][r] = threads.getCurrentThreadCpuTime() - start;
        }
      }
    }
    double perIteration = PrfVariantsBenchmark.ITERATIONS;
    for (int v = 0; v < names.length; v++) {
      Arrays.sort(cpu[v]);
      System.out.printf(
          "%-20s median %4.0f  min %4.0f CPU ns per iteration%n",
          names[v], cpu[v][rounds / 2] / perIteration, cpu[v][0] / perIteration);
    }
  }
}
