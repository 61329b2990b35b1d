package dev.mint.cli;

import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.conformance.Stages;
import dev.mint.testing.HeapScan;

/**
 * The secrets of one derivation as patterns of the heap scanner, computed with mint-core (which the
 * scanner, in the test-support module that mint-core's own tests use, cannot depend on).
 */
final class DerivationSecrets {
  private DerivationSecrets() {}

  /**
   * Every secret of deriving {@code site}'s password with the page's defaults from {@code phrase}:
   * the phrase, the hardened phrase, the derived bytes and the password.
   */
  static HeapScan of(String phrase, String site) {
    MintRequest request = MintRequest.builder(site).build();
    byte[] hardened = Stages.hardenPhrase(phrase.toCharArray());
    String salt = Stages.salt(Stages.normalizeSite(site, request.revision()), request.version());
    byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.fastSequential());
    String password;
    try (Password p = Mint.derive(request, phrase.toCharArray())) {
      password = new String(p.toCharArray());
    }
    return new HeapScan()
        .text("phrase", phrase)
        .bytes("hardened phrase", hardened)
        .bytes("derived bytes", derived)
        .text("password", password);
  }
}
