package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.internal.SecretSeam;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The search over versions, with real PBKDF2 at the page's default level. */
class VersionSearchTest {
  private static final char[] PHRASE = "version search test phrase".toCharArray();

  @Test
  void findsTheSmallestCompliantVersionAndItIsThePagesPassword() {
    // r3 symbols: rules that refuse '!' and '@' reject most passwords with symbols
    PasswordRules rules = PasswordRules.parse("allowed: upper, lower, digit, [#$%*_=+.?-];");
    MintRequest request = MintRequest.builder("search.example").build();
    List<Integer> tried = new ArrayList<>();
    Function<MintRequest, Password> derive =
        r -> {
          tried.add(VersionSearch.version(r.version()));
          return Mint.derive(r, PHRASE);
        };
    try (VersionSearch.Result result =
        VersionSearch.search(request, rules, "search.example", derive)) {
      assertTrue(result.found());
      int v = result.version().getAsInt();
      assertEquals(v - 1 + 1, result.derivations());
      assertEquals(tried.size(), result.derivations());
      for (int earlier = 1; earlier < v; earlier++) {
        try (Password p = Mint.derive(request.toBuilder().version(earlier).build(), PHRASE)) {
          assertFalse(Compliance.complies(p.toCharArray(), rules), "version " + earlier);
        }
      }
      try (Password page = Mint.derive(request.toBuilder().version(v).build(), PHRASE)) {
        assertArrayEquals(page.toCharArray(), result.password().toCharArray());
        assertTrue(Compliance.complies(page.toCharArray(), rules));
      }
      assertEquals(String.valueOf(v), result.request().version());
      System.out.println("version search: version " + v + " after " + result.derivations());
    }
  }

  @Test
  void aCompliantFirstVersionCostsOneDerivation() {
    MintRequest request = MintRequest.builder("search.example").version(7).build();
    try (VersionSearch.Result result =
        VersionSearch.search(
            request, PasswordRules.parse("minlength: 8"), "x", r -> Mint.derive(r, PHRASE))) {
      assertEquals(7, result.version().getAsInt());
      assertEquals(1, result.derivations());
      assertEquals(List.of(), result.firstViolations());
    }
  }

  @Test
  void theBoundIsKeptAndNothingIsInvented() {
    MintRequest request = MintRequest.builder("search.example").build();
    PasswordRules never = PasswordRules.parse("maxlength: 4;");
    try (VersionSearch.Result result =
        VersionSearch.search(request, never, "x", r -> Mint.derive(r, PHRASE), 3)) {
      assertFalse(result.found());
      assertEquals(3, result.derivations());
      assertNull(result.password());
      assertEquals("16 characters; x allows at most 4", result.firstViolations().get(0).message());
    }
  }

  @Test
  void theSearchStopsAt9999() {
    MintRequest request = MintRequest.builder("search.example").version(9998).build();
    try (VersionSearch.Result result =
        VersionSearch.search(
            request, PasswordRules.parse("maxlength: 4;"), "x", r -> Mint.derive(r, PHRASE), 50)) {
      assertEquals(2, result.derivations());
    }
  }

  @Test
  void aVersionWithLeadingZerosIsTriedAsTypedThenCountedOn() {
    // "007" and "7" salt differently: the first candidate is the request exactly as given
    MintRequest request = MintRequest.builder("search.example").version("007").build();
    List<String> tried = new ArrayList<>();
    try (VersionSearch.Result result =
        VersionSearch.search(
            request,
            PasswordRules.parse("maxlength: 4;"),
            "x",
            r -> {
              tried.add(r.version());
              return Mint.derive(r, PHRASE);
            },
            3)) {
      assertEquals(List.of("007", "8", "9"), tried);
      assertEquals(7, result.start());
    }
  }

  @Test
  void everyBufferTheSearchAllocatesIsWiped() {
    List<Object> watched = new ArrayList<>();
    List<Password> derived = new ArrayList<>();
    MintRequest request = MintRequest.builder("search.example").build();
    VersionSearch.Result result =
        SecretSeam.watch(
            () ->
                VersionSearch.search(
                    request,
                    PasswordRules.parse("maxlength: 4;"),
                    "x",
                    r -> {
                      Password p = Mint.derive(r, PHRASE);
                      derived.add(p);
                      return p;
                    },
                    3),
            watched);
    result.close();
    assertFalse(watched.isEmpty());
    for (Object buffer : watched) {
      if (buffer instanceof char[]) {
        for (char c : (char[]) buffer) {
          assertEquals('\0', c);
        }
      } else if (buffer instanceof byte[]) {
        for (byte b : (byte[]) buffer) {
          assertEquals(0, b);
        }
      }
    }
    assertEquals(3, derived.size());
    derived.forEach(p -> assertTrue(p.isWiped(), "every non-compliant password is closed"));
  }
}
