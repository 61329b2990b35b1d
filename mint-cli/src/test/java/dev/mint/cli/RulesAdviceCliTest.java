package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.testing.DataText;
import dev.mint.testing.NodeJs;
import dev.mint.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose rules mint uses for a site and what it advises about them, through the whole CLI
 * in-process, each case in sites files of its own: rules of another domain are named as such, the
 * historical shared sign-ins are known, derive's advice and {@code site set} choose the same
 * settings, and no version search where a version cannot help. Every password mint says complies is
 * judged by Apple's parser run by node ({@link Oracle}), as in SiteRulesAcceptanceTest.
 */
class RulesAdviceCliTest {
  static final Pattern FOLLOW =
      Pattern.compile("to use (?:it|these settings): (mint site set [^\\n]*)\\n");
  static final Pattern FOUND = Pattern.compile("mint: version \\d+ makes a password [^\\n]*\\n");

  @TempDir Path dir;

  CliRun in(String file, String phrase, String... args) {
    return CliRun.run(
        (phrase + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", dir.resolve(file).toString()),
        args);
  }

  JsonNode onlyEntry(String file) throws IOException {
    JsonNode entries =
        new ObjectMapper().readTree(Files.readAllBytes(dir.resolve(file))).get("sites");
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  /** The first of a fixed list of phrases whose password for {@code site} breaks its rules. */
  String breakingPhrase(String file, String site) {
    for (int i = 0; i < 40; i++) {
      String phrase = "advice phrase " + i;
      if (in(file, phrase, "--phrase-stdin", site).err().contains("breaks the known rules")) {
        return phrase;
      }
    }
    throw new AssertionError("no phrase of 40 breaks the rules of " + site);
  }

  /** The printed command followed once in {@code file}, then the password derived there. */
  String follow(String file, String phrase, String site, String err) {
    Matcher m = FOLLOW.matcher(err);
    if (!m.find()) {
      fail("no command to follow:\n" + err);
    }
    String[] command = m.group(1).split(" ");
    CliRun store = in(file, "", Arrays.copyOfRange(command, 1, command.length));
    assertEquals(0, store.exitCode(), m.group(1) + ": " + store.err());
    CliRun again = in(file, phrase, "--phrase-stdin", site);
    assertEquals(0, again.exitCode(), again.err());
    assertFalse(again.err().contains("breaks"), m.group(1) + ": " + again.err());
    return again.out().strip();
  }

  static void oracleAccepts(String domain, String password) {
    JsonNode verdict =
        Oracle.check(List.of(DataText.of(domain)), List.of(password.toCharArray())).get(0);
    assertTrue(verdict.path("ok").asBoolean(), domain + ": " + verdict);
  }

  @Test
  void rulesOfAnotherDomainAreNamedAsSuchBeforeAnythingIsStoredOrPrinted() {
    CliRun set = in("a.json", "", "site", "set", "hsbc.com");
    assertEquals(0, set.exitCode(), set.err());
    String named =
        "rules of hsbc.com.hk, which shares its name with hsbc.com (the page makes one password"
            + " for both):\n";
    assertTrue(set.err().startsWith(named), set.err());
    assertTrue(set.err().indexOf(named) < set.err().indexOf("added hsbc.com"), set.err());

    String phrase = breakingPhrase("b.json", "hsbc.com");
    CliRun derive = in("b.json", phrase, "--phrase-stdin", "hsbc.com");
    assertTrue(
        derive
            .err()
            .contains(
                "mint: this password breaks the known rules of hsbc.com.hk, which shares its name"
                    + " with hsbc.com (the page makes one password for both):\n"),
        derive.err());

    // mint rules says how it matched: the site's own domain, a shared sign-in, the same name
    assertTrue(in("c.json", "", "rules", "apple.com").out().contains("\n  matched: exact\n"));
    assertTrue(
        in("c.json", "", "rules", "login.apple.com")
            .out()
            .contains("\n  matched: parent domain apple.com\n"));
    CliRun chase = in("c.json", "", "rules", "chase.co.uk");
    assertTrue(
        chase.out().startsWith("password rules of chase.com: ")
            && chase
                .out()
                .contains(
                    "\n  matched: same name as chase.com (the page makes one password for"
                        + " both)\n"),
        chase.out());
    // an exact match wins: hsbc.com.hk is matched by its own domain, not by its name
    assertTrue(in("c.json", "", "rules", "hsbc.com.hk").out().contains("\n  matched: exact\n"));
  }

  @Test
  void theHistoricalSharedSignInsAreKnownAndTheirRulesApplyToEveryMember() throws IOException {
    CliRun rules = in("a.json", "", "rules", "icloud.com");
    assertEquals(0, rules.exitCode(), rules.err());
    assertTrue(rules.out().startsWith("password rules of apple.com: "), rules.out());
    assertTrue(rules.out().contains("\n  matched: shared sign-in with apple.com\n"), rules.out());
    assertTrue(
        rules.out().contains("\nsigns in with the same account as: apple.com\n"), rules.out());
    JsonNode json =
        new ObjectMapper().readTree(in("a.json", "", "rules", "--json", "icloud.com").out());
    assertEquals("shared_sign_in", json.path("rules").path("match").asText(), json.toString());
    assertEquals("[\"apple.com\"]", json.path("sameAccountAs").toString());

    // the README's --same-as pair: derive names the stored entry of the other member
    assertEquals(0, in("b.json", "", "site", "set", "apple.com").exitCode());
    CliRun derive = in("b.json", "a phrase", "--phrase-stdin", "icloud.com");
    assertEquals(0, derive.exitCode(), derive.err());
    assertTrue(
        derive
            .err()
            .contains(
                "mint: icloud.com signs in with the same account as apple.com, stored; use"
                    + " 'mint apple.com' or 'mint site set icloud.com --same-as apple.com'\n"),
        derive.err());
  }

  @Test
  void deriveAdvisesTheSettingsSiteSetChoosesEachSpelledOut() throws IOException {
    NodeJs.require();
    String site = "paypal.com";
    CliRun set = in("set.json", "", "site", "set", site);
    assertEquals(0, set.exitCode(), set.err());
    JsonNode chosen = onlyEntry("set.json");

    String phrase = breakingPhrase("derive.json", site);
    CliRun derive = in("derive.json", phrase, "--phrase-stdin", site);
    assertEquals(0, derive.exitCode(), derive.err());
    // the command advised stores settings the rules accept: no --no-rules in it (the search's
    // start line may name --no-rules as the way to skip a search; that is not the advice)
    Matcher advised = FOLLOW.matcher(derive.err());
    assertTrue(advised.find(), derive.err());
    assertFalse(advised.group(1).contains("--no-rules"), derive.err());
    String password = follow("derive.json", phrase, site, derive.err());
    JsonNode followed = onlyEntry("derive.json");
    for (String field :
        List.of("length", "upper", "lower", "digits", "symbols", "excludeAmbiguous", "revision")) {
      assertEquals(chosen.get(field), followed.get(field), field + ":\n" + derive.err());
    }
    oracleAccepts(site, password);
  }

  @Test
  void aLengthNoVersionCanFixIsSaidAtOnceWithTheSettingsThatFixIt() {
    NodeJs.require();
    String site = "wsj.com"; // maxlength 15: the page's default 16 breaks it at every version
    String phrase = "any phrase";
    CliRun derive = in("a.json", phrase, "--phrase-stdin", site);
    assertEquals(0, derive.exitCode(), derive.err());
    String err = derive.err();
    assertTrue(
        err.contains("mint: no version can fix it: length 16: wsj.com allows 5 to 15 characters\n"),
        err);
    assertFalse(err.contains("none of versions"), err);
    assertTrue(err.contains("--length 15"), err);
    oracleAccepts(site, follow("a.json", phrase, site, err));
  }

  @Test
  void aSiteNoPageSettingCanServeGetsNoSearchAndNoCommandThatRefusesIt() {
    CliRun derive = in("a.json", "any phrase", "--phrase-stdin", "aeon.co.jp");
    assertEquals(0, derive.exitCode(), derive.err());
    String err = derive.err();
    assertTrue(
        err.contains(
            "mint: none of the page's settings makes a password aeon.co.jp accepts: aeon.co.jp"
                + " allows at most 8 characters; the page's shortest password has 12\n"),
        err);
    assertFalse(err.contains("site set") || err.contains("no version can fix it"), err);
    assertFalse(FOUND.matcher(err).find() || err.contains("none of versions"), err);
    assertFalse(Files.exists(dir.resolve("a.json")));
  }
}
