package dev.mint.cli.command.rekey;

import dev.mint.Pbkdf2Engine;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.options.NewPhraseMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.phrase.HeldPhrase;

/**
 * The two phrases of a rotation, each read, hardened, wiped as typed and checked (the current one
 * against the recorded check, the new one against the rotation's), held only as hardened keys that
 * {@link #close()} wipes, as does a hook on Ctrl-C. With {@code --keep-phrase} the new key is the
 * current one.
 */
final class RotationKeys implements AutoCloseable {
  /** The names of the hooks that wipe the two keys on Ctrl-C (mint-...-wipe, as every key's). */
  static final String CURRENT_WIPE = "mint-rekey-wipe";

  static final String NEW_WIPE = "mint-rekey-new-wipe";

  private HeldPhrase current;
  private HeldPhrase next;

  private RotationKeys() {}

  /** Reads both phrases; refuses (exit 3) a phrase whose check is not the one the file expects. */
  static RotationKeys read(
      Io io,
      Rekeying rekeying,
      PhraseMixin phraseOptions,
      NewPhraseMixin newPhrase,
      boolean quiet) {
    RotationKeys keys = new RotationKeys();
    try {
      PhraseCheck currentCheck;
      keys.current = hold(phraseOptions.read(io), CURRENT_WIPE);
      currentCheck = keys.current.check();
      rekeying.requireChecks(currentCheck, null);
      if (rekeying.rotation().movesPhrase()) {
        keys.next = hold(newPhrase.read(io, phraseOptions, quiet), NEW_WIPE);
        rekeying.requireChecks(currentCheck, keys.next.check());
      } else {
        keys.next = keys.current;
      }
      return keys;
    } catch (RuntimeException | Error e) {
      keys.close();
      throw e;
    }
  }

  /**
   * Hardens {@code phrase} and notes its check; the typed phrase is wiped here, before anything
   * else is read: a collection meanwhile would copy it where no wipe reaches.
   */
  private static HeldPhrase hold(char[] phrase, String hookName) {
    try {
      PhraseCheck check = PhraseCheck.of(phrase);
      return new HeldPhrase(phrase, Pbkdf2Engine.fast()).wipedOnExit(hookName).withCheck(check);
    } finally {
      Wipe.chars(phrase);
    }
  }

  HeldPhrase current() {
    return current;
  }

  HeldPhrase next() {
    return next;
  }

  @Override
  public void close() {
    if (next != null && next != current) {
      next.close();
    }
    if (current != null) {
      current.close();
    }
  }
}
