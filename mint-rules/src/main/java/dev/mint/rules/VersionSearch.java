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
 * <p>The bound is the request's own ({@link #estimate}). Whether a password keeps the rules depends
 * only on the 64 derived bytes and the request's settings, so the share of complying passwords is
 * measured on pseudo-random byte strings encoded with the request's actual settings (length,
 * classes, revision), {@value SearchBound#BLOCK} at a time until {@value SearchBound#ENOUGH_HITS}
 * comply or {@value SearchBound#MAX_SAMPLES} are drawn. From {@code h} complying of {@code n}
 * sampled, the share is taken at its one-sided Clopper-Pearson lower confidence bound {@code p}
 * (confidence {@code 1 - }{@value SearchBound#ALPHA}), and the bound is the number of versions for
 * which the chance that none complies, {@code (1 - p)^versions}, is below one in a million; never
 * fewer than {@value #MIN_BOUND}, never more than {@value #MAX_BOUND}. Where the cap binds, the
 * chance of a miss is {@link Estimate#missAtMost} (at the same lower bound), which the CLI says
 * before the search; where no sample complies the share is unknown below {@code 3/n} and a search
 * is unlikely to help.
 */
public final class VersionSearch {
  /** The fewest versions a search tries (unless given a bound of its own). */
  public static final int MIN_BOUND = 50;

  /**
   * The most versions a search tries: 2,000 derivations took 42 s at the page's standard level and
   * 78 s at {@code --level high} on a quiet 2-core machine, and several times that under load
   * (docs/PERFORMANCE.md, "The longest search"; {@code benchmarks/version-search.sh worst} measures
   * it).
   */
  public static final int MAX_BOUND = 2000;

  private static final int MAX_VERSION = 9999;

  private VersionSearch() {}

  /**
   * How many versions a search for {@code request} tries ({@link #estimate}'s {@link
   * Estimate#versions}).
   *
   * @param rules the site's rules
   * @param request the request searched (its settings and site)
   * @return the bound, {@value #MIN_BOUND} to {@value #MAX_BOUND}
   */
  public static int bound(PasswordRules rules, MintRequest request) {
    return estimate(rules, request).versions();
  }

  /**
   * What a search for {@code request} may cost: the complying share measured on sampled passwords
   * of the request's settings, its lower confidence bound, the versions a search tries and the
   * chance it finds none. Deterministic: the same request and rules always give the same estimate
   * (the samples are seeded by the site and the settings). Holds no secret: the samples come from
   * no phrase.
   *
   * @param rules the site's rules
   * @param request the request searched (its settings and site)
   * @return the estimate
   */
  public static Estimate estimate(PasswordRules rules, MintRequest request) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(request, "request");
    return SearchBound.measure(rules, request);
  }

  /** What a search may cost, measured before it: see {@link #estimate}. */
  public static final class Estimate {
    private final int hits;
    private final int samples;
    private final double lowerShare;
    private final int versions;
    private final double missAtMost;

    Estimate(int hits, int samples, double lowerShare, int versions, double missAtMost) {
      this.hits = hits;
      this.samples = samples;
      this.lowerShare = lowerShare;
      this.versions = versions;
      this.missAtMost = missAtMost;
    }

    /**
     * Sampled passwords that comply.
     *
     * @return 0 to {@link #samples()}
     */
    public int hits() {
      return hits;
    }

    /**
     * Sampled passwords.
     *
     * @return {@value SearchBound#BLOCK} to {@value SearchBound#MAX_SAMPLES}
     */
    public int samples() {
      return samples;
    }

    /**
     * The lower confidence bound of the complying share.
     *
     * @return 0 when no sample complies
     */
    public double lowerShare() {
      return lowerShare;
    }

    /**
     * The most versions a search tries.
     *
     * @return {@value VersionSearch#MIN_BOUND} to {@value VersionSearch#MAX_BOUND}
     */
    public int versions() {
      return versions;
    }

    /**
     * Derivations a search takes on average at the measured share ({@code samples / hits}).
     *
     * @return infinity when no sample complies
     */
    public double expected() {
      return hits == 0 ? Double.POSITIVE_INFINITY : samples / (double) hits;
    }

    /**
     * The chance that a search of {@link #versions()} finds none, at the share's lower bound: below
     * one in a million unless the cap binds.
     *
     * @return 1 when no sample complies
     */
    public double missAtMost() {
      return missAtMost;
    }

    @Override
    public String toString() {
      return hits
          + " of "
          + samples
          + " sampled comply; "
          + versions
          + " versions, a miss at most "
          + missAtMost;
    }
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

  /**
   * The version a search for {@code request} starts at.
   *
   * @param request the request; "" counts as 1
   * @return 1 to 9999
   * @throws IllegalArgumentException when the version is not a number from 1 to 9999
   */
  public static int firstVersion(MintRequest request) {
    return version(request.version());
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
