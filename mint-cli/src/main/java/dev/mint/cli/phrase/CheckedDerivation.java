package dev.mint.cli.phrase;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A derivation that a recorded phrase check guards: the check of the typed phrase is computed
 * alongside the password (on another thread, so the two PBKDF2 runs overlap), and the password is
 * handed out only when the two checks match. A mismatch is refused before any password is shown.
 */
public final class CheckedDerivation {
  private CheckedDerivation() {}

  /**
   * The password for {@code request} and {@code phrase}; when {@code recorded} is not null, only if
   * the phrase's check equals it. {@code phrase} is read, not modified, and is no longer in use
   * when this returns or throws.
   *
   * @throws CliException ({@link ExitCodes#INVALID_INPUT}) on a mismatch
   */
  public static Password derive(MintRequest request, char[] phrase, PhraseCheck recorded) {
    return deriveGuarded(
        request,
        phrase,
        recorded == null
            ? null
            : typed -> typed.equals(recorded) ? null : mismatch(typed, recorded));
  }

  /**
   * The password for {@code request} and {@code phrase}; when {@code refusal} is not null, only if
   * it gives no refusal for the phrase's check (it returns null for a check it takes). {@code
   * phrase} is read, not modified, and is no longer in use when this returns or throws.
   *
   * @throws CliException the refusal, before any password is shown
   */
  public static Password deriveGuarded(
      MintRequest request, char[] phrase, Function<PhraseCheck, CliException> refusal) {
    if (refusal == null) {
      return Mint.derive(request, phrase);
    }
    CompletableFuture<PhraseCheck> typed = new CompletableFuture<>();
    Thread checker =
        new Thread(
            () -> {
              try {
                typed.complete(PhraseCheck.of(phrase));
              } catch (Throwable t) {
                typed.completeExceptionally(t);
              }
            },
            "mint-phrase-check");
    checker.setDaemon(true);
    checker.start();
    Password password = null;
    try {
      password = Mint.derive(request, phrase);
    } finally {
      if (password == null) {
        join(checker); // the phrase stays in use until the checker is done with it
      }
    }
    PhraseCheck check;
    try {
      check = typed.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      password.close();
      throw CliException.io("interrupted");
    } catch (ExecutionException e) {
      password.close();
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
    CliException refused = refusal.apply(check);
    if (refused != null) {
      password.close();
      throw refused;
    }
    return password;
  }

  private static void join(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The refusal of a phrase whose check differs from the one recorded in the sites file: exit 3,
   * both checks named, before any password is shown.
   */
  public static CliException mismatch(PhraseCheck typed, PhraseCheck recorded) {
    return CliException.invalidInput(
        "phrase check mismatch: typed "
            + typed
            + ", recorded "
            + recorded
            + " (a typo in the phrase? --force derives anyway)");
  }
}
