package dev.mint.internal;

import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;

/**
 * The page's algorithm as five stages, in the order of SPEC.md: {@link #normalizeSite normalize},
 * {@link #hardenPhrase harden}, {@link #salt salt}, {@link #derive derive}, {@link #encode encode}.
 * {@code dev.mint.MintKey} is the one place that runs them in that order; {@code
 * dev.mint.conformance.Stages} exposes them one by one.
 *
 * <p>Arrays returned here hold secrets or secret-derived data; the caller wipes them.
 */
public final class FiveStages {
  /** The constant start of every salt, in every revision. */
  public static final String SALT_PREFIX = "password-mint::v1::";

  private FiveStages() {}

  /** Normalize (SPEC.md section 3); refuses a null, blank or too long site and a null revision. */
  public static String normalizeSite(String site, Revision revision) {
    checkSite(site);
    return SiteRule.of(Inputs.requireNonNull(revision, "revision")).normalize(site);
  }

  /**
   * The site field as the port accepts it: not null, at most {@link MintRequest#MAX_SITE_LENGTH}
   * UTF-16 code units, not blank as JavaScript's {@code trim} sees it.
   *
   * @return {@code site}
   */
  public static String checkSite(String site) {
    Inputs.requireNonNull(site, "site");
    if (site.length() > MintRequest.MAX_SITE_LENGTH) {
      throw new InvalidInputException(
          "site", "must be at most " + MintRequest.MAX_SITE_LENGTH + " UTF-16 code units long");
    }
    if (Js.isBlank(site)) {
      throw new InvalidInputException("site", "must hold a character that is not whitespace");
    }
    return site;
  }

  /** Harden (SPEC.md section 4); a new array the caller wipes, {@code phrase} not modified. */
  public static byte[] hardenPhrase(char[] phrase) {
    return Hardening.harden(phrase);
  }

  /** Salt (SPEC.md section 5). */
  public static String salt(String normalizedSite, String version) {
    Inputs.requireNonNull(normalizedSite, "site");
    return SALT_PREFIX
        + normalizedSite
        + "::"
        + VersionRule.effective(VersionRule.check(version, null));
  }

  /** Derive: 64 bytes of PBKDF2-HMAC-SHA256, a new array the caller wipes. */
  public static byte[] derive(byte[] hardened, String salt, Level level, Pbkdf2Engine engine) {
    Inputs.requireNonNull(hardened, "hardened");
    Inputs.requireNonNull(salt, "salt");
    Inputs.requireNonNull(level, "level");
    Inputs.requireNonNull(engine, "engine");
    byte[] derived = Secrets.allocated(new byte[Encoding.DERIVED_LENGTH]);
    try {
      engine.derive(hardened, Js.utf8(salt), level.iterations(), derived);
      return derived;
    } catch (RuntimeException | Error e) {
      Secrets.wipe(derived); // an engine that fails may have written part of it already
      throw e;
    }
  }

  /** Encode (SPEC.md section 6); a new array the caller wipes. */
  public static char[] encode(byte[] derived, MintRequest request) {
    return Encoding.encode(derived, request);
  }
}
