package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages in words, one spelling, help that fits the command. */
final class MessageWordingTest {
  private static final Pattern JAVA_NAME = Pattern.compile("[A-Z][A-Za-z]*Exception");

  @TempDir Path dir;

  @Test
  void anIoFailureIsSaidInWordsNotAsAnExceptionName() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
    CliRun run =
        CliRun.run(
            new byte[0],
            Map.of("MINT_SITES", notADirectory.resolve("sites.json").toString()),
            "site",
            "set",
            "a.com");
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertFalse(JAVA_NAME.matcher(run.err()).find(), run.err()));
    CliRun batch =
        CliRun.withStdin("p\n", "batch", dir.resolve("missing.txt").toString(), "--phrase-stdin");
    assertAll(
        () -> assertEquals(ExitCodes.IO, batch.exitCode(), batch.err()),
        () -> assertFalse(JAVA_NAME.matcher(batch.err()).find(), batch.err()));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "--length=twenty|--length",
        "--revision=r4|--revision",
        "--level=extreme|--level",
      })
  void invalidValueIsSpelledOneWay(String testCase) {
    String[] parts = testCase.split("\\|");
    CliRun run = CliRun.withStdin("p\n", parts[0], "github.com");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(
        run.err().startsWith("mint: invalid value for option '" + parts[1] + "'"), run.err());
  }

  @Test
  void onlyVerifyListsExitCodeOne() {
    for (String command : new String[] {"derive", "check", "session", "batch", "normalize"}) {
      CliRun help = CliRun.run(command, "--help");
      assertFalse(help.out().contains("verify: at least one row failed"), command + help.out());
    }
    CliRun siteSet = CliRun.run("site", "set", "--help");
    assertFalse(siteSet.out().contains("verify: at least one row failed"), siteSet.out());
    CliRun verify = CliRun.run("verify", "--help");
    assertTrue(verify.out().contains("at least one row failed"), verify.out());
  }

  @Test
  void helpSiteSetShowsSiteSetsHelp() {
    CliRun viaHelp = CliRun.run("help", "site", "set");
    CliRun direct = CliRun.run("site", "set", "--help");
    assertEquals(0, viaHelp.exitCode(), viaHelp.err());
    assertTrue(direct.out().contains("Usage: mint site set"), direct.out());
    assertEquals(direct.out(), viaHelp.out());
  }

  @Test
  void siteHelpKeepsTheSitesFilePathOnOneLine() {
    CliRun help = CliRun.run("site", "--help");
    assertTrue(help.out().contains("~/.config/mint/sites.json"), help.out());
  }
}
