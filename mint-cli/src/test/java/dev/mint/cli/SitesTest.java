package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.sites.store.SitesFileTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites through the real command line: matching a typed site to an entry, the merge (typed over
 * stored over the page's defaults), the standard error line, accounts, --save, and the {@code site}
 * commands.
 */
class SitesTest {
  static final String PHRASE = MintCliTest.MARKER;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  Path sites() {
    return dir.resolve("sites.json");
  }

  CliRun run(String... args) {
    return CliRun.run(
        (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", sites().toString()),
        args);
  }

  CliRun ok(String... args) {
    CliRun run = run(args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  static String password(MintRequest request) {
    try (Password password = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(password.toCharArray()) + "\n";
    }
  }

  @Test
  void aStoredEntryIsUsedForEveryFormOfTheSite() {
    ok("site", "set", "github.com", "--site-version", "3", "--length", "20", "--no-symbols");
    String expected =
        password(MintRequest.builder("github.com").version(3).length(20).symbols(false).build());
    for (String typed :
        List.of(
            "github.com",
            "www.github.com",
            "https://github.com/login",
            "GitHub.com",
            "http://www.github.com:443/x?y#z")) {
      CliRun run = ok("--phrase-stdin", typed);
      assertAll(
          () -> assertEquals(expected, run.out(), typed),
          () ->
              assertEquals(
                  "github (r3): version 3, length 20, no symbols (from sites.json)\n", run.err()));
    }
    CliRun other = ok("--phrase-stdin", "gitlab.com");
    assertEquals(password(MintRequest.builder("gitlab.com").build()), other.out());
    assertEquals("normalized site: gitlab (revision r3)\n", other.err(), "as before profiles");
  }

  @Test
  void aSiteWithoutAnEntryBehavesExactlyAsBefore() {
    CliRun run = ok("--phrase-stdin", "--length", "24", "github.com");
    assertEquals(password(MintRequest.builder("github.com").length(24).build()), run.out());
    assertEquals("normalized site: github (revision r3)\n", run.err());
    assertFalse(Files.exists(sites()), "deriving creates no file");
  }

  /** Typed beats stored beats the page's default, setting by setting, for that run only. */
  @Test
  void typedOptionsOverrideStoredOnesWhichOverrideTheDefaults() throws IOException {
    ok(
        "site",
        "set",
        "github.com",
        "--site-version",
        "3",
        "--length",
        "20",
        "--no-symbols",
        "--level",
        "high");
    byte[] stored = Files.readAllBytes(sites());
    CliRun run = ok("--phrase-stdin", "--length", "24", "--symbols", "github.com");
    assertAll(
        () ->
            assertEquals(
                password(
                    MintRequest.builder("github.com")
                        .version(3)
                        .length(24)
                        .level(Level.HIGH)
                        .build()),
                run.out()),
        () ->
            assertEquals(
                "github (r3): version 3, level high (from sites.json);"
                    + " length 24, symbols (from the command line)\n",
                run.err()),
        () ->
            assertTrue(
                java.util.Arrays.equals(stored, Files.readAllBytes(sites())),
                "an override is for that run only"));
    CliRun again = ok("--phrase-stdin", "--quiet", "github.com");
    assertEquals(
        password(
            MintRequest.builder("github.com")
                .version(3)
                .length(20)
                .symbols(false)
                .level(Level.HIGH)
                .build()),
        again.out());
    assertEquals(
        "mint: github.com's stored entry weakens its password: no symbols (from sites.json)\n",
        again.err(),
        "--quiet hides the settings line, not a stored weakening (C15)");
  }

  @Test
  void theStandardErrorLineShowsAWeakenedEntry() {
    ok(
        "site",
        "set",
        "github.com",
        "--length",
        "12",
        "--no-upper",
        "--no-symbols",
        "--allow-ambiguous",
        "--revision",
        "r2");
    CliRun run = ok("--phrase-stdin", "github.com");
    assertEquals(
        "github (r2): revision r2, length 12, no upper, no symbols, ambiguous allowed"
            + " (from sites.json)\n",
        run.err());
  }

  @Test
  void anEntryWithThePagesDefaultsSaysSo() {
    ok("site", "set", "github.com", "--account", "work");
    CliRun run = ok("--phrase-stdin", "github.com");
    assertEquals("github (r3, account work): page defaults (from sites.json)\n", run.err());
  }

  @Test
  void twoAccountsOnOneSiteAreToldApartByAccount() {
    ok("site", "set", "github.com", "--account", "work", "--site-version", "2");
    ok("site", "set", "github.com", "--account", "home", "--site-version", "5");
    CliRun ambiguous = run("--phrase-stdin", "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, ambiguous.exitCode()),
        () -> assertEquals("", ambiguous.out()),
        () ->
            assertTrue(
                ambiguous
                    .err()
                    .contains("for the accounts work, home: choose one with" + " --account NAME"),
                ambiguous.err()));
    assertEquals(
        password(MintRequest.builder("github.com").version(2).build()),
        ok("--phrase-stdin", "--account", "work", "www.github.com").out());
    assertEquals(
        password(MintRequest.builder("github.com").version(5).build()),
        ok("--phrase-stdin", "--account", "home", "github.com").out());
    CliRun unknown = run("--phrase-stdin", "--account", "school", "github.com");
    assertEquals(ExitCodes.INVALID_INPUT, unknown.exitCode());
    assertTrue(unknown.err().startsWith("mint: account: no entry of "), unknown.err());
    assertEquals(ExitCodes.USAGE, run("site", "bump", "github.com").exitCode());
  }

  @Test
  void saveStoresTheOptionsUsed() throws IOException {
    CliRun first = ok("--phrase-stdin", "--save", "--length", "20", "https://www.github.com/x");
    assertTrue(
        first
            .err()
            .endsWith("saved https://www.github.com/x: revision r3, length 20 (" + sites() + ")\n"),
        first.err());
    ok("--phrase-stdin", "--save", "--no-digits", "github.com");
    CliRun later = ok("--phrase-stdin", "github.com");
    assertEquals(
        password(MintRequest.builder("github.com").length(20).digits(false).build()), later.out());
    JsonNode entries = JSON.readTree(sites().toFile()).get("sites");
    assertEquals(1, entries.size(), "one entry, updated");
    assertEquals(
        "https://www.github.com/x",
        entries.get(0).get("site").textValue(),
        "the site as first typed");
  }

  @Test
  void setChangesOnlyTheOptionsGiven() throws IOException {
    ok("site", "set", "github.com", "--length", "20", "--no-symbols", "--note", "main");
    CliRun update = ok("site", "set", "www.github.com", "--site-version", "4");
    assertEquals("", update.out());
    assertEquals("updated github.com: version 1 -> 4 (" + sites() + ")\n", update.err());
    JsonNode entry = JSON.readTree(sites().toFile()).get("sites").get(0);
    assertAll(
        () -> assertEquals("github.com", entry.get("site").textValue()),
        () -> assertEquals("4", entry.get("version").textValue()),
        () -> assertEquals(20, entry.get("length").intValue()),
        () -> assertFalse(entry.get("symbols").booleanValue()),
        () -> assertEquals("main", entry.get("note").textValue()));
  }

  @Test
  void bumpMovesTheVersionByOneAndSaysSo() {
    ok("site", "set", "github.com", "--site-version", "3");
    CliRun bump = ok("site", "bump", "https://github.com/");
    assertEquals("", bump.out(), "only list, show and export print the file");
    assertEquals(
        "github.com: version 3 -> 4 ("
            + sites()
            + ")\nchange it at: https://github.com/settings/security\n",
        bump.err());
    assertEquals(
        password(MintRequest.builder("github.com").version(4).build()),
        ok("--phrase-stdin", "github.com").out());
  }

  @Test
  void rmRemovesTheEntry() {
    ok("site", "set", "github.com", "--length", "20");
    CliRun rm = ok("site", "rm", "www.github.com");
    assertEquals("removed github.com (" + sites() + ")\n", rm.err());
    assertEquals(
        "normalized site: github (revision r3)\n", ok("--phrase-stdin", "github.com").err());
    assertEquals(ExitCodes.INVALID_INPUT, run("site", "rm", "github.com").exitCode());
  }

  @Test
  void listShowsEveryEntryAndMarksOldRevisions() {
    ok("site", "set", "github.com", "--length", "20", "--no-symbols", "--note", "main one");
    ok(
        "site",
        "set",
        "mail.example.co.uk",
        "--revision",
        "r1",
        "--allow-ambiguous",
        "--account",
        "me");
    CliRun list = ok("site", "list");
    assertEquals(
        String.join(
            "\n",
            "SITE                ACCOUNT  REV  VERSION  LENGTH  CLASSES   LEVEL     NOTE",
            "github.com                   r3   1        20      Aa9-      standard  main one",
            "mail.example.co.uk  me       r1*  1        16      Aa9!+amb  standard",
            "* on an older page (r1/r2): 'mint site show SITE' says how the site normalizes on r3",
            ""),
        list.out());
    CliRun json = ok("site", "list", "--json");
    assertTrue(json.out().startsWith("[\n  {\n    \"site\": \"github.com\""), json.out());
    assertEquals("", list.err());
  }

  @Test
  void listOfNoEntriesSaysSoOnStandardError() {
    CliRun list = ok("site", "list");
    assertEquals("", list.out());
    assertTrue(list.err().startsWith("no entries in "), list.err());
  }

  /** The command line {@code site show} prints gives the entry's password without the file. */
  @Test
  void showPrintsACommandLineThatReproducesTheEntryWithoutTheFile() {
    List<String[]> entries =
        List.of(
            new String[] {"github.com", "--site-version", "3", "--length", "20", "--no-symbols"},
            new String[] {
              "mail.example.co.uk",
              "--revision",
              "r1",
              "--allow-ambiguous",
              "--level",
              "high",
              "--no-digits"
            },
            new String[] {"it's a site", "--revision", "r2", "--site-version", "007"});
    for (String[] entry : entries) {
      List<String> set = new ArrayList<>(List.of("site", "set"));
      set.addAll(List.of(entry));
      ok(set.toArray(String[]::new));
      CliRun show = ok("site", "show", entry[0]);
      String line =
          show.out()
              .lines()
              .filter(l -> l.startsWith("derive "))
              .findFirst()
              .orElseThrow()
              .substring("derive".length())
              .strip();
      List<String> args = shellWords(line);
      assertEquals(List.of("mint", "derive", "--no-profile"), args.subList(0, 3), line);
      List<String> derive = new ArrayList<>(List.of("derive", "--phrase-stdin", "--quiet"));
      derive.addAll(args.subList(2, args.size()));
      CliRun withoutFile =
          CliRun.run(
              (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
              Map.of("MINT_SITES", dir.resolve("none.json").toString()),
              derive.toArray(String[]::new));
      CliRun withFile = ok("--phrase-stdin", "--quiet", entry[0]);
      assertEquals(withFile.out(), withoutFile.out(), line);
    }
    CliRun old = ok("site", "show", "mail.example.co.uk");
    assertTrue(old.out().contains("\non r3       example (another name than on r1;"), old.out());
  }

  /** Splits a POSIX shell line of plain and single-quoted words, as {@code site show} quotes. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == '\\' && !quoted) {
        word.append(line.charAt(++i));
      } else if (c == ' ' && !quoted) {
        if (any || word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
      }
    }
    words.add(word.toString());
    return words;
  }

  @Test
  void exportAndImportMergeReportingConflicts() throws IOException {
    ok("site", "set", "github.com", "--length", "20");
    ok("site", "set", "gitlab.com", "--site-version", "2");
    CliRun export = ok("site", "export");
    Path exported = dir.resolve("export.json");
    ok("site", "export", exported.toString());
    assertEquals(export.out(), Files.readString(exported));
    assertEquals("rw-------", SitesFileTest.mode(exported));
    assertEquals(Files.readString(sites()), export.out());

    Path other = dir.resolve("other.json");
    CliRun setUp =
        CliRun.run(
            new byte[0],
            Map.of("MINT_SITES", other.toString()),
            "site",
            "set",
            "www.github.com",
            "--length",
            "24");
    assertEquals(0, setUp.exitCode(), setUp.err());
    for (String[] args :
        List.of(
            new String[] {
              "site", "set", "gitlab.com", "--site-version", "2", "--note", "from the other machine"
            },
            new String[] {"site", "set", "example.org"},
            new String[] {"site", "set", "example.net", "--account", "work"})) {
      assertEquals(
          0, CliRun.run(new byte[0], Map.of("MINT_SITES", other.toString()), args).exitCode());
    }
    byte[] before = Files.readAllBytes(sites());
    CliRun merge = run("site", "import", other.toString());
    // a conflict is exit 3, so a script notices it; the other entries are imported
    assertEquals(ExitCodes.INVALID_INPUT, merge.exitCode(), merge.err());
    assertAll(
        () -> assertEquals("", merge.out()),
        () ->
            assertTrue(
                merge
                    .err()
                    .startsWith(
                        "conflict: www.github.com (revision r3, length"
                            + " 24) differs from the stored github.com (revision r3, length 20): skipped"),
                merge.err()),
        () ->
            assertTrue(
                merge
                    .err()
                    .endsWith(
                        "imported " + other + ": 2 added, 1 updated, 0 unchanged, 1 conflicting\n"),
                merge.err()));
    assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(sites())));
    CliRun again = run("site", "import", other.toString());
    assertEquals(ExitCodes.INVALID_INPUT, again.exitCode(), again.err());
    assertTrue(
        again.err().endsWith(": 0 added, 0 updated, 3 unchanged, 1 conflicting\n"), again.err());
    CliRun replace = ok("site", "import", "--replace", other.toString());
    assertTrue(
        replace.err().endsWith(": 0 added, 1 updated, 3 unchanged, 0 conflicting\n"),
        replace.err());
    assertEquals(
        password(MintRequest.builder("github.com").length(24).build()),
        ok("--phrase-stdin", "--quiet", "github.com").out());
    Set<String> sitesNow = Set.copyOf(JSON.readTree(sites().toFile()).findValuesAsText("site"));
    assertEquals(Set.of("www.github.com", "gitlab.com", "example.org", "example.net"), sitesNow);
  }

  /** C14: only site list, show and export print the file's content on standard output. */
  @Test
  void nothingFromTheFileReachesStandardOutputExceptListShowAndExport() throws IOException {
    String note = "note-marker-q8";
    ok("site", "set", "github.com", "--note", note, "--account", "acct-marker-q8");
    Path incoming = dir.resolve("in.json");
    ok("site", "export", incoming.toString());
    List<String[]> quiet =
        List.of(
            new String[] {"--phrase-stdin", "github.com"},
            new String[] {"--phrase-stdin", "--save", "--length", "20", "github.com"},
            new String[] {"site", "set", "github.com", "--length", "21"},
            new String[] {"site", "bump", "github.com"},
            new String[] {"site", "import", incoming.toString()},
            new String[] {"site", "export", dir.resolve("out.json").toString()},
            new String[] {"site", "rm", "github.com"});
    for (String[] args : quiet) {
      // the import conflicts with the changed entry: exit 3
      CliRun run = args[1].equals("import") ? run(args) : ok(args);
      String out = run.out();
      assertAll(
          () -> assertFalse(out.contains("marker-q8"), String.join(" ", args) + ": " + out),
          () -> assertFalse(out.contains("github.com"), out),
          () -> assertTrue(out.isEmpty() || out.matches("[!-~]{16,21}\n"), out));
    }
  }

  @Test
  void aSiteNamedSiteIsDerivedWithDerive() {
    CliRun run = ok("derive", "--phrase-stdin", "site");
    assertEquals(password(MintRequest.builder("site").build()), run.out());
    assertEquals(ExitCodes.USAGE, run("site").exitCode());
  }

  @Test
  void everySiteCommandHasHelpThatTeaches() {
    for (String command : List.of("set", "list", "show", "rm", "bump", "export", "import")) {
      CliRun help = ok("site", command, "--help");
      assertTrue(help.out().contains("Usage: mint site " + command), help.out());
      assertTrue(help.out().contains("Exit status:"), help.out());
    }
    assertTrue(ok("site", "set", "--help").out().contains("--no-symbols"));
    assertTrue(ok("site", "--help").out().contains("$XDG_CONFIG_HOME/mint/sites.json"));
    assertTrue(ok("derive", "--help").out().contains("--no-profile"));
  }

  @Test
  void revisionsOtherThanR3MatchUnderTheirOwnRule() {
    // r1 keeps the whole host: "mail.example.co.uk" is its own site, "example.co.uk" another
    ok("site", "set", "mail.example.co.uk", "--revision", "r1", "--length", "30");
    CliRun same = ok("--phrase-stdin", "https://www.mail.example.co.uk/inbox");
    assertEquals(
        password(
            MintRequest.builder("https://www.mail.example.co.uk/inbox")
                .revision(Revision.R1)
                .length(30)
                .build()),
        same.out());
    CliRun other = ok("--phrase-stdin", "example.co.uk");
    assertEquals("normalized site: example (revision r3)\n", other.err());
  }
}
