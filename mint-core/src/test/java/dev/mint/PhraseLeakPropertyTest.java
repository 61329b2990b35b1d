package dev.mint;

import static dev.mint.testing.Leaks.assertNoMarker;
import static dev.mint.testing.Leaks.everything;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.conformance.Stages;
import dev.mint.internal.BouncyCastlePbkdf2;
import dev.mint.internal.Hardening;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Control C2 (docs/THREAT_MODEL.md): a phrase never shows up in anything mint-core produces:
 * exception messages, causes, stack-trace text, {@code toString}. (The vector tools' reports:
 * mint-vectors' VectorReportLeakPropertyTest.) Each try hides a fresh marker in a phrase, sends it
 * with bad input (or good input) to one public entry point, and searches everything that comes back
 * for the marker in any case, and for its UTF-8 in hex.
 */
class PhraseLeakPropertyTest {

  /** A marker no input would contain by chance; letters only, so hardening keeps it whole. */
  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> "mrk" + s);
  }

  /** Phrases holding the marker: plain, padded past the limit, with odd characters around it. */
  private static Arbitrary<String> phrasesAround(String marker) {
    Arbitrary<String> noise =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.of(
                "", " ", "\u3000", "ß", "\uD800", "\uDC00x", "İ", "undefined", "\u0000"));
    Arbitrary<String> plain =
        Combinators.combine(noise, noise).as((a, b) -> a + " " + marker + " " + b);
    Arbitrary<String> overlong =
        Combinators.combine(noise, Arbitraries.integers().between(1, 3))
            .as(
                (a, k) ->
                    (a + " " + marker + " ")
                        .repeat(Hardening.MAX_PHRASE_LENGTH / (marker.length() + 2) * k + 1));
    return Arbitraries.oneOf(plain, overlong);
  }

  /** One public entry point, called with the phrase (or its hardened bytes) and bad arguments. */
  enum Call {
    MINT_NULL_REQUEST,
    MINT_NULL_ENGINE,
    MINT_FAILING_SALT,
    KEY_OF,
    KEY_NULL_ENGINE,
    KEY_NULL_REQUEST,
    KEY_TO_STRING,
    KEY_DERIVE_AFTER_CLOSE,
    KEY_FAILING_ENGINE,
    STAGES_HARDEN,
    STAGES_DERIVE_NULL_SALT,
    STAGES_DERIVE_NULL_LEVEL,
    STAGES_DERIVE_NULL_ENGINE,
    ENGINE_ZERO_ITERATIONS,
    ENGINE_EMPTY_OUT,
    ENGINE_NULL_SALT,
    ENGINE_DERIVES,
    ENCODE_WRONG_LENGTH,
    PASSWORD_TO_STRING,
    // the phrase typed into the wrong field: the error must not repeat it either
    PHRASE_AS_VERSION,
    PHRASE_AS_SALT_VERSION,
    PHRASE_AS_REVISION,
    PHRASE_AS_LEVEL,
    PHRASE_CHECK_NULL_ENGINE,
    PHRASE_AS_CHECK,
  }

  /** A phrase and the marker hidden in it. */
  record Marked(String marker, String phrase) {
    @Override
    public String toString() {
      return "Marked[" + phrase.length() + " code units]"; // keeps jqwik's reports short
    }
  }

  @Provide
  Arbitrary<Marked> markedPhrases() {
    return markers().flatMap(m -> phrasesAround(m).map(p -> new Marked(m, p)));
  }

  @Property(tries = 1500)
  void noEntryPointRepeatsThePhrase(@ForAll("markedPhrases") Marked marked, @ForAll Call call) {
    assertNoMarker(marked.marker(), outputOf(call, marked.phrase().toCharArray()));
  }

  private static String outputOf(Call call, char[] phrase) {
    MintRequest request = MintRequest.builder("github.com").build();
    Pbkdf2Engine engine = BouncyCastlePbkdf2.INSTANCE;
    byte[] hardened = hardenedOrSelf(phrase);
    byte[] salt = "password-mint::v1::github::1".getBytes(StandardCharsets.UTF_8);
    try {
      Object result =
          switch (call) {
            case MINT_NULL_REQUEST -> Mint.derive(null, phrase);
            case MINT_NULL_ENGINE -> Mint.derive(request, phrase, null);
            case MINT_FAILING_SALT -> Mint.derive(request.toBuilder().version("0").build(), phrase);
            case KEY_OF -> key(phrase, engine, k -> k.derive(request));
            case KEY_NULL_ENGINE -> MintKey.of(phrase, null);
            case KEY_NULL_REQUEST -> key(phrase, engine, k -> k.derive(null));
            case KEY_TO_STRING -> key(phrase, engine, MintKey::toString);
            case KEY_DERIVE_AFTER_CLOSE ->
                key(
                    phrase,
                    engine,
                    k -> {
                      k.close();
                      return k.derive(request);
                    });
            case KEY_FAILING_ENGINE -> key(phrase, ZERO_ITERATIONS, k -> k.derive(request));
            case STAGES_HARDEN -> Stages.hardenPhrase(phrase).length;
            case STAGES_DERIVE_NULL_SALT -> Stages.derive(hardened, null, Level.STANDARD, engine);
            case STAGES_DERIVE_NULL_LEVEL -> Stages.derive(hardened, "s", null, engine);
            case STAGES_DERIVE_NULL_ENGINE -> Stages.derive(hardened, "s", Level.STANDARD, null);
            case ENGINE_ZERO_ITERATIONS -> derive(engine, hardened, salt, 0, new byte[64]);
            case ENGINE_EMPTY_OUT -> derive(engine, hardened, salt, 1, new byte[0]);
            case ENGINE_NULL_SALT -> derive(engine, hardened, null, 1, new byte[64]);
            case ENGINE_DERIVES ->
                derive(engine, hardened, salt, 1, new byte[64]) + engine.toString();
            case ENCODE_WRONG_LENGTH -> Stages.encode(hardened, request);
            case PASSWORD_TO_STRING -> new Password(Stages.encode(new byte[64], request)) + "";
            case PHRASE_AS_VERSION -> request.toBuilder().version(new String(phrase)).build();
            case PHRASE_AS_SALT_VERSION -> Stages.salt("github", new String(phrase));
            case PHRASE_AS_REVISION -> Revision.parse(new String(phrase));
            case PHRASE_AS_LEVEL -> Level.parse(new String(phrase));
            case PHRASE_CHECK_NULL_ENGINE -> PhraseCheck.of(phrase, null);
            case PHRASE_AS_CHECK -> PhraseCheck.parse(new String(phrase));
          };
      return String.valueOf(result);
    } catch (RuntimeException e) {
      return everything(e);
    }
  }

  /** An engine that refuses: the real one, asked for 0 iterations. */
  private static final Pbkdf2Engine ZERO_ITERATIONS =
      new Pbkdf2Engine() {
        @Override
        public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
          BouncyCastlePbkdf2.INSTANCE.derive(password, salt, 0, out);
        }

        @Override
        public String name() {
          return "zero iterations";
        }
      };

  /**
   * Makes a key of {@code phrase} and hands it to {@code use}; the result's text, and the key's.
   */
  private static String key(
      char[] phrase, Pbkdf2Engine engine, java.util.function.Function<MintKey, Object> use) {
    try (MintKey key = MintKey.of(phrase, engine)) {
      return use.apply(key) + " " + key;
    }
  }

  /** The hardened bytes when the phrase is acceptable, else the phrase's own UTF-8. */
  private static byte[] hardenedOrSelf(char[] phrase) {
    try {
      return Stages.hardenPhrase(phrase);
    } catch (InvalidInputException e) {
      return new String(phrase).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String derive(
      Pbkdf2Engine engine, byte[] password, byte[] salt, int iterations, byte[] out) {
    engine.derive(password, salt, iterations, out);
    return "derived " + out.length + " bytes";
  }

  /** A derivation that succeeds leaks nothing either (one real run at the standard level). */
  @Example
  void aSuccessfulDerivationShowsNoPhrase() {
    String marker = "mrkexamplezz";
    try (Password password =
        Mint.derive(MintRequest.builder("github.com").build(), ("x " + marker).toCharArray())) {
      assertNoMarker(marker, password.toString());
      assertTrue(password.toString().contains("16"), password.toString());
    }
  }
}
