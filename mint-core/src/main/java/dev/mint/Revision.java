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
   * The characters the page draws from for one character class (SPEC.md section 6): the letters and
   * digits, which {@code excludeAmbiguous} leaves {@code I O l 0 1} out of, are the same in every
   * revision; the symbols are this revision's, which {@code excludeAmbiguous} never touches.
   *
   * @param characterClass one of {@link Setting#CLASSES}
   * @param excludeAmbiguous the page's "exclude ambiguous" box
   * @return the pool, in the page's order
   * @throws InvalidInputException for a setting that is not a character class
   */
  public String pool(Setting<Boolean> characterClass, boolean excludeAmbiguous) {
    if (characterClass == Setting.UPPER) {
      return excludeAmbiguous ? Pools.UPPER_UNAMBIGUOUS : Pools.UPPER;
    }
    if (characterClass == Setting.LOWER) {
      return excludeAmbiguous ? Pools.LOWER_UNAMBIGUOUS : Pools.LOWER;
    }
    if (characterClass == Setting.DIGITS) {
      return excludeAmbiguous ? Pools.DIGITS_UNAMBIGUOUS : Pools.DIGITS;
    }
    if (characterClass == Setting.SYMBOLS) {
      return symbols;
    }
    throw new InvalidInputException("characterClass", "must be upper, lower, digits or symbols");
  }

  /**
   * Every character the page can put in a password of this revision.
   *
   * @return the four pools without exclude-ambiguous, in the page's order
   */
  public String characters() {
    StringBuilder all = new StringBuilder();
    for (Setting<Boolean> characterClass : Setting.CLASSES) {
      all.append(pool(characterClass, false));
    }
    return all.toString();
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
    StringBuilder names = new StringBuilder();
    Revision[] all = values();
    for (int i = 0; i < all.length; i++) {
      names.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id());
    }
    throw new InvalidInputException("revision", "must be " + names);
  }

  /** The letters and digits every release draws from. */
  private static final class Pools {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String UPPER_UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String LOWER_UNAMBIGUOUS = "abcdefghijkmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String DIGITS_UNAMBIGUOUS = "23456789";

    private Pools() {}
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
