package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.conformance.Stages;
import dev.mint.internal.SecretSeam;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PhraseCheck}: the definition, the text, the parse, and the buffers it wipes. */
class PhraseCheckTest {
  private static final char[] EXAMPLE = "correct horse battery staple".toCharArray();

  @Test
  void theDocumentedExample() {
    assertEquals("upshot article (f40c)", PhraseCheck.of(EXAMPLE).toString());
  }

  @Test
  void isTheFirstTwoBytesOfPbkdf2OverTheHardenedBytesByBouncyCastleItself() {
    // the definition, spelled out with BouncyCastle's generator rather than mint's engines
    byte[] hardened = Stages.hardenPhrase(EXAMPLE);
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(hardened, "mint::phrase-check::v1".getBytes(StandardCharsets.UTF_8), 210_000);
    byte[] key = ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
    int expected = ((key[0] & 0xff) << 8) | (key[1] & 0xff);
    assertEquals(32, key.length);
    assertEquals(expected, PhraseCheck.of(EXAMPLE).value());
  }

  @Test
  void everyEngineGivesTheSameCheck() {
    PhraseCheck check = PhraseCheck.of(EXAMPLE);
    for (Pbkdf2Engine engine : SecretWipingTest.engines()) {
      assertEquals(check, PhraseCheck.of(EXAMPLE, engine), engine.name());
    }
  }

  @Test
  void theWordsAreTheEvenWordOfTheFirstByteAndTheOddWordOfTheSecond() {
    PhraseCheck check = PhraseCheck.ofValue(0x0c_f4);
    // the same bytes swapped give other words: the lists tell a swap apart
    assertEquals("ammo Virginia (0cf4)", check.toString());
    assertEquals("aardvark adroitness (0000)", PhraseCheck.ofValue(0).toString());
    assertEquals("Zulu Yucatan (ffff)", PhraseCheck.ofValue(0xffff).toString());
  }

  @Test
  void parseReadsTheHexOrTheWholeLineInAnyCase() {
    PhraseCheck check = PhraseCheck.ofValue(0xf40c);
    assertEquals(check, PhraseCheck.parse("f40c"));
    assertEquals(check, PhraseCheck.parse("F40C"));
    assertEquals(check, PhraseCheck.parse("upshot article (f40c)"));
    assertEquals(check, PhraseCheck.parse("  Upshot  ARTICLE (F40C)\n"));
    for (int v = 0; v <= 0xffff; v += 97) {
      PhraseCheck each = PhraseCheck.ofValue(v);
      assertEquals(each, PhraseCheck.parse(each.toString()));
      assertEquals(each, PhraseCheck.parse(each.hex()));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "f40",
        "f40c0",
        "g40c",
        "upshot article",
        "article upshot (f40c)",
        "upshot article (f40d)",
        "upshot article f40c",
        "upshot article (f40c) extra",
        "correct horse battery staple"
      })
  void parseRefusesAnythingElseWithoutRepeatingIt(String text) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PhraseCheck.parse(text));
    assertEquals("check", e.field());
    if (!text.isEmpty()) {
      assertFalse(e.getMessage().contains(text.strip()), e.getMessage());
    }
  }

  @Test
  void valuesOutsideSixteenBitsAreRefused() {
    assertThrows(InvalidInputException.class, () -> PhraseCheck.ofValue(-1));
    assertThrows(InvalidInputException.class, () -> PhraseCheck.ofValue(0x10000));
  }

  @Test
  void equalsAndHashCodeFollowTheValue() {
    assertEquals(PhraseCheck.ofValue(7), PhraseCheck.ofValue(7));
    assertEquals(PhraseCheck.ofValue(7).hashCode(), PhraseCheck.ofValue(7).hashCode());
    assertNotEquals(PhraseCheck.ofValue(7), PhraseCheck.ofValue(8));
    assertNotEquals(PhraseCheck.ofValue(7), "7");
    // a hash of the value, not a constant (a constant survived the mutation run)
    assertNotEquals(PhraseCheck.ofValue(7).hashCode(), PhraseCheck.ofValue(8).hashCode());
  }

  @Test
  void aBlankPhraseIsRefusedLikeDerive() {
    assertThrows(InvalidInputException.class, () -> PhraseCheck.of(" \t\u00a0".toCharArray()));
    assertThrows(InvalidInputException.class, () -> PhraseCheck.of(null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void wipesTheHardenedAndDerivedBytesAndLeavesThePhrase(int engineIndex) {
    Pbkdf2Engine engine = SecretWipingTest.engines().get(engineIndex);
    char[] phrase = EXAMPLE.clone();
    List<Object> buffers = new ArrayList<>();
    PhraseCheck check = SecretSeam.watch(() -> PhraseCheck.of(phrase, engine), buffers);
    assertEquals("f40c", check.hex());
    assertArrayEquals(EXAMPLE, phrase, "the caller's phrase was modified");
    // the hardening's own buffers, the hardened bytes and the 32 derived bytes at least
    assertTrue(buffers.stream().anyMatch(b -> b instanceof byte[] && ((byte[]) b).length == 32));
    SecretWipingTest.assertAllWipedExcept(buffers, null);
  }
}
