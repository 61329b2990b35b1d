package dev.mint;

import java.util.Arrays;

/**
 * A minted password. It holds the characters in an array that {@link #close()} wipes; use it in
 * try-with-resources. {@link #toString()} never shows the characters.
 */
public final class Password implements AutoCloseable {
  private final char[] chars;
  private volatile boolean wiped;

  Password(char[] chars) {
    this.chars = chars;
  }

  /**
   * The number of characters.
   *
   * @return the password's length, 12 to 64
   */
  public int length() {
    return chars.length;
  }

  /**
   * A copy of the characters; the caller should wipe it when done.
   *
   * @return a new array holding the password
   * @throws IllegalStateException after {@link #close()}
   */
  public char[] toCharArray() {
    if (wiped) {
      throw new IllegalStateException("the password was wiped");
    }
    return chars.clone();
  }

  /**
   * Whether {@link #close()} has wiped the characters.
   *
   * @return true once closed
   */
  public boolean isWiped() {
    return wiped;
  }

  /** Overwrites the characters with zeros. */
  @Override
  public void close() {
    Arrays.fill(chars, '\0');
    wiped = true;
  }

  /** Shows the length only. */
  @Override
  public String toString() {
    return wiped ? "Password[wiped]" : "Password[" + chars.length + " characters]";
  }
}
