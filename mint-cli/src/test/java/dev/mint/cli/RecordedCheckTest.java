package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.output.XServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded phrase check through the real command line (in-process, with a sites file in a
 * directory of the test's own): {@code mint check --remember} records it; derive refuses a typo
 * (exit 3, both checks named, no password anywhere) and accepts the right phrase; {@code --force}
 * and {@code --no-profile} derive anyway; a damaged field is an I/O error.
 */
class RecordedCheckTest {
  private static final String PHRASE = "correct horse battery staple";
  private static final String TYPO = "correct horse battery stapel";

  @TempDir Path config;

  private Map<String, String> env() {
    return Map.of("XDG_CONFIG_HOME", config.toString());
  }

  private Path sitesFile() {
    return config.resolve("mint").resolve("sites.json");
  }

  private CliRun run(String phrase, String... args) {
    return CliRun.run((phrase + "\n").getBytes(StandardCharsets.UTF_8), env(), args);
  }

  private static String password(String phrase) {
    try (Password p =
        Mint.derive(MintRequest.builder("github.com").build(), phrase.toCharArray())) {
      return new String(p.toCharArray());
    }
  }

  private void remember() {
    CliRun run = run(PHRASE, "check", "--remember", "--phrase-stdin");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("upshot article (f40c)\n", run.out());
  }

  @Test
  void rememberRecordsTheHexDigitsOnlyInAPrivateFile() throws Exception {
    remember();
    String file = Files.readString(sitesFile());
    assertTrue(file.matches("(?s).*\"phraseCheck\"\\s*:\\s*\"f40c\".*"), file);
    assertFalse(file.contains("upshot"), file);
    assertFalse(file.contains(PHRASE), file);
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sitesFile())));
  }

  @Test
  void aTypoIsRefusedBeforeAnyPasswordIsShown() {
    remember();
    CliRun run = run(TYPO, "--phrase-stdin", "github.com");
    String typed = PhraseCheck.of(TYPO.toCharArray()).toString();
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, run.exitCode()),
        () -> assertEquals("", run.out()),
        () ->
            assertEquals(
                "mint: phrase check mismatch: typed "
                    + typed
                    + ", recorded upshot article (f40c) (a typo in the phrase? --force derives anyway)\n",
                run.err()),
        () -> assertFalse(run.err().contains(password(TYPO))),
        () -> assertFalse(run.err().contains(TYPO)));
  }

  @Test
  void theRightPhraseIsAccepted() {
    remember();
    CliRun run = run(PHRASE, "--phrase-stdin", "--quiet", "github.com");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(password(PHRASE) + "\n", run.out());
  }

  @Test
  void aTypoPutsNothingOnTheClipboard() throws Exception {
    remember();
    try (XServer x = XServer.start()) {
      x.copy("untouched");
      Map<String, String> env = new java.util.HashMap<>(x.env(config.resolve("runtime")));
      Files.createDirectories(config.resolve("runtime"));
      env.put("XDG_CONFIG_HOME", config.toString());
      CliRun run =
          CliRun.run(
              (TYPO + "\n").getBytes(StandardCharsets.UTF_8),
              env,
              "--phrase-stdin",
              "--clip",
              "5",
              "github.com");
      assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("mint: phrase check mismatch: typed "), run.err());
      assertEquals("untouched", x.read());
    }
  }

  @Test
  void forceAndNoProfileDeriveAnyway() {
    remember();
    CliRun forced = run(TYPO, "--phrase-stdin", "--quiet", "--force", "github.com");
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(password(TYPO) + "\n", forced.out());
    CliRun noProfile = run(TYPO, "--phrase-stdin", "--quiet", "--no-profile", "github.com");
    assertEquals(0, noProfile.exitCode(), noProfile.err());
    assertEquals(password(TYPO) + "\n", noProfile.out());
  }

  @Test
  void checkComparesWithTheRecordedOne() {
    remember();
    CliRun same = run(PHRASE, "check", "--phrase-stdin");
    assertEquals(0, same.exitCode(), same.err());
    assertTrue(same.err().startsWith("matches the check recorded in "), same.err());
    CliRun typo = run(TYPO, "check", "--phrase-stdin");
    assertEquals(ExitCodes.INVALID_INPUT, typo.exitCode());
    assertEquals(PhraseCheck.of(TYPO.toCharArray()) + "\n", typo.out());
    assertTrue(typo.err().startsWith("mint: phrase check mismatch: typed "), typo.err());
  }

  @Test
  void rememberingAgainReplacesAndSaysSo() {
    remember();
    CliRun again = run(TYPO, "check", "--remember", "--phrase-stdin");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("(replacing upshot article (f40c))"), again.err());
    CliRun derive = run(TYPO, "--phrase-stdin", "--quiet", "github.com");
    assertEquals(0, derive.exitCode(), derive.err());
  }

  @Test
  void theSiteEntriesAreKeptAndTheCheckSurvivesSiteCommands() throws Exception {
    CliRun set = run("", "site", "set", "github.com", "--length", "20");
    assertEquals(0, set.exitCode(), set.err());
    remember();
    CliRun bump = run("", "site", "bump", "github.com");
    assertEquals(0, bump.exitCode(), bump.err());
    assertTrue(Files.readString(sitesFile()).contains("f40c"));
    CliRun typo = run(TYPO, "--phrase-stdin", "github.com");
    assertEquals(ExitCodes.INVALID_INPUT, typo.exitCode());
    CliRun right = run(PHRASE, "--phrase-stdin", "--quiet", "github.com");
    assertEquals(0, right.exitCode(), right.err());
    try (Password p =
        Mint.derive(
            MintRequest.builder("github.com").length(20).version("2").build(),
            PHRASE.toCharArray())) {
      assertEquals(new String(p.toCharArray()) + "\n", right.out());
    }
  }

  @Test
  void aDamagedRecordedCheckIsAnIoErrorNamingTheFileAndField() throws Exception {
    remember();
    String file = Files.readString(sitesFile()).replace("f40c", "f40");
    Files.writeString(sitesFile(), file);
    CliRun run = run(PHRASE, "--phrase-stdin", "github.com");
    assertEquals(ExitCodes.IO, run.exitCode());
    assertEquals("", run.out());
    assertTrue(
        run.err().contains("sites.json: \"phraseCheck\": must be four hex digits"), run.err());
    CliRun check = run(PHRASE, "check", "--phrase-stdin");
    assertEquals(ExitCodes.IO, check.exitCode());
    assertEquals("", check.out());
  }
}
