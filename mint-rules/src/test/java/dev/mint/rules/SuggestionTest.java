package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  private static final Set<Setting<?>> NONE = Set.of();

  private static Suggestion suggest(String rules, MintRequest current, Set<Setting<?>> typed) {
    return Suggestion.suggest(PasswordRules.parse(rules), "example.com", current, typed);
  }

  private static MintRequest defaults() {
    return MintRequest.builder("example.com").build();
  }

  @Test
  void rulesThePageDefaultsKeepChangeNothing() {
    Suggestion s =
        suggest(
            "minlength: 8; required: upper; required: digit; allowed: lower, special;",
            defaults(),
            NONE);
    assertEquals(Suggestion.Outcome.CHOSEN, s.outcome());
    assertEquals(defaults(), s.request());
    assertEquals(Set.of(), s.changed());
    assertTrue(s.certain());
    assertEquals("length 16 kept: example.com allows 8 or more characters", s.reasons().get(0));
  }

  @Test
  void symbolsOffWhenTheSiteAllowsOnlySomeAndRequiresNone() {
    Suggestion s = suggest("allowed: upper, lower, digit, [-_];", defaults(), NONE);
    assertFalse(s.request().symbols());
    assertEquals(Set.of(Setting.SYMBOLS), s.changed());
    assertTrue(s.certain());
    assertTrue(
        s.reasons()
            .contains("symbols off: example.com does not allow !@#$%*=+.? of the page's symbols"),
        s.reasons().toString());
  }

  @Test
  void symbolsKeptWhenTheSiteRequiresSomeOfThem() {
    Suggestion s =
        suggest("required: upper; required: [!#$%&*@^]; allowed: lower, digit;", defaults(), NONE);
    assertTrue(s.request().symbols());
    assertFalse(s.certain());
    assertTrue(s.share() > 0 && s.share() < 1);
    assertTrue(
        s.reasons().stream().anyMatch(r -> r.startsWith("symbols kept on although")),
        s.reasons().toString());
  }

  @Test
  void theLengthIsClosestTo16AndBelowOnlyWhenMaxlengthForcesIt() {
    assertEquals(16, suggest("minlength: 6; maxlength: 40", defaults(), NONE).request().length());
    assertEquals(13, suggest("maxlength: 13", defaults(), NONE).request().length());
    assertEquals(20, suggest("minlength: 20", defaults(), NONE).request().length());
    MintRequest stored = defaults().toBuilder().length(30).build();
    assertEquals(30, suggest("maxlength: 40", stored, NONE).request().length());
    assertEquals(16, suggest("maxlength: 20", stored, NONE).request().length());
  }

  @Test
  void aRequiredClassIsTurnedOnUnlessTyped() {
    MintRequest noDigits = defaults().toBuilder().digits(false).build();
    Suggestion s = suggest("required: digit; allowed: upper, lower, special;", noDigits, NONE);
    assertTrue(s.request().digits());
    assertEquals("digits on: example.com requires one of digits", s.reasons().get(1));
    Suggestion typed =
        suggest(
            "required: digit; allowed: upper, lower, special;", noDigits, Set.of(Setting.DIGITS));
    assertEquals(Suggestion.Outcome.CONFLICT, typed.outcome());
    assertEquals(noDigits, typed.request());
    assertEquals(
        "digits off (typed) conflicts with example.com's rules; without it mint would choose"
            + " digits on",
        typed.reasons().get(0));
  }

  @Test
  void aTypedLengthOutsideTheRangeIsAConflict() {
    MintRequest typed = defaults().toBuilder().length(30).build();
    Suggestion s = suggest("maxlength: 20", typed, Set.of(Setting.LENGTH));
    assertEquals(Suggestion.Outcome.CONFLICT, s.outcome());
    assertTrue(
        s.reasons().get(0).startsWith("length 30 (typed): example.com allows up to 20 characters"));
  }

  @Test
  void impossibleSitesSayWhy() {
    Suggestion s = suggest("maxlength: 8;", defaults(), NONE);
    assertEquals(Suggestion.Outcome.IMPOSSIBLE, s.outcome());
    assertEquals(
        "example.com allows at most 8 characters; the page's shortest password has 12",
        s.reasons().get(0));
    assertTrue(
        suggest("required: [~];", defaults(), NONE)
            .reasons()
            .get(0)
            .endsWith("the page (r3) never puts any of them in a password"));
    // r1's symbols have '^', r3's do not
    assertEquals(
        Suggestion.Outcome.IMPOSSIBLE, suggest("required: [^];", defaults(), NONE).outcome());
    assertEquals(
        Suggestion.Outcome.CHOSEN,
        suggest(
                "required: [^]; allowed: ascii-printable;",
                defaults().toBuilder().revision(Revision.R1).build(),
                NONE)
            .outcome());
    assertEquals(
        Suggestion.Outcome.IMPOSSIBLE, suggest("minlength: 65;", defaults(), NONE).outcome());
  }

  @Test
  void excludeAmbiguousIsTurnedOnWhenTheSiteRefusesAmbiguousCharacters() {
    MintRequest plain = defaults().toBuilder().excludeAmbiguous(false).build();
    Suggestion s =
        suggest(
            "allowed: [ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789];", plain, NONE);
    assertTrue(s.request().excludeAmbiguous());
    assertFalse(s.request().symbols());
    assertTrue(s.certain());
  }

  @Test
  void theChosenSettingsAreTheCurrentRequestWithOnlyTheChoosableSettingsChanged() {
    MintRequest current =
        defaults().toBuilder()
            .version("7")
            .level(dev.mint.Level.HIGH)
            .revision(Revision.R2)
            .build();
    Suggestion s = suggest("maxlength: 14; allowed: upper, lower, digit;", current, NONE);
    MintRequest r = s.request();
    assertEquals(Set.of(Setting.LENGTH, Setting.SYMBOLS), s.changed());
    for (Setting<?> setting : Setting.ALL) {
      assertEquals(
          Suggestion.CHOOSES.contains(setting) || current.get(setting).equals(r.get(setting)),
          true,
          setting.name());
    }
    assertEquals("7", r.version());
    assertEquals(Revision.R2, r.revision());
    assertEquals(14, r.length());
    assertFalse(r.symbols());
    assertEquals("example.com", r.site());
  }

  @Test
  void everySiteOfTheDataGetsAnAnswerAndNoChosenLengthIsBelow16UnlessForced() {
    int impossible = 0;
    for (var e : KnownSites.bundled().allRules().entrySet()) {
      Suggestion s = Trials.suggest(e.getKey(), e.getValue());
      if (s.outcome() == Suggestion.Outcome.IMPOSSIBLE) {
        impossible++;
        continue;
      }
      assertEquals(Suggestion.Outcome.CHOSEN, s.outcome(), e.getKey());
      int max = e.getValue().maxLength().orElse(64);
      assertTrue(s.request().length() >= Math.min(16, max), e.getKey());
    }
    assertEquals(21, impossible);
  }

  @Test
  void aVersionCannotFixALengthAClassTheSiteRefusesOrARequiredSetNoClassOnGives() {
    MintRequest standard = defaults();
    assertEquals(
        java.util.Optional.of("length 16: example.com allows 5 to 15 characters"),
        Suggestion.versionCannotFix(
            PasswordRules.parse("minlength: 5; maxlength: 15;"), "example.com", standard));
    assertEquals(
        java.util.Optional.of("symbols on: example.com allows none of the page's symbols"),
        Suggestion.versionCannotFix(
            PasswordRules.parse("allowed: upper, lower, digit;"), "example.com", standard));
    assertEquals(
        java.util.Optional.of("example.com requires one of digits, which no class on gives"),
        Suggestion.versionCannotFix(
            PasswordRules.parse("allowed: ascii-printable; required: digit;"),
            "example.com",
            MintRequest.builder("example.com").digits(false).build()));
    // only some symbols refused: a version may draw none of them
    assertTrue(
        Suggestion.versionCannotFix(
                PasswordRules.parse("allowed: upper, lower, digit, [!#];"), "example.com", standard)
            .isEmpty());
  }
}
