package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site show}'s field lines, byte for byte: they are made from the settings table ({@code
 * SettingRow}), one line a setting, the four classes in one line.
 */
class SiteShowFieldsTest {
  @TempDir Path dir;

  private CliRun ok(String... args) {
    CliRun run =
        CliRun.run(new byte[0], Map.of("MINT_SITES", dir.resolve("sites.json").toString()), args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  /** The lines from {@code site} to {@code level} (the settings), without the dates and links. */
  private List<String> fields(String site) {
    return ok("site", "show", site)
        .out()
        .lines()
        .filter(l -> !l.matches("(created|updated|change at|derive) .*"))
        .collect(Collectors.toList());
  }

  @Test
  void theDefaultsShowEveryClassOnAndAmbiguousExcluded() {
    ok("site", "set", "github.com", "--no-rules");
    assertEquals(
        List.of(
            "site        github.com",
            "revision    r3",
            "version     1",
            "length      16",
            "classes     upper, lower, digits, symbols",
            "ambiguous   excluded (O I l 0 1)",
            "level       standard",
            "normalized  github"),
        fields("github.com"));
  }

  @Test
  void classesTurnedOffAreListedAfterTheOnesOn() {
    ok(
        "site",
        "set",
        "mail.example.co.uk",
        "--no-rules",
        "--revision",
        "r1",
        "--site-version",
        "007",
        "--length",
        "30",
        "--no-upper",
        "--no-symbols",
        "--allow-ambiguous",
        "--level",
        "high",
        "--account",
        "me",
        "--note",
        "a note");
    assertEquals(
        List.of(
            "site        mail.example.co.uk",
            "account     me",
            "revision    r1",
            "version     007",
            "length      30",
            "classes     lower, digits (no upper, no symbols)",
            "ambiguous   allowed",
            "level       high",
            "note        a note",
            "normalized  mail.example.co.uk",
            "on r3       example (another name than on r1; r3 also has other symbols, so moving"
                + " this site to r3 gives it a new password: plan it as a password change)"),
        fields("mail.example.co.uk"));
  }

  @Test
  void sessionsHelpListsEveryOptionOfTheTable() {
    String help = ok("session", "--help").out().replaceAll("\\s+", " ");
    assertEquals(
        true,
        help.contains(
            "Site options on a line: --site-version TEXT, --length N, --[no-]upper, --[no-]lower,"
                + " --[no-]digits, --[no-]symbols, --[no-]allow-ambiguous, --level LEVEL,"
                + " --revision REV, and for the sites file --account NAME,"),
        help);
  }
}
