package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComplianceTest {
  private static List<String> messages(String password, String rules) {
    return Compliance.check(password.toCharArray(), PasswordRules.parse(rules), "example.com")
        .stream()
        .map(Violation::message)
        .collect(Collectors.toList());
  }

  @Test
  void aCompliantPasswordHasNoViolation() {
    assertEquals(
        List.of(),
        messages(
            "abcDEF123!", "minlength: 8; required: upper; required: [!]; allowed: lower, digit;"));
    assertTrue(
        Compliance.complies("abcDEF123!".toCharArray(), PasswordRules.parse("minlength: 8")));
  }

  @Test
  void requiredSetsAreAllowedAndNothingElseWhenNoAllowedRuleWidensThem() {
    // Apple's semantics: the required sets are copied into the allowed set
    assertEquals(
        List.of("contains 'a', which example.com does not allow"),
        messages("aAAA1", "required: upper; required: digit;"));
  }

  @Test
  void eachDisallowedCharacterIsNamedOnce() {
    assertEquals(
        List.of("contains '-', which example.com does not allow"),
        messages("ab-cd-ef", "allowed: lower;"));
  }

  @Test
  void runsOfIdenticalCharacters() {
    assertEquals(
        List.of("3 identical characters in a row; at most 2"),
        messages("abbbc", "max-consecutive: 2;"));
    assertEquals(List.of(), messages("abbcc", "max-consecutive: 2;"));
  }

  @Test
  void lengthsAndRequiredClasses() {
    assertEquals(
        List.of(
            "5 characters; example.com asks for at least 8",
            "has none of digits; example.com requires one"),
        messages("abcde", "minlength: 8; required: digit; allowed: lower;"));
    assertEquals(
        List.of("5 characters; example.com allows at most 4"), messages("abcde", "maxlength: 4;"));
    assertEquals(
        List.of("has none of [!#]; example.com requires one"),
        messages("abcde", "required: [!#]; allowed: lower"));
  }

  @Test
  void anEmptyRequiredSetAsksForNothingAndUnicodeAllowsAll() {
    assertEquals(List.of(), messages("abc", "required: [];"));
    assertEquals(List.of(), messages("a\u00e9\u4e2d", "allowed: unicode;"));
    assertEquals(1, messages("a\u00e9", "allowed: ascii-printable;").size());
  }

  @Test
  void checkAndCompliesAgreeOnGeneratedRules() {
    java.util.Random random = new java.util.Random(7);
    String pool = "aAbB01!-_ %]";
    for (int i = 0; i < 3000; i++) {
      PasswordRules rules = PasswordRules.parse(RuleTexts.one(random));
      char[] password = new char[1 + random.nextInt(20)];
      for (int j = 0; j < password.length; j++) {
        password[j] = pool.charAt(random.nextInt(pool.length()));
      }
      assertEquals(
          Compliance.check(password, rules, "x").isEmpty(), Compliance.complies(password, rules));
    }
  }
}
