package dev.mint.rules;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.internal.SecretSeam;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The smallest version number at or above a request's whose password keeps a site's rules
 * (mint-only). Every candidate is a real page password, derived by the caller's function (the CLI's
 * held key, or {@link dev.mint.Mint#derive}); nothing is invented. The search is bounded: each step
 * costs one derivation.
 *
 * <p>The bound is the site's own ({@link #bound}): from the share of the request's passwords that
 * keep the rules, estimated as {@link Suggestion} estimates it (the same 256 sampled encodings), it
 * is the number of versions {@code n} for which the chance that none complies, {@code (1 - p)^n},
 * is below one in a million, with {@code p} a pessimistic share (the sampled share less two of its
 * standard errors, never below half a sample's); never fewer than {@value #MIN_BOUND}, never more
 * than {@value #MAX_BOUND}. A site whose passwords mostly comply keeps {@value #MIN_BOUND}; a site
 * where about 2% comply (easyjet.com) gets {@value #MAX_BOUND}, about 40 derivations on average.
 */
public final class VersionSearch {
  /** The fewest versions a search tries (unless given a bound of its own). */
  public static final int MIN_BOUND = 50;

  /**
   * The most versions a search tries: 2,000 derivations are about 100 s on a quiet 2-core machine,
   * and a site where even 1% of passwords comply is served within them but for a chance of 2e-9.
   */
  public static final int MAX_BOUND = 2000;

  /** The chance, at most, that a search of a site's bound finds no version that complies. */
  static final double MISS = 1e-6;

  private static final int MAX_VERSION = 9999;

  private VersionSearch() {}

  /**
   * How many versions a search for {@code request} tries: the smallest {@code n} for which {@code
   * (1 - p)^n < }{@value #MISS}, {@code p} a pessimistic share of the request's passwords that keep
   * {@code rules}, kept within {@value #MIN_BOUND} to {@value #MAX_BOUND}. The share is {@link
   * Suggestion}'s estimate (its {@value Suggestion#SAMPLES} pseudo-random byte strings, seeded by
   * the site and the length, encoded with the request's settings); {@code h} of them complying give
   * {@code p = max(h - 2 sqrt(h), 1/2) / 256}. No sample complying (the settings rarely or never
   * give a password the site accepts: choosing settings, not more versions, is the way on) keeps
   * {@value #MIN_BOUND}. Where the cap binds (5 or fewer of 256 complying), the chance of a miss at
   * the sampled share itself is still below one in a million from 2 complying samples on; with 1 it
   * is about 4e-4. Deterministic: the same request and rules always give the same bound.
   *
   * @param rules the site's rules
   * @param request the request searched (its settings and site)
   * @return the bound, {@value #MIN_BOUND} to {@value #MAX_BOUND}
   */
  public static int bound(PasswordRules rules, MintRequest request) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(request, "request");
    double hits = Suggestion.share(rules, request) * Suggestion.SAMPLES;
    return bound(hits, Suggestion.SAMPLES);
  }

  /** The bound for {@code hits} complying of {@code samples} sampled passwords. */
  static int bound(double hits, int samples) {
    if (hits <= 0) {
      return MIN_BOUND;
    }
    double p = Math.max(hits - 2 * Math.sqrt(hits), 0.5) / samples;
    if (p >= 1) {
      return MIN_BOUND;
    }
    double n = Math.ceil(Math.log(MISS) / Math.log1p(-p));
    return (int) Math.max(MIN_BOUND, Math.min(MAX_BOUND, n));
  }

  /**
   * Searches from {@code request}'s own version, trying at most the site's {@link #bound} versions.
   *
   * @param request the request; its version is the first tried ("" counts as 1)
   * @param rules the site's rules
   * @param site the site's name for the messages
   * @param derive derives the page's password for a request
   * @return the result; close it to wipe the password it holds
   */
  public static Result search(
      MintRequest request,
      PasswordRules rules,
      String site,
      Function<MintRequest, Password> derive) {
    return search(request, rules, site, derive, bound(rules, request));
  }

  /**
   * Searches from {@code request}'s own version, trying at most {@code bound} versions: the request
   * as it is, then versions {@code v+1}, {@code v+2}, ... up to 9999.
   *
   * @param request the request; its version is the first tried ("" counts as 1)
   * @param rules the site's rules
   * @param site the site's name for the messages
   * @param derive derives the page's password for a request
   * @param bound the most derivations, at least 1
   * @return the result; close it to wipe the password it holds
   * @throws IllegalArgumentException when {@code bound} is below 1
   */
  public static Result search(
      MintRequest request,
      PasswordRules rules,
      String site,
      Function<MintRequest, Password> derive,
      int bound) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(derive, "derive");
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be at least 1");
    }
    int start = version(request.version());
    if (lengthOutside(rules, request.length())) {
      // every version's password has the request's length, so every one breaks the rules: the
      // first is derived for its violations, the others would only cost a derivation each
      List<Violation> first;
      try (Password password = derive.apply(request)) {
        char[] chars = SecretSeam.allocated(password.toCharArray());
        try {
          first = Compliance.check(chars, rules, site);
        } finally {
          Arrays.fill(chars, '\0');
        }
      }
      int covered = Math.min(bound, MAX_VERSION - start + 1);
      return new Result(start, OptionalInt.empty(), covered, first, null, null);
    }
    List<Violation> first = null;
    int derivations = 0;
    for (int v = start; v <= MAX_VERSION && derivations < bound; v++) {
      MintRequest candidate = v == start ? request : request.toBuilder().version(v).build();
      Password password = derive.apply(candidate);
      derivations++;
      char[] chars = SecretSeam.allocated(password.toCharArray());
      try {
        List<Violation> violations = Compliance.check(chars, rules, site);
        if (first == null) {
          first = violations;
        }
        if (violations.isEmpty()) {
          return new Result(start, OptionalInt.of(v), derivations, first, candidate, password);
        }
      } finally {
        Arrays.fill(chars, '\0');
      }
      password.close();
    }
    return new Result(start, OptionalInt.empty(), derivations, first, null, null);
  }

  /** Whether a password of {@code length} characters is too short or too long for {@code rules}. */
  private static boolean lengthOutside(PasswordRules rules, int length) {
    return rules.minLength().isPresent() && length < rules.minLength().getAsInt()
        || rules.maxLength().isPresent() && length > rules.maxLength().getAsInt();
  }

  static int version(String text) {
    if (text.isEmpty()) {
      return 1;
    }
    int v = 0;
    for (char c : text.toCharArray()) {
      if (c < '0' || c > '9' || v > MAX_VERSION) {
        throw new IllegalArgumentException(
            "version must be a number from 1 to 9999 for a version search");
      }
      v = v * 10 + (c - '0');
    }
    if (v < 1 || v > MAX_VERSION) {
      throw new IllegalArgumentException(
          "version must be a number from 1 to 9999 for a version search");
    }
    return v;
  }

  /** What a search found. Holds the compliant password, if any, until closed. */
  public static final class Result implements AutoCloseable {
    private final int start;
    private final OptionalInt version;
    private final int derivations;
    private final List<Violation> firstViolations;
    private final MintRequest request;
    private final Password password;

    Result(
        int start,
        OptionalInt version,
        int derivations,
        List<Violation> firstViolations,
        MintRequest request,
        Password password) {
      this.start = start;
      this.version = version;
      this.derivations = derivations;
      this.firstViolations = List.copyOf(firstViolations == null ? List.of() : firstViolations);
      this.request = request;
      this.password = password;
    }

    /**
     * The version the search started at.
     *
     * @return the request's version as a number
     */
    public int start() {
      return start;
    }

    /**
     * The smallest version tried whose password keeps the rules.
     *
     * @return the version; empty when none within the bound
     */
    public OptionalInt version() {
      return version;
    }

    /**
     * Whether a compliant version was found.
     *
     * @return true when {@link #version()} is present
     */
    public boolean found() {
      return version.isPresent();
    }

    /**
     * How many versions the search covered, from {@link #start()}: each one derived, except when
     * the request's length is outside the rules' bounds, which no version changes; then only the
     * first is derived and the result counts every version up to the bound, as a search deriving
     * each would have.
     *
     * @return 1 when the first version complies
     */
    public int derivations() {
      return derivations;
    }

    /**
     * What the first version's password (the request's own) breaks.
     *
     * @return its violations, empty when it complies
     */
    public List<Violation> firstViolations() {
      return firstViolations;
    }

    /**
     * The request of the compliant version.
     *
     * @return the request (the given one with {@link #version()}); null when none was found
     */
    public MintRequest request() {
      return request;
    }

    /**
     * The compliant password, owned by this result: {@link #close()} wipes it.
     *
     * @return the password; null when none was found
     */
    public Password password() {
      return password;
    }

    /** Wipes the password. */
    @Override
    public void close() {
      if (password != null) {
        password.close();
      }
    }

    @Override
    public String toString() {
      return found()
          ? "version " + version.getAsInt() + " after " + derivations + " derivations"
          : "no version within " + derivations + " derivations";
    }
  }
}
