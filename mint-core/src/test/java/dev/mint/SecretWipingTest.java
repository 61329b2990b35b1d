package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mint.conformance.Stages;
import dev.mint.internal.BouncyCastlePbkdf2;
import dev.mint.internal.Js;
import dev.mint.internal.SecretSeam;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Control C3 (docs/THREAT_MODEL.md): every buffer mint allocates for a secret is wiped before mint
 * lets go of it, and the caller's own arrays are left as they were. The buffers are observed
 * through {@link Secrets#watch}: each secret array mint makes is recorded as it is made, and after
 * the call every recorded array must be all zeros, except the one the caller receives.
 */
class SecretWipingTest {

  /** Every engine mint ships; an engine added later belongs here too. */
  static List<Pbkdf2Engine> engines() {
    // the parallel engine's second block runs on a pool thread, whose buffers this thread's
    // watch does not see: the sequential engine shows the chain buffers are wiped too
    return List.of(BouncyCastlePbkdf2.INSTANCE, Pbkdf2Engine.fast(), Pbkdf2Engine.fastSequential());
  }

  @Provide
  Arbitrary<String> phrases() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
            Arbitraries.of("ß", "ŉ", "İstanbul", "\uD83D\uDE00x", "\uD800", "ﬃ"));
    Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t", "\u3000", "\u00A0 ");
    return Arbitraries.oneOf(
            word,
            word.list().ofMinSize(2).ofMaxSize(6).map(w -> String.join(" ", w)),
            Combinators2.interleave(word, space))
        .filter(s -> !s.isBlank() && s.chars().anyMatch(c -> !isJsSpace((char) c)));
  }

  @Property(tries = 300)
  void hardeningWipesEverythingButTheBytesItReturns(@ForAll("phrases") String text) {
    char[] phrase = text.toCharArray();
    List<Object> buffers = new ArrayList<>();
    byte[] hardened = SecretSeam.watch(() -> Stages.hardenPhrase(phrase), buffers);

    assertArrayEquals(text.toCharArray(), phrase, "the caller's phrase was modified");
    assertTrue(containsSame(buffers, hardened), "the returned bytes were not recorded");
    // lowercased, collapsed, at least one word, the joined result, the bytes: the seam is wired
    assertTrue(buffers.size() >= 5, "only " + buffers.size() + " buffers recorded");
    assertAllWipedExcept(buffers, hardened);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void enginesWipeTheirCopiesOfTheKey(Pbkdf2Engine engine) {
    byte[] password = "MY IPHONE purchase*2!".getBytes(StandardCharsets.UTF_8);
    byte[] salt = "password-mint::v1::github::1".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[64];
    List<Object> buffers = new ArrayList<>();
    SecretSeam.watch(
        () -> {
          engine.derive(password, salt, 1000, out);
          return null;
        },
        buffers);

    assertArrayEquals("MY IPHONE purchase*2!".getBytes(StandardCharsets.UTF_8), password);
    assertTrue(nonZero(out), "the engine wrote nothing");
    assertTrue(
        !buffers.isEmpty(), engine.name() + " recorded no buffer: it must mark its key copies");
    assertAllWipedExcept(buffers, null);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void enginesWipeTheHashOfAKeyOverSixtyFourBytes(Pbkdf2Engine engine) {
    // HMAC hashes a key longer than its 64-byte block first; that hash stands in for the key.
    // A phrase of about 50 characters or more hardens to such a key.
    byte[] password = "correct horse battery staple ".repeat(3).getBytes(StandardCharsets.UTF_8);
    assertTrue(password.length > 64);
    byte[] salt = "password-mint::v1::github::1".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[64];
    List<Object> buffers = new ArrayList<>();
    SecretSeam.watch(
        () -> {
          engine.derive(password, salt, 10, out);
          return null;
        },
        buffers);

    byte[] expected = new byte[64];
    BouncyCastlePbkdf2.INSTANCE.derive(password, salt, 10, expected);
    assertArrayEquals(expected, out, engine.name());
    assertTrue(!buffers.isEmpty(), engine.name() + " recorded no buffer");
    assertAllWipedExcept(buffers, null);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void mintWipesTheHardenedAndDerivedBytesAndPasswordCloseWipesTheRest(Pbkdf2Engine engine) {
    Seen seen = new Seen(engine, false);
    char[] phrase = "correct horse battery staple".toCharArray();
    MintRequest request = MintRequest.builder("github.com").build();
    List<Object> buffers = new ArrayList<>();
    Password password = SecretSeam.watch(() -> Mint.derive(request, phrase, seen), buffers);

    assertArrayEquals("correct horse battery staple".toCharArray(), phrase);
    assertNotNull(seen.password, "the engine was not called");
    // the engine was handed mint's own arrays, and mint wiped them once it had the password
    assertTrue(containsSame(buffers, seen.password) && containsSame(buffers, seen.out));
    assertTrue(isZero(seen.password), "the hardened bytes were not wiped");
    assertTrue(isZero(seen.out), "the derived bytes were not wiped");
    assertEquals(1, nonZeroCount(buffers), "only the password's own characters may be left");
    password.close();
    assertAllWipedExcept(buffers, null);
  }

  @Test
  void whenTheEngineFailsTheHardenedBytesAreStillWiped() {
    Seen failing = new Seen(BouncyCastlePbkdf2.INSTANCE, true);
    List<Object> buffers = new ArrayList<>();
    assertThrows(
        IllegalStateException.class,
        () ->
            SecretSeam.watch(
                () ->
                    Mint.derive(
                        MintRequest.builder("github.com").build(), "a b c".toCharArray(), failing),
                buffers));
    assertNotNull(failing.password, "the engine was not called");
    assertTrue(isZero(failing.password), "the hardened bytes survived the engine's failure");
    assertAllWipedExcept(buffers, null);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aKeyHoldsOnlyTheHardenedBytesWipesEachDerivationAndCloseWipesTheRest(Pbkdf2Engine engine) {
    Seen seen = new Seen(engine, false);
    char[] phrase = "correct horse battery staple".toCharArray();
    List<Object> buffers = new ArrayList<>();
    MintKey key = SecretSeam.watch(() -> MintKey.of(phrase, seen), buffers);
    assertArrayEquals("correct horse battery staple".toCharArray(), phrase);
    assertEquals(1, nonZeroCount(buffers), "the key keeps the hardened bytes and nothing else");

    for (String site : List.of("github.com", "example.org")) {
      List<Object> derivation = new ArrayList<>();
      Password password =
          SecretSeam.watch(() -> key.derive(MintRequest.builder(site).build()), derivation);
      assertTrue(containsSame(derivation, seen.out), "the derived bytes were not marked");
      assertTrue(isZero(seen.out), "the derived bytes were not wiped");
      assertEquals(1, nonZeroCount(derivation), "only the password's own characters may be left");
      password.close();
      assertAllWipedExcept(derivation, null);
      buffers.addAll(derivation);
    }
    assertTrue(containsSame(buffers, seen.password), "the engine was not handed the key's bytes");
    assertTrue(!isZero(seen.password), "the key was wiped before close()");
    key.close();
    assertTrue(isZero(seen.password), "close() did not wipe the hardened bytes");
    assertAllWipedExcept(buffers, null);
  }

  @Test
  void whenTheEngineFailsUnderAKeyTheDerivedBytesAreWipedAndTheKeyLives() {
    Seen failing = new Seen(BouncyCastlePbkdf2.INSTANCE, true);
    List<Object> buffers = new ArrayList<>();
    try (MintKey key =
        SecretSeam.watch(() -> MintKey.of("a b c".toCharArray(), failing), buffers)) {
      assertThrows(
          IllegalStateException.class,
          () ->
              SecretSeam.watch(
                  () -> key.derive(MintRequest.builder("github.com").build()), buffers));
      assertTrue(isZero(failing.out), "the derived bytes survived the engine's failure");
      assertTrue(!isZero(failing.password), "a failing engine must not cost the key");
    }
    assertTrue(isZero(failing.password), "close() did not wipe the hardened bytes");
    assertAllWipedExcept(buffers, null);
  }

  @Test
  void passwordCloseWipesItsArray() {
    List<Object> buffers = new ArrayList<>();
    Password password =
        SecretSeam.watch(
            () -> new Password(Stages.encode(new byte[64], MintRequest.builder("x").build())),
            buffers);
    assertEquals(1, nonZeroCount(buffers));
    password.close();
    assertAllWipedExcept(buffers, null);
  }

  /** A real engine that remembers the arrays mint hands it; optionally fails after deriving. */
  private static final class Seen implements Pbkdf2Engine {
    private final Pbkdf2Engine engine;
    private final boolean fail;
    byte[] password;
    byte[] out;

    Seen(Pbkdf2Engine engine, boolean fail) {
      this.engine = engine;
      this.fail = fail;
    }

    @Override
    public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
      this.password = password;
      this.out = out;
      engine.derive(password, salt, fail ? 1 : iterations, out);
      if (fail) {
        throw new IllegalStateException("engine failure");
      }
    }

    @Override
    public String name() {
      return engine.name();
    }
  }

  static void assertAllWipedExcept(List<Object> buffers, Object kept) {
    for (Object buffer : buffers) {
      if (buffer != kept && !isZero(buffer)) {
        fail("a secret buffer of " + length(buffer) + " elements was not wiped");
      }
    }
  }

  private static int nonZeroCount(List<Object> buffers) {
    Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(buffers);
    return (int) distinct.stream().filter(b -> !isZero(b)).count();
  }

  private static boolean containsSame(List<Object> buffers, Object buffer) {
    return buffers.stream().anyMatch(b -> b == buffer);
  }

  private static boolean isZero(Object buffer) {
    if (buffer instanceof byte[]) {
      for (byte b : (byte[]) buffer) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }
    if (buffer instanceof int[]) { // the engine's chaining values as words
      for (int i : (int[]) buffer) {
        if (i != 0) {
          return false;
        }
      }
      return true;
    }
    for (char c : (char[]) buffer) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean nonZero(byte[] bytes) {
    return !isZero(bytes);
  }

  private static int length(Object buffer) {
    if (buffer instanceof int[]) {
      return ((int[]) buffer).length;
    }
    return buffer instanceof byte[] ? ((byte[]) buffer).length : ((char[]) buffer).length;
  }

  private static boolean isJsSpace(char c) {
    return Js.isWhitespace(c);
  }

  /** Words separated by runs of space, with leading and trailing space. */
  private static final class Combinators2 {
    static Arbitrary<String> interleave(Arbitrary<String> word, Arbitrary<String> space) {
      return net.jqwik.api.Combinators.combine(word.list().ofMinSize(1).ofMaxSize(5), space, space)
          .as((words, sep, edge) -> edge + String.join(sep, words) + edge);
    }
  }
}
