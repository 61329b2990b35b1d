package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.MintRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mint site set SITE --same-as OTHER} (mint-only) through the whole CLI, in-process, with a
 * sites file of the test's own. The sites are ones the rules data does not know (no rule lines on
 * standard error), except the data's Envato group for the shared sign-in.
 */
class SiteSameAsTest {
  static final String PHRASE = "same as phrase";
  static final String ONE = "one.invalid";
  static final String TWO = "two.invalid";
  static final String THREE = "three.invalid";

  @TempDir Path dir;

  Path sites() {
    return dir.resolve("sites.json");
  }

  CliRun in(Path file, String stdin, String... args) {
    return CliRun.run(
        stdin.getBytes(StandardCharsets.UTF_8), Map.of("MINT_SITES", file.toString()), args);
  }

  CliRun run(String... args) {
    return in(sites(), "", args);
  }

  /** {@code mint --phrase-stdin ARGS}. */
  CliRun derive(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--phrase-stdin";
    System.arraycopy(args, 0, all, 1, args.length);
    return in(sites(), PHRASE + "\n", all);
  }

  static String password(MintRequest request) {
    return SiteRulesCliTest.password(request, PHRASE);
  }

  String file() throws IOException {
    return Files.readString(sites());
  }

  @Test
  void anEntryMadeWithSameAsGivesTheOtherSitesPasswordAndFollowsIt() throws IOException {
    assertEquals(0, run("site", "set", TWO, "--length", "20").exitCode());
    CliRun set = run("site", "set", ONE, "--same-as", TWO);
    assertEquals(0, set.exitCode(), set.err());
    assertEquals("added " + ONE + ": same as " + TWO + " (" + sites() + ")\n", set.err());
    JsonNode entry = new ObjectMapper().readTree(file()).get("sites").get(1);
    assertEquals(TWO, entry.get("sameAs").asText());
    assertFalse(entry.has("length"), "no settings of its own: " + entry);

    String two = password(MintRequest.builder(TWO).length(20).build());
    CliRun one = derive(ONE);
    assertAll(
        () -> assertEquals(0, one.exitCode(), one.err()),
        () -> assertEquals(two + "\n", one.out()),
        () -> assertEquals(derive(TWO).out(), one.out()),
        () ->
            assertEquals(
                ONE
                    + ": the password of "
                    + TWO
                    + " (same account, from sites.json)\n"
                    + "two.invalid (r3): length 20 (from sites.json)\n",
                one.err()),
        // never silent, even with --quiet
        () ->
            assertEquals(
                ONE + ": the password of " + TWO + " (same account, from sites.json)\n",
                derive("-q", ONE).err()),
        // options typed lie over the other site's settings, as for it
        () ->
            assertEquals(derive(TWO, "--length", "24").out(), derive(ONE, "--length", "24").out()));

    // a bump of the other site moves both; a bump of this one is refused, the file unchanged
    assertEquals(0, run("site", "bump", TWO).exitCode());
    String bumped = password(MintRequest.builder(TWO).length(20).version("2").build());
    assertEquals(bumped + "\n", derive(ONE).out());
    assertNotEquals(two, bumped);
    String before = file();
    CliRun bump = run("site", "bump", ONE);
    assertEquals(3, bump.exitCode(), bump.err());
    assertEquals(
        "mint: site: "
            + ONE
            + " is the same as "
            + TWO
            + ": bump that one ('mint site bump "
            + TWO
            + "'), which changes both\n",
        bump.err());
    // no settings of its own to store: site set with options, derive --save
    CliRun setLength = run("site", "set", ONE, "--length", "30");
    assertEquals(3, setLength.exitCode(), setLength.err());
    assertTrue(setLength.err().contains("has no settings of its own"), setLength.err());
    CliRun save = derive("--save", ONE);
    assertEquals(3, save.exitCode(), save.err());
    assertEquals("", save.out());
    assertEquals(before, file());
    // a note only is fine
    assertEquals(0, run("site", "set", ONE, "--note", "icloud").exitCode());

    // session and batch lines: the same password; batch's first column says whose it is
    CliRun session = in(sites(), PHRASE + "\n" + ONE + "\n", "session", "--phrase-stdin", "-q");
    assertEquals(bumped + "\n", session.out(), session.err());
    CliRun batch = in(sites(), PHRASE + "\n" + ONE + "\n", "batch", "--phrase-stdin");
    assertEquals(ONE + " (same as " + TWO + ")\t" + bumped + "\n", batch.out(), batch.err());
    assertEquals("", batch.err());
  }

