package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sites' known password rules through the whole CLI, in-process, with a sites file of the
 * test's own (mint-only). The site used, bankofamerica.com, has in the bundled data: {@code
 * minlength: 8; maxlength: 20; max-consecutive: 3; required: lower; required: upper; required:
 * digit; allowed: [-@#*()+={}/?~;,._];}. The check of printed passwords below is written from that
 * text, apart from mint-rules.
 */
public class SiteRulesCliTest extends OwnSitesFile {
  public static final String BOFA = "bankofamerica.com";
  static final String BOFA_SYMBOLS = "-@#*()+={}/?~;,._";

  CliRun withPhrase(String phrase, String... args) {
    return withStdin(phrase + "\n", args);
  }

  CliRun run(String... args) {
    return withPhrase("", args);
  }

  JsonNode onlyEntry() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(sites()));
    JsonNode entries = root.get("sites");
    assertEquals(1, entries.size(), root.toString());
    return entries.get(0);
  }

  /** bankofamerica.com's rules, checked from their text (not with mint-rules). */
  static boolean bofaAccepts(String password) {
    if (password.length() < 8 || password.length() > 20) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    int run = 0;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      digit |= c >= '0' && c <= '9';
      if (!Character.isLetterOrDigit(c) && BOFA_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
      run = i > 0 && password.charAt(i - 1) == c ? run + 1 : 1;
      if (run > 3) {
        return false;
      }
    }
    return lower && upper && digit;
  }

  static String password(MintRequest request, String phrase) {
    try (Password password = Mint.derive(request, phrase.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  /** baidu.com in the data: {@code minlength: 6; maxlength: 14;}. */
  @Test
  void siteSetStoresTheSettingsTheRulesChooseAndSaysWhy() throws IOException {
    CliRun set = run("site", "set", "baidu.com");
    assertEquals(0, set.exitCode(), set.err());
    assertEquals("", set.out());
    assertTrue(set.err().startsWith("rules of baidu.com: "), set.err());
    assertTrue(set.err().contains("14"), set.err()); // the chosen length is said
    assertEquals(14, onlyEntry().path("length").asInt(), set.err());
    assertTrue(set.err().contains("added baidu.com: "), set.err());
  }

  @Test
  void noRulesStoresThePageDefaults() throws IOException {
    CliRun set = run("site", "set", "baidu.com", "--no-rules");
    assertEquals(0, set.exitCode(), set.err());
    assertFalse(set.err().contains("rules of"), set.err());
    assertEquals(16, onlyEntry().path("length").asInt(), set.err());
  }

  @Test
  void aSiteWhosePageDefaultsMayComplyKeepsThemAndSaysSo() throws IOException {
    CliRun set = run("site", "set", BOFA);
    assertEquals(0, set.exitCode(), set.err());
    assertTrue(set.err().startsWith("rules of " + BOFA + ": "), set.err());
    assertEquals(16, onlyEntry().path("length").asInt(), set.err());
  }

  @Test
  void aSiteNoPageSettingCanServeIsRefusedAndNothingIsStored() {
    CliRun set = run("site", "set", "aeon.co.jp");
    assertEquals(3, set.exitCode(), set.err());
    assertEquals(
        "mint: no page setting makes a password aeon.co.jp accepts: aeon.co.jp allows at most 8"
            + " characters; the page's shortest password has 12; nothing stored (--no-rules stores"
            + " it without the rules)\n",
        set.err());
    assertFalse(Files.exists(sites()));
    assertEquals(0, run("site", "set", "aeon.co.jp", "--no-rules").exitCode());
    assertTrue(Files.exists(sites()));
  }

  @Test
  void aTypedOptionTheRulesRefuseIsStoredAsTypedWithAWarning() throws IOException {
    CliRun set = run("site", "set", BOFA, "--length", "30");
    assertEquals(0, set.exitCode(), set.err());
    assertTrue(
        set.err().contains("mint: rules of " + BOFA + ": length 30 (typed): " + BOFA), set.err());
    assertTrue(set.err().contains("mint: stored as typed; "), set.err());
    assertEquals(30, onlyEntry().path("length").asInt());
  }

  /** A phrase whose default password for the site breaks its rules. */
  static String breakingPhrase() {
    for (int i = 0; ; i++) {
      String phrase = "rules phrase " + i;
      if (!bofaAccepts(password(MintRequest.builder(BOFA).build(), phrase))) {
        return phrase;
      }
    }
  }

  @Test
  void aPasswordThatBreaksTheRulesIsPrintedWithTheBrokenRulesAndAVersionThatComplies() {
    String phrase = breakingPhrase();
    String expected = password(MintRequest.builder(BOFA).build(), phrase);
    CliRun derive = withPhrase(phrase, "--phrase-stdin", BOFA);
    assertEquals(0, derive.exitCode(), derive.err());
    assertEquals(expected + "\n", derive.out()); // stdout as without the rules
    assertEquals(expected + "\n", withPhrase(phrase, "--phrase-stdin", "--no-rules", BOFA).out());
    String err = derive.err();
    assertTrue(err.contains("mint: this password breaks the known rules of " + BOFA + ":\n"), err);
    assertFalse(err.contains("'"), "no character of the password is shown: " + err);
    Matcher m =
        Pattern.compile(
                "to use it: (mint site set "
                    + Pattern.quote(BOFA)
                    + " --site-version (\\d+)[^\\n]*)")
            .matcher(err);
    if (m.find()) {
      // following the printed command once gives a password the site accepts
      String[] command = m.group(1).split(" ");
      CliRun store = run(java.util.Arrays.copyOfRange(command, 1, command.length));
      assertEquals(0, store.exitCode(), store.err());
      CliRun again = withPhrase(phrase, "--phrase-stdin", BOFA);
      String followed = again.out().strip();
      assertTrue(bofaAccepts(followed), "version " + m.group(2) + ": " + again.err());
      assertEquals(
          password(MintRequest.builder(BOFA).version(Integer.parseInt(m.group(2))).build(), phrase),
          followed);
      assertFalse(again.err().contains("breaks"), again.err());
    } else {
      assertTrue(err.contains("mint: none of versions 1 to 50 makes a password"), err);
    }
  }

  @Test
  void strictRefusesAPasswordThatBreaksTheRules() {
    String phrase = breakingPhrase();
    CliRun derive = withPhrase(phrase, "--phrase-stdin", "--strict", BOFA);
    assertEquals(7, derive.exitCode(), derive.err());
    assertEquals("", derive.out());
    assertTrue(
        derive
            .err()
            .endsWith("mint: --strict: not printing a password " + BOFA + "'s rules refuse\n"),
        derive.err());
  }

  @Test
  void aSiteWithoutRulesPrintsWhatItPrintedBefore() {
    CliRun derive = withPhrase("any phrase", "--phrase-stdin", "--strict", "github.com");
    assertEquals(0, derive.exitCode(), derive.err());
    assertEquals("normalized site: github (revision r3)\n", derive.err());
  }

  @Test
  void rulesShowsTheRulesInWordsTheSharedGroupAndTheChangePage() throws IOException {
    CliRun rules = run("rules", BOFA);
    assertEquals(0, rules.exitCode(), rules.err());
    assertEquals("", rules.err());
    assertTrue(rules.out().startsWith("password rules of " + BOFA + ": "), rules.out());
    assertTrue(rules.out().contains("change password: "), rules.out());

    CliRun unknown = run("rules", "example.invalid");
    assertEquals(
        "password rules: none known\nshared sign-ins: none known\n"
            + "change password: https://example.invalid/.well-known/change-password"
            + " (the well-known address)\n",
        unknown.out());

    // the data's shared-credentials group of Envato's sites
    CliRun shared = run("rules", "photodune.net", "--json");
    assertEquals(0, shared.exitCode(), shared.err());
    JsonNode json = new ObjectMapper().readTree(shared.out());
    assertEquals("photodune.net", json.get("site").asText());
    assertTrue(json.get("sameAccountAs").toString().contains("envato.com"), shared.out());
    assertTrue(run("rules", "photodune.net").out().contains("envato.com"));
  }

  @Test
  void bumpAndShowSayWhereToChangeThePassword() {
    assertEquals(0, run("site", "set", "example.invalid").exitCode());
    CliRun bump = run("site", "bump", "example.invalid");
    assertEquals(0, bump.exitCode(), bump.err());
    assertTrue(
        bump.err().endsWith("change it at: https://example.invalid/.well-known/change-password\n"),
        bump.err());
    assertEquals(0, run("site", "set", BOFA).exitCode());
    CliRun show = run("site", "show", BOFA);
    assertTrue(
        show.out().lines().anyMatch(l -> l.matches("change at   https://[^ ]+")), show.out());
    assertFalse(show.out().contains(".well-known"), "the data's own page: " + show.out());
  }

  /**
   * A link to https://ea/... or https://my bank/... leads nowhere: a name that is no domain gets
   * none.
   */
  @Test
  void aNameThatIsNotADomainGetsNoChangePasswordLink() throws IOException {
    for (String site : new String[] {"ea", "localhost", "my bank", "https://ea/login", "a..b"}) {
      CliRun rules = run("rules", site);
      assertEquals(0, rules.exitCode(), rules.err());
      assertTrue(
          rules.out().endsWith("\nchange password: none known (not a domain name)\n"),
          site + ": " + rules.out());
      JsonNode json = new ObjectMapper().readTree(run("rules", site, "--json").out());
      assertTrue(json.get("changePasswordUrl").isNull(), json.toString());
    }
    assertTrue(
        run("rules", "ea.com")
            .out()
            .matches("(?s).*\nchange password: https://[^ /]*ea\\.com/[^\n]*\n"),
        run("rules", "ea.com").out());

    assertEquals(0, run("site", "set", "ea").exitCode());
    CliRun show = run("site", "show", "ea");
    assertTrue(show.out().contains("\nchange at   none (not a domain name)\n"), show.out());
    assertFalse(show.out().contains("https://"), show.out());
    CliRun bump = run("site", "bump", "ea");
    assertEquals(0, bump.exitCode(), bump.err());
    assertFalse(bump.err().contains("change it at"), bump.err());
  }

  @Test
  void aSiteThatSignsInWithTheAccountOfAStoredOneSaysSoAndStillDerivesItsOwn() {
    assertEquals(0, run("site", "set", "envato.com").exitCode());
    String own = password(MintRequest.builder("photodune.net").build(), "shared phrase");
    CliRun derive = withPhrase("shared phrase", "--phrase-stdin", "photodune.net");
    assertEquals(0, derive.exitCode(), derive.err());
    assertEquals(own + "\n", derive.out()); // never redirected
    assertTrue(
        derive
            .err()
            .contains(
                "mint: photodune.net signs in with the same account as envato.com, stored; use"
                    + " 'mint envato.com' or 'mint site set photodune.net --same-as envato.com'\n"),
        derive.err());
    CliRun stored = withPhrase("shared phrase", "--phrase-stdin", "envato.com");
    assertFalse(stored.err().contains("same account"), stored.err());
  }

  /**
   * derive --save chooses what site set chooses, before deriving: the password printed is stored.
   */
  @Test
  void deriveSaveStoresTheSettingsTheRulesChooseAndPrintsThatPassword() throws IOException {
    String expected = password(MintRequest.builder("baidu.com").length(14).build(), "save phrase");
    CliRun save = withPhrase("save phrase", "--phrase-stdin", "--save", "baidu.com");
    assertEquals(0, save.exitCode(), save.err());
    assertEquals(expected + "\n", save.out());
    assertTrue(save.err().startsWith("rules of baidu.com: length 14: "), save.err());
    assertTrue(
        save.err().contains("\nsaved baidu.com: revision r3, length 14 (weaker) ("), save.err());
    assertEquals(14, onlyEntry().path("length").asInt(), save.err());
    CliRun later = withPhrase("save phrase", "--phrase-stdin", "baidu.com");
    assertEquals(expected + "\n", later.out(), later.err());
    assertTrue(
        later
            .err()
            .startsWith("baidu (r3): length 14 (chosen by rules of baidu.com, sites.json)\n"),
        later.err());
  }

  @Test
  void deriveSaveWithNoRulesStoresTheTypedOptionsOnly() throws IOException {
    String expected = password(MintRequest.builder("baidu.com").build(), "save phrase");
    CliRun save = withPhrase("save phrase", "--phrase-stdin", "--save", "--no-rules", "baidu.com");
    assertEquals(0, save.exitCode(), save.err());
    assertEquals(expected + "\n", save.out());
    assertFalse(save.err().contains("rules of"), save.err());
    assertEquals(16, onlyEntry().path("length").asInt());
  }

  @Test
  void deriveSaveForASiteNoPageSettingCanServePrintsAndStoresNothing() {
    CliRun save = withPhrase("save phrase", "--phrase-stdin", "--save", "aeon.co.jp");
    assertEquals(3, save.exitCode(), save.err());
    assertEquals("", save.out());
    assertTrue(
        save.err().startsWith("mint: no page setting makes a password aeon.co.jp accepts: "),
        save.err());
    assertEquals(1, save.err().lines().count(), save.err());
    assertFalse(Files.exists(sites()));
  }

  @Test
  void aSessionLineWithSaveStoresTheSettingsTheRulesChoose() throws IOException {
    String expected = password(MintRequest.builder("baidu.com").length(14).build(), "save phrase");
    CliRun session =
        withPhrase(
            "save phrase\naeon.co.jp --save\nbaidu.com --save\nbaidu.com",
            "session",
            "--phrase-stdin");
    assertEquals(0, session.exitCode(), session.err());
    assertEquals(expected + "\n" + expected + "\n", session.out());
    assertTrue(
        session.err().startsWith("mint: no page setting makes a password aeon.co.jp accepts: "),
        session.err());
    assertEquals(14, onlyEntry().path("length").asInt(), session.err());
  }

  @Test
  void noRulesOnASessionLineStoresTheTypedOptionsOnly() throws IOException {
    CliRun off =
        withPhrase("save phrase\nbaidu.com --no-rules --save", "session", "--phrase-stdin");
    assertEquals(0, off.exitCode(), off.err());
    assertFalse(off.err().contains("rules of"), off.err());
    assertEquals(16, onlyEntry().path("length").asInt(), off.err());
  }
}
