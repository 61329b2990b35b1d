package dev.mint.cli.phrase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckedDerivation}: the password only when the typed phrase's check is the recorded one.
 */
class CheckedDerivationTest {
  private static final MintRequest REQUEST = MintRequest.builder("github.com").build();
  private static final char[] PHRASE = "correct horse battery staple".toCharArray();

  private static char[] expected() {
    try (Password p = Mint.derive(REQUEST, PHRASE)) {
      return p.toCharArray();
    }
  }

  @Test
  void aMatchingCheckGivesThePassword() {
    try (Password p = CheckedDerivation.derive(REQUEST, PHRASE, PhraseCheck.parse("f40c"))) {
      assertArrayEquals(expected(), p.toCharArray());
    }
  }

  @Test
  void aMismatchIsRefusedWithBothChecksAndNoPassword() {
    char[] typo = "correct horse battery stapel".toCharArray();
    PhraseCheck typed = PhraseCheck.of(typo);
    CliException e =
        assertThrows(
            CliException.class,
            () -> CheckedDerivation.derive(REQUEST, typo, PhraseCheck.parse("f40c")));
    assertEquals(ExitCodes.INVALID_INPUT, e.exitCode());
    assertEquals(
        "phrase check mismatch: typed "
            + typed
            + ", recorded upshot article (f40c)"
            + " (a typo in the phrase? --force derives anyway)",
        e.getMessage());
  }

  @Test
  void noRecordedCheckDerivesDirectly() {
    try (Password p = CheckedDerivation.derive(REQUEST, PHRASE, null)) {
      assertArrayEquals(expected(), p.toCharArray());
    }
  }
}
