package dev.mint.rules;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One site's password rules, canonical: the required sets in order, one allowed set (which holds
 * every required set, {@code ascii-printable} when the text names none), and the smallest {@code
 * max-consecutive}, largest {@code minlength} and smallest {@code maxlength} the text gives. This
 * is exactly what Apple's reference parser returns for the same text. Immutable.
 *
 * <p>{@link #problems()} lists what the parser skipped (an unknown rule name, a malformed value, a
 * stray character); it is not part of the rule's identity ({@link #equals}).
 */
public final class PasswordRules {
  private final List<CharSet> required;
  private final CharSet allowed;
  private final int maxConsecutive;
  private final int minLength;
  private final int maxLength;
  private final List<String> problems;

  PasswordRules(
      List<CharSet> required,
      CharSet allowed,
      int maxConsecutive,
      int minLength,
      int maxLength,
      List<String> problems) {
    this.required = List.copyOf(required);
    this.allowed = Objects.requireNonNull(allowed);
    this.maxConsecutive = maxConsecutive;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads rules text leniently, as password managers do: what cannot be read is skipped and listed
   * in {@link #problems()}. Never throws for any non-null text.
   *
   * @param text rules in the password-rules language
   * @return the canonical rules
   * @throws RulesSyntaxException when {@code text} is null
   */
  public static PasswordRules parse(String text) {
    if (text == null) {
      throw new RulesSyntaxException("password rules: the text is missing");
    }
    return RulesParser.parse(text);
  }

  /**
   * Reads rules text and refuses it when anything in it had to be skipped.
   *
   * @param text rules in the password-rules language
   * @return the canonical rules, with no problems
   * @throws RulesSyntaxException naming the first problem, when there is one
   */
  public static PasswordRules parseStrict(String text) {
    PasswordRules rules = parse(text);
    if (!rules.problems.isEmpty()) {
      throw new RulesSyntaxException("password rules: " + String.join("; ", rules.problems));
    }
    return rules;
  }

  /**
   * The sets of which a password must hold at least one character each, in the text's order.
   *
   * @return the required sets (an empty set is kept as the text gave it, and asks for nothing)
   */
  public List<CharSet> required() {
    return required;
  }

  /**
   * The characters a password may hold.
   *
   * @return the allowed set, never empty
   */
  public CharSet allowed() {
    return allowed;
  }

  /**
   * The most identical characters in a row a password may hold.
   *
   * @return the limit, empty when there is none
   */
  public OptionalInt maxConsecutive() {
    return maxConsecutive == 0 ? OptionalInt.empty() : OptionalInt.of(maxConsecutive);
  }

  /**
   * The shortest length allowed.
   *
   * @return the minimum, empty when there is none
   */
  public OptionalInt minLength() {
    return minLength == 0 ? OptionalInt.empty() : OptionalInt.of(minLength);
  }

  /**
   * The longest length allowed.
   *
   * @return the maximum, empty when there is none
   */
  public OptionalInt maxLength() {
    return maxLength == 0 ? OptionalInt.empty() : OptionalInt.of(maxLength);
  }

  /**
   * What the parser skipped, each with its position in the text.
   *
   * @return the problems, empty for well-formed text
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * The rules in the password-rules language, canonical: {@code minlength}, {@code maxlength},
   * {@code max-consecutive}, {@code allowed}, then each {@code required}, each ended by {@code ;}.
   * {@code parse(r.toString())} equals {@code r}.
   *
   * @return the canonical text
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (minLength != 0) {
      text.append("minlength: ").append(minLength).append("; ");
    }
    if (maxLength != 0) {
      text.append("maxlength: ").append(maxLength).append("; ");
    }
    if (maxConsecutive != 0) {
      text.append("max-consecutive: ").append(maxConsecutive).append("; ");
    }
    // allowed before required: the first unicode or ascii-printable of the allowed values decides
    text.append("allowed: ").append(allowed).append(';');
    for (CharSet set : required) {
      text.append(" required: ").append(set).append(';');
    }
    return text.toString();
  }

  /**
   * The rules in words, one line each, for {@code mint rules SITE}.
   *
   * @return lines such as {@code "at least 8 characters"}
   */
  public List<String> describe() {
    List<String> lines = new java.util.ArrayList<>();
    if (minLength != 0) {
      lines.add("at least " + minLength + " characters");
    }
    if (maxLength != 0) {
      lines.add("at most " + maxLength + " characters");
    }
    if (maxConsecutive != 0) {
      lines.add("at most " + maxConsecutive + " identical characters in a row");
    }
    lines.add("allowed: " + allowed.describe());
    for (CharSet set : required) {
      if (!set.isEmpty()) {
        lines.add("required: one of " + set.describe());
      }
    }
    return lines;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PasswordRules)) {
      return false;
    }
    PasswordRules other = (PasswordRules) o;
    return required.equals(other.required)
        && allowed.equals(other.allowed)
        && maxConsecutive == other.maxConsecutive
        && minLength == other.minLength
        && maxLength == other.maxLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(required, allowed, maxConsecutive, minLength, maxLength);
  }
}
