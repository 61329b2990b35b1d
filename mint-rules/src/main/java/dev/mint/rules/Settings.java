package dev.mint.rules;

import dev.mint.MintRequest;
import java.util.Objects;

/**
 * The page settings that rules can ask mint to change: length, the four classes and
 * exclude-ambiguous. Immutable; maps onto {@link MintRequest.Builder}'s setters of the same names.
 * The site, version, security level and revision are never chosen here.
 */
public final class Settings {
  /** One of the settings, to say which ones the user typed. */
  public enum Setting {
    /** {@code length}. */
    LENGTH,
    /** {@code upper}. */
    UPPER,
    /** {@code lower}. */
    LOWER,
    /** {@code digits}. */
    DIGITS,
    /** {@code symbols}. */
    SYMBOLS,
    /** {@code excludeAmbiguous}. */
    EXCLUDE_AMBIGUOUS
  }

  private final int length;
  private final boolean upper;
  private final boolean lower;
  private final boolean digits;
  private final boolean symbols;
  private final boolean excludeAmbiguous;

  Settings(
      int length,
      boolean upper,
      boolean lower,
      boolean digits,
      boolean symbols,
      boolean excludeAmbiguous) {
    this.length = length;
    this.upper = upper;
    this.lower = lower;
    this.digits = digits;
    this.symbols = symbols;
    this.excludeAmbiguous = excludeAmbiguous;
  }

  /**
   * The settings of {@code request}.
   *
   * @param request a request
   * @return its length, classes and exclude-ambiguous
   */
  public static Settings of(MintRequest request) {
    return new Settings(
        request.length(),
        request.upper(),
        request.lower(),
        request.digits(),
        request.symbols(),
        request.excludeAmbiguous());
  }

  /**
   * Sets these settings on {@code builder}.
   *
   * @param builder a request builder
   * @return the same builder
   */
  public MintRequest.Builder applyTo(MintRequest.Builder builder) {
    return builder
        .length(length)
        .upper(upper)
        .lower(lower)
        .digits(digits)
        .symbols(symbols)
        .excludeAmbiguous(excludeAmbiguous);
  }

  /**
   * {@code request} with these settings.
   *
   * @param request a request
   * @return a new request, site, version, level and revision unchanged
   */
  public MintRequest applyTo(MintRequest request) {
    return applyTo(request.toBuilder()).build();
  }

  /**
   * The password length.
   *
   * @return 12 to 64
   */
  public int length() {
    return length;
  }

  /**
   * Whether uppercase letters are on.
   *
   * @return the setting
   */
  public boolean upper() {
    return upper;
  }

  /**
   * Whether lowercase letters are on.
   *
   * @return the setting
   */
  public boolean lower() {
    return lower;
  }

  /**
   * Whether digits are on.
   *
   * @return the setting
   */
  public boolean digits() {
    return digits;
  }

  /**
   * Whether symbols are on.
   *
   * @return the setting
   */
  public boolean symbols() {
    return symbols;
  }

  /**
   * Whether exclude-ambiguous is on.
   *
   * @return the setting
   */
  public boolean excludeAmbiguous() {
    return excludeAmbiguous;
  }

  /**
   * The value of one setting: the length, or 1/0 for a class or exclude-ambiguous.
   *
   * @param setting which
   * @return its value as a number
   */
  public int get(Setting setting) {
    switch (setting) {
      case LENGTH:
        return length;
      case UPPER:
        return upper ? 1 : 0;
      case LOWER:
        return lower ? 1 : 0;
      case DIGITS:
        return digits ? 1 : 0;
      case SYMBOLS:
        return symbols ? 1 : 0;
      default:
        return excludeAmbiguous ? 1 : 0;
    }
  }

  boolean classOn(int cls) {
    return cls == PagePools.UPPER
        ? upper
        : cls == PagePools.LOWER ? lower : cls == PagePools.DIGITS ? digits : symbols;
  }

  /**
   * The settings as mint's options write them.
   *
   * @return e.g. {@code "length 16, upper, lower, digits, no symbols, exclude-ambiguous"}
   */
  @Override
  public String toString() {
    return "length "
        + length
        + (upper ? ", upper" : ", no upper")
        + (lower ? ", lower" : ", no lower")
        + (digits ? ", digits" : ", no digits")
        + (symbols ? ", symbols" : ", no symbols")
        + (excludeAmbiguous ? ", exclude-ambiguous" : ", no exclude-ambiguous");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Settings)) {
      return false;
    }
    Settings s = (Settings) o;
    return length == s.length
        && upper == s.upper
        && lower == s.lower
        && digits == s.digits
        && symbols == s.symbols
        && excludeAmbiguous == s.excludeAmbiguous;
  }

  @Override
  public int hashCode() {
    return Objects.hash(length, upper, lower, digits, symbols, excludeAmbiguous);
  }
}
