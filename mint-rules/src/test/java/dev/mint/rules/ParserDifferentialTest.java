package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * mint's parser against Apple's PasswordRulesParser.js (run with node; skipped with a message
 * without node, failed when CI=true or -Dmint.node.required=true): the same canonical rules for
 * every entry of the data and for generated texts, well-formed and not.
 */
class ParserDifferentialTest {
  static final long SEED = 20261202L;
  static final int GENERATED = 20_000;

  @TestFactory
  Stream<DynamicTest> everyEntryOfTheDataParsesAsApplesParserParsesIt() {
    Map<String, PasswordRules> all = KnownSites.bundled().allRules();
    List<String> domains = new ArrayList<>(all.keySet());
    List<String> texts = new ArrayList<>();
    for (String domain : domains) {
      texts.add(DataText.of(domain));
    }
    List<JsonNode> js = Oracle.parse(texts);
    return java.util.stream.IntStream.range(0, domains.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    domains.get(i),
                    () ->
                        assertEquals(
                            js.get(i),
                            Oracle.shape(PasswordRules.parse(texts.get(i))),
                            texts.get(i))));
  }

  @Test
  void generatedTextsParseAsApplesParserParsesThem() {
    List<String> texts = RuleTexts.generate(SEED, GENERATED);
    List<JsonNode> js = Oracle.parse(texts);
    int mismatches = 0;
    StringBuilder first = new StringBuilder();
    int withProblems = 0;
    for (int i = 0; i < texts.size(); i++) {
      PasswordRules mine = PasswordRules.parse(texts.get(i));
      withProblems += mine.problems().isEmpty() ? 0 : 1;
      JsonNode shape = Oracle.shape(mine);
      if (!shape.equals(js.get(i))) {
        if (mismatches++ < 5) {
          first.append(
              String.format(
                  "%n%s%n  node: %s%n  mint: %s",
                  Oracle.JSON.valueToTree(texts.get(i)), js.get(i), shape));
        }
      }
    }
    System.out.printf(
        "parser differential: %d generated texts (seed %d, %d with problems), %d mismatches%n",
        texts.size(), SEED, withProblems, mismatches);
    assertEquals(0, mismatches, first.toString());
  }
}
