package dev.mint;

import dev.mint.internal.FiveStages;

/**
 * Mints the page's password for a request and a master phrase.
 *
 * <pre>{@code
 * MintRequest request = MintRequest.builder("github.com").build();
 * try (Password password = Mint.derive(request, phrase)) {
 *   char[] chars = password.toCharArray();
 *   ...
 * }
 * }</pre>
 */
public final class Mint {
  private Mint() {}

  /**
   * {@link #derive(MintRequest, char[], Pbkdf2Engine)} with the default engine.
   *
   * @param request the site and the page's settings
   * @param phrase the master phrase; read, not modified
   * @return the page's password for these inputs; close it to wipe it
   * @throws InvalidInputException when the phrase is null, blank or too long, or an argument is
   *     null
   */
  public static Password derive(MintRequest request, char[] phrase) {
    return derive(request, phrase, Pbkdf2Engine.defaultEngine());
  }

  /**
   * Runs the five stages: normalize, harden, salt, derive, encode. {@code phrase} is read, not
   * modified; every intermediate buffer is wiped before this returns. To mint several passwords
   * from one phrase, {@link MintKey} hardens it once.
   *
   * @param request the site and the page's settings
   * @param phrase the master phrase; read, not modified
   * @param engine the PBKDF2-HMAC-SHA256 to use, such as {@link Pbkdf2Engine#fastSequential()}
   * @return the page's password for these inputs; close it to wipe it
   * @throws InvalidInputException when the phrase is null, blank or too long, or an argument is
   *     null
   */
  public static Password derive(MintRequest request, char[] phrase, Pbkdf2Engine engine) {
    return MintKey.deriveOnce(request, phrase, engine);
  }

  /**
   * The last of the five stages alone: the password the page shows for 64 derived bytes and the
   * request's length, character classes, exclude-ambiguous and revision (SPEC.md section 6); the
   * site, version and level play no part. For tools that study what the page's passwords look like
   * (which share of them a site's password rules accept, from sampled bytes), not for getting a
   * password: {@link #derive} makes the bytes from the phrase.
   *
   * @param request the length, classes, exclude-ambiguous and revision to encode with
   * @param derived 64 bytes, as PBKDF2 gives them; read, not modified
   * @return the password for these bytes; close it to wipe it
   * @throws InvalidInputException when an argument is null or {@code derived} is not 64 bytes
   */
  public static Password encode(MintRequest request, byte[] derived) {
    return new Password(FiveStages.encode(derived, request));
  }
}
