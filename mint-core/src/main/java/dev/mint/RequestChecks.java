package dev.mint;

/**
 * The limits {@link MintRequest}'s constructor checks besides the site's and the version's (which
 * the stages' own rules check), each throwing one {@link InvalidInputException} naming the field.
 */
final class RequestChecks {
  private RequestChecks() {}

  /** {@code length} when the page makes passwords that long. */
  static int length(int length) {
    if (length < MintRequest.MIN_LENGTH || length > MintRequest.MAX_LENGTH) {
      throw new InvalidInputException(
          "length",
          "must be from "
              + MintRequest.MIN_LENGTH
              + " to "
              + MintRequest.MAX_LENGTH
              + ", got "
              + length);
    }
    return length;
  }

  /** Refuses a request that allows no character class at all. */
  static void someClass(boolean upper, boolean lower, boolean digits, boolean symbols) {
    if (!(upper || lower || digits || symbols)) {
      throw new InvalidInputException(
          "classes", "at least one of upper, lower, digits and symbols must be enabled");
    }
  }
}
