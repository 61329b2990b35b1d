package dev.mint;

import dev.mint.internal.FiveStages;
import dev.mint.internal.Secrets;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A master phrase held hardened, to mint many passwords from one phrase: the phrase is hardened
 * once, when the key is made, and each {@link #derive} runs only the stages that depend on the
 * request. The passwords are {@link Mint#derive}'s, which runs through this class.
 *
 * <pre>{@code
 * try (MintKey key = MintKey.of(phrase)) {   // phrase is read, not modified: wipe it yourself
 *   try (Password password = key.derive(MintRequest.builder("github.com").build())) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The key holds only the hardened bytes (the exact bytes the page hands to PBKDF2), never the
 * phrase's characters; {@link #close()} wipes them. Thread-safe: derivations may run at the same
 * time, and {@code close()} may come from any thread (a timer, a shutdown hook). It waits for the
 * derivations under way, which still give the right password, and every {@code derive} after it
 * throws {@link IllegalStateException}. {@link #toString()} says only whether the key is closed.
 */
public final class MintKey implements AutoCloseable {
  private final byte[] hardened;
  private final Pbkdf2Engine engine;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  private MintKey(byte[] hardened, Pbkdf2Engine engine) {
    this.hardened = hardened;
    this.engine = engine;
  }

  /**
   * {@link #of(char[], Pbkdf2Engine)} with the default engine.
   *
   * @param phrase the master phrase; read, not modified
   * @return a key holding the hardened phrase; close it to wipe it
   * @throws InvalidInputException when the phrase is null, blank or too long
   */
  public static MintKey of(char[] phrase) {
    return of(phrase, Pbkdf2Engine.defaultEngine());
  }

  /**
   * Hardens {@code phrase} (the second of the five stages) and holds the result. {@code phrase} is
   * read, not modified: the caller still wipes it, and may do so as soon as this returns.
   *
   * @param phrase the master phrase; read, not modified
   * @param engine the PBKDF2-HMAC-SHA256 every {@link #derive} uses, such as {@link
   *     Pbkdf2Engine#fastSequential()}
   * @return a key holding the hardened phrase; close it to wipe it
   * @throws InvalidInputException when the phrase is null, blank or too long, or the engine is null
   */
  public static MintKey of(char[] phrase, Pbkdf2Engine engine) {
    InvalidInputException.requireNonNull(engine, "engine");
    return new MintKey(FiveStages.hardenPhrase(phrase), engine);
  }

  /**
   * The page's password for {@code request} and the held phrase: normalize, salt, derive, encode
   * (the phrase was hardened when the key was made). Every intermediate buffer is wiped before this
   * returns.
   *
   * @param request the site and the page's settings
   * @return the page's password; close it to wipe it
   * @throws InvalidInputException when the request is null
   * @throws IllegalStateException after {@link #close()}
   */
  public Password derive(MintRequest request) {
    return derive(request, salt(request));
  }

  /** {@link Mint#derive}: the request checked first, then the phrase, as it always was. */
  static Password deriveOnce(MintRequest request, char[] phrase, Pbkdf2Engine engine) {
    InvalidInputException.requireNonNull(request, "request");
    InvalidInputException.requireNonNull(engine, "engine");
    String salt = salt(request);
    try (MintKey key = of(phrase, engine)) {
      return key.derive(request, salt);
    }
  }

  /** Normalize, then salt: the stages before PBKDF2 that depend on the request only. */
  private static String salt(MintRequest request) {
    InvalidInputException.requireNonNull(request, "request");
    return FiveStages.salt(
        FiveStages.normalizeSite(request.site(), request.revision()), request.version());
  }

  /** Derive, then encode, from the held bytes. */
  private Password derive(MintRequest request, String salt) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the key was closed");
      }
      byte[] derived = FiveStages.derive(hardened, salt, request.level(), engine);
      try {
        return new Password(FiveStages.encode(derived, request));
      } finally {
        Secrets.wipe(derived);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Whether {@link #close()} has wiped the key.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Wipes the hardened phrase, once the derivations under way have finished; every later {@link
   * #derive} throws {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      Secrets.wipe(hardened);
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Shows whether the key is closed, nothing of the phrase. */
  @Override
  public String toString() {
    return isClosed() ? "MintKey[closed]" : "MintKey[open]";
  }
}
