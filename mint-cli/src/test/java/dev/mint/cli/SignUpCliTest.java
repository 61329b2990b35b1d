package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.testing.NodeJs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing up at a site with known password rules, through the whole CLI in-process: the entry mint
 * creates in the run ({@code --save} on a new site, a session line with {@code --save}) stores the
 * first version whose password the site accepts and prints that password, judged by Apple's parser
 * run by node (RulesAdviceCliTest's oracle); an existing entry is never moved silently. Settings
 * mint chose for the rules are not called a weakening; settings the user typed below the page's
 * defaults still are.
 */
class SignUpCliTest {
  private static final String BANK = "bankofamerica.com";

  @TempDir Path dir;

  CliRun in(String file, String stdin, String... args) {
    return CliRun.run(
        stdin.getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", dir.resolve(file).toString()),
        args);
  }

  CliRun derive(String file, String phrase, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--phrase-stdin";
    System.arraycopy(args, 0, all, 1, args.length);
    return in(file, phrase + "\n", all);
  }

  JsonNode onlyEntry(String file) throws IOException {
    JsonNode entries =
        new ObjectMapper().readTree(Files.readAllBytes(dir.resolve(file))).get("sites");
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  /**
   * The first of a fixed list of phrases whose password for {@code site}, with the settings {@code
   * site set} chooses for its rules, breaks the rules at version 1: the case a sign-up must move.
   */
  String phraseBrokenAtVersionOne(String site) {
    CliRun set = in("probe.json", "", "site", "set", site);
    assertEquals(0, set.exitCode(), set.err());
    for (int i = 0; i < 40; i++) {
      String phrase = "sign-up phrase " + i;
      if (derive("probe.json", phrase, site).err().contains("breaks the known rules")) {
        return phrase;
      }
    }
    throw new AssertionError("no phrase of 40 breaks the rules of " + site);
  }

  @Test
  void saveOnANewSitePrintsAndStoresAVersionTheSiteAccepts() throws IOException {
    NodeJs.require();
    String phrase = phraseBrokenAtVersionOne(BANK);

    CliRun save = derive("new.json", phrase, "--save", BANK);
    assertEquals(0, save.exitCode(), save.err());
    String password = save.out().strip();
    RulesAdviceCliTest.oracleAccepts(BANK, password);
    assertFalse(save.err().contains("to use it:"), save.err());
    JsonNode entry = onlyEntry("new.json");
    assertNotEquals("", entry.path("version").asText(""), entry.toString());
    assertNotEquals("1", entry.path("version").asText(), entry.toString());

    // the next derive uses the stored version: the same password, no complaint
    CliRun again = derive("new.json", phrase, BANK);
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(password, again.out().strip());
    assertFalse(again.err().contains("breaks"), again.err());
  }

  @Test
  void aSessionLineWithSaveOnANewSiteStoresAVersionTheSiteAccepts() throws IOException {
    NodeJs.require();
    String phrase = phraseBrokenAtVersionOne(BANK);

    CliRun session =
        in("session.json", phrase + "\n" + BANK + " --save\n\n", "session", "--phrase-stdin");
    assertEquals(0, session.exitCode(), session.err());
    String password = session.out().strip();
    RulesAdviceCliTest.oracleAccepts(BANK, password);
    CliRun again = derive("session.json", phrase, BANK);
    assertEquals(password, again.out().strip(), again.err());
    assertNotEquals("1", onlyEntry("session.json").path("version").asText("1"));
  }

  @Test
  void anExistingEntryIsNeverMovedSilently() throws IOException {
    NodeJs.require();
    String phrase = phraseBrokenAtVersionOne(BANK);
    Path file = dir.resolve("probe.json");
    byte[] before = Files.readAllBytes(file);
    CliRun plain = derive("probe.json", phrase, BANK);

    CliRun save = derive("probe.json", phrase, "--save", BANK);
    assertEquals(0, save.exitCode(), save.err());
    assertEquals(plain.out(), save.out(), "the password in use, unchanged");
    assertTrue(save.err().contains("breaks the known rules"), save.err());
    assertTrue(save.err().contains("to use it: mint site set " + BANK), save.err());
    assertArrayEquals(before, Files.readAllBytes(file), "the entry as it was");
  }

  @Test
  void settingsChosenForTheRulesAreNotCalledAWeakening() throws IOException {
    CliRun set = in("wsj.json", "", "site", "set", "wsj.com");
    assertEquals(0, set.exitCode(), set.err());
    JsonNode entry = onlyEntry("wsj.json");
    assertTrue(entry.path("length").asInt() < 16 || !entry.path("symbols").asBoolean(), "" + entry);
    assertEquals("rules of wsj.com", entry.path("chosenBy").asText(), entry.toString());

    CliRun quiet = derive("wsj.json", "a phrase", "--quiet", "wsj.com");
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertFalse(quiet.err().contains("weakens"), quiet.err());
    CliRun loud = derive("wsj.json", "a phrase", "wsj.com");
    assertFalse(loud.err().contains("weakens"), loud.err());
    assertTrue(loud.err().contains("(chosen by rules of wsj.com, wsj.json)"), loud.err());

    Path rows = dir.resolve("rows.txt");
    Files.writeString(rows, "wsj.com\n");
    CliRun batch = in("wsj.json", "a phrase\n", "batch", rows.toString(), "--phrase-stdin");
    assertEquals(0, batch.exitCode(), batch.err());
    assertFalse(batch.err().contains("weakens"), batch.err());

    CliRun show = in("wsj.json", "", "site", "show", "wsj.com");
    assertTrue(show.out().contains("\nchosen by   rules of wsj.com\n"), show.out());
  }

  @Test
  void aChosenByTheRulesDoNotBackIsNotBelieved() throws IOException {
    assertEquals(0, in("hand.json", "", "site", "set", "wsj.com").exitCode());
    Path file = dir.resolve("hand.json");
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(Files.readAllBytes(file));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("sites").get(0)).put("length", 12);
    Files.write(file, json.writeValueAsBytes(tree));
    assertEquals("rules of wsj.com", onlyEntry("hand.json").path("chosenBy").asText());

    CliRun quiet = derive("hand.json", "a phrase", "--quiet", "wsj.com");
    assertTrue(quiet.err().contains("weakens its password: length 12"), quiet.err());
  }

  @Test
  void aLengthTheUserTypedBelowTheDefaultIsStillAWeakening() throws IOException {
    CliRun set = in("own.json", "", "site", "set", "example.org", "--length", "12");
    assertEquals(0, set.exitCode(), set.err());
    assertTrue(onlyEntry("own.json").path("chosenBy").isMissingNode());
    CliRun quiet = derive("own.json", "a phrase", "--quiet", "example.org");
    assertEquals(
        "mint: example.org's stored entry weakens its password: length 12 (from own.json)\n",
        quiet.err());

    // typed over the rules' choice: the user's own, said again
    CliRun typed = in("wsj.json", "", "site", "set", "wsj.com");
    assertEquals(0, typed.exitCode(), typed.err());
    CliRun shorter = in("wsj.json", "", "site", "set", "wsj.com", "--length", "12");
    assertEquals(0, shorter.exitCode(), shorter.err());
    assertTrue(onlyEntry("wsj.json").path("chosenBy").isMissingNode(), shorter.err());
    CliRun after = derive("wsj.json", "a phrase", "--quiet", "wsj.com");
    assertTrue(after.err().contains("weakens its password: length 12"), after.err());
  }
}
