package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grammar's corners, each with the canonical rules Apple's parser gives (checked against it by
 * running these texts through PasswordRulesParser.js) and how many problems mint reports.
 */
class ParserEdgeCasesTest {
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      textBlock =
          """
          ""                                                         | allowed: ascii-printable;                                        | 0
          "   "                                                      | allowed: ascii-printable;                                        | 0
          minlength: 8                                               | minlength: 8; allowed: ascii-printable;                          | 0
          minlength: 8;                                              | minlength: 8; allowed: ascii-printable;                          | 0
          "minlength: 8 ;"                                           | allowed: ascii-printable;                                        | 1
          minlength:8;maxlength:20                                   | minlength: 8; maxlength: 20; allowed: ascii-printable;           | 0
          minlength: 0;                                              | allowed: ascii-printable;                                        | 1
          minlength: 5; minlength: 9; maxlength: 30; maxlength: 20;  | minlength: 9; maxlength: 20; allowed: ascii-printable;           | 0
          max-consecutive: 3; max-consecutive: 2                     | max-consecutive: 2; allowed: ascii-printable;                    | 0
          required: upper; required: lower                           | allowed: upper, lower; required: upper; required: lower;         | 0
          "required: UPPER, Digit"                                   | "allowed: upper, digit; required: upper, digit;"                 | 0
          "required: upper, lower, digit, special"                   | allowed: ascii-printable; required: ascii-printable;             | 0
          allowed: unicode                                           | allowed: unicode;                                                | 0
          "allowed: ascii-printable, unicode"                        | allowed: ascii-printable;                                        | 0
          required: unicode; allowed: ascii-printable                | allowed: unicode; required: unicode;                             | 0
          allowed: [abc]                                             | allowed: [abc];                                                  | 0
          allowed: [-abc]                                            | allowed: [-abc];                                                 | 0
          allowed: [a-c]                                             | allowed: [ac];                                                   | 1
          allowed: []]                                               | allowed: []];                                                    | 0
          allowed: [a]]                                              | allowed: [a]];                                                   | 0
          allowed: [-]]                                              | allowed: [-]];                                                   | 0
          allowed: []                                                | allowed: ascii-printable;                                        | 1
          allowed: [abc                                              | allowed: ascii-printable;                                        | 1
          allowed: [a]b]                                             | allowed: ascii-printable;                                        | 3
          required: [];                                              | allowed: ascii-printable; required: [];                          | 1
          "allowed: [ ]"                                             | "allowed: [ ];"                                                  | 0
          allowed: [é!]                                              | allowed: [!];                                                    | 1
          "allowed: upper,"                                          | allowed: ascii-printable;                                        | 1
          "allowed: upper, ; minlength: 5"                           | minlength: 5; allowed: ascii-printable;                          | 1
          minlength: 8; foo: bar                                     | allowed: ascii-printable;                                        | 2
          minlength: 8; Required: upper                              | allowed: ascii-printable;                                        | 2
          minlength 8; maxlength: 9                                  | allowed: ascii-printable;                                        | 2
          minlength: x; maxlength: 9                                 | allowed: ascii-printable;                                        | 2
          required: letters; minlength: 4                            | allowed: ascii-printable;                                        | 2
          ; minlength: 4                                             | allowed: ascii-printable;                                        | 1
          minlength: 4;;                                             | minlength: 4; allowed: ascii-printable;                          | 1
          required: upper lower                                      | allowed: ascii-printable;                                        | 2
          """)
  void readsAsApplesParserDoes(String text, String canonical, int problems) {
    PasswordRules rules = PasswordRules.parse(text);
    assertEquals(canonical, rules.toString());
    assertEquals(problems, rules.problems().size(), rules.problems().toString());
    assertEquals(rules, PasswordRules.parse(rules.toString()));
    if (rules.required().stream().noneMatch(CharSet::isEmpty)) {
      assertTrue(PasswordRules.parse(rules.toString()).problems().isEmpty());
    }
  }

  @Test
  void aRealEntryReadsAsItsSiteMeansIt() {
    PasswordRules r =
        PasswordRules.parse(
            "minlength: 8; required: digit; required: [- !\\\"#$&'()*+,.:;<=>?@[^_`{|}~]];"
                    .replace("\\\"", "\"")
                + " allowed: lower, upper;");
    assertEquals(8, r.minLength().getAsInt());
    assertEquals(
        List.of(CharSet.DIGIT, CharSet.of("- !\"#$&'()*+,.:;<=>?@[^_`{|}~]")), r.required());
    assertTrue(
        r.allowed().contains(']') && r.allowed().contains('[') && !r.allowed().contains('%'));
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void strictParsingRefusesWhatLenientParsingSkips() {
    RulesSyntaxException e =
        assertThrows(RulesSyntaxException.class, () -> PasswordRules.parseStrict("foo: 1"));
    assertTrue(e.getMessage().contains("unknown rule name 'foo'"), e.getMessage());
    assertEquals(8, PasswordRules.parseStrict("minlength: 8;").minLength().getAsInt());
    assertThrows(RulesSyntaxException.class, () -> PasswordRules.parse(null));
  }

  @Test
  void hugeNumbersSaturate() {
    assertEquals(
        Integer.MAX_VALUE,
        PasswordRules.parse("maxlength: 99999999999999;").maxLength().getAsInt());
  }
}
