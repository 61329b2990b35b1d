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
 */
public final class VersionSearch {
  /** How many versions a search tries unless told otherwise. */
  public static final int DEFAULT_BOUND = 50;

  private static final int MAX_VERSION = 9999;

  private VersionSearch() {}

  /**
   * Searches from {@code request}'s own version, trying at most {@value #DEFAULT_BOUND} versions.
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
    return search(request, rules, site, derive, DEFAULT_BOUND);
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
     * How many passwords were derived.
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
