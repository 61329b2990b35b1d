package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistyped command is suggested, never derived as a site: the user meant the command. */
final class TypoSuggestionTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"sesion|session", "veryfy f|verify", "bach|batch", "normalise x|normalize"})
  void aLoneSiteCloseToACommandIsSuggestedNotDerived(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.withStdin("some phrase\n", (parts[0] + " --phrase-stdin").split(" "));
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, run.exitCode(), run.err()),
        () -> assertEquals("", run.out(), "no password"),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().contains("did you mean '" + parts[1] + "'?"), run.err()),
        () -> assertTrue(run.err().contains("mint derive SITE"), run.err()));
  }

  @Test
  void theTypoIsStillDerivableWithDerive() {
    CliRun run = CliRun.withStdin("some phrase\n", "derive", "sesion", "--phrase-stdin");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(17, run.out().length(), run.out());
  }

  @Test
  void aSiteWithADotIsDerivedEvenWhenCloseToACommand() {
    CliRun run = CliRun.withStdin("some phrase\n", "site.c", "--phrase-stdin");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
  }

  @Test
  void aSiteFarFromEveryCommandIsDerived() {
    CliRun run = CliRun.withStdin("some phrase\n", "github", "--phrase-stdin");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"site lst|lst|list", "site sett x|sett|set", "site shwo a.com|shwo|show"})
  void anUnknownSiteSubcommandNamesItself(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.run(parts[0].split(" "));
    assertOneUsageLine(run);
    assertAll(
        () ->
            assertTrue(
                run.err().startsWith("mint: unknown command 'mint site " + parts[1] + "'"),
                run.err()),
        () -> assertTrue(run.err().contains("did you mean 'site " + parts[2] + "'?"), run.err()),
        () -> assertFalse(run.err().contains("master phrase"), run.err()));
  }

  @Test
  void anUnknownSiteSubcommandShapedLikeAPhraseIsNotShown() {
    CliRun run = CliRun.run("site", "correct horse battery");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertFalse(run.err().contains("horse"), run.err());
  }

  /** A mistyped option, negated ones too, is named with the closest option first. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "--revison=r2|--revision",
        "--uper|--upper",
        "--site-vesion|--site-version",
        "--phrase-stdn|--phrase-stdin",
        "--no-symbol|--no-symbols",
        "--no-uper|--no-upper",
        "--no-digit|--no-digits",
        "--no-alow-ambiguous|--no-allow-ambiguous"
      })
  void theClosestOptionIsSuggestedFirst(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.withStdin("some phrase\n", "--phrase-stdin", parts[0], "github.com");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(
        run.err()
            .startsWith(
                "mint: unknown option '" + parts[0].split("=")[0] + "'; did you mean " + parts[1]),
        run.err());
  }

  /**
   * Every unknown option is named with its suggestion; the value typed after it is neither shown
   * nor counted as a stray argument, and a command that never takes a phrase never talks of one.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "site set x --lenght 20 --note hi|--lenght|--length",
        "site set x --lenght 20 --nte hi|--nte|--note",
        "--phrase-stdin github.com --lenght 20 --revison r2|--revison|--revision",
        "--phrase-stdin github.com --lenght=20 --uper|--uper|--upper"
      })
  void everyUnknownOptionIsNamedWithItsSuggestion(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.withStdin("some phrase\n", parts[0].split(" "));
    assertOneUsageLine(run);
    assertAll(
        () ->
            assertTrue(
                run.err().startsWith("mint: unknown option '--lenght'; did you mean --length?"),
                run.err()),
        () ->
            assertTrue(
                run.err().contains("unknown option '" + parts[1] + "'; did you mean " + parts[2]),
                run.err()),
        () -> assertFalse(run.err().contains("unexpected argument"), run.err()),
        () -> assertFalse(run.err().contains("master phrase"), run.err()),
        () -> assertFalse(run.err().contains("20"), run.err()));
  }

  /** A stray word is not shown; where no phrase is ever read, the message says what is taken. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "site list extra|'mint site list' takes no arguments",
        "site show a.com extra|'mint site show' takes SITE",
        "normalize a.com extra|'mint normalize' takes SITE"
      })
  void aStrayWordWhereNoPhraseIsReadIsNotShownNorBlamedOnThePhrase(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.run(parts[0].split(" "));
    assertOneUsageLine(run);
    assertAll(
        () -> assertTrue(run.err().contains("1 unexpected argument, not shown"), run.err()),
        () -> assertTrue(run.err().contains(parts[1]), run.err()),
        () -> assertFalse(run.err().contains("extra"), run.err()),
        () -> assertFalse(run.err().contains("master phrase"), run.err()));
  }

  /** Where a phrase is read, a stray word still gets the hint: it is the likely mistake. */
  @Test
  void aStrayWordAfterADerivedSiteStillGetsThePhraseHint() {
    CliRun run = CliRun.withStdin("some phrase\n", "--phrase-stdin", "github.com", "hunter2");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("1 unexpected argument, not shown"), run.err());
    assertTrue(run.err().contains("the master phrase is never taken as an argument"), run.err());
    assertFalse(run.err().contains("hunter2"), run.err());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"sesion|session", "site lst|site list", "bach|batch"})
  void helpOfAMistypedCommandSuggestsIt(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.run(("help " + parts[0]).split(" "));
    assertOneUsageLine(run);
    assertTrue(run.err().contains("did you mean 'mint help " + parts[1] + "'?"), run.err());
  }

  @Test
  void helpOfAPhraseShapedWordDoesNotShowIt() {
    CliRun run = CliRun.run("help", "correct horse");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertFalse(run.err().contains("horse"), run.err());
    assertFalse(run.err().contains("did you mean"), run.err());
  }

  /**
   * mint refused its arguments as a usage error (exit 2), in one line of standard error, and
   * printed nothing on standard output.
   */
  private static void assertOneUsageLine(CliRun run) {
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals(1, run.err().lines().count(), run.err()));
  }
}
