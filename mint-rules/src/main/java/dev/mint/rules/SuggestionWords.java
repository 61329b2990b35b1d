package dev.mint.rules;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suggestion's reasons in words: why each chosen setting is what it is, set against the current
 * settings and the site's rules, and the names of lengths, classes and boxes the other messages of
 * {@link Suggestion} share.
 */
final class SuggestionWords {
  /** Each class's name in the reasons. */
  private static final Map<Setting<Boolean>, String> CLASS_NAMES =
      Map.of(
          Setting.UPPER, "uppercase letters",
          Setting.LOWER, "lowercase letters",
          Setting.DIGITS, "digits",
          Setting.SYMBOLS, "symbols");

  private SuggestionWords() {}

  /** {@code uppercase letters}: a class as the reasons name it. */
  static String className(Setting<Boolean> cls) {
    return CLASS_NAMES.get(cls);
  }

  /** {@code 8 to 20 characters}: the lengths the rules allow. */
  static String range(PasswordRules rules) {
    if (rules.minLength().isPresent() && rules.maxLength().isPresent()) {
      return rules.minLength().getAsInt() + " to " + rules.maxLength().getAsInt() + " characters";
    }
    if (rules.minLength().isPresent()) {
      return rules.minLength().getAsInt() + " or more characters";
    }
    if (rules.maxLength().isPresent()) {
      return "up to " + rules.maxLength().getAsInt() + " characters";
    }
    return "any length";
  }

  /** {@code exclude-ambiguous on}: a box as the reasons name it. */
  static String word(Setting<?> s, Object on) {
    String name = s.name().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    return name + (Boolean.TRUE.equals(on) ? " on" : " off");
  }

  /**
   * One line for the length, one for each class turned on or off (or kept on although the site
   * refuses some of its characters), one for exclude-ambiguous when it changed, and last how many
   * passwords of {@code s} keep the rules.
   *
   * @param now the current settings
   * @param s the chosen settings
   * @param certain whether every password of {@code s} keeps the rules
   * @param share the sampled share that does, when not certain
   */
  static List<String> reasons(
      PasswordRules rules,
      String site,
      Revision revision,
      MintRequest now,
      MintRequest s,
      boolean certain,
      double share) {
    List<String> reasons = new ArrayList<>();
    String lengthWhy = site + " allows " + range(rules);
    if (s.length() == now.length()) {
      reasons.add("length " + s.length() + " kept: " + lengthWhy);
    } else if (s.length() < MintRequest.DEFAULT_LENGTH) {
      reasons.add(
          "length " + s.length() + ": " + lengthWhy + ", so the page's default 16 is too long");
    } else {
      reasons.add("length " + s.length() + ": " + lengthWhy + ", closest to the page's default 16");
    }
    CharSet allowed = rules.allowed();
    for (Setting<Boolean> cls : Setting.CLASSES) {
      String pool = revision.pool(cls, s.excludeAmbiguous());
      String name = CLASS_NAMES.get(cls);
      String missing = missing(allowed, pool);
      if (s.get(cls) && !now.get(cls)) {
        reasons.add(name + " on: " + site + " " + needs(rules, pool));
      } else if (!s.get(cls) && now.get(cls)) {
        reasons.add(
            name
                + " off: "
                + (missing.length() == pool.length()
                    ? site + " allows none of the page's " + name
                    : site + " does not allow " + missing + " of the page's " + name));
      } else if (s.get(cls) && !missing.isEmpty()) {
        reasons.add(
            name
                + " kept on although "
                + site
                + " does not allow "
                + missing
                + ": "
                + site
                + " "
                + needs(rules, pool));
      }
    }
    if (s.excludeAmbiguous() != now.excludeAmbiguous()) {
      reasons.add(
          "exclude-ambiguous "
              + (s.excludeAmbiguous() ? "on" : "off")
              + ": more of the page's passwords keep "
              + site
              + "'s rules with it");
    }
    if (certain) {
      reasons.add("every password with these settings keeps " + site + "'s rules");
    } else {
      reasons.add(
          "about "
              + Math.round(share * 100)
              + "% of passwords with these settings keep "
              + site
              + "'s rules (of "
              + ComplyingShare.SAMPLES
              + " sampled): a version search finds a version whose password does");
    }
    return reasons;
  }

  private static String needs(PasswordRules rules, String pool) {
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && required.containsAny(pool)) {
        return "requires one of " + required.describe();
      }
    }
    return "accepts more of the page's passwords with it";
  }

  private static String missing(CharSet allowed, String pool) {
    StringBuilder out = new StringBuilder();
    for (char c : pool.toCharArray()) {
      if (!allowed.contains(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
