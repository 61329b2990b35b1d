package dev.mint.bench;

import dev.mint.Level;
import dev.mint.Pbkdf2Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch throughput: one caller thread per core, each deriving standard-level passwords back to back
 * (a server or a vault export). With every core busy the parallel engine's helpers have nothing to
 * add; this shows that it does not lose against the sequential one either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Threads.MAX)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
// as mint's jar manifest does: mint's engines compress directly (FastPbkdf2Direct)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens", "java.base/sun.security.provider=ALL-UNNAMED"})
public class BatchBenchmark {
  @Param({"fast", "fast-sequential", "jdk"})
  public String engine;

  private Pbkdf2Engine pbkdf2;

  @Setup
  public void setUp() {
    pbkdf2 = Engines.byName(engine);
  }

  @Benchmark
  public byte[] derivations() {
    byte[] out = new byte[64];
    pbkdf2.derive(Engines.PASSWORD, Engines.SALT, Level.STANDARD.iterations(), out);
    return out;
  }
}
