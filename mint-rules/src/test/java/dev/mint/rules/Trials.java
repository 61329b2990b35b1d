package dev.mint.rules;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * What the acceptance test and the figures share: the suggestion for a site from the page's
 * defaults, and the password a version search from version 1 ends on, for a real phrase (real
 * PBKDF2) or through {@link #ONE_ITERATION}.
 */
final class Trials {
  private Trials() {}

  static Suggestion suggest(String domain, PasswordRules rules) {
    return Suggestion.suggest(rules, domain, MintRequest.builder(domain).build(), Set.of());
  }

  static MintRequest request(String domain, Suggestion suggestion) {
    return suggestion.request();
  }

  /** A phrase for trial {@code i} of a site: test data, not a secret. */
  static char[] phrase(String domain, int i) {
    Random random = new Random(domain.hashCode() * 1_000_003L + i);
    return ("trial phrase " + Long.toHexString(random.nextLong()) + " " + i).toCharArray();
  }

  /** Derives with a real phrase, through mint-core. */
  static Function<MintRequest, Password> real(char[] phrase) {
    return request -> Mint.derive(request, phrase);
  }

  /**
   * Stands for a real derivation at a fraction of its cost: mint-core's whole path (normalize,
   * harden, salt, encode) with PBKDF2-HMAC-SHA256 at 1 iteration instead of the level's 210,000 or
   * more. Its 64 bytes are as pseudo-random as the real ones, and a password's compliance depends
   * on nothing else, so the shares and version counts it gives are those of real phrases.
   */
  static final Pbkdf2Engine ONE_ITERATION =
      new Pbkdf2Engine() {
        @Override
        public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
          Pbkdf2Engine.fastSequential().derive(password, salt, 1, out);
        }

        @Override
        public String name() {
          return "PBKDF2-HMAC-SHA256 at 1 iteration (trials only)";
        }
      };

  /** Derives with {@link #ONE_ITERATION}. */
  static Function<MintRequest, Password> sampled(char[] phrase) {
    return request -> Mint.derive(request, phrase, ONE_ITERATION);
  }
}
