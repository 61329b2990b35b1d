package dev.mint.rules;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.Arrays;
import java.util.Random;

/**
 * How many of a request's passwords keep a site's rules, asked without a phrase: whether a password
 * complies depends only on the 64 derived bytes, so the pools of the classes on can prove that
 * every password complies or that none can ({@link #feasibility}), and otherwise the share is
 * estimated from {@value #SAMPLES} pseudo-random byte strings encoded by mint-core's own encoder
 * ({@link #share}), seeded by the site and length so that a choice made from it is repeatable.
 */
final class ComplyingShare {
  /** How many byte strings {@link #share} encodes. */
  static final int SAMPLES = 256;

  private ComplyingShare() {}

  /**
   * 2: every password of {@code s} complies (apart from the length, chosen apart); 1: some may; 0:
   * none can.
   */
  static int feasibility(PasswordRules rules, MintRequest s) {
    Revision revision = s.revision();
    CharSet allowed = rules.allowed();
    StringBuilder combined = new StringBuilder();
    boolean everyCharAllowed = true;
    for (Setting<Boolean> cls : Setting.CLASSES) {
      if (!s.get(cls)) {
        continue;
      }
      String pool = revision.pool(cls, s.excludeAmbiguous());
      if (!allowed.containsAny(pool)) {
        return 0; // the pool's guaranteed character is never allowed
      }
      everyCharAllowed &= allowed.containsAll(pool);
      combined.append(pool);
    }
    boolean everyRequiredHeld = true;
    for (CharSet required : rules.required()) {
      if (required.isEmpty()) {
        continue;
      }
      if (!required.containsAny(combined)) {
        return 0;
      }
      boolean guaranteed = false;
      for (Setting<Boolean> cls : Setting.CLASSES) {
        guaranteed |= s.get(cls) && required.containsAll(revision.pool(cls, s.excludeAmbiguous()));
      }
      everyRequiredHeld &= guaranteed;
    }
    boolean noRunLimit =
        rules.maxConsecutive().isEmpty() || rules.maxConsecutive().getAsInt() >= s.length();
    return everyCharAllowed && everyRequiredHeld && noRunLimit ? 2 : 1;
  }

  /** The share of {@link #SAMPLES} pseudo-random derived byte strings whose password complies. */
  static double share(PasswordRules rules, MintRequest request) {
    Random random = new Random(request.site().hashCode() * 31L + request.length());
    byte[] derived = new byte[64];
    int hits = 0;
    for (int i = 0; i < SAMPLES; i++) {
      random.nextBytes(derived);
      try (Password password = Mint.encode(request, derived)) {
        char[] chars = password.toCharArray();
        hits += Compliance.complies(chars, rules) ? 1 : 0;
        Arrays.fill(chars, '\0');
      }
    }
    return hits / (double) SAMPLES;
  }
}
