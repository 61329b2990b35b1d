package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine leaves nothing in the {@code MessageDigest} objects it uses: every instance and
 * every per-iteration clone is reset once it has served. A dead clone still holding the input and
 * output of one keyed compression would let whoever reads the heap test phrase guesses at 2
 * compressions each, skipping the 210,000 iterations (docs/THREAT_MODEL.md, C3).
 *
 * <p>The engine gets its digests from a recording SHA-256 here: the JDK's, wrapped, noting for each
 * instance whether it holds data (anything hashed or a digest computed since its last reset).
 */
class DigestWipingTest {
  @ParameterizedTest(name = "{0}-byte password, {1} iterations, {2}-byte output, parallel={3}")
  @CsvSource({
    "16, 1, 32, false",
    "16, 3, 64, false",
    "16, 3, 64, true",
    "100, 3, 64, false", // over 64 bytes: the key is hashed first
    "100, 5, 96, true",
  })
  void everyDigestObjectIsResetAfterUse(
      int passwordLength, int iterations, int outLength, boolean parallel) {
    byte[] password = new byte[passwordLength];
    for (int i = 0; i < password.length; i++) {
      password[i] = (byte) (i * 7 + 1);
    }
    byte[] salt = "github.com1".getBytes(StandardCharsets.US_ASCII);
    List<RecordingSha256> made = Collections.synchronizedList(new ArrayList<>());

    byte[] out = new byte[outLength];
    FastPbkdf2 engine = new FastPbkdf2(parallel, () -> new RecordingSha256(made));
    engine.derive(password, salt, iterations, out);

    byte[] expected = new byte[outLength];
    BouncyCastlePbkdf2.INSTANCE.derive(password, salt, iterations, expected);
    assertArrayEquals(expected, out, "the recording digest must not change the result");
    int blocks = (outLength + 31) / 32;
    // 2 clones per iteration of each block (an HMAC's inner and outer half); 2 new instances (the
    // pad states) per thread that took part, plus 1 that hashes a key over 64 bytes
    long clones = made.stream().filter(md -> md.isClone).count();
    long instances = made.size() - clones;
    int keyHash = passwordLength > 64 ? 1 : 0;
    assertEquals(2L * iterations * blocks, clones, "clones made");
    assertTrue(
        instances >= 2 + keyHash && instances <= 2 * blocks + keyHash,
        instances + " new instances made");
    for (RecordingSha256 md : made) {
      assertTrue(md.used, "every digest object made was used");
      String what = md.isClone ? "a clone" : "a new instance";
      assertFalse(md.holdsData, what + " was left holding data");
    }
  }

  /** SHA-256 from the JDK, remembering whether the instance holds data since its last reset. */
  private static final class RecordingSha256 extends ForwardingSha256 implements Cloneable {
    private final List<RecordingSha256> made;
    private final boolean isClone;
    private boolean holdsData;
    private boolean used;

    RecordingSha256(List<RecordingSha256> made) {
      this(made, false, ForwardingSha256.jdkSha256());
    }

    private RecordingSha256(List<RecordingSha256> made, boolean isClone, MessageDigest real) {
      super(real);
      this.made = made;
      this.isClone = isClone;
      made.add(this);
    }

    @Override
    protected void engineUpdate(byte input) {
      super.engineUpdate(input);
      holdsData = true;
      used = true;
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      super.engineUpdate(input, offset, len);
      holdsData = true;
      used = true;
    }

    @Override
    protected byte[] engineDigest() {
      holdsData = true; // the JDK's digest keeps its final state until the next use or reset
      used = true;
      return super.engineDigest();
    }

    @Override
    protected void engineReset() {
      super.engineReset();
      holdsData = false;
    }

    @Override
    protected int engineGetDigestLength() {
      return 32;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
      // a clone starts with the original's data, so it holds data whenever the original does
      RecordingSha256 copy = new RecordingSha256(made, true, (MessageDigest) real.clone());
      copy.holdsData = holdsData;
      return copy;
    }
  }
}
