package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.conformance.Stages;
import dev.mint.internal.Encoding;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the pipeline that hold for every input, not just the recorded rows. */
class MintPropertyTest {

  @Provide
  Arbitrary<MintRequest> requests() {
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    return Combinators.combine(
            Arbitraries.integers().between(MintRequest.MIN_LENGTH, MintRequest.MAX_LENGTH),
            bool.list().ofSize(4).filter(l -> l.contains(true)),
            bool,
            Arbitraries.of(Revision.class),
            Arbitraries.of(Level.class))
        .as(
            (length, classes, exclude, revision, level) ->
                MintRequest.builder("example.com")
                    .length(length)
                    .upper(classes.get(0))
                    .lower(classes.get(1))
                    .digits(classes.get(2))
                    .symbols(classes.get(3))
                    .excludeAmbiguous(exclude)
                    .revision(revision)
                    .level(level)
                    .build());
  }

  @Property
  void encodingIsDeterministic(
      @ForAll("requests") MintRequest request, @ForAll @Size(64) byte[] derived) {
    assertArrayEquals(Stages.encode(derived, request), Stages.encode(derived.clone(), request));
  }

  @Property
  void thePasswordHasExactlyTheRequestedLength(
      @ForAll("requests") MintRequest request, @ForAll @Size(64) byte[] derived) {
    assertEquals(request.length(), Stages.encode(derived, request).length);
  }

  @Property
  void everyEnabledClassAppearsAndEveryCharacterComesFromTheCombinedPool(
      @ForAll("requests") MintRequest request, @ForAll @Size(64) byte[] derived) {
    String password = new String(Stages.encode(derived, request));
    String[] pools = Encoding.pools(request);
    String combined = String.join("", pools);
    for (String pool : pools) {
      assertTrue(password.chars().anyMatch(c -> pool.indexOf(c) >= 0), pool + " in " + password);
    }
    assertTrue(password.chars().allMatch(c -> combined.indexOf(c) >= 0), password);
    if (request.excludeAmbiguous()) {
      assertTrue(password.chars().noneMatch(c -> "OIl01".indexOf(c) >= 0), password);
    }
  }

  /**
   * {@link Mint#encode}, the last stage for tools outside the conformance package, is that stage.
   */
  @Property
  void mintEncodeIsTheEncodingStage(
      @ForAll("requests") MintRequest request, @ForAll @Size(64) byte[] derived) {
    byte[] before = derived.clone();
    try (Password password = Mint.encode(request, derived)) {
      assertArrayEquals(Stages.encode(derived, request), password.toCharArray());
    }
    assertArrayEquals(before, derived, "Mint.encode reads the bytes, it does not change them");
  }

  /** {@link Revision#normalizeSite} gives what the normalize stage gives, refusals included. */
  @Property
  void revisionNormalizeSiteIsTheNormalizeStage(
      @ForAll("anyText") String site, @ForAll Revision revision) {
    assertEquals(
        outcome(() -> Stages.normalizeSite(site, revision)),
        outcome(() -> revision.normalizeSite(site)));
  }

  private static String outcome(java.util.function.Supplier<String> stage) {
    try {
      return "normalized: " + stage.get();
    } catch (InvalidInputException e) {
      return "refused: " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars(" \t\u3000\u00A0\uFEFF0123456789.:/?#-+eE").ofMaxLength(12),
        Arbitraries.just(null));
  }

  @Property
  void invalidInputOnlyEverRaisesTheDocumentedException(
      @ForAll("anyText") String site,
      @ForAll("anyText") String version,
      @ForAll("anyText") String phrase,
      @ForAll @IntRange(min = -5, max = 80) int length,
      @ForAll boolean upper,
      @ForAll boolean lower,
      @ForAll boolean digits,
      @ForAll boolean symbols,
      @ForAll @Size(64) byte[] derived) {
    try {
      MintRequest request =
          MintRequest.builder(site)
              .version(version)
              .length(length)
              .upper(upper)
              .lower(lower)
              .digits(digits)
              .symbols(symbols)
              .build();
      String normalized = Stages.normalizeSite(request.site(), request.revision());
      Stages.salt(normalized, request.version());
      Stages.hardenPhrase(phrase == null ? null : phrase.toCharArray());
      Stages.encode(derived, request);
    } catch (InvalidInputException e) {
      assertTrue(e.getMessage().startsWith(e.field() + ": "), e.getMessage());
      if (phrase != null && phrase.length() > 3) {
        assertTrue(!e.getMessage().contains(phrase), "the message shows the phrase");
      }
    }
  }

  @Provide
  Arbitrary<List<String>> asciiWords() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(8)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  private static final String JS_WHITESPACE =
      "\t\n\u000B\f\r \u00A0\u1680\u2000\u2005\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

  @Property
  void caseAndWhitespaceVariantsOfAPhraseHardenAlike(
      @ForAll("asciiWords") List<String> words, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder canonical =
        new StringBuilder(String.join(" ", words).toLowerCase(java.util.Locale.ROOT));
    StringBuilder variant = new StringBuilder(whitespace(random));
    List<String> shuffledCase = new ArrayList<>();
    for (String word : words) {
      StringBuilder w = new StringBuilder();
      for (char c : word.toCharArray()) {
        w.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
      }
      shuffledCase.add(w.toString());
    }
    for (int i = 0; i < shuffledCase.size(); i++) {
      if (i > 0) {
        String gap = whitespace(random);
        variant.append(gap.isEmpty() ? " " : gap);
      }
      variant.append(shuffledCase.get(i));
    }
    variant.append(whitespace(random));
    assertArrayEquals(
        Stages.hardenPhrase(canonical.toString().toCharArray()),
        Stages.hardenPhrase(variant.toString().toCharArray()));
  }

  private static String whitespace(java.util.Random random) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(4); n > 0; n--) {
      s.append(JS_WHITESPACE.charAt(random.nextInt(JS_WHITESPACE.length())));
    }
    return s.toString();
  }

  @Property(tries = 4)
  void mintingIsDeterministicEndToEnd(@ForAll("asciiWords") List<String> words) {
    MintRequest request = MintRequest.builder("github.com").build();
    char[] phrase = String.join(" ", words).toCharArray();
    try (Password first = Mint.derive(request, phrase);
        Password second = Mint.derive(request, phrase)) {
      assertArrayEquals(first.toCharArray(), second.toCharArray());
      assertEquals(16, first.length());
    }
  }
}
