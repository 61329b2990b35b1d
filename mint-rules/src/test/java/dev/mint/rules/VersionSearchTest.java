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
  void theShareIsTakenAtItsClopperPearsonLowerBound() {
    assertEquals(0, SearchBound.lowerBound(0, 256, 1e-3), "no sample complies");
    // one of n: the p at which at least one complies with chance alpha, 1 - (1 - p)^n = alpha
    double one = 1 - Math.pow(1 - 1e-3, 1 / 256.0);
    assertEquals(one, SearchBound.lowerBound(1, 256, 1e-3), one * 1e-9);
    // all of n: p^n = alpha
    assertEquals(Math.pow(1e-3, 1 / 256.0), SearchBound.lowerBound(256, 256, 1e-3), 1e-12);
    double previous = 0;
    for (int hits = 1; hits <= 256; hits++) {
      double p = SearchBound.lowerBound(hits, 256, 1e-3);
      assertTrue(p > previous && p < hits / 256.0, hits + ": " + p);
      // at the bound itself, seeing this many or more has the chance alpha
      assertEquals(1e-3, SearchBound.atLeast(hits, 256, p), 1e-6, hits + " of 256");
      previous = p;
    }
  }

  @Test
  void theBoundMakesAMissAtTheLowerShareLessLikelyThanOneInAMillionWithinTheFloorAndTheCap() {
    assertEquals(VersionSearch.MIN_BOUND, SearchBound.bound(0, 65_536), "no sample complies");
    assertEquals(1.0, SearchBound.estimate(0, 65_536).missAtMost(), "nothing promised");
    assertEquals(VersionSearch.MIN_BOUND, SearchBound.bound(256, 256), "every sample complies");
    int previous = Integer.MAX_VALUE;
    for (int hits = 1; hits <= 256; hits++) {
      VersionSearch.Estimate e = SearchBound.estimate(hits, 256);
      int n = e.versions();
      assertTrue(n >= VersionSearch.MIN_BOUND && n <= VersionSearch.MAX_BOUND, hits + ": " + n);
      assertTrue(n <= previous, "more complying samples never search longer: " + hits);
      previous = n;
      double p = SearchBound.lowerBound(hits, 256, SearchBound.ALPHA);
      assertEquals(Math.pow(1 - p, n), e.missAtMost(), 1e-9, "the miss said is the bound's");
      if (n < VersionSearch.MAX_BOUND) {
        assertTrue(e.missAtMost() < 1e-6, hits + " hits, bound " + n);
        assertTrue(
            n == VersionSearch.MIN_BOUND || Math.pow(1 - p, n - 1) >= 1e-6,
            "the smallest such bound: " + hits);
      } else {
        assertTrue(e.missAtMost() >= 1e-6 || Math.pow(1 - p, n - 1) >= 1e-6, "capped: " + hits);
      }
    }
    // 1 of 256 promised nothing like a millionth: at its lower bound most searches of 2,000 miss
    assertTrue(SearchBound.estimate(1, 256).missAtMost() > 0.9);
    // 64 of 3,328 (about 2%, easyjet.com's share): within the cap, a miss below a millionth
    VersionSearch.Estimate easyjet = SearchBound.estimate(64, 3_328);
    assertTrue(easyjet.versions() < VersionSearch.MAX_BOUND, easyjet.toString());
    assertTrue(easyjet.missAtMost() < 1e-6, easyjet.toString());
    assertEquals(52, easyjet.expected(), 1e-9);
  }

  @Test
  void aSiteWhosePasswordsRarelyComplyGetsALongerSearchThanOneWhosePasswordsMostlyDo() {
    // easyjet.com's rules in the data: of the page's symbols only '-', and one is required
    PasswordRules rare =
        PasswordRules.parse(
            "minlength: 6; maxlength: 20; required: lower; required: upper; required: digit;"
                + " required: [-];");
    MintRequest request = MintRequest.builder("easyjet.com").build();
    VersionSearch.Estimate estimate = VersionSearch.estimate(rare, request);
    assertTrue(estimate.hits() >= 64 && estimate.samples() > 256, estimate.toString());
    // about 1% comply (65 of 6,656 sampled): capped, and the miss said is that of the cap,
    // 2.4e-6 at the share's lower bound
    assertTrue(estimate.expected() > 50 && estimate.expected() < 200, estimate.toString());
    int bound = estimate.versions();
    assertEquals(VersionSearch.MAX_BOUND, bound, estimate.toString());
    assertTrue(estimate.missAtMost() > 1e-6 && estimate.missAtMost() < 1e-5, estimate.toString());
    assertEquals(bound, VersionSearch.bound(rare, request), "deterministic");
    PasswordRules often = PasswordRules.parse("max-consecutive: 2;");
    assertEquals(VersionSearch.MIN_BOUND, VersionSearch.bound(often, request));
    PasswordRules never = PasswordRules.parse("maxlength: 4;");
    VersionSearch.Estimate none = VersionSearch.estimate(never, request);
    assertEquals(VersionSearch.MIN_BOUND, none.versions());
    assertEquals(SearchBound.MAX_SAMPLES, none.samples(), "no complying sample: all drawn");
  }

  @Test
  void theEstimateIsOfTheRequestsActualSettings() {
    // one '-' required, no other symbol allowed: with symbols off no password can comply, so the
    // estimate of the typed settings must find none where the default settings find many
    PasswordRules rules = PasswordRules.parse("required: [-]; allowed: upper, lower, digit, [-];");
    MintRequest request = MintRequest.builder("settings.example").build();
    assertTrue(VersionSearch.estimate(rules, request).hits() > 0);
    MintRequest noSymbols = request.toBuilder().symbols(false).build();
    assertEquals(0, VersionSearch.estimate(rules, noSymbols).hits());
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
