package dev.mint.cli.phrase;

import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Stages;
import dev.mint.internal.SecretSeam;
import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The master phrase kept for a session or a batch, only as the bytes the page feeds PBKDF2 ({@link
 * Stages#hardenPhrase}): the phrase itself is wiped as soon as this is made, and no {@code String}
 * of it ever exists. Each site is minted from these bytes with the same stages {@code Mint.derive}
 * runs (normalize, salt, derive, encode), so the passwords are derive's.
 *
 * <p>{@link #close()} wipes the bytes; it may come from another thread (a shutdown hook on Ctrl-C,
 * an idle timer). Minting holds a read lock and wiping the write lock, so a wipe waits for the
 * derivations under way (a password being minted is still the right one) and every later {@link
 * #mint} is refused.
 */
public final class HeldPhrase implements AutoCloseable {
  private final byte[] hardened;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean wiped;
  private Thread wipeOnExit;

  /**
   * Hardens {@code phrase}; the caller still wipes {@code phrase} itself.
   *
   * @throws dev.mint.InvalidInputException when the phrase is blank or too long
   */
  public HeldPhrase(char[] phrase) {
    this.hardened = SecretSeam.allocated(Stages.hardenPhrase(phrase));
  }

  /**
   * Has a shutdown hook on a thread named {@code hookName} wipe the bytes on Ctrl-C, a kill or any
   * other way the JVM exits before {@link #close()}; returns this.
   */
  public HeldPhrase wipedOnExit(String hookName) {
    wipeOnExit = new Thread(this::close, hookName);
    Runtime.getRuntime().addShutdownHook(wipeOnExit);
    return this;
  }

  /**
   * The password for {@code request}, in an array the caller wipes.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public char[] mint(MintRequest request, Pbkdf2Engine engine) {
    String site = Stages.normalizeSite(request.site(), request.revision());
    String salt = Stages.salt(site, request.version());
    lock.readLock().lock();
    try {
      if (wiped) {
        throw new IllegalStateException("the phrase was wiped");
      }
      byte[] derived = Stages.derive(hardened, salt, request.level(), engine);
      try {
        return SecretSeam.allocated(Stages.encode(derived, request));
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Wipes the hardened bytes, once any derivation under way has finished, and drops the shutdown
   * hook of {@link #wipedOnExit}. Idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      Arrays.fill(hardened, (byte) 0);
      wiped = true;
    } finally {
      lock.writeLock().unlock();
    }
    if (wipeOnExit != null && Thread.currentThread() != wipeOnExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(wipeOnExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already; the hook wipes too
      }
    }
  }
}
