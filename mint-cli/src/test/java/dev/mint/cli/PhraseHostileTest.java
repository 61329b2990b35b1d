package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phrases a page could never have been given are refused instead of taken silently
 * (docs/THREAT_MODEL.md, C30): a NUL byte, a carriage return inside the line (CR-only line
 * endings), and {@code --phrase-env} naming a variable the system sets for every process.
 */
class PhraseHostileTest {
  private static void refused(CliRun run, String contains) {
    assertAll(
        () -> assertEquals(3, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: phrase: "), run.err()),
        () -> assertTrue(run.err().contains(contains), run.err()));
  }

  @Test
  void aPhraseOfOneNulByteIsRefused() {
    refused(CliRun.run(new byte[] {0, '\n'}, Map.of(), "--phrase-stdin", "a.com"), "NUL byte");
  }

  @Test
  void aNulInsideThePhraseIsRefused() {
    byte[] in = "correct horse\0battery\n".getBytes(StandardCharsets.UTF_8);
    refused(CliRun.run(in, Map.of(), "--phrase-stdin", "a.com"), "NUL byte");
  }

  @Test
  void crOnlyLineEndingsAreRefused() {
    byte[] in = "correct horse\rbattery staple\r".getBytes(StandardCharsets.UTF_8);
    refused(CliRun.run(in, Map.of(), "--phrase-stdin", "a.com"), "carriage return");
  }

  @Test
  void crLfIsStillOneLineBreak() {
    CliRun crlf =
        CliRun.run(
            "correct horse battery staple\r\n".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            "--phrase-stdin",
            "--quiet",
            "a.com");
    CliRun lf =
        CliRun.run(
            "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            "--phrase-stdin",
            "--quiet",
            "a.com");
    assertEquals(0, crlf.exitCode(), crlf.err());
    assertEquals(lf.out(), crlf.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PATH",
        "HOME",
        "USER",
        "SHELL",
        "PWD",
        "TERM",
        "LANG",
        "LC_NUMERIC",
        "LC_MESSAGES",
        "XDG_SESSION_ID",
        "XDG_CURRENT_DESKTOP"
      })
  void phraseEnvOfASystemVariableIsRefused(String name) {
    CliRun run =
        CliRun.run(
            new byte[0], Map.of(name, "/usr/bin:/bin"), "--phrase-env", name, "--quiet", "a.com");
    refused(run, "--phrase-env " + name + " names a variable the system sets");
  }

  @Test
  void phraseEnvOfAVariableOfItsOwnStillWorks() {
    CliRun run =
        CliRun.run(
            new byte[0],
            Map.of("MY_PHRASE", "correct horse battery staple"),
            "--phrase-env",
            "MY_PHRASE",
            "--quiet",
            "a.com");
    assertEquals(0, run.exitCode(), run.err());
  }
}
