package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the parser and the printer, on arbitrary and on grammar-shaped texts. */
class ParserPropertyTest {
  @Provide
  Arbitrary<String> ruleTexts() {
    return Arbitraries.longs().map(seed -> RuleTexts.one(new Random(seed)));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().ofMaxLength(80);
  }

  @Provide
  Arbitrary<String> grammarCharacters() {
    return Arbitraries.strings()
        .withChars("requiredalowmxc-nsitgh:;,[] \t\n0123456789!#$%é")
        .ofMaxLength(60);
  }

  @Property(tries = 2000)
  void parsePrintParseIsTheSameRule(@ForAll("ruleTexts") String text) {
    PasswordRules rules = PasswordRules.parse(text);
    PasswordRules again = PasswordRules.parse(rules.toString());
    assertEquals(rules, again);
    // the canonical text reads without problems, but for an empty required set ("required: []")
    if (rules.required().stream().noneMatch(CharSet::isEmpty)) {
      assertTrue(again.problems().isEmpty(), again.problems().toString());
    }
    assertEquals(rules.toString(), again.toString());
  }

  @Property(tries = 2000)
  void printingIsCanonicalOnAnyText(@ForAll("grammarCharacters") String text) {
    PasswordRules rules = PasswordRules.parse(text);
    assertEquals(rules, PasswordRules.parse(rules.toString()));
  }

  @Property(tries = 3000)
  void parseNeverThrowsOnAnyText(@ForAll("anyText") String text) {
    PasswordRules.parse(text);
  }

  @Property(tries = 2000)
  void strictParseThrowsOnlyItsOwnException(@ForAll("grammarCharacters") String text) {
    try {
      PasswordRules.parseStrict(text);
    } catch (RulesSyntaxException expected) {
      // the one documented exception
    }
  }

  @Property(tries = 1000)
  void theAllowedSetHoldsEveryRequiredSet(@ForAll("ruleTexts") String text) {
    PasswordRules rules = PasswordRules.parse(text);
    for (CharSet required : rules.required()) {
      assertTrue(rules.allowed().containsAll(required.chars()) || required.isUnicode());
    }
  }
}
