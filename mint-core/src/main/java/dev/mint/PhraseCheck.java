package dev.mint;

import dev.mint.internal.FiveStages;
import dev.mint.internal.Js;
import dev.mint.internal.PgpWords;
import dev.mint.internal.Secrets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short code for a master phrase, so that a user can see a mistyped phrase before using the wrong
 * password it gives. A mint feature: the page has no such thing, and no password depends on it.
 *
 * <p>The code is the first two bytes (big-endian) of PBKDF2-HMAC-SHA256 over the hardened phrase
 * bytes (exactly what the page feeds PBKDF2, {@link dev.mint.conformance.Stages#hardenPhrase}) with
 * the salt {@value #SALT} (UTF-8) and {@value #ITERATIONS} iterations, so every guess at a phrase
 * costs an attacker who sees a code as much as a derivation. It is shown as the even-list word of
 * the PGP word list for the first byte, the odd-list word for the second, and the four hex digits:
 * for {@code correct horse battery staple}, {@code upshot article (f40c)}. The same on every
 * machine and every mint version; a different salt text would be a different code, not a new
 * revision.
 *
 * <p>Sixteen bits tell phrases apart, they do not hide them: one in 65,536 wrong phrases shares the
 * code of the right one. Instances are immutable values.
 */
public final class PhraseCheck {
  /** The PBKDF2 salt text, encoded as UTF-8. */
  public static final String SALT = "mint::phrase-check::v1";

  /** The PBKDF2 iteration count: the page's standard level. */
  public static final int ITERATIONS = 210_000;

  private static final int DERIVED_LENGTH = 32;
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4}");
  private static final Pattern TEXT =
      Pattern.compile("([A-Za-z]+) +([A-Za-z]+) +\\(([0-9a-fA-F]{4})\\)");

  private final int value;

  private PhraseCheck(int value) {
    this.value = value;
  }

  /**
   * {@link #of(char[], Pbkdf2Engine)} with the default engine.
   *
   * @param phrase the master phrase; read, not modified
   * @return the phrase's check
   * @throws InvalidInputException when the phrase is null, blank or too long
   */
  public static PhraseCheck of(char[] phrase) {
    return of(phrase, Pbkdf2Engine.defaultEngine());
  }

  /**
   * The check of {@code phrase}, which is read and not modified; every buffer made on the way is
   * wiped before this returns.
   *
   * @param phrase the master phrase; read, not modified
   * @param engine the PBKDF2 engine; every engine gives the same check
   * @return the phrase's check
   * @throws InvalidInputException when the phrase is null, blank or too long (as {@link
   *     dev.mint.conformance.Stages#hardenPhrase}), or the engine is null
   */
  public static PhraseCheck of(char[] phrase, Pbkdf2Engine engine) {
    InvalidInputException.requireNonNull(engine, "engine");
    byte[] hardened = null;
    byte[] derived = null;
    try {
      hardened = FiveStages.hardenPhrase(phrase);
      derived = Secrets.allocated(new byte[DERIVED_LENGTH]);
      engine.derive(hardened, Js.utf8(SALT), ITERATIONS, derived);
      return new PhraseCheck(((derived[0] & 0xff) << 8) | (derived[1] & 0xff));
    } finally {
      Secrets.wipe(hardened, derived);
    }
  }

  /**
   * A check from its 16-bit value.
   *
   * @param value from 0 to 65535
   * @return the check with that value
   * @throws InvalidInputException when {@code value} is not from 0 to 65535
   */
  public static PhraseCheck ofValue(int value) {
    if (value < 0 || value > 0xffff) {
      throw new InvalidInputException("check", "must be from 0 to 65535");
    }
    return new PhraseCheck(value);
  }

  /**
   * A check from its text: the four hex digits ({@code f40c}) or the whole line {@code toString}
   * gives ({@code upshot article (f40c)}), in any letter case. The words, when given, must be the
   * ones of the digits. The message of the exception never repeats the text.
   *
   * @param text the four hex digits or the whole line
   * @return the check the text names
   * @throws InvalidInputException when the text is neither form
   */
  public static PhraseCheck parse(CharSequence text) {
    InvalidInputException.requireNonNull(text, "check");
    String s = text.toString().strip();
    if (HEX.matcher(s).matches()) {
      return new PhraseCheck(Integer.parseInt(s, 16));
    }
    Matcher m = TEXT.matcher(s);
    if (!m.matches()) {
      throw new InvalidInputException(
          "check", "must be four hex digits or two PGP words and the digits in parentheses");
    }
    PhraseCheck check = new PhraseCheck(Integer.parseInt(m.group(3), 16));
    if (PgpWords.evenByte(m.group(1)) != check.high()
        || PgpWords.oddByte(m.group(2)) != check.low()) {
      throw new InvalidInputException("check", "the words do not match the hex digits");
    }
    return check;
  }

  /**
   * The 16 bits.
   *
   * @return the value, from 0 to 65535
   */
  public int value() {
    return value;
  }

  /**
   * The four lowercase hex digits.
   *
   * @return the digits, such as {@code f40c}
   */
  public String hex() {
    return String.format(Locale.ROOT, "%04x", value);
  }

  /**
   * The two words: the even-list word of the first byte, the odd-list word of the second.
   *
   * @return the words, such as {@code upshot article}
   */
  public String words() {
    return PgpWords.even(high()) + " " + PgpWords.odd(low());
  }

  private int high() {
    return value >>> 8;
  }

  private int low() {
    return value & 0xff;
  }

  /**
   * The words and the hex digits.
   *
   * @return the line mint prints, such as {@code upshot article (f40c)}
   */
  @Override
  public String toString() {
    return words() + " (" + hex() + ")";
  }

  /**
   * Whether {@code other} is a check with the same value.
   *
   * @param other any object
   * @return whether it is an equal check
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof PhraseCheck && ((PhraseCheck) other).value == value;
  }

  /**
   * A hash of the value.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Integer.hashCode(value);
  }
}
