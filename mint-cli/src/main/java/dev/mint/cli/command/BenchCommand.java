package dev.mint.cli.command;

import dev.mint.Level;
import dev.mint.Pbkdf2Engine;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import dev.mint.conformance.Stages;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mint bench}: how long one derivation takes here, at each level, so that choosing {@code
 * high} over {@code standard} is an informed choice. Uses a fixed sample phrase, never the user's.
 */
@Command(
    name = "bench",
    header = "Time a derivation at each security level on this machine.",
    description = {
      "Derives with a fixed sample phrase (no phrase is asked for) and prints, per level, the "
          + "first derivation in this process (what a one-shot 'mint SITE' pays on top of Java's "
          + "start-up) and the median and fastest of the following rounds (a warmed-up JVM, "
          + "as in a long-running program using mint-core).",
      ""
    })
public final class BenchCommand extends StandardCommand implements Callable<Integer> {
  /** Not a secret: the sample every run derives from. */
  private static final char[] SAMPLE_PHRASE = "mint bench sample phrase".toCharArray();

  private final Io io;

  @Spec CommandSpec spec;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Timed derivations per level after the first, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--sequential",
      description = "Compute the two output blocks one after the other, on one core.")
  boolean sequential;

  public BenchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (rounds < 1 || rounds > 1000) {
      throw new ParameterException(spec.commandLine(), "--rounds must be from 1 to 1000");
    }
    Pbkdf2Engine engine = sequential ? Pbkdf2Engine.fastSequential() : Pbkdf2Engine.fast();
    byte[] hardened = Stages.hardenPhrase(SAMPLE_PHRASE);
    String salt = Stages.salt(Stages.normalizeSite("example.com", dev.mint.Revision.DEFAULT), "1");
    io.out()
        .printf(
            Locale.ROOT,
            "PBKDF2-HMAC-SHA256, 64 bytes, engine %s, %d core(s) available, %d timed rounds per level%n",
            engine.name(),
            Runtime.getRuntime().availableProcessors(),
            rounds);
    io.out()
        .printf(
            Locale.ROOT,
            "%-9s %10s %10s %10s %10s%n",
            "level",
            "iterations",
            "first ms",
            "median ms",
            "min ms");
    for (Level level : Level.values()) {
      double first = time(hardened, salt, level, engine);
      double[] timed = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        timed[i] = time(hardened, salt, level, engine);
      }
      Arrays.sort(timed);
      double median =
          rounds % 2 == 1 ? timed[rounds / 2] : (timed[rounds / 2 - 1] + timed[rounds / 2]) / 2;
      io.out()
          .printf(
              Locale.ROOT,
              "%-9s %10d %10.1f %10.1f %10.1f%n",
              level.id(),
              level.iterations(),
              first,
              median,
              timed[0]);
      io.out().flush();
    }
    if (io.out().checkError()) {
      throw CliException.io("cannot write to standard output");
    }
    return ExitCodes.OK;
  }

  private static double time(byte[] hardened, String salt, Level level, Pbkdf2Engine engine) {
    long start = System.nanoTime();
    byte[] derived = Stages.derive(hardened, salt, level, engine);
    long elapsed = System.nanoTime() - start;
    Wipe.bytes(derived);
    return elapsed / 1e6;
  }
}
