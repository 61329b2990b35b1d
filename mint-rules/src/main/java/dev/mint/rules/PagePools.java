package dev.mint.rules;

import dev.mint.Revision;

/**
 * The page's character pools (SPEC.md section 6): upper, lower, digits, with exclude-ambiguous
 * without {@code I O}, {@code l}, {@code 0 1}; the revision's symbols, which exclude-ambiguous
 * never touches. PagePoolsTest checks them against what mint-core's encoder draws.
 */
final class PagePools {
  static final int UPPER = 0;
  static final int LOWER = 1;
  static final int DIGITS = 2;
  static final int SYMBOLS = 3;
  static final String[] NAMES = {"uppercase letters", "lowercase letters", "digits", "symbols"};

  private PagePools() {}

  static String pool(int cls, boolean excludeAmbiguous, Revision revision) {
    switch (cls) {
      case UPPER:
        return excludeAmbiguous ? "ABCDEFGHJKLMNPQRSTUVWXYZ" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
      case LOWER:
        return excludeAmbiguous ? "abcdefghijkmnopqrstuvwxyz" : "abcdefghijklmnopqrstuvwxyz";
      case DIGITS:
        return excludeAmbiguous ? "23456789" : "0123456789";
      default:
        return revision.symbols();
    }
  }

  /** Every character the page can put in a password of {@code revision}. */
  static String all(Revision revision) {
    return pool(UPPER, false, revision)
        + pool(LOWER, false, revision)
        + pool(DIGITS, false, revision)
        + pool(SYMBOLS, false, revision);
  }
}