  @Test
  void withoutAnEntryForTheOtherSiteItsPageDefaults() {
    assertEquals(
        0, run("site", "set", ONE, "--same-as", "https://www." + TWO + "/login").exitCode());
    CliRun one = derive(ONE);
    assertEquals(password(MintRequest.builder(TWO).build()) + "\n", one.out(), one.err());
    assertTrue(one.err().endsWith("\nnormalized site: two.invalid (revision r3)\n"), one.err());
  }

  @Test
  void aChainALoopItselfAndSiteOptionsAreRefusedAndTheFileKept() throws IOException {
    assertEquals(0, run("site", "set", ONE, "--same-as", TWO).exitCode());
    assertEquals(0, run("site", "set", THREE).exitCode());
    String before = file();

    CliRun chain = run("site", "set", TWO, "--same-as", THREE);
    assertEquals(3, chain.exitCode(), chain.err());
    assertEquals(
        "mint: same-as: "
            + ONE
            + " is the same as "
            + TWO
            + ", which is the same as "
            + THREE
            + ": a chain (or a loop); --same-as names a site with settings of its own; nothing"
            + " stored\n",
        chain.err());
    CliRun loop = run("site", "set", TWO, "--same-as", ONE);
    assertEquals(3, loop.exitCode(), loop.err());
    assertTrue(loop.err().contains(": a chain (or a loop); "), loop.err());
    CliRun onto = run("site", "set", THREE, "--same-as", ONE);
    assertEquals(3, onto.exitCode(), onto.err());
    CliRun self = run("site", "set", THREE, "--same-as", "www." + THREE);
    assertEquals(3, self.exitCode(), self.err());
    assertTrue(self.err().contains(", which is itself: "), self.err());
    CliRun options = run("site", "set", THREE, "--same-as", TWO, "--length", "20");
    assertEquals(2, options.exitCode(), options.err());
    assertTrue(options.err().startsWith("mint: --same-as takes no site options"), options.err());
    CliRun blank = run("site", "set", THREE, "--same-as", " ");
    assertEquals(3, blank.exitCode(), blank.err());
    assertEquals(before, file());
    // a second entry for the other site would leave the choice open: refused too
    assertEquals(0, run("site", "set", TWO).exitCode());
    String withTwo = file();
    CliRun second = run("site", "set", TWO, "--account", "work");
    assertEquals(3, second.exitCode(), second.err());
    assertTrue(second.err().contains(", which has 2 entries: "), second.err());
    for (CliRun refused : new CliRun[] {chain, loop, onto, self, options, blank, second}) {
      assertEquals(1, refused.err().lines().count(), refused.err());
    }
    assertEquals(withTwo, file());
    assertFalse(before.equals(withTwo));
    // removing the other site's entry says what changes
    CliRun rm = run("site", "rm", TWO);
    assertEquals(0, rm.exitCode(), rm.err());
    assertTrue(
        rm.err()
            .endsWith(
                "mint: warning: "
                    + ONE
                    + " is the same as "
                    + TWO
                    + ", whose entry this was: it now gives "
                    + TWO
                    + "'s password with the page's defaults\n"),
        rm.err());
  }

  @Test
  void aFileThatHoldsAChainIsRefusedAtDeriveTimeExit4() throws IOException {
    Files.writeString(
        sites(),
        "{\"format\": \"mint-sites/1\", \"sites\": ["
            + "{\"site\": \"one.invalid\", \"sameAs\": \"two.invalid\"},"
            + "{\"site\": \"two.invalid\", \"sameAs\": \"one.invalid\"}]}\n");
    String before = file();
    CliRun one = derive(ONE);
    assertEquals(4, one.exitCode(), one.err());
    assertEquals("", one.out());
    assertTrue(one.err().contains(": a chain (or a loop); "), one.err());
    assertEquals(1, one.err().lines().count(), one.err());
    // an entry with sameAs and settings of its own is a bad value of the file
    Files.writeString(
        sites(),
        "{\"format\": \"mint-sites/1\", \"sites\": ["
            + "{\"site\": \"one.invalid\", \"sameAs\": \"two.invalid\", \"length\": 20}]}\n");
    CliRun both = run("site", "list");
    assertEquals(4, both.exitCode(), both.err());
    assertTrue(both.err().contains("length: an entry with \"sameAs\" has no settings"), both.err());
    assertEquals(before.isEmpty(), false);
  }

