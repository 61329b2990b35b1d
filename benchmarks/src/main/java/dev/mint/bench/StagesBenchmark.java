package dev.mint.bench;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.conformance.Stages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages around PBKDF2 (normalize, harden, salt, encode), to show their share of a derivation:
 * microseconds against tens of milliseconds for {@link EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StagesBenchmark {
  private static final String SITE = "https://www.accounts.example.co.uk/login?next=/home";
  private static final char[] PHRASE = "  My iPhone  purchase in INDIA  ".toCharArray();

  private MintRequest request;
  private String normalized;
  private byte[] derived;

  @Setup
  public void setUp() {
    request = MintRequest.builder(SITE).length(32).build();
    normalized = Stages.normalizeSite(SITE, Revision.R3);
    derived = new byte[64];
    for (int i = 0; i < derived.length; i++) {
      derived[i] = (byte) (i * 37 + 11);
    }
  }

  @Benchmark
  public String normalize() {
    return Stages.normalizeSite(SITE, Revision.R3);
  }

  @Benchmark
  public byte[] harden() {
    return Stages.hardenPhrase(PHRASE);
  }

  @Benchmark
  public String salt() {
    return Stages.salt(normalized, "1");
  }

  @Benchmark
  public char[] encode() {
    return Stages.encode(derived, request);
  }

  /** Everything a derivation does except PBKDF2 itself. */
  @Benchmark
  public char[] allButPbkdf2() {
    String site = Stages.normalizeSite(SITE, Revision.R3);
    String salt = Stages.salt(site, "1");
    byte[] hardened = Stages.hardenPhrase(PHRASE);
    if (hardened.length + salt.length() == 0) {
      throw new AssertionError(); // keeps both results alive
    }
    return Stages.encode(derived, request);
  }
}
