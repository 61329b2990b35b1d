package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.command.SiteLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mint session} in-process, lines from standard input (no console): the passwords are
 * derive's, bad lines are reported and the session goes on, and every way out ends it. SessionPtyIT
 * drives it through a real terminal; SessionHeapIT checks the wiping.
 */
class SessionCommandTest {
  private static final String PHRASE = MintCliTest.MARKER;

  static String derive(MintRequest request) {
    try (Password password = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  private static CliRun session(String stdin, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "session";
    all[1] = "--phrase-stdin";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.withStdin(PHRASE + "\n" + stdin, all);
  }

  @Test
  void eachLineGivesDerivesPasswordAndAnEmptyLineEnds() {
    CliRun run =
        session(
            "github.com\nexample.org --length 20 --no-symbols\n'my bank' -q\n\n"
                + "never.example\n",
            "--quiet");
    String expected =
        derive(MintRequest.builder("github.com").build())
            + "\n"
            + derive(MintRequest.builder("example.org").length(20).symbols(false).build())
            + "\n";
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(expected, run.out()),
        () -> assertEquals("mint: unknown option '-q'\n", run.err()));
  }

  @Test
  void quitAndEndOfInputEndTheSession() {
    CliRun quit = session("github.com\nquit\nexample.org\n", "--quiet");
    CliRun eof = session("github.com", "--quiet");
    String github = derive(MintRequest.builder("github.com").build()) + "\n";
    assertAll(
        () -> assertEquals(0, quit.exitCode()),
        () -> assertEquals(github, quit.out()),
        () -> assertEquals(0, eof.exitCode()),
        () -> assertEquals(github, eof.out()));
  }

  @Test
  void withoutQuietStderrNamesTheNormalizedSite() {
    CliRun run = session("https://www.github.com/login\n");
    assertEquals("normalized site: github (revision r3)\n", run.err());
  }

  /** A bad line: one error line, never the value, and the next line still works. */
  @Test
  void badLinesAreReportedAndTheSessionGoesOn() {
    CliRun run =
        session(
            String.join(
                "\n",
                "--length 20",
                "github.com --bogus",
                "github.com --length " + "'" + PHRASE + "'",
                "github.com " + PHRASE,
                "github.com --length 8",
                "'   '",
                "\"unclosed",
                "github.com",
                ""),
            "--quiet");
    String[] errors = run.err().split("\n");
    assertAll(
        () -> assertEquals(0, run.exitCode()),
        () -> assertEquals(derive(MintRequest.builder("github.com").build()) + "\n", run.out()),
        () -> assertEquals(7, errors.length, run.err()),
        () -> assertTrue(errors[0].startsWith("mint: Missing required parameter"), errors[0]),
        () -> assertEquals("mint: unknown option '--bogus'", errors[1]),
        () -> assertTrue(errors[2].contains("not repeated"), errors[2]),
        () -> assertTrue(errors[3].contains("not shown"), errors[3]),
        () -> assertTrue(errors[4].startsWith("mint: length:"), errors[4]),
        () -> assertTrue(errors[5].startsWith("mint: site:"), errors[5]),
        () -> assertEquals("mint: unclosed double quote", errors[6]),
        () -> assertFalse(run.err().contains("Marker"), run.err()));
  }

  /** Standard input that gives the phrase's line and then nothing, without ever ending. */
  private static InputStream phraseThenSilence() throws IOException {
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream out = new PipedOutputStream(in);
    out.write((PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush(); // never closed: the session waits for a line that does not come
    return in;
  }

  @Test
  void anIdleSessionEndsAfterIdle() throws Exception {
    CliRun run =
        CliRun.run(phraseThenSilence(), name -> null, "session", "--phrase-stdin", "--idle", "1s");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals("mint: no line for 1s: session ended, phrase wiped\n", run.err()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "5", "5x", "25h", "-1m", "Marker"})
  void badIdleValuesAreUsageErrors(String value) {
    CliRun run = CliRun.withStdin(PHRASE + "\n", "session", "--phrase-stdin", "--idle", value);
    assertEquals(2, run.exitCode(), run.err());
    assertFalse(run.err().contains("Marker"), run.err());
  }

  @Test
  void aBlankPhraseIsRefusedBeforeAnyLine() {
    CliRun run = CliRun.withStdin("   \ngithub.com\n", "session", "--phrase-stdin");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void thePhraseFromEnvironmentAndDescriptorWorkToo() {
    CliRun env =
        CliRun.run(
            "github.com\n".getBytes(StandardCharsets.UTF_8),
            Map.of("P", PHRASE),
            "session",
            "--phrase-env",
            "P",
            "-q");
    CliRun fd =
        CliRun.run(
            new java.io.ByteArrayInputStream("github.com\n".getBytes(StandardCharsets.UTF_8)),
            name -> null,
            n -> new java.io.ByteArrayInputStream((PHRASE + "\n").getBytes(StandardCharsets.UTF_8)),
            "session",
            "--phrase-fd",
            "5",
            "-q");
    String github = derive(MintRequest.builder("github.com").build()) + "\n";
    assertEquals(github, env.out(), env.err());
    assertEquals(github, fd.out(), fd.err());
  }

  @Test
  void splitsLikeAShellForSimpleQuoting() throws Exception {
    assertEquals(
        java.util.List.of("my bank", "--length", "20"),
        SiteLines.split("  'my bank'   --length 20 "));
    assertEquals(
        java.util.List.of("a b", "c\"d", "e'f", ""),
        SiteLines.split("a\\ b \"c\\\"d\" \"e'f\" ''"));
  }

  /** A mistyped option on a line is named with its suggestion; its value is not a stray word. */
  @Test
  void aMistypedOptionOnALineIsNamedWithItsSuggestion() {
    CliRun run = session("github.com --lenght 20\ngithub.com\n", "--quiet");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(derive(MintRequest.builder("github.com").build()) + "\n", run.out()),
        () -> assertEquals("mint: unknown option '--lenght'; did you mean --length?\n", run.err()));
  }

  /**
   * A line of spaces is not the empty line that ends a session: it gets its line and the session
   * goes on.
   */
  @Test
  void aLineOfSpacesIsRefusedAndTheSessionGoesOn() {
    CliRun run = session("   \ngithub.com\n", "--quiet");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(derive(MintRequest.builder("github.com").build()) + "\n", run.out()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()));
  }

  /** A line over the limit is one refused line, not shown; the lines after it still work. */
  @Test
  void aLineOverTheLimitIsRefusedAndTheSessionGoesOn() {
    String tooLong = "a".repeat(10 * 1024 * 1024);
    CliRun run = session("example.com\n" + tooLong + "\ngithub.com\n", "--quiet");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () ->
            assertEquals(
                derive(MintRequest.builder("example.com").build())
                    + "\n"
                    + derive(MintRequest.builder("github.com").build())
                    + "\n",
                run.out()),
        () ->
            assertEquals("mint: the line is longer than 8192 characters (not shown)\n", run.err()));
  }
}
