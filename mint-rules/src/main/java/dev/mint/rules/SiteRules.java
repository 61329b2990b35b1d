package dev.mint.rules;

import java.util.Objects;

/** The rules {@link KnownSites#rules} found for a site: the data's domain, its rules, and how. */
public final class SiteRules {
  /** How the site was matched to the data's domain. */
  public enum Match {
    /** The site's host is the domain. */
    EXACT,
    /**
     * The domain is a parent of the site's host ({@code login.example.com}, {@code example.com}).
     */
    PARENT,
    /**
     * The domain signs in with the same account as the site's host or a parent of it (the data's
     * shared sign-ins), so one password serves both and must keep the domain's rules.
     */
    SHARED_SIGN_IN,
    /** The page normalizes the site and the domain alike, so both get the same password. */
    SAME_PAGE_SITE
  }

  private final String domain;
  private final PasswordRules rules;
  private final Match match;

  SiteRules(String domain, PasswordRules rules, Match match) {
    this.domain = Objects.requireNonNull(domain);
    this.rules = Objects.requireNonNull(rules);
    this.match = Objects.requireNonNull(match);
  }

  /**
   * The domain as the data names it.
   *
   * @return e.g. {@code account.samsung.com}
   */
  public String domain() {
    return domain;
  }

  /**
   * The domain's rules.
   *
   * @return the parsed rules (their {@link PasswordRules#problems()} say what was skipped)
   */
  public PasswordRules rules() {
    return rules;
  }

  /**
   * How the site was matched.
   *
   * @return the kind of match
   */
  public Match match() {
    return match;
  }

  @Override
  public String toString() {
    return domain + ": " + rules;
  }
}
