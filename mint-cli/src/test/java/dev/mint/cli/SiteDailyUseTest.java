package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site commands in a day of use. */
final class SiteDailyUseTest {
  private static final String PHRASE = "correct horse battery staple";

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("MINT_SITES", dir.resolve("config/mint/sites.json").toString());
  }

  private CliRun mint(String... args) {
    return CliRun.run((PHRASE + "\n").getBytes(StandardCharsets.UTF_8), env(), args);
  }

  private static String password(MintRequest request) {
    try (Password p = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(p.toCharArray());
    }
  }

  // choosing an entry by account ------------------------------------------------------------

  @Test
  void theEntryWithoutAnAccountIsChosenWithAccountDash() {
    assertEquals(0, mint("site", "set", "github.com", "--length", "20").exitCode());
    assertEquals(0, mint("site", "set", "github.com", "--account", "work").exitCode());
    CliRun ambiguous = mint("--phrase-stdin", "github.com");
    assertEquals(ExitCodes.USAGE, ambiguous.exitCode(), ambiguous.err());
    assertTrue(ambiguous.err().contains("--account -"), ambiguous.err());

    CliRun derived = mint("--phrase-stdin", "--account", "-", "github.com");
    assertEquals(0, derived.exitCode(), derived.err());
    assertEquals(
        password(MintRequest.builder("github.com").length(20).build()) + "\n", derived.out());

    CliRun show = mint("site", "show", "github.com", "--account", "-");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("--length 20"), show.out());

    CliRun changed = mint("site", "set", "github.com", "--account", "-", "--length", "24");
    assertEquals(0, changed.exitCode(), changed.err());
    assertTrue(changed.err().startsWith("updated github.com:"), changed.err());
    CliRun bumped = mint("site", "bump", "github.com", "--account", "-");
    assertEquals(0, bumped.exitCode(), bumped.err());
    assertTrue(bumped.err().startsWith("github.com: version 1 -> 2"), bumped.err());
    CliRun removed = mint("site", "rm", "github.com", "--account", "-");
    assertEquals(0, removed.exitCode(), removed.err());
    CliRun left = mint("--phrase-stdin", "github.com");
    assertEquals(0, left.exitCode(), "the work entry alone is left: " + left.err());
  }

  @Test
  void accountDashWithoutAnUnlabelledEntryIsNoEntry() {
    assertEquals(0, mint("site", "set", "github.com", "--account", "work").exitCode());
    CliRun run = mint("--phrase-stdin", "--account", "-", "github.com");
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err());
  }

  // warnings about versions and duplicate entries -------------------------------------------

  @Test
  void aBumpLandingOnAnotherAccountsVersionWarns() {
    assertEquals(
        0,
        mint("site", "set", "example.org", "--account", "home", "--site-version", "2").exitCode());
    CliRun work = mint("site", "set", "example.org", "--account", "work");
    assertEquals(0, work.exitCode(), work.err());
    assertFalse(work.err().contains("same password"), work.err());
    CliRun bump = mint("site", "bump", "example.org", "--account", "work");
    assertAll(
        () -> assertEquals(0, bump.exitCode(), bump.err()),
        () ->
            assertTrue(
                bump.err()
                    .contains(
                        "mint: warning: example.org (account work) and example.org"
                            + " (account home) give the same password"),
                bump.err()));
  }

  @Test
  void identicalEntriesWarn() {
    assertEquals(0, mint("site", "set", "a.com", "--account", "x").exitCode());
    CliRun second = mint("site", "set", "a.com", "--account", "y");
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.err().contains("give the same password"), second.err());
    assertTrue(
        second.err().contains("--site-version"), "says how to tell them apart: " + second.err());
  }

  // export ----------------------------------------------------------------------------------

  @Test
  void exportRefusesToOverwriteWithoutForce() throws Exception {
    assertEquals(0, mint("site", "set", "a.com").exitCode());
    Path target = Files.writeString(dir.resolve("backup.json"), "precious\n");
    CliRun refused = mint("site", "export", target.toString());
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.err()),
        () -> assertTrue(refused.err().contains("--force"), refused.err()),
        () -> assertEquals("precious\n", Files.readString(target)));
    CliRun forced = mint("site", "export", target.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(Files.readString(target).contains("a.com"));
  }

  @Test
  void exportSaysItHoldsThePhraseCheckAndCanLeaveItOut() throws Exception {
    assertEquals(0, mint("site", "set", "a.com").exitCode());
    assertEquals(0, mint("check", "--remember", "--phrase-stdin").exitCode());
    Path with = dir.resolve("with.json");
    CliRun run = mint("site", "export", with.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(with).contains("\"phraseCheck\""));
    assertTrue(run.err().contains("phrase check"), run.err());
    assertTrue(run.err().contains("--no-phrase-check"), run.err());

    Path without = dir.resolve("without.json");
    CliRun bare = mint("site", "export", without.toString(), "--no-phrase-check");
    assertEquals(0, bare.exitCode(), bare.err());
    assertFalse(Files.readString(without).contains("phraseCheck"), Files.readString(without));
    assertTrue(Files.readString(without).contains("a.com"));
    CliRun stdout = mint("site", "export", "--no-phrase-check");
    assertFalse(stdout.out().contains("phraseCheck"), stdout.out());
    assertTrue(mint("site", "list").out().contains("a.com"), "the sites file keeps its check");
    assertTrue(
        Files.readString(dir.resolve("config/mint/sites.json")).contains("phraseCheck"),
        "the sites file keeps its check");
  }

  // import ----------------------------------------------------------------------------------

  @Test
  void importConflictsExitNonZero() throws Exception {
    assertEquals(0, mint("site", "set", "a.com", "--length", "20").exitCode());
    Path other = dir.resolve("other.json");
    Files.writeString(
        other,
        "{\"format\": \"mint-sites/1\", \"sites\": [{\"site\": \"a.com\", \"revision\": \"r3\","
            + " \"version\": \"1\", \"length\": 24, \"upper\": true, \"lower\": true,"
            + " \"digits\": true, \"symbols\": true, \"excludeAmbiguous\": true,"
            + " \"level\": \"standard\", \"created\": \"2026-01-01\", \"updated\": \"2026-01-01\"}]}");
    CliRun run = mint("site", "import", other.toString());
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err()),
        () ->
            assertTrue(
                run.err().contains("0 added, 0 updated, 0 unchanged, 1 conflicting"), run.err()));
    CliRun replaced = mint("site", "import", other.toString(), "--replace");
    assertEquals(0, replaced.exitCode(), replaced.err());
  }

  @Test
  void aHandWrittenEntryWithoutDatesIsImportedWithTodaysDate() throws Exception {
    Path hand = dir.resolve("hand.json");
    Files.writeString(
        hand,
        "{\"format\": \"mint-sites/1\", \"sites\": [{\"site\": \"b.org\", \"revision\": \"r3\","
            + " \"version\": \"1\", \"length\": 16, \"upper\": true, \"lower\": true,"
            + " \"digits\": true, \"symbols\": true, \"excludeAmbiguous\": true,"
            + " \"level\": \"standard\"}]}");
    CliRun run = mint("site", "import", hand.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("1 added"), run.err());
    String stored = Files.readString(dir.resolve("config/mint/sites.json"));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertTrue(stored.contains("\"created\": \"" + today + "\""), stored);
    assertTrue(stored.contains("\"updated\": \"" + today + "\""), stored);
  }
}
