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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm 64-byte derivation, as mint does it, per engine and level: the latency a user waits for.
 * {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// as mint's jar manifest does: mint's engines compress directly (FastPbkdf2Direct)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens", "java.base/sun.security.provider=ALL-UNNAMED"})
public class EngineBenchmark {
  @Param({"fast", "fast-sequential", "jdk", "bouncycastle"})
  public String engine;

  @Param({"STANDARD", "HIGH"})
  public Level level;

  private Pbkdf2Engine pbkdf2;

  @Setup
  public void setUp() {
    pbkdf2 = Engines.byName(engine);
  }

  @Benchmark
  public byte[] derive() {
    byte[] out = new byte[64];
    pbkdf2.derive(Engines.PASSWORD, Engines.SALT, level.iterations(), out);
    return out;
  }
}
