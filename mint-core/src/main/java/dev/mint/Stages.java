package dev.mint;

/**
 * The page's algorithm as five stages, in the order of SPEC.md: {@link #normalizeSite normalize},
 * {@link #hardenPhrase harden}, {@link #salt salt}, {@link #derive derive}, {@link #encode encode}.
 * {@link Mint#derive} runs them in that order; they are public so that each stage can be checked on
 * its own against the page's recorded values.
 *
 * <p>Arrays returned here hold secrets or secret-derived data; the caller wipes them.
 */
public final class Stages {
  /** The constant start of every salt, in every revision. */
  public static final String SALT_PREFIX = "password-mint::v1::";

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
    MintRequest.checkSite(site);
    return InvalidInputException.requireNonNull(revision, "revision").siteRule().normalize(site);
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
    return Hardening.harden(phrase);
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
    InvalidInputException.requireNonNull(normalizedSite, "site");
    return SALT_PREFIX
        + normalizedSite
        + "::"
        + VersionRule.effective(VersionRule.check(version, null));
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
    InvalidInputException.requireNonNull(hardened, "hardened");
    InvalidInputException.requireNonNull(salt, "salt");
    InvalidInputException.requireNonNull(level, "level");
    InvalidInputException.requireNonNull(engine, "engine");
    byte[] derived = Secrets.allocated(new byte[Encoding.DERIVED_LENGTH]);
    try {
      engine.derive(hardened, Js.utf8(salt), level.iterations(), derived);
      return derived;
    } catch (RuntimeException | Error e) {
      Secrets.wipe(derived); // an engine that fails may have written part of it already
      throw e;
    }
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
    return Encoding.encode(derived, request);
  }
}
