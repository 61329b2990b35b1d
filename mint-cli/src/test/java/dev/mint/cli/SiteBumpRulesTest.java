package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.testing.DataText;
import dev.mint.testing.NodeJs;
import dev.mint.testing.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mint site bump} and the site's known password rules, through the public command line
 * (in-process, {@link CliRun}: a sites file of the test's own, real PBKDF2 at the page's default
 * level). With the phrase a bump moves to the next version whose password the site accepts, judged
 * by the independent JavaScript check on Apple's own rules parser (mint-rules' {@link Oracle});
 * without it the bump is today's one step and says how to check it. The phrase {@value #PHRASE} is
 * test data chosen so that chase.com's versions 7 and 8 both break its rules: a bump by one from 6,
 * twice, gives two passwords chase.com refuses.
 */
class SiteBumpRulesTest {
  static final String PHRASE = "bump phrase 1";
  static final Pattern START =
      Pattern.compile(
          "mint: searching versions (\\d+) to (\\d+) for one chase\\.com accepts: at most"
              + " ([\\d,]+) derivations, about ([\\d,]+) expected; Ctrl-C stops it, --no-rules"
              + " skips it\\n");

  @TempDir Path dir;

  CliRun run(String stdin, String... args) {
    return CliRun.run(
        stdin.getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", dir.resolve("sites.json").toString()),
        args);
  }

  /** chase.com stored at version 6 with the page's default settings (as typed, no rules). */
  void storeChaseAt6() {
    CliRun set = run("", "site", "set", "chase.com", "--site-version", "6", "--no-rules");
    assertEquals(0, set.exitCode(), set.err());
  }

  static String password(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, out);
    return out.substring(0, out.length() - 1);
  }

  @Test
  void bumpingChaseTwiceWithThePhraseGivesPasswordsChaseAccepts() {
    NodeJs.require();
    storeChaseAt6();
    // the step-by-one passwords, as a bump without rules would give: both refused by the oracle
    String seven =
        password(
            run(PHRASE + "\n", "--phrase-stdin", "--no-rules", "chase.com", "--site-version", "7"));
    String eight =
        password(
            run(PHRASE + "\n", "--phrase-stdin", "--no-rules", "chase.com", "--site-version", "8"));

    CliRun first = run(PHRASE + "\n", "site", "bump", "chase.com", "--phrase-stdin");
    String firstPassword = password(first);
    Matcher moved = Pattern.compile("chase\\.com: version 6 -> (\\d+) \\(").matcher(first.err());
    assertTrue(moved.find(), first.err());
    int firstVersion = Integer.parseInt(moved.group(1));
    assertTrue(START.matcher(first.err()).find(), first.err());
    assertTrue(first.err().contains("change it at: https://"), first.err());
    // what the next 'mint chase.com' prints is the password the bump showed
    assertEquals(firstPassword, password(run(PHRASE + "\n", "--phrase-stdin", "chase.com")));

    CliRun second = run(PHRASE + "\n", "site", "bump", "chase.com", "--phrase-stdin");
    String secondPassword = password(second);
    assertTrue(
        second.err().startsWith("mint: searching versions " + (firstVersion + 1) + " to "),
        second.err());
    assertTrue(second.err().contains("chase.com: version " + firstVersion + " -> "), second.err());
    assertFalse(secondPassword.equals(firstPassword), "a bump changes the password");

    List<JsonNode> verdicts =
        check(List.of(seven, eight, firstPassword, secondPassword)); // test passwords
    assertFalse(verdicts.get(0).path("ok").asBoolean(), "version 7: " + verdicts.get(0));
    assertFalse(verdicts.get(1).path("ok").asBoolean(), "version 8: " + verdicts.get(1));
    assertTrue(verdicts.get(2).path("ok").asBoolean(), "first bump: " + verdicts.get(2));
    assertTrue(verdicts.get(3).path("ok").asBoolean(), "second bump: " + verdicts.get(3));
  }

  private static List<JsonNode> check(List<String> passwords) {
    List<String> rules = new ArrayList<>();
    List<char[]> chars = new ArrayList<>();
    for (String p : passwords) {
      rules.add(DataText.of("chase.com"));
      chars.add(p.toCharArray());
    }
    return Oracle.check(rules, chars);
  }

  @Test
  void withoutThePhraseABumpIsOneStepAndSaysHowToCheckIt() {
    storeChaseAt6();
    CliRun bump = run("", "site", "bump", "chase.com"); // no terminal, no phrase option
    assertEquals(0, bump.exitCode(), bump.err());
    assertEquals("", bump.out(), "no password without the phrase");
    String unchecked =
        "mint: unchecked without the phrase: version 7's password may break the known rules of"
            + " chase.com; 'mint chase.com' checks it and names the version that keeps them\n";
    assertTrue(bump.err().startsWith("chase.com: version 6 -> 7 ("), bump.err());
    assertTrue(bump.err().contains(unchecked), bump.err());
    CliRun explicit = run("", "site", "bump", "chase.com", "--no-phrase");
    assertEquals(0, explicit.exitCode(), explicit.err());
    assertTrue(explicit.err().contains(unchecked.replace("version 7", "version 8")));
    // --no-rules: nothing to say about rules
    CliRun ignored = run("", "site", "bump", "chase.com", "--no-phrase", "--no-rules");
    assertFalse(ignored.err().contains("unchecked"), ignored.err());
    // a phrase option with --no-phrase is a usage error, and nothing moves
    CliRun both = run(PHRASE + "\n", "site", "bump", "chase.com", "--no-phrase", "--phrase-stdin");
    assertEquals(2, both.exitCode(), both.err());
    CliRun after = run("", "site", "bump", "chase.com", "--no-phrase", "--no-rules");
    assertTrue(after.err().startsWith("chase.com: version 9 -> 10 ("), after.err());
  }

  @Test
  void aSearchSaysFirstHowManyVersionsItMayTryAndHowToSkipIt() {
    CliRun derive =
        run(PHRASE + "\n", "--phrase-stdin", "--no-profile", "chase.com", "--site-version", "7");
    assertEquals(0, derive.exitCode(), derive.err());
    Matcher start = START.matcher(derive.err());
    assertTrue(start.find(), derive.err());
    assertEquals(7, Integer.parseInt(start.group(1)));
    int most = Integer.parseInt(start.group(3).replace(",", ""));
    assertEquals(Integer.parseInt(start.group(2)), 7 + most - 1);
    assertTrue(most >= 50 && most <= 2000, start.group());
    // before the search's own result line
    assertTrue(derive.err().indexOf(start.group()) < derive.err().indexOf(" tried); to use it"));
  }
}