  @Test
  void showListExportAndImportKeepIt() throws IOException {
    assertEquals(0, run("site", "set", TWO, "--length", "20", "--no-symbols").exitCode());
    assertEquals(
        0, run("site", "set", ONE, "--same-as", TWO, "--account", "me", "--note", "n").exitCode());
    String expected = derive(TWO).out();

    CliRun show = run("site", "show", ONE);
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(
        show.out().contains("\nsame as     " + TWO + " (its password, with its settings: "),
        show.out());
    String line =
        show.out().lines().filter(l -> l.startsWith("derive      ")).findFirst().orElseThrow();
    assertEquals(
        "derive      mint derive --no-profile --revision r3 --length 20 --no-symbols " + TWO, line);
    String[] command = line.substring("derive      mint ".length()).split(" ");
    String[] withPhrase = new String[command.length + 1];
    System.arraycopy(command, 0, withPhrase, 0, command.length);
    withPhrase[command.length] = "--phrase-stdin";
    assertEquals(expected, in(sites(), PHRASE + "\n", withPhrase).out());

    CliRun list = run("site", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.startsWith(ONE) && l.endsWith("same as " + TWO + "; n")),
        list.out());

    Path exported = dir.resolve("export.json");
    assertEquals(0, run("site", "export", exported.toString()).exitCode());
    Path other = dir.resolve("other.json");
    CliRun imported = in(other, "", "site", "import", exported.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals(expected, in(other, PHRASE + "\n", "--phrase-stdin", ONE).out());
    assertEquals(Files.readString(sites()), Files.readString(other));
    CliRun again = in(other, "", "site", "import", exported.toString());
    assertTrue(
        again.err().endsWith(": 0 added, 0 updated, 2 unchanged, 0 conflicting\n"), again.err());

    // an import that would make a chain is refused whole
    Files.writeString(
        exported,
        "{\"format\": \"mint-sites/1\", \"sites\": ["
            + "{\"site\": \"two.invalid\", \"sameAs\": \"three.invalid\"}]}\n");
    String kept = Files.readString(other);
    CliRun chain = in(other, "", "site", "import", exported.toString(), "--replace");
    assertEquals(3, chain.exitCode(), chain.err());
    assertTrue(chain.err().contains("a chain (or a loop)"), chain.err());
    assertEquals(kept, Files.readString(other));
  }

  /** The data's shared-credentials group of Envato's sites: the message, then its suggestion. */
  @Test
  void theSharedSignInMessageSuggestsSameAsAndFollowingItGivesTheStoredSitesPassword() {
    assertEquals(0, run("site", "set", "envato.com").exitCode());
    CliRun shared = derive("photodune.net");
    assertTrue(
        shared
            .err()
            .contains(
                "mint: photodune.net signs in with the same account as envato.com, stored; use"
                    + " 'mint envato.com' or 'mint site set photodune.net --same-as envato.com'\n"),
        shared.err());
    assertEquals(0, run("site", "set", "photodune.net", "--same-as", "envato.com").exitCode());
    CliRun same = derive("photodune.net");
    assertEquals(derive("envato.com").out(), same.out(), same.err());
    assertFalse(same.err().contains("signs in with"), same.err());
    assertTrue(same.err().startsWith("photodune.net: the password of envato.com ("), same.err());
  }

  /**
   * A weakened entry of OTHER shows under --quiet for SITE too, named as OTHER's (whose settings
   * are used), and site set's message for a change of sameAs says the old and the new target.
   */
  @Test
  void aWeakenedOtherEntryIsNamedAsOthersAndAChangedTargetIsSaid() throws IOException {
    assertEquals(0, run("site", "set", TWO, "--length", "12").exitCode());
    assertEquals(0, run("site", "set", THREE).exitCode());
    assertEquals(0, run("site", "set", ONE, "--same-as", TWO).exitCode());
    assertEquals(
        ONE
            + ": the password of "
            + TWO
            + " (same account, from sites.json)\n"
            + "mint: "
            + TWO
            + "'s stored entry weakens its password: length 12 (from sites.json)\n",
        derive("-q", ONE).err());
    CliRun moved = run("site", "set", ONE, "--same-as", THREE);
    assertEquals(0, moved.exitCode(), moved.err());
    assertEquals(
        "updated " + ONE + ": same as " + TWO + " -> same as " + THREE + " (" + sites() + ")\n",
        moved.err());
  }
}
