package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Pbkdf2Engine;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's direct SHA-256 compression ({@code FastPbkdf2Direct}) against the same engine with
 * every hash through {@code MessageDigest}. The other engine tests (FastPbkdf2Test against
 * BouncyCastle and the JDK, WycheproofPbkdf2Test) run {@link Pbkdf2Engine#fast()} and {@link
 * Pbkdf2Engine#fastSequential()}, which are direct only when the JVM opens the provider's package
 * to mint; the first test here makes sure that they are, so that the direct path is what those
 * tests check.
 */
class FastPbkdf2DirectTest {
  @Test
  void mintsEnginesCompressDirectlyWhenTheProviderIsOpened() {
    assertTrue(FastPbkdf2Direct.AVAILABLE, "mint-core's tests run with the provider opened");
    assertTrue(((FastPbkdf2) Pbkdf2Engine.fast()).direct());
    assertTrue(((FastPbkdf2) Pbkdf2Engine.fastSequential()).direct());
    assertFalse(new FastPbkdf2(true, ForwardingSha256::jdkSha256).direct());
  }

  @Test
  void directAndMessageDigestDeriveTheSameBytes() {
    Random random = new Random(20261207L);
    FastPbkdf2[] direct = {
      new FastPbkdf2(true, ForwardingSha256::jdkSha256, true),
      new FastPbkdf2(false, ForwardingSha256::jdkSha256, true)
    };
    FastPbkdf2 digests = new FastPbkdf2(false, ForwardingSha256::jdkSha256, false);
    for (int n = 0; n < 300; n++) {
      // keys across the 64-byte HMAC block (longer ones are hashed first), salts across the
      // compression block, 1 to 3 output blocks with a partial last one
      byte[] password = new byte[random.nextInt(150)];
      byte[] salt = new byte[random.nextInt(130)];
      random.nextBytes(password);
      random.nextBytes(salt);
      int iterations = 1 + random.nextInt(n < 10 ? 3 : 60);
      int length = 1 + random.nextInt(96);
      byte[] expected = new byte[length];
      digests.derive(password, salt, iterations, expected);
      for (FastPbkdf2 engine : direct) {
        byte[] actual = new byte[length];
        engine.derive(password, salt, iterations, actual);
        assertArrayEquals(expected, actual, () -> engine + " " + iterations + " iterations");
      }
    }
  }

  @Test
  void wipingLeavesNoPadInTheProvidersMessageSchedule() {
    // a fresh instance runs its first compressions in Java (the JIT's intrinsic has not taken
    // over for this object's calls yet in the interpreter), which copies K ^ ipad and K ^ opad
    // into the provider's own message schedule; the wipe must reach that array too
    byte[] ipad = new byte[64];
    byte[] opad = new byte[64];
    Arrays.fill(ipad, (byte) 0x36);
    Arrays.fill(opad, (byte) 0x5c);
    FastPbkdf2Direct direct = new FastPbkdf2Direct(ipad, opad);
    int[] schedule = direct.schedule();
    direct.wipe();
    if (schedule != null) {
      assertArrayEquals(new int[schedule.length], schedule, "the message schedule after wipe()");
    }
    assertTrue(
        direct.schedule() == null || Arrays.equals(new int[64], direct.schedule()),
        "no pad left in the schedule");
  }
}
