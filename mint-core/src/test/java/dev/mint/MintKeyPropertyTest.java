package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.mint.internal.Js;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A held key gives {@link Mint#derive}'s passwords: for random phrases and random requests (every
 * setting, every revision and level, odd sites and versions), one {@link MintKey} derives each
 * request and the result equals a fresh {@code Mint.derive}. Real PBKDF2 at the request's level, so
 * the tries are few and each holds several requests.
 */
class MintKeyPropertyTest {

  @Provide
  Arbitrary<String> phrases() {
    return Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20),
            Arbitraries.of(
                "correct horse battery staple", "  ß  İstanbul \u3000x ", "\uD800 a b c"))
        .filter(s -> !s.isBlank() && s.chars().anyMatch(c -> !Js.isWhitespace((char) c)));
  }

  @Provide
  Arbitrary<MintRequest> requests() {
    Arbitrary<String> site =
        Arbitraries.oneOf(
                Arbitraries.of(
                    "github.com",
                    "https://www.GitHub.com/login",
                    "  xn--bcher-kva.example ",
                    "Straße.de",
                    "mail.google.co.uk:8080/?q=1",
                    "@user",
                    "İ.com"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(24))
            .filter(s -> !s.isBlank() && s.chars().anyMatch(c -> !Js.isWhitespace((char) c)));
    Arbitrary<String> version =
        Arbitraries.oneOf(
            Arbitraries.of("", "1", "01", "9999", "0042"),
            Arbitraries.integers().between(1, 9999).map(String::valueOf));
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    Arbitrary<List<Boolean>> classes =
        bool.list().ofSize(5).filter(l -> l.subList(0, 4).contains(true));
    return Combinators.combine(
            site,
            version,
            Arbitraries.integers().between(MintRequest.MIN_LENGTH, MintRequest.MAX_LENGTH),
            classes,
            Arbitraries.of(Revision.class),
            Arbitraries.of(Level.class))
        .as(
            (s, v, length, c, revision, level) ->
                MintRequest.builder(s)
                    .version(v)
                    .length(length)
                    .upper(c.get(0))
                    .lower(c.get(1))
                    .digits(c.get(2))
                    .symbols(c.get(3))
                    .excludeAmbiguous(c.get(4))
                    .revision(revision)
                    .level(level)
                    .build());
  }

  @Provide
  Arbitrary<List<MintRequest>> requestLists() {
    return requests().list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 12)
  void aHeldKeyDerivesWhatMintDerives(
      @ForAll("phrases") String text, @ForAll("requestLists") List<MintRequest> requests) {
    char[] phrase = text.toCharArray();
    Pbkdf2Engine engine = Pbkdf2Engine.fast();
    try (MintKey key = MintKey.of(phrase, engine)) {
      for (MintRequest request : requests) {
        try (Password expected = Mint.derive(request, phrase, engine);
            Password actual = key.derive(request)) {
          assertArrayEquals(expected.toCharArray(), actual.toCharArray(), request.toString());
        }
      }
    }
    assertArrayEquals(text.toCharArray(), phrase, "the caller's phrase was modified");
  }
}
