package dev.mint;

import java.util.Locale;

/**
 * A release of the Password Mint page. All three share the salt prefix, the phrase hardening,
 * PBKDF2 and the byte-to-character mapping; a revision is exactly its site rule, its symbol set and
 * its version rule.
 */
public enum Revision {
  /** Page commit 8c95790: site rule S1, symbols Y1, version not checked by the page. */
  R1(SiteRule.S1, Symbols.Y1, VersionRule.UNCHECKED),
  /** Page commit 41a353f: site rule S2, symbols Y1, version not checked by the page. */
  R2(SiteRule.S2, Symbols.Y1, VersionRule.UNCHECKED),
  /**
   * Page commits d628c78 and 3043ae9, the current page: site rule S3, symbols Y3, version checked.
   */
  R3(SiteRule.S3, Symbols.Y3, VersionRule.PARSE_INT_AT_LEAST_ONE);

  /** The revision used when none is chosen: the current page. */
  public static final Revision DEFAULT = R3;

  private final SiteRule siteRule;
  private final String symbols;
  private final VersionRule versionRule;

  Revision(SiteRule siteRule, String symbols, VersionRule versionRule) {
    this.siteRule = siteRule;
    this.symbols = symbols;
    this.versionRule = versionRule;
  }

  /**
   * The revision's short name.
   *
   * @return {@code r1}, {@code r2} or {@code r3}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The symbol characters of this revision.
   *
   * @return the symbols, in the page's order
   */
  public String symbols() {
    return symbols;
  }

  SiteRule siteRule() {
    return siteRule;
  }

  VersionRule versionRule() {
    return versionRule;
  }

  /**
   * The revision named {@code r1}, {@code r2} or {@code r3}.
   *
   * @param id the revision's short name, as {@link #id()} gives it
   * @return the revision of that name
   * @throws InvalidInputException for any other name
   */
  public static Revision parse(String id) {
    for (Revision revision : values()) {
      if (revision.id().equals(id)) {
        return revision;
      }
    }
    throw new InvalidInputException("revision", "must be r1, r2 or r3");
  }

  /** The symbol sets of the page's releases. */
  static final class Symbols {
    /** r1 and r2: 27 symbols. */
    static final String Y1 = "!@#$%^&*()-_=+[]{}|;:,.<>?/";

    /** r3: 12 symbols. */
    static final String Y3 = "!@#$%*-_=+.?";

    private Symbols() {}
  }
}
