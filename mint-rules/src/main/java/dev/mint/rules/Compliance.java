package dev.mint.rules;

import java.util.ArrayList;
import java.util.List;

/** Whether a password keeps a site's rules, and the reason for each rule it breaks. */
public final class Compliance {
  private Compliance() {}

  /**
   * Every rule {@code password} breaks: length, characters not allowed (each character once),
   * required sets with no character in the password, runs of identical characters.
   *
   * @param password the password; read, not kept, not modified
   * @param rules the site's rules
   * @param site the site's name for the messages
   * @return the violations, empty when the password complies
   */
  public static List<Violation> check(char[] password, PasswordRules rules, String site) {
    List<Violation> found = new ArrayList<>();
    int length = password.length;
    if (rules.minLength().isPresent() && length < rules.minLength().getAsInt()) {
      found.add(
          new Violation(
              Violation.Kind.TOO_SHORT,
              length
                  + " characters; "
                  + site
                  + " asks for at least "
                  + rules.minLength().getAsInt()));
    }
    if (rules.maxLength().isPresent() && length > rules.maxLength().getAsInt()) {
      found.add(
          new Violation(
              Violation.Kind.TOO_LONG,
              length + " characters; " + site + " allows at most " + rules.maxLength().getAsInt()));
    }
    CharSet allowed = rules.allowed();
    StringBuilder reported = new StringBuilder();
    for (char c : password) {
      if (!allowed.contains(c) && reported.indexOf(String.valueOf(c)) < 0) {
        reported.append(c);
        found.add(
            new Violation(
                Violation.Kind.NOT_ALLOWED,
                "contains '" + shown(c) + "', which " + site + " does not allow"));
      }
    }
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !containsAny(password, required)) {
        found.add(
            new Violation(
                Violation.Kind.REQUIRED_MISSING,
                "has none of " + required.describe() + "; " + site + " requires one"));
      }
    }
    if (rules.maxConsecutive().isPresent()) {
      int limit = rules.maxConsecutive().getAsInt();
      int run = longestRun(password);
      if (run > limit) {
        found.add(
            new Violation(
                Violation.Kind.TOO_MANY_IN_A_ROW,
                run + " identical characters in a row; at most " + limit));
      }
    }
    return found;
  }

  /**
   * Whether {@code password} keeps every rule; the same as {@code check(...).isEmpty()}.
   *
   * @param password the password; read, not kept
   * @param rules the site's rules
   * @return true when it complies
   */
  public static boolean complies(char[] password, PasswordRules rules) {
    if (rules.minLength().isPresent() && password.length < rules.minLength().getAsInt()
        || rules.maxLength().isPresent() && password.length > rules.maxLength().getAsInt()) {
      return false;
    }
    for (char c : password) {
      if (!rules.allowed().contains(c)) {
        return false;
      }
    }
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !containsAny(password, required)) {
        return false;
      }
    }
    return rules.maxConsecutive().isEmpty()
        || longestRun(password) <= rules.maxConsecutive().getAsInt();
  }

  private static boolean containsAny(char[] password, CharSet set) {
    for (char c : password) {
      if (set.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static int longestRun(char[] password) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < password.length; i++) {
      run = i > 0 && password[i] == password[i - 1] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static String shown(char c) {
    return CharSet.isAsciiPrintable(c) ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
