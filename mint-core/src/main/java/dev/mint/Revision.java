package dev.mint;

import dev.mint.internal.FiveStages;
import java.util.Locale;

/**
 * A release of the Password Mint page. All three share the salt prefix, the phrase hardening,
 * PBKDF2 and the byte-to-character mapping; a revision is exactly its site rule, its symbol set and
 * its version rule.
 */
public enum Revision {
  /** Page commit 8c95790: site rule S1, symbols Y1, version not checked by the page. */
  R1(Symbols.Y1),
  /** Page commit 41a353f: site rule S2, symbols Y1, version not checked by the page. */
  R2(Symbols.Y1),
  /**
   * Page commits d628c78 and 3043ae9, the current page: site rule S3, symbols Y3, version checked.
   */
  R3(Symbols.Y3);

  /** The revision used when none is chosen: the current page. */
  public static final Revision DEFAULT = R3;

  private final String symbols;

  Revision(String symbols) {
    this.symbols = symbols;
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

  /**
   * The site part of the salt, as this revision's page computes it from the site field and shows it
   * (SPEC.md section 3): {@code GitHub.com} and {@code https://www.github.com/login} are both
   * {@code github}. Two sites with the same normalized form give the same passwords.
   *
   * @param site the site as typed
   * @return the normalized site
   * @throws InvalidInputException when the site is null, blank after JavaScript's trim, or longer
   *     than {@link MintRequest#MAX_SITE_LENGTH}
   */
  public String normalizeSite(String site) {
    return FiveStages.normalizeSite(site, this);
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
