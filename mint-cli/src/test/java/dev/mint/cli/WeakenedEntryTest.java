package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C15 in docs/THREAT_MODEL.md: a stored entry that weakens its password (a length below the page's
 * 16, a class turned off) is said on standard error wherever it is used, even under --quiet and in
 * batch; --save says the old and the new settings; site import lists what it changed. Exact
 * standard error throughout; standard output is the passwords, byte for byte.
 */
final class WeakenedEntryTest {
  private static final String PHRASE = MintCliTest.MARKER;
  private static final String WEAK_GITHUB =
      "github.com's stored entry weakens its password: length 12, no symbols (from sites.json)";

  @TempDir Path dir;

  private Path sites() {
    return dir.resolve("sites.json");
  }

  private CliRun run(String stdin, Path file, String... args) {
    return CliRun.run(
        stdin.getBytes(StandardCharsets.UTF_8), Map.of("MINT_SITES", file.toString()), args);
  }

  private CliRun ok(String... args) {
    return okWith(PHRASE + "\n", args);
  }

  private CliRun okWith(String stdin, String... args) {
    CliRun run = run(stdin, sites(), args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  private static String password(MintRequest request) {
    try (Password password = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  private static final String GITHUB =
      password(MintRequest.builder("github.com").length(12).symbols(false).build());
  private static final String EXAMPLE =
      password(MintRequest.builder("example.org").version(2).build());

  /** github.com weakened (length 12, no symbols), example.org only another version. */
  private void storeOneWeakAndOnePlainEntry() {
    ok("site", "set", "github.com", "--length", "12", "--no-symbols");
    ok("site", "set", "example.org", "--site-version", "2");
  }

  @Test
  void quietDeriveStillSaysAWeakenedStoredEntry() {
    storeOneWeakAndOnePlainEntry();
    CliRun quiet = ok("--phrase-stdin", "--quiet", "www.github.com");
    assertAll(
        () -> assertEquals(GITHUB + "\n", quiet.out()),
        () -> assertEquals("mint: " + WEAK_GITHUB + "\n", quiet.err()));
    CliRun loud = ok("--phrase-stdin", "github.com");
    assertEquals(
        "github (r3): length 12, no symbols (from sites.json)\n",
        loud.err(),
        "the settings line already says it: not twice");
    CliRun overridden = ok("--phrase-stdin", "-q", "--length", "20", "github.com");
    assertEquals(
        "mint: github.com's stored entry weakens its password: no symbols (from sites.json)\n",
        overridden.err(),
        "only the stored settings this derivation uses");
  }

  @Test
  void aStoredEntryThatDoesNotWeakenStaysSilentUnderQuiet() {
    ok(
        "site",
        "set",
        "example.org",
        "--site-version",
        "7",
        "--level",
        "high",
        "--allow-ambiguous",
        "--length",
        "30",
        "--revision",
        "r2",
        "--account",
        "me");
    assertEquals(
        "example (r2, account me): revision r2, version 7, length 30, ambiguous allowed,"
            + " level high (from sites.json)\n",
        ok("--phrase-stdin", "example.org").err(),
        "the entry is used");
    assertEquals("", ok("--phrase-stdin", "--quiet", "example.org").err());
    assertEquals("", ok("--phrase-stdin", "--quiet", "gitlab.com").err());
    assertEquals(
        "normalized site: gitlab (revision r3)\n", ok("--phrase-stdin", "gitlab.com").err());
  }

  @Test
  void batchAllSaysTheWeakenedEntryAndPrintsTheSamePasswords() throws Exception {
    storeOneWeakAndOnePlainEntry();
    CliRun all = ok("batch", "--all", "--phrase-stdin");
    assertAll(
        () -> assertEquals("github.com\t" + GITHUB + "\nexample.org\t" + EXAMPLE + "\n", all.out()),
        () -> assertEquals("mint: entry 1: " + WEAK_GITHUB + "\n", all.err()));
    Path list = Files.writeString(dir.resolve("list.txt"), "# mine\nexample.org\nwww.github.com\n");
    CliRun lines = ok("batch", list.toString(), "--phrase-stdin");
    assertAll(
        () ->
            assertEquals(
                "example.org\t" + EXAMPLE + "\nwww.github.com\t" + GITHUB + "\n", lines.out()),
        () -> assertEquals("mint: line 3: " + WEAK_GITHUB + "\n", lines.err()));
  }

  @Test
  void sessionSaysTheWeakenedEntryWithAndWithoutQuiet() {
    storeOneWeakAndOnePlainEntry();
    String input = PHRASE + "\ngithub.com\nexample.org\n";
    CliRun loud = okWith(input, "session", "--phrase-stdin");
    assertAll(
        () -> assertEquals(GITHUB + "\n" + EXAMPLE + "\n", loud.out()),
        () ->
            assertEquals(
                "github (r3): length 12, no symbols (from sites.json)\n"
                    + "example (r3): version 2 (from sites.json)\n",
                loud.err()));
    CliRun quiet = okWith(input, "session", "--phrase-stdin", "--quiet");
    assertAll(
        () -> assertEquals(loud.out(), quiet.out()),
        () -> assertEquals("mint: " + WEAK_GITHUB + "\n", quiet.err()));
  }

  @Test
  void saveSaysTheOldAndTheNewSettings() {
    CliRun created = ok("--phrase-stdin", "--save", "--length", "12", "--no-symbols", "github.com");
    assertAll(
        () -> assertEquals(GITHUB + "\n", created.out()),
        () ->
            assertEquals(
                "normalized site: github (revision r3)\n"
                    + "saved github.com: revision r3, length 12, no symbols (weaker) ("
                    + sites()
                    + ")\n",
                created.err()));
    CliRun updated = ok("--phrase-stdin", "--save", "--length", "20", "--symbols", "github.com");
    assertEquals(
        "github (r3): page defaults (from sites.json); length 20, symbols (from the command line)\n"
            + "updated github.com: length 12 -> 20, no symbols -> symbols ("
            + sites()
            + ")\n",
        updated.err());
    CliRun same = ok("--phrase-stdin", "--save", "github.com");
    assertEquals(
        "github (r3): length 20 (from sites.json)\n"
            + "updated github.com: nothing changed ("
            + sites()
            + ")\n",
        same.err());
  }

  @Test
  void quietSaveStillSaysAChangeThatWeakensTheEntry() {
    ok("site", "set", "shop.example", "--length", "20");
    CliRun stronger = ok("--phrase-stdin", "-q", "--save", "--length", "24", "shop.example");
    assertEquals("", stronger.err());
    CliRun weaker =
        ok("--phrase-stdin", "-q", "--save", "--length", "14", "--no-digits", "shop.example");
    assertAll(
        () ->
            assertEquals(
                password(MintRequest.builder("shop.example").length(14).digits(false).build())
                    + "\n",
                weaker.out()),
        () ->
            assertEquals(
                "updated shop.example: length 24 -> 14, digits -> no digits (weaker) ("
                    + sites()
                    + ")\n",
                weaker.err()));
    CliRun created = ok("--phrase-stdin", "-q", "--save", "--no-upper", "a.example");
    assertEquals(
        "saved a.example: revision r3, no upper (weaker) (" + sites() + ")\n", created.err());
    CliRun session =
        okWith(
            PHRASE + "\nb.example --length 13 --save\nb.example\n",
            "session",
            "--phrase-stdin",
            "-q");
    assertEquals(
        "saved b.example: revision r3, length 13 (weaker) ("
            + sites()
            + ")\n"
            + "mint: b.example's stored entry weakens its password: length 13 (from sites.json)\n",
        session.err());
  }

  @Test
  void setSaysTheOldAndTheNewSettings() {
    ok("site", "set", "shop.example", "--length", "20", "--note", "main");
    CliRun update = ok("site", "set", "www.shop.example", "--site-version", "4", "--no-lower");
    assertEquals(
        "updated shop.example: version 1 -> 4, lower -> no lower (weaker) (" + sites() + ")\n",
        update.err());
    CliRun note = ok("site", "set", "shop.example", "--note", "work");
    assertEquals("updated shop.example: note changed (" + sites() + ")\n", note.err());
    CliRun high = ok("site", "set", "shop.example", "--level", "high");
    assertEquals("updated shop.example: level standard -> high (" + sites() + ")\n", high.err());
    CliRun standard = ok("site", "set", "shop.example", "--level", "standard");
    assertEquals(
        "updated shop.example: level high -> standard (weaker) (" + sites() + ")\n",
        standard.err(),
        "fewer iterations than before");
  }

  @Test
  void importListsWhatItChangedAndMarksWhatWeakens() {
    ok("site", "set", "a.example", "--length", "20");
    ok("site", "set", "b.example");
    ok("site", "set", "c.example", "--length", "20");
    Path other = dir.resolve("other.json");
    for (String[] args :
        new String[][] {
          {"site", "set", "a.example", "--length", "24"},
          {"site", "set", "b.example", "--note", "from the laptop"},
          {"site", "set", "new.example"},
          {"site", "set", "weak.example", "--length", "12", "--no-upper"},
          {"site", "set", "www.c.example", "--length", "14"},
        }) {
      assertEquals(0, run("", other, args).exitCode());
    }
    CliRun merge = run("", sites(), "site", "import", other.toString());
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, merge.exitCode(), merge.err()),
        () -> assertEquals("", merge.out()),
        () ->
            assertEquals(
                "conflict: a.example (revision r3, length 24) differs from the stored a.example"
                    + " (revision r3, length 20): skipped (--replace takes FILE's)\n"
                    + "updated b.example: note changed\n"
                    + "added new.example: revision r3\n"
                    + "added weak.example: revision r3, length 12, no upper (weaker)\n"
                    + "conflict: www.c.example (revision r3, length 14) differs from the stored"
                    + " c.example (revision r3, length 20): skipped (--replace takes FILE's)\n"
                    + "imported "
                    + other
                    + ": 2 added, 1 updated, 0 unchanged, 2 conflicting\n",
                merge.err()));
    CliRun replace = ok("site", "import", "--replace", other.toString());
    assertEquals(
        "replaced a.example: length 20 -> 24\n"
            + "replaced c.example -> www.c.example: length 20 -> 14 (weaker)\n"
            + "imported "
            + other
            + ": 0 added, 2 updated, 3 unchanged, 0 conflicting\n",
        replace.err());
    CliRun again = ok("site", "import", other.toString());
    assertEquals(
        "imported " + other + ": 0 added, 0 updated, 5 unchanged, 0 conflicting\n", again.err());
  }
}
