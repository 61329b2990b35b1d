package dev.mint.rules;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * How many versions a {@link VersionSearch} tries, sized before it from the request's own settings:
 * the complying share is measured on sampled passwords ({@link #measure}), taken at its one-sided
 * Clopper-Pearson lower confidence bound ({@link #lowerBound}), and turned into the versions for
 * which a miss is rarer than {@value #MISS} ({@link #estimate(int, int)}).
 */
final class SearchBound {
  /** The chance, at most, that a search of an uncapped bound finds no version that complies. */
  static final double MISS = 1e-6;

  /** One minus the confidence of the share's lower bound. */
  static final double ALPHA = 1e-3;

  /** Sampled passwords are drawn this many at a time. */
  static final int BLOCK = 256;

  /** Sampling stops once this many sampled passwords comply. */
  static final int ENOUGH_HITS = 64;

  /** Sampling stops at this many passwords (a share below about 1e-4 shows as none). */
  static final int MAX_SAMPLES = 65_536;

  private SearchBound() {}

  /** What {@link VersionSearch#estimate} answers. */
  static VersionSearch.Estimate measure(PasswordRules rules, MintRequest request) {
    Random random =
        new Random(
            request.site().hashCode() * 31L
                + Objects.hash(
                    request.length(),
                    request.upper(),
                    request.lower(),
                    request.digits(),
                    request.symbols(),
                    request.excludeAmbiguous(),
                    request.revision().name()));
    byte[] derived = new byte[64];
    int hits = 0;
    int samples = 0;
    while (hits < ENOUGH_HITS && samples < MAX_SAMPLES) {
      for (int i = 0; i < BLOCK; i++) {
        random.nextBytes(derived);
        try (Password password = Mint.encode(request, derived)) {
          char[] chars = password.toCharArray();
          hits += Compliance.complies(chars, rules) ? 1 : 0;
          Arrays.fill(chars, '\0');
        }
      }
      samples += BLOCK;
    }
    return estimate(hits, samples);
  }

  /** The estimate for {@code hits} complying of {@code samples} sampled passwords. */
  static VersionSearch.Estimate estimate(int hits, int samples) {
    double lower = lowerBound(hits, samples, ALPHA);
    int versions;
    if (lower <= 0) {
      versions = VersionSearch.MIN_BOUND; // nothing measured to size a search by
    } else if (lower >= 1) {
      versions = VersionSearch.MIN_BOUND;
    } else {
      double n = Math.ceil(Math.log(MISS) / Math.log1p(-lower));
      versions = (int) Math.max(VersionSearch.MIN_BOUND, Math.min(VersionSearch.MAX_BOUND, n));
    }
    double miss = lower <= 0 ? 1 : Math.exp(versions * Math.log1p(-Math.min(lower, 1 - 1e-16)));
    return new VersionSearch.Estimate(hits, samples, lower, versions, miss);
  }

  /** The bound for {@code hits} complying of {@code samples} sampled passwords. */
  static int bound(int hits, int samples) {
    return estimate(hits, samples).versions();
  }

  /**
   * The one-sided Clopper-Pearson lower confidence bound of a binomial share: the {@code p} at
   * which {@code hits} or more of {@code samples} comply with chance {@code alpha}.
   */
  static double lowerBound(int hits, int samples, double alpha) {
    if (hits <= 0) {
      return 0;
    }
    if (hits >= samples) {
      return Math.pow(alpha, 1.0 / samples);
    }
    double lo = 0;
    double hi = hits / (double) samples;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (atLeast(hits, samples, mid) < alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The chance that {@code hits} or more of {@code samples} comply at share {@code p}. */
  static double atLeast(int hits, int samples, double p) {
    if (p <= 0) {
      return 0;
    }
    // 1 - P(X < hits), the terms summed in log space: (1 - p)^samples underflows
    double logTerm = samples * Math.log1p(-p);
    double logRatio = Math.log(p) - Math.log1p(-p);
    double max = logTerm;
    double[] logs = new double[hits];
    for (int k = 0; k < hits; k++) {
      logs[k] = logTerm;
      max = Math.max(max, logTerm);
      logTerm += Math.log((samples - k) / (double) (k + 1)) + logRatio;
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    double below = Math.exp(max + Math.log(sum));
    return Math.max(0, 1 - below);
  }
}
