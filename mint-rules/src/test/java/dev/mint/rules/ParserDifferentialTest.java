package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.testing.DataText;
import dev.mint.testing.Oracle;
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
                            js.get(i), shape(PasswordRules.parse(texts.get(i))), texts.get(i))));
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
      JsonNode shape = shape(mine);
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

  /**
   * mint's rules in the shape of Apple's parse result: required..., allowed, max-consecutive,
   * minlength, maxlength.
   */
  private static JsonNode shape(PasswordRules rules) {
    ArrayNode all = Oracle.JSON.createArrayNode();
    for (CharSet set : rules.required()) {
      all.add(rule("required", set));
    }
    all.add(rule("allowed", rules.allowed()));
    rules
        .maxConsecutive()
        .ifPresent(n -> all.addObject().put("name", "max-consecutive").put("value", n));
    rules.minLength().ifPresent(n -> all.addObject().put("name", "minlength").put("value", n));
    rules.maxLength().ifPresent(n -> all.addObject().put("name", "maxlength").put("value", n));
    return all;
  }

  private static ObjectNode rule(String name, CharSet set) {
    ObjectNode rule = Oracle.JSON.createObjectNode().put("name", name);
    ArrayNode value = rule.putArray("value");
    set.parts().forEach(value::add);
    return rule;
  }
}
