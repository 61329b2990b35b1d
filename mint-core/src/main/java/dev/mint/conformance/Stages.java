package dev.mint.conformance;

import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;
import dev.mint.internal.FiveStages;

/**
 * The page's algorithm as five stages, in the order of SPEC.md: {@link #normalizeSite normalize},
 * {@link #hardenPhrase harden}, {@link #salt salt}, {@link #derive derive}, {@link #encode encode}.
 * {@link Mint#derive} and {@link dev.mint.MintKey} run them in that order; they are public here,
 * apart from the everyday API, so that a conformance tool (mint's vector checker, a benchmark) can
 * check each stage on its own against the page's recorded values. To get passwords, use {@link
 * Mint} or {@link dev.mint.MintKey}.
 *
 * <p>Arrays returned here hold secrets or secret-derived data; the caller wipes them.
 */
public final class Stages {
  /** The constant start of every salt, in every revision. */
  public static final String SALT_PREFIX = FiveStages.SALT_PREFIX;

  private Stages() {}

  /**
   * Normalize: the site part of the salt, as the page of {@code revision} computes it and shows it
   * (SPEC.md section 3).
   *
   * @param site the site as typed
   * @param revision the page release whose rule applies
   * @return the normalized site
   * @throws InvalidInputException when the site is null, blank after JS-trim, or too long
   */
  public static String normalizeSite(String site, Revision revision) {
    return FiveStages.normalizeSite(site, revision);
  }

  /**
   * Harden: the exact bytes the page hands to PBKDF2 as the password (SPEC.md section 4), the same
   * in every revision. {@code phrase} is not modified.
   *
   * @param phrase the master phrase
   * @return the hardened phrase's UTF-8 bytes, a new array the caller wipes
   * @throws InvalidInputException when the phrase is null, blank after JS-trim, or too long
   */
  public static byte[] hardenPhrase(char[] phrase) {
    return FiveStages.hardenPhrase(phrase);
  }

  /**
   * Salt: {@code "password-mint::v1::" + normalizedSite + "::" + version} (SPEC.md section 5).
   *
   * @param normalizedSite the site as {@link #normalizeSite} gives it
   * @param version the version text: empty (meaning {@code "1"}) or ASCII digits with value 1 to
   *     9999, kept verbatim
   * @return the salt text
   * @throws InvalidInputException when an argument is null or the version is not allowed
   */
  public static String salt(String normalizedSite, String version) {
    return FiveStages.salt(normalizedSite, version);
  }

  /**
   * Derive: the 64 bytes of PBKDF2-HMAC-SHA256 over the hardened bytes and the salt encoded as
   * {@code TextEncoder} does, at the level's iteration count.
   *
   * @param hardened the bytes {@link #hardenPhrase} gives; not modified
   * @param salt the salt {@link #salt} gives
   * @param level the security level, which sets the iteration count
   * @param engine the PBKDF2-HMAC-SHA256 to use
   * @return the 64 derived bytes, a new array the caller wipes
   * @throws InvalidInputException when an argument is null
   */
  public static byte[] derive(byte[] hardened, String salt, Level level, Pbkdf2Engine engine) {
    return FiveStages.derive(hardened, salt, level, engine);
  }

  /**
   * Encode: the password the page shows for 64 derived bytes and the request's length, classes,
   * exclude-ambiguous and revision (SPEC.md section 6).
   *
   * @param derived the 64 bytes {@link #derive} gives; not modified
   * @param request the length, classes, exclude-ambiguous and revision to encode with
   * @return the password's characters, a new array the caller wipes
   * @throws InvalidInputException when an argument is null or {@code derived} is not 64 bytes
   */
  public static char[] encode(byte[] derived, MintRequest request) {
    return FiveStages.encode(derived, request);
  }
}
