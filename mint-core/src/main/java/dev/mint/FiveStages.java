package dev.mint;

import dev.mint.internal.StageAccess;

/**
 * The page's algorithm as five stages, in the order of SPEC.md: {@link #normalizeSite normalize},
 * {@link #hardenPhrase harden}, {@link #salt salt}, {@link #derive derive}, {@link #encode encode}.
 * {@link MintKey} is the one place that runs them in that order; {@code
 * dev.mint.conformance.Stages} (and the deprecated {@link Stages}) expose them one by one.
 *
 * <p>Arrays returned here hold secrets or secret-derived data; the caller wipes them.
 */
final class FiveStages {
  static final String SALT_PREFIX = StageAccess.SALT_PREFIX;

  static {
    StageAccess.install(new Access());
  }

  private FiveStages() {}

  /** Normalize (SPEC.md section 3); refuses a null, blank or too long site and a null revision. */
  static String normalizeSite(String site, Revision revision) {
    MintRequest.checkSite(site);
    return InvalidInputException.requireNonNull(revision, "revision").siteRule().normalize(site);
  }

  /** Harden (SPEC.md section 4); a new array the caller wipes, {@code phrase} not modified. */
  static byte[] hardenPhrase(char[] phrase) {
    return Hardening.harden(phrase);
  }

  /** Salt (SPEC.md section 5). */
  static String salt(String normalizedSite, String version) {
    InvalidInputException.requireNonNull(normalizedSite, "site");
    return SALT_PREFIX
        + normalizedSite
        + "::"
        + VersionRule.effective(VersionRule.check(version, null));
  }

  /** Derive: 64 bytes of PBKDF2-HMAC-SHA256, a new array the caller wipes. */
  static byte[] derive(byte[] hardened, String salt, Level level, Pbkdf2Engine engine) {
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

  /** Encode (SPEC.md section 6); a new array the caller wipes. */
  static char[] encode(byte[] derived, MintRequest request) {
    return Encoding.encode(derived, request);
  }

  /** The stages for {@code dev.mint.conformance}, which cannot call this package-private class. */
  private static final class Access extends StageAccess {
    @Override
    public String normalizeSite(String site, Revision revision) {
      return FiveStages.normalizeSite(site, revision);
    }

    @Override
    public byte[] hardenPhrase(char[] phrase) {
      return FiveStages.hardenPhrase(phrase);
    }

    @Override
    public String salt(String normalizedSite, String version) {
      return FiveStages.salt(normalizedSite, version);
    }

    @Override
    public byte[] derive(byte[] hardened, String salt, Level level, Pbkdf2Engine engine) {
      return FiveStages.derive(hardened, salt, level, engine);
    }

    @Override
    public char[] encode(byte[] derived, MintRequest request) {
      return FiveStages.encode(derived, request);
    }
  }
}
