package dev.mint.vectors;

import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;
import dev.mint.conformance.Stages;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Checks one vector row against the port, stage by stage, and reports the first stage that differs.
 * Stage rows use the supplied derived bytes; e2e rows run real PBKDF2.
 *
 * <p>What a row expects:
 *
 * <ul>
 *   <li>the page refused it ({@code error} present): the port refuses it too, on the same field;
 *   <li>the page accepted it but it lies outside what the port accepts by design (a phrase blank
 *       after JS-trim, a version text other than empty or 1 to 9999 in ASCII digits): the port
 *       raises {@link InvalidInputException} on {@code phrase} or {@code version};
 *   <li>otherwise: normalized site, hardened bytes, salt, iterations, derived bytes (e2e) and
 *       password all equal the page's.
 * </ul>
 *
 * <p>Reports never show the phrase or the hardened bytes: a difference there is told by position.
 */
public final class VectorCheck {
  /** The port's domain for the version text, restated here independently of mint-core. */
  private static final Pattern VERSION = Pattern.compile("|(?=.{1,64}$)0*[1-9][0-9]{0,3}");

  private static final HexFormat HEX = HexFormat.of();

  private VectorCheck() {}

  /** The result of checking one row. */
  public record Outcome(VectorRow row, String stage, String expected, String actual) {
    static Outcome pass(VectorRow row) {
      return new Outcome(row, null, null, null);
    }

    public boolean passed() {
      return stage == null;
    }

    /** One line: the row and, for a failure, the stage with expected and actual. */
    public String describe() {
      return passed()
          ? row.name() + ": ok"
          : row.name()
              + " (line "
              + row.line()
              + "): "
              + stage
              + ": expected "
              + expected
              + ", got "
              + actual;
    }
  }

  /** Whether the page's input lies outside what the port accepts by design. */
  public static boolean outsidePortDomain(VectorRow.Input input) {
    return input.phrase().chars().allMatch(c -> isJsWhitespace((char) c))
        || !VERSION.matcher(input.version()).matches();
  }

  /** The field a page error message is about, or null when the message is not known. */
  static String fieldOfPageError(String error) {
    if (error.startsWith("Please enter a site")) {
      return "site";
    }
    if (error.startsWith("Version must be")) {
      return "version";
    }
    if (error.startsWith("Please enter")) {
      return "phrase";
    }
    return null;
  }

  public static Outcome check(VectorRow row, Pbkdf2Engine engine) {
    VectorRow.Input in = row.input();
    char[] phrase = in.phrase().toCharArray();
    byte[] hardened = null;
    byte[] derived = null;
    char[] password = null;
    MintRequest request;
    try {
      try {
        request = request(row);
        hardened = Stages.hardenPhrase(phrase);
      } catch (InvalidInputException e) {
        return refused(row, e);
      }
      if (row.error() != null || outsidePortDomain(in)) {
        return new Outcome(row, "refusal", refusalExpected(row), "accepted");
      }
      String site = Stages.normalizeSite(in.site(), request.revision());
      if (!site.equals(row.normalizedSite())) {
        return new Outcome(row, "normalizedSite", quote(row.normalizedSite()), quote(site));
      }
      String hardenedDiff = hardenedDifference(row.hardenedPhraseHex(), hardened);
      if (hardenedDiff != null) {
        return new Outcome(row, "hardenedPhraseHex", "the page's bytes", hardenedDiff);
      }
      String salt = Stages.salt(site, request.version());
      if (!salt.equals(row.salt())) {
        return new Outcome(row, "salt", quote(row.salt()), quote(salt));
      }
      if (row.iterations() != request.level().iterations()) {
        return new Outcome(
            row, "iterations", row.iterations().toString(), "" + request.level().iterations());
      }
      if (row.isEndToEnd()) {
        derived = Stages.derive(hardened, salt, request.level(), engine);
        if (!HEX.formatHex(derived).equals(row.derivedHex())) {
          return new Outcome(row, "derivedHex", row.derivedHex(), HEX.formatHex(derived));
        }
      } else {
        derived = HEX.parseHex(row.derivedHex());
      }
      password = Stages.encode(derived, request);
      String actual = new String(password);
      if (!actual.equals(row.password())) {
        return new Outcome(row, "password", quote(row.password()), quote(actual));
      }
      return Outcome.pass(row);
    } catch (RuntimeException e) {
      return new Outcome(row, "exception", "no exception", e.getClass().getSimpleName());
    } finally {
      Arrays.fill(phrase, '\0');
      wipe(hardened);
      wipe(derived);
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /**
   * The request a row's controls describe.
   *
   * @throws dev.mint.InvalidInputException when the port refuses them
   */
  public static MintRequest request(VectorRow row) {
    VectorRow.Input in = row.input();
    return MintRequest.builder(in.site())
        .version(in.version())
        .length(in.length())
        .upper(in.upper())
        .lower(in.lower())
        .digits(in.digits())
        .symbols(in.symbols())
        .excludeAmbiguous(in.excludeAmbiguous())
        .level(Level.parse(in.level()))
        .revision(Revision.parse(row.revision()))
        .build();
  }

  private static Outcome refused(VectorRow row, InvalidInputException e) {
    String field = e.field();
    if (row.error() != null) {
      String expectedField = fieldOfPageError(row.error());
      if (expectedField == null || expectedField.equals(field)) {
        return Outcome.pass(row);
      }
      return new Outcome(row, "refusal", refusalExpected(row), "refused on " + field);
    }
    if (outsidePortDomain(row.input()) && (field.equals("phrase") || field.equals("version"))) {
      return Outcome.pass(row);
    }
    return new Outcome(row, "refusal", "accepted", "refused on " + field);
  }

  private static String refusalExpected(VectorRow row) {
    if (row.error() == null) {
      return "refused on phrase or version (outside the port's domain)";
    }
    String field = fieldOfPageError(row.error());
    return "refused"
        + (field == null ? "" : " on " + field)
        + " (the page said "
        + quote(row.error())
        + ")";
  }

  /** Where the hardened bytes differ, told without showing them; null when they are equal. */
  private static String hardenedDifference(String expectedHex, byte[] actual) {
    byte[] expected = HEX.parseHex(expectedHex);
    try {
      int at = Arrays.mismatch(expected, actual);
      if (at < 0) {
        return null;
      }
      return "bytes that differ from byte "
          + at
          + " on ("
          + expected.length
          + " bytes expected, "
          + actual.length
          + " computed)";
    } finally {
      wipe(expected);
    }
  }

  private static boolean isJsWhitespace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000'
        || c == '\uFEFF';
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
