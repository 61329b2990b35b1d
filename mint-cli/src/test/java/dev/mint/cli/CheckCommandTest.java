package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.ExitCodes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mint check}, in-process: the line on stdout, the phrase sources, no phrase echoed. */
class CheckCommandTest {

  @Test
  void printsTheCheckOfThePhraseOnStdin() {
    CliRun run = CliRun.withStdin("correct horse battery staple\n", "check", "--phrase-stdin");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals("upshot article (f40c)\n", run.out()),
        () -> assertEquals("", run.err()));
  }

  @Test
  void readsThePhraseFromTheEnvironmentToo() {
    CliRun run =
        CliRun.run(
            new byte[0],
            Map.of("P", "  CORRECT horse\tbattery staple "),
            "check",
            "--phrase-env",
            "P");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("upshot article (f40c)\n", run.out());
  }

  @Test
  void aBlankPhraseIsInvalidInputAndNothingIsPrinted() {
    CliRun run = CliRun.withStdin(" \t\n", "check", "--phrase-stdin");
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("mint: phrase"), run.err());
  }

  @Test
  void withoutAConsoleOrAnOptionItSaysWhatToDo() {
    CliRun run = CliRun.run("check");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("--phrase-stdin"), run.err());
  }

  @Test
  void deriveShowsNoCheckForAPhraseFromStdinOrTheEnvironment() {
    CliRun run = CliRun.withStdin(MintCliTest.MARKER + "\n", "--phrase-stdin", "github.com");
    assertEquals(0, run.exitCode(), run.err());
    String check = PhraseCheck.of(MintCliTest.MARKER.toCharArray()).toString();
    assertFalse(run.err().contains("phrase check"), run.err());
    assertFalse(run.err().contains(check), run.err());
  }

  @Test
  void helpExplainsTheCheck() {
    CliRun run = CliRun.run("check", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("article (f40c)"), run.out());
    assertTrue(run.out().contains("--phrase-stdin"), run.out());
  }
}
