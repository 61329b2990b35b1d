package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.testing.DataText;
import dev.mint.testing.NodeJs;
import dev.mint.testing.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of the password rules, for the module: for every satisfiable site of the data and 20
 * phrases, the suggested settings (from the page's defaults) and then the version search give a
 * password that an independent check accepts: a JavaScript check on the parse result of Apple's own
 * PasswordRulesParser.js, run by node (src/test/js/rules-oracle.mjs). The first-version passwords
 * that mint finds non-compliant are given to the same check, which must reject them too.
 *
 * <p>Default build: the 20 phrases of every site derive through mint-core's whole path with PBKDF2
 * at 1 iteration ({@link Trials#ONE_ITERATION}; a password's compliance depends only on the 64
 * derived bytes), and a sample of sites (every 40th, one phrase each) derives with real PBKDF2 at
 * the default level. {@code -Dmint.rules.acceptance.phrases=20} runs real PBKDF2 for all 20 phrases
 * of every site instead (about 27,000 derivations: tens of minutes on 2 cores).
 */
class RulesAcceptanceTest {
  static final int PHRASES = 20;
  static final int SAMPLE_EVERY = 40;

  @Test
  void everySatisfiableSiteGetsAPasswordTheIndependentCheckAccepts() {
    NodeJs.require(); // skip (or fail on CI) before the work, not after it
    int realPhrases = Integer.getInteger("mint.rules.acceptance.phrases", 0);
    Map<String, PasswordRules> all = KnownSites.bundled().allRules();
    List<String> rulesTexts = new ArrayList<>();
    List<char[]> passwords = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    int sites = 0;
    int trials = 0;
    int real = 0;
    int beyondBound = 0;
    int derivations = 0;
    long started = System.nanoTime();
    int index = 0;
    for (Map.Entry<String, PasswordRules> e : all.entrySet()) {
      String domain = e.getKey();
      PasswordRules rules = e.getValue();
      Suggestion s = Trials.suggest(domain, rules);
      if (s.outcome() != Suggestion.Outcome.CHOSEN) {
        assertEquals(Suggestion.Outcome.IMPOSSIBLE, s.outcome(), domain);
        continue;
      }
      sites++;
      MintRequest request = Trials.request(domain, s);
      boolean sampled = index++ % SAMPLE_EVERY == 0;
      for (int i = 0; i < PHRASES; i++) {
        char[] phrase = Trials.phrase(domain, i);
        boolean useReal = i < realPhrases || (sampled && i == 0);
        Function<MintRequest, Password> derive =
            useReal ? Trials.real(phrase) : Trials.sampled(phrase);
        real += useReal ? 1 : 0;
        trials++;
        try (VersionSearch.Result first = VersionSearch.search(request, rules, domain, derive)) {
          derivations += first.derivations();
          VersionSearch.Result result = first;
          if (!first.found()) {
            // a site whose passwords rarely comply: show that a later version still does
            beyondBound++;
            result =
                VersionSearch.search(
                    request.toBuilder().version(first.start() + first.derivations()).build(),
                    rules,
                    domain,
                    derive,
                    1000);
            derivations += result.derivations();
          }
          try (VersionSearch.Result found = result) {
            assertTrue(found.found(), domain + " phrase " + i);
            rulesTexts.add(DataText.of(domain));
            passwords.add(found.password().toCharArray());
            expected.add(true);
          }
          if (!first.firstViolations().isEmpty()) {
            try (Password p = derive.apply(request)) {
              rulesTexts.add(DataText.of(domain));
              passwords.add(p.toCharArray());
              expected.add(false);
            }
          }
        }
      }
    }
    double javaSeconds = (System.nanoTime() - started) / 1e9;
    List<JsonNode> verdicts = Oracle.check(rulesTexts, passwords);
    int disagreements = 0;
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < verdicts.size(); i++) {
      if (verdicts.get(i).path("ok").asBoolean() != expected.get(i)) {
        if (disagreements++ < 5) {
          first.append(String.format("%n%s: JS says %s", rulesTexts.get(i), verdicts.get(i)));
        }
      }
    }
    passwords.forEach(p -> java.util.Arrays.fill(p, '\0'));
    System.out.printf(
        "rules acceptance: %d satisfiable sites x %d phrases = %d trials (%d with real PBKDF2),"
            + " %d derivations, %d trials needed more than their site's bound; %d passwords checked by"
            + " the JavaScript check, %d disagreements; %.1f s (Java)%n",
        sites,
        PHRASES,
        trials,
        real,
        derivations,
        beyondBound,
        verdicts.size(),
        disagreements,
        javaSeconds);
    assertEquals(0, disagreements, first.toString());
    assertEquals(0, beyondBound, "every satisfiable site is served within its own bound");
    assertEquals(413, sites);
  }
}
