package dev.mint;

import java.util.Locale;

/** The page's security level: how many PBKDF2 iterations a derivation costs. */
public enum Level {
  /** 210,000 iterations, the page's default. */
  STANDARD(210_000),
  /** 400,000 iterations. */
  HIGH(400_000);

  private final int iterations;

  Level(int iterations) {
    this.iterations = iterations;
  }

  /**
   * The PBKDF2-HMAC-SHA256 iteration count of this level.
   *
   * @return 210,000 or 400,000
   */
  public int iterations() {
    return iterations;
  }

  /**
   * The level's name as the page writes it.
   *
   * @return {@code standard} or {@code high}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The level named {@code standard} or {@code high}.
   *
   * @param id the level's name, as {@link #id()} gives it
   * @return the level of that name
   * @throws InvalidInputException for any other name
   */
  public static Level parse(String id) {
    for (Level level : values()) {
      if (level.id().equals(id)) {
        return level;
      }
    }
    throw new InvalidInputException("level", "must be standard or high");
  }
}
