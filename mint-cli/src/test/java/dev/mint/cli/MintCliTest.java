package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import dev.mint.vectors.VectorRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line run in-process: exact output, exit codes, and no phrase anywhere. */
public class MintCliTest {
  /** A phrase that must never show up in any output. */
  public static final String MARKER = "Marker Phrase Zq7Wv9";

  @ParameterizedTest
  @ValueSource(strings = {"r1", "r2", "r3"})
  void derivePrintsThePagesPasswordForAnE2eRow(String revision) throws Exception {
    VectorRow row = CliRows.e2eRows(revision, 1).get(0);
    CliRun run =
        CliRun.run(CliRows.stdin(row), Map.of(), CliRows.deriveArgs(row).toArray(String[]::new));
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()),
        () ->
            assertEquals(
                "normalized site: " + row.normalizedSite() + " (revision " + revision + ")\n",
                run.err()));
  }

  @Test
  void explicitDeriveQuietAndPhraseFromEnvironmentGiveTheSamePassword() throws Exception {
    VectorRow row = CliRows.e2eRows("r3", 1).get(0);
    List<String> args = new java.util.ArrayList<>(CliRows.deriveArgs(row));
    args.set(0, "--phrase-env=MINT_TEST_PHRASE");
    args.add(0, "--quiet");
    args.add(0, "derive");
    CliRun run =
        CliRun.run(
            new byte[0],
            Map.of("MINT_TEST_PHRASE", row.input().phrase()),
            args.toArray(String[]::new));
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()),
        () -> assertEquals("", run.err()));
  }

  /** A phrase typed as an extra argument is refused and never repeated (THREAT_MODEL C1). */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "github.com|MARKER",
        "derive|github.com|MARKER",
        "--phrase-stdin|github.com|MARKER",
        "normalize|github.com|MARKER",
        "github.com|hunter2",
        "github.com|two words"
      })
  void aPhraseTypedAsAnArgumentIsNeverEchoed(String argLine) {
    String[] args = argLine.replace("MARKER", MARKER).split("\\|");
    String stray = args[args.length - 1];
    CliRun run = CliRun.withStdin("some phrase\n", args);
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertFalse(run.err().contains(stray), run.err()),
        () -> assertTrue(run.err().contains("not shown"), run.err()),
        // the hint where a phrase is read; normalize reads none, and says what it takes
        () ->
            assertTrue(
                run.err()
                    .contains(
                        args[0].equals("normalize")
                            ? "'mint normalize' takes SITE"
                            : "never taken as an argument"),
                run.err()));
  }

  /**
   * A phrase typed as the value of an option is refused without being repeated: picocli's own
   * message would print it ("Invalid value for option '--length': '...' is not an int").
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2|--phrase-stdin=MARKER|github.com",
        "2|--quiet=MARKER|github.com",
        "2|--phrase-stdin|--length|MARKER|github.com",
        "2|--phrase-stdin|--level=MARKER|github.com",
        "2|normalize|--revision|MARKER|github.com",
        "2|verify|--threads=MARKER|x.jsonl",
        "2|help|MARKER",
        "3|--phrase-env|MARKER|github.com"
      })
  void aPhraseTypedAsAnOptionValueIsNeverEchoed(String testCase) {
    String[] parts = testCase.replace("MARKER", MARKER).split("\\|");
    String[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
    CliRun run = CliRun.withStdin("some phrase\n", args);
    assertAll(
        () -> assertEquals(Integer.parseInt(parts[0]), run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertFalse(run.err().contains("Zq7Wv9"), run.err()));
  }

  @Test
  void aMistypedOptionIsNamedBack() {
    CliRun run = CliRun.withStdin("some phrase\n", "--phrase-stdin", "--lenght=20", "github.com");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("unknown option '--lenght'"), run.err());
    assertFalse(run.err().contains("20"), "the value after '=' is not repeated: " + run.err());
  }

  /** The issue's example: the option is named, the right one suggested, its value not shown. */
  @Test
  void aMistypedOptionWithItsValueIsNamedWithASuggestion() {
    CliRun run =
        CliRun.withStdin("some phrase\n", "github.com", "--lenght", "20", "--phrase-stdin");
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () ->
            assertTrue(
                run.err().startsWith("mint: unknown option '--lenght'; did you mean --length"),
                run.err()),
        () ->
            assertFalse(run.err().contains("unexpected argument"), "20 is its value: " + run.err()),
        () ->
            assertFalse(run.err().contains("20"), "the stray value is not repeated: " + run.err()));
  }

  /** After a mistyped option, a phrase typed as its value or as a stray argument is never shown. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "github.com|--lenght|MARKER",
        "--lenght|MARKER|github.com",
        "github.com|--lenght=MARKER",
        "github.com|--lenght|20|MARKER",
        "github.com|MARKER|--lenght"
      })
  void aPhraseAfterAMistypedOptionIsNeverEchoed(String testCase) {
    String[] args = testCase.replace("MARKER", MARKER).split("\\|");
    CliRun run = CliRun.withStdin("some phrase\n", args);
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertFalse(run.err().contains("Zq7Wv9"), run.err()));
  }

  /** Each case: exit status, then the arguments; the marker goes to stdin and the environment. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        // usage errors: 2
        "2|",
        "2|--phrase-stdin",
        "2|--phrase-stdin --lenght=20 github.com",
        "2|--phrase-stdin --length=twenty github.com",
        "2|--phrase-stdin --revision=r4 github.com",
        "2|--phrase-stdin --level=extreme github.com",
        "2|--phrase-stdin github.com extra",
        "2|github.com",
        "2|--confirm github.com",
        "2|--confirm --phrase-stdin github.com",
        "2|--phrase-stdin --phrase-env=MINT_TEST_PHRASE github.com",
        "2|normalize --revision=r9 github.com",
        "2|verify",
        "2|frobnicate --no-such-option",
        // invalid input: 3
        "3|--phrase-stdin --length=11 github.com",
        "3|--phrase-stdin --length=65 github.com",
        "3|--phrase-stdin --site-version=0 github.com",
        "3|--phrase-stdin --site-version=10000 github.com",
        "3|--phrase-stdin --site-version=abc github.com",
        "3|--phrase-stdin --site-version=2.5 github.com",
        "3|--phrase-stdin --no-upper --no-lower --no-digits --no-symbols github.com",
        "3|--phrase-env=MINT_UNSET_VARIABLE github.com",
        "3|--phrase-stdin \u3000",
        "3|--phrase-stdin gith\uFFFDub.com",
        "3|normalize \u00A0",
      })
  void badInputGivesOneLineAndItsExitStatus(String testCase) {
    String[] parts = testCase.split("\\|", 2);
    int expected = Integer.parseInt(parts[0]);
    String[] args = parts[1].isEmpty() ? new String[0] : parts[1].split(" ");
    CliRun run =
        CliRun.run(
            (MARKER + "\n").getBytes(StandardCharsets.UTF_8),
            Map.of("MINT_TEST_PHRASE", MARKER),
            args);
    assertAll(
        () -> assertEquals(expected, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () ->
            assertEquals(
                1, run.err().chars().filter(c -> c == '\n').count(), "one line: " + run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertFalse(run.err().contains(MARKER)),
        () -> assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err()));
  }

  @Test
  void blankPhraseOnStdinIsInvalidInput() {
    CliRun run = CliRun.withStdin(" \t\u3000\n", "--phrase-stdin", "github.com");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals(
        "mint: phrase: must hold a character that is not whitespace (the port refuses"
            + " blank phrases)\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void emptyStdinIsAnIoError() {
    CliRun run = CliRun.withStdin("", "--phrase-stdin", "github.com");
    assertEquals(4, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("mint: standard input is empty"), run.err());
  }

  @Test
  void phraseLongerThan4KiBIsRefusedWithoutShowingIt() {
    String longPhrase = MARKER + " " + "x".repeat(4096);
    CliRun run = CliRun.withStdin(longPhrase + "\n", "--phrase-stdin", "github.com");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals(
        "mint: phrase: more than 4096 bytes on standard input (one line is read)\n", run.err());
    assertFalse(run.err().contains(MARKER));
  }

  @Test
  void stdinThatIsNotUtf8IsRefused() {
    byte[] latin1 = "M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
    CliRun run = CliRun.run(latin1, Map.of(), "--phrase-stdin", "github.com");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals("mint: phrase: standard input is not valid UTF-8\n", run.err());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "--phrase=MARKER",
        "--password",
        "-p=MARKER",
        "--secret",
        "--phrase|MARKER",
        "-p|MARKER",
        "--master-phrase|MARKER"
      })
  void aPhraseOptionIsRefusedWithoutEchoingIt(String options) {
    List<String> args =
        new java.util.ArrayList<>(List.of(options.replace("MARKER", MARKER).split("\\|")));
    args.add("github.com");
    CliRun run = CliRun.run(new byte[0], Map.of(), args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("mint: the master phrase is never taken as an argument"));
    assertFalse(run.err().contains(MARKER));
    assertEquals("", run.out());
  }

  @Test
  void noConsoleAndNoPhraseOptionSaysWhatToDo() {
    CliRun run = CliRun.run("github.com");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no console"), run.err());
    assertTrue(run.err().contains("--phrase-stdin"), run.err());
  }

  @Test
  void helpListsTheExitCodes() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"derive", "--help"},
            new String[] {"verify", "--help"},
            new String[] {"normalize", "--help"})) {
      CliRun run = CliRun.run(args);
      assertEquals(0, run.exitCode());
      for (String code : List.of("0", "1", "2", "3", "4", "5")) {
        // exit code 1 is verify's alone: mint and verify list it, no other command returns it
        boolean listed = !code.equals("1") || args.length == 1 || args[0].equals("verify");
        assertEquals(
            listed, run.out().contains("\n   " + code + "   "), String.join(" ", args) + run.out());
      }
    }
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.run("--version");
    assertEquals(0, run.exitCode());
    assertEquals("mint 0.1.0\n", run.out());
  }

  @Test
  void normalizePrintsTheSiteOfEachRevision() {
    // SPEC.md section 3: mail.com gives mail.com / mail / com
    CliRun all = CliRun.run("normalize", "--revision=all", "mail.com");
    assertEquals(0, all.exitCode());
    assertEquals("r1\tmail.com\nr2\tmail\nr3\tcom\n", all.out());
    assertEquals("", all.err());
    // https:// gives the empty string in r1 and r3's fallback
    assertEquals("\n", CliRun.run("normalize", "--revision", "r1", "https://").out());
    assertEquals("https://\n", CliRun.run("normalize", "https://").out());
    assertEquals("github\n", CliRun.run("normalize", "github.com:443/x").out());
  }

  @Test
  void anArgumentStartingWithAtIsNotReplacedByAFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("home");
    java.nio.file.Files.writeString(file, "other.example\n");
    CliRun run = CliRun.run("normalize", "--revision=r1", "@" + file);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(dev.mint.Revision.R1.normalizeSite("@" + file) + "\n", run.out());
    assertFalse(run.out().contains("other"), run.out());
  }

  @Test
  void aSiteNamedLikeACommandNeedsExplicitDerive() {
    CliRun run =
        CliRun.withStdin(
            "normalize\n",
            "derive",
            "--phrase-stdin",
            "--quiet",
            "--revision=r1",
            "--length=12",
            "normalize");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(13, run.out().length());
  }
}
