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
  void aLengthNoVersionChangesIsNotSearchedVersionByVersion() {
    // amnh.de --length 23 gets amnh.org's rules: every version's password has 23 characters
    MintRequest request = MintRequest.builder("search.example").length(23).version(9990).build();
    PasswordRules rules = PasswordRules.parse("minlength: 8; maxlength: 16;");
    List<Integer> tried = new ArrayList<>();
    Function<MintRequest, Password> derive =
        r -> {
          tried.add(VersionSearch.version(r.version()));
          return Mint.derive(r, PHRASE);
        };
    try (VersionSearch.Result result = VersionSearch.search(request, rules, "x", derive)) {
      assertFalse(result.found());
      assertEquals(List.of(9990), tried);
      assertEquals(10, result.derivations()); // versions 9990 to 9999, as a full search says
      assertEquals("23 characters; x allows at most 16", result.firstViolations().get(0).message());
      assertNull(result.password());
    }
    try (VersionSearch.Result result =
        VersionSearch.search(request.toBuilder().version(1).build(), rules, "x", derive)) {
      assertEquals(VersionSearch.MIN_BOUND, result.derivations());
      assertEquals(2, tried.size());
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
            PasswordRules.parse("allowed: [#];") /* no version complies */,
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
                    PasswordRules.parse("allowed: [#];") /* no version complies */,
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

  @Test
  void theBoundMakesAMissLessLikelyThanOneInAMillionWithinTheFloorAndTheCap() {
    assertEquals(VersionSearch.MIN_BOUND, VersionSearch.bound(0, 256), "no sample complies");
    assertEquals(VersionSearch.MIN_BOUND, VersionSearch.bound(256, 256), "every sample complies");
    int previous = Integer.MAX_VALUE;
    for (int hits = 1; hits <= 256; hits++) {
      int n = VersionSearch.bound(hits, 256);
      assertTrue(n >= VersionSearch.MIN_BOUND && n <= VersionSearch.MAX_BOUND, hits + ": " + n);
      assertTrue(n <= previous, "more complying samples never search longer: " + hits);
      previous = n;
      // the pessimistic share, written out here: two standard errors below the sampled one
      double p = Math.max(hits - 2 * Math.sqrt(hits), 0.5) / 256;
      if (n < VersionSearch.MAX_BOUND) {
        assertTrue(Math.pow(1 - p, n) < 1e-6, hits + " hits, bound " + n);
        assertTrue(
            n == VersionSearch.MIN_BOUND || Math.pow(1 - p, n - 1) >= 1e-6,
            "the smallest such bound: " + hits);
      }
      // at the sampled share itself a capped bound misses less than once in a million from 2
      // complying samples on; with 1 of 256 the cap leaves a miss of 4e-4 at that share
      if (hits >= 2) {
        assertTrue(Math.pow(1 - hits / 256.0, n) < 1e-6, hits + " hits, bound " + n);
      }
    }
    // 5 of 256 (about 2%, easyjet.com's share): capped; 20 of 256 (about 8%): 313 versions
    assertEquals(VersionSearch.MAX_BOUND, VersionSearch.bound(5, 256));
    assertEquals(313, VersionSearch.bound(20, 256));
  }

  @Test
  void aSiteWhosePasswordsRarelyComplyGetsALongerSearchThanOneWhosePasswordsMostlyDo() {
    // easyjet.com's rules in the data: of the page's symbols only '-', and one is required
    PasswordRules rare =
        PasswordRules.parse(
            "minlength: 6; maxlength: 20; required: lower; required: upper; required: digit;"
                + " required: [-];");
    MintRequest request = MintRequest.builder("easyjet.com").build();
    double share = Suggestion.share(rare, request);
    int bound = VersionSearch.bound(rare, request);
    assertTrue(share > 0 && share < 0.05, "share " + share);
    assertEquals(VersionSearch.MAX_BOUND, bound);
    assertEquals(bound, VersionSearch.bound(rare, request), "deterministic");
    PasswordRules often = PasswordRules.parse("max-consecutive: 2;");
    assertEquals(VersionSearch.MIN_BOUND, VersionSearch.bound(often, request));
    PasswordRules never = PasswordRules.parse("maxlength: 4;");
    assertEquals(VersionSearch.MIN_BOUND, VersionSearch.bound(never, request));
  }

  @Test
  void theSearchWithoutABoundTriesTheSitesOwnBound() {
    PasswordRules rare = PasswordRules.parse("required: [-]; allowed: upper, lower, digit;");
    MintRequest request = MintRequest.builder("rare.example").build();
    int bound = VersionSearch.bound(rare, request);
    assertTrue(bound > VersionSearch.MIN_BOUND, "bound " + bound);
    // the derivation at 1 iteration (the bound, not PBKDF2, is under test); every password is the
    // page's for its request, and at length 64 none of them is within the rules' maxlength
    PasswordRules refused =
        PasswordRules.parse("maxlength: 20; required: [-]; allowed: upper, lower, digit;");
    int[] derived = {0};
    try (VersionSearch.Result result =
        VersionSearch.search(
            request,
            refused,
            "x",
            r -> {
              derived[0]++;
              return Mint.derive(r.toBuilder().length(64).build(), PHRASE, Trials.ONE_ITERATION);
            })) {
      assertFalse(result.found());
      assertEquals(VersionSearch.bound(refused, request), result.derivations());
      assertEquals(result.derivations(), derived[0]);
    }
  }
}
