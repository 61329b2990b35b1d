package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code mint bench}: one line per level with real timings; no phrase asked for. */
class BenchCommandTest {
  private static final Pattern ROW =
      Pattern.compile("(standard|high) +(210000|400000) +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d");

  @Test
  void printsALinePerLevel() {
    CliRun run = CliRun.run("bench", "--rounds", "1");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(4, lines.length, run.out());
    assertTrue(lines[0].startsWith("PBKDF2-HMAC-SHA256, 64 bytes, engine fast"), lines[0]);
    assertTrue(ROW.matcher(lines[2]).matches() && lines[2].startsWith("standard"), lines[2]);
    assertTrue(ROW.matcher(lines[3]).matches() && lines[3].startsWith("high"), lines[3]);
    assertEquals("", run.err());
  }

  @Test
  void roundsOutOfRangeAreAUsageError() {
    assertEquals(ExitCodes.USAGE, CliRun.run("bench", "--rounds", "0").exitCode());
    assertEquals(ExitCodes.USAGE, CliRun.run("bench", "--rounds", "1001").exitCode());
  }
}
