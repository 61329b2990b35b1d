package dev.mint.rules;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.Optional;

/**
 * What breaks a site's rules whatever is drawn, decided before anything is sampled or derived: a
 * site no page setting can serve ({@link #anySetting}), or settings whose every version breaks the
 * rules ({@link #anyVersion}). Each answer is the reason in words, naming the site.
 */
final class CannotComply {
  private CannotComply() {}

  /**
   * Why no page setting can serve the site, or null when one might.
   *
   * @param lo the shortest length both the page and the rules allow
   * @param hi the longest
   */
  static String anySetting(PasswordRules rules, String site, Revision revision, int lo, int hi) {
    if (lo > hi) {
      if (rules.maxLength().isPresent() && rules.maxLength().getAsInt() < MintRequest.MIN_LENGTH) {
        return site
            + " allows at most "
            + rules.maxLength().getAsInt()
            + " characters; the page's shortest password has "
            + MintRequest.MIN_LENGTH;
      }
      if (rules.minLength().isPresent() && rules.minLength().getAsInt() > MintRequest.MAX_LENGTH) {
        return site
            + " asks for at least "
            + rules.minLength().getAsInt()
            + " characters; the page's longest password has "
            + MintRequest.MAX_LENGTH;
      }
      return site + "'s minlength is above its maxlength";
    }
    String all = revision.characters();
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !required.containsAny(all)) {
        return site
            + " requires one of "
            + required.describe()
            + ", and the page ("
            + revision.id()
            + ") never puts any of them in a password";
      }
    }
    if (!rules.allowed().containsAny(all)) {
      return site + " allows only " + rules.allowed().describe() + ", which the page never uses";
    }
    return null;
  }

  /** What {@link Suggestion#versionCannotFix} answers. */
  static Optional<String> anyVersion(PasswordRules rules, String site, MintRequest request) {
    int length = request.length();
    if (rules.minLength().orElse(0) > length
        || rules.maxLength().orElse(Integer.MAX_VALUE) < length) {
      return Optional.of(
          "length " + length + ": " + site + " allows " + SuggestionWords.range(rules));
    }
    Revision revision = request.revision();
    StringBuilder combined = new StringBuilder();
    for (Setting<Boolean> cls : Setting.CLASSES) {
      if (!request.get(cls)) {
        continue;
      }
      String pool = revision.pool(cls, request.excludeAmbiguous());
      if (!rules.allowed().containsAny(pool)) {
        String name = SuggestionWords.className(cls);
        return Optional.of(name + " on: " + site + " allows none of the page's " + name);
      }
      combined.append(pool);
    }
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !required.containsAny(combined)) {
        return Optional.of(
            site + " requires one of " + required.describe() + ", which no class on gives");
      }
    }
    return Optional.empty();
  }
}
