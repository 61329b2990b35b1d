package dev.mint.internal;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;

/**
 * Not part of mint's API: the five stages, as {@code dev.mint} implements them, handed to {@code
 * dev.mint.conformance} (another package of the same module, which cannot call {@code dev.mint}'s
 * package-private code). {@code dev.mint} installs the one instance when its stage class is
 * initialized; {@link #get()} makes sure it is.
 */
public abstract class StageAccess {
  /** The constant start of every salt, in every revision. */
  public static final String SALT_PREFIX = "password-mint::v1::";

  private static final String IMPLEMENTATION = "dev.mint.FiveStages";
  private static volatile StageAccess installed;

  /** For {@code dev.mint}'s implementation only. */
  protected StageAccess() {}

  /**
   * Installs {@code dev.mint}'s stages; called once, by their class initializer.
   *
   * @throws IllegalStateException when stages were installed already
   */
  public static synchronized void install(StageAccess stages) {
    if (installed != null) {
      throw new IllegalStateException("the stages are installed already");
    }
    installed = stages;
  }

  /** {@code dev.mint}'s stages. */
  public static StageAccess get() {
    StageAccess stages = installed;
    if (stages == null) {
      try {
        Class.forName(IMPLEMENTATION, true, StageAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(IMPLEMENTATION + " is missing", e);
      }
      stages = installed;
    }
    return stages;
  }

  public abstract String normalizeSite(String site, Revision revision);

  public abstract byte[] hardenPhrase(char[] phrase);

  public abstract String salt(String normalizedSite, String version);

  public abstract byte[] derive(byte[] hardened, String salt, Level level, Pbkdf2Engine engine);

  public abstract char[] encode(byte[] derived, MintRequest request);
}
