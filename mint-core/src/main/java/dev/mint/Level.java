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

  /** The PBKDF2-HMAC-SHA256 iteration count of this level. */
  public int iterations() {
    return iterations;
  }

  /** The level's name as the page writes it: {@code standard} or {@code high}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The level named {@code standard} or {@code high}.
   *
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
