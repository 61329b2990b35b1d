package dev.mint;

import dev.mint.internal.FastPbkdf2;

/**
 * PBKDF2-HMAC-SHA256 over raw bytes (RFC 8018). The page's derivation step.
 *
 * <p>Implementations are thread-safe and wipe what they allocate for the key. mint offers {@link
 * #fast()} (the default) and {@link #fastSequential()}; both are checked in mint's tests against
 * BouncyCastle's PBKDF2 and Wycheproof's PBKDF2-HMAC-SHA256 vectors. The interface stays open so
 * that a caller (or a test, or a benchmark) can pass another exact PBKDF2-HMAC-SHA256 to {@link
 * Mint#derive(MintRequest, char[], Pbkdf2Engine)}; mint cannot check that it is exact, and a wrong
 * engine gives wrong passwords. mint's own engines check their arguments the same way, with the
 * messages {@link InvalidInputException} gives (field {@code password}, {@code salt}, {@code
 * iterations} or {@code out}).
 */
public interface Pbkdf2Engine {
  /**
   * Fills {@code out} with {@code PBKDF2-HMAC-SHA256(password, salt, iterations, out.length)}.
   *
   * @param password the key bytes, any length (HMAC hashes keys over 64 bytes); not modified
   * @param salt the salt bytes, any length; not modified
   * @param iterations at least 1
   * @param out receives the derived bytes; at least 1 byte
   * @throws InvalidInputException when an argument is null or out of range
   */
  void derive(byte[] password, byte[] salt, int iterations, byte[] out);

  /**
   * A short name for reports, such as {@code fast}.
   *
   * @return the engine's name
   */
  String name();

  /**
   * The engine mint uses unless told otherwise: {@link #fast()}.
   *
   * @return the default engine
   */
  static Pbkdf2Engine defaultEngine() {
    return FastPbkdf2.PARALLEL;
  }

  /**
   * The fast engine: the JVM's SHA-256 (hardware-accelerated where the CPU and JVM allow), and with
   * two or more cores the 32-byte output blocks computed at the same time, on the caller's thread
   * and shared daemon threads. Same output as any exact PBKDF2-HMAC-SHA256 for every input.
   *
   * <p>It costs about a third less CPU when the JVM opens the JDK provider's package to mint, which
   * lets it call the provider's SHA-256 compression directly instead of through {@code
   * MessageDigest}: {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} on the class
   * path, {@code =dev.mint} on the module path (mint's own jar says so in its manifest). It checks
   * that path against {@code MessageDigest} once per JVM and uses {@code MessageDigest} when the
   * package is closed or the check fails.
   *
   * @return the fast engine, shared and thread-safe
   */
  static Pbkdf2Engine fast() {
    return FastPbkdf2.PARALLEL;
  }

  /**
   * {@link #fast()} on the caller's thread only, for callers that do their own threading.
   *
   * @return the sequential fast engine, shared and thread-safe
   */
  static Pbkdf2Engine fastSequential() {
    return FastPbkdf2.SEQUENTIAL;
  }
}
