package dev.mint.cli.phrase;

import dev.mint.MintKey;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.PhraseCheck;

/**
 * The master phrase kept for a session or a batch, as a mint-core {@link MintKey}: only the bytes
 * the page feeds PBKDF2 are held, the phrase itself is wiped by the caller as soon as this is made,
 * and no {@code String} of it ever exists. Each site is minted by {@link MintKey#derive}, the code
 * {@code Mint.derive} runs, so the passwords are derive's.
 *
 * <p>What this adds to the key: a shutdown hook that wipes it on Ctrl-C, a kill or any other way
 * the JVM exits ({@link #wipedOnExit}). {@link #close()} may come from another thread (the hook, an
 * idle timer); the key waits for the derivations under way and refuses every later one.
 */
public final class HeldPhrase implements AutoCloseable {
  private final MintKey key;
  private Thread wipeOnExit;
  private PhraseCheck check;

  /**
   * Hardens {@code phrase} for {@code engine}; the caller still wipes {@code phrase} itself.
   *
   * @throws dev.mint.InvalidInputException when the phrase is blank or too long
   */
  public HeldPhrase(char[] phrase, Pbkdf2Engine engine) {
    this.key = MintKey.of(phrase, engine);
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
   * Notes the check of the phrase held ({@code check}, null when it was not computed), so that each
   * site's phrase can be told apart later without hardening it again; returns this.
   */
  public HeldPhrase withCheck(PhraseCheck phraseCheck) {
    this.check = phraseCheck;
    return this;
  }

  /** The check of the phrase held, or null when it was not computed ({@code --force}). */
  public PhraseCheck check() {
    return check;
  }

  /**
   * The password for {@code request}, which the caller closes.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public Password mint(MintRequest request) {
    return key.derive(request);
  }

  /**
   * Wipes the hardened bytes, once any derivation under way has finished, and drops the shutdown
   * hook of {@link #wipedOnExit}. Idempotent.
   */
  @Override
  public void close() {
    key.close();
    if (wipeOnExit != null && Thread.currentThread() != wipeOnExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(wipeOnExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already; the hook wipes too
      }
    }
  }
}
