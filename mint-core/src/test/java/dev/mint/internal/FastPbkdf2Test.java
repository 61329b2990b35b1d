package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.InvalidInputException;
import dev.mint.Pbkdf2Engine;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The fast engine against the two engines it must agree with: BouncyCastle (the reference, on any
 * bytes) and the JDK's {@code PBKDF2WithHmacSHA256} (on passwords that survive its char[] API),
 * plus the RFC 7914 section 11 vectors.
 */
class FastPbkdf2Test {
  private static final List<Pbkdf2Engine> FAST =
      List.of(Pbkdf2Engine.fast(), Pbkdf2Engine.fastSequential());

  @Test
  void theFastParallelEngineIsTheDefault() {
    assertSame(Pbkdf2Engine.fast(), Pbkdf2Engine.defaultEngine());
    assertEquals("fast", Pbkdf2Engine.fast().name());
    assertEquals("fast-sequential", Pbkdf2Engine.fastSequential().name());
  }

  // RFC 7914 section 11; the expected values were checked with Python's hashlib.pbkdf2_hmac and
  // `openssl kdf ... PBKDF2` before they were written here.
  @Test
  void rfc7914OneIteration() {
    assertRfc(
        "passwd",
        "salt",
        1,
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void rfc7914EightyThousandIterations() {
    assertRfc(
        "Password",
        "NaCl",
        80000,
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
            + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  }

  private static void assertRfc(String password, String salt, int iterations, String hex) {
    byte[] expected = HexFormat.of().parseHex(hex);
    for (Pbkdf2Engine engine : FAST) {
      byte[] out = new byte[64];
      engine.derive(ascii(password), ascii(salt), iterations, out);
      assertArrayEquals(expected, out, engine.name());
    }
  }

  @Property(tries = 300)
  void agreesWithBouncyCastleOnAnyBytes(
      @ForAll("passwords") byte[] password,
      @ForAll @Size(max = 200) byte[] salt,
      @ForAll @IntRange(min = 1, max = 40) int iterations,
      @ForAll @IntRange(min = 1, max = 200) int length) {
    byte[] expected = new byte[length];
    BouncyCastlePbkdf2.INSTANCE.derive(password, salt, iterations, expected);
    for (Pbkdf2Engine engine : FAST) {
      byte[] out = new byte[length];
      engine.derive(password, salt, iterations, out);
      assertArrayEquals(expected, out, engine.name());
    }
  }

  @Property(tries = 150)
  void agreesWithTheJdkProviderOnAsciiPasswords(
      @ForAll("asciiPasswords") String password,
      @ForAll @Size(max = 100) byte[] salt,
      @ForAll @IntRange(min = 1, max = 40) int iterations,
      @ForAll @IntRange(min = 1, max = 130) int length)
      throws Exception {
    // PBEKeySpec takes char[] and the provider encodes it as UTF-8; ASCII round-trips exactly.
    // SunJCE refuses an empty password and an empty salt, so those are left to BouncyCastle.
    if (password.isEmpty() || salt.length == 0) {
      return;
    }
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
    byte[] expected =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    spec.clearPassword();
    for (Pbkdf2Engine engine : FAST) {
      byte[] out = new byte[length];
      engine.derive(ascii(password), salt, iterations, out);
      assertArrayEquals(expected, out, engine.name());
    }
  }

  @Provide
  Arbitrary<byte[]> passwords() {
    // around the HMAC key block: empty, short, exactly 64, and long keys that get hashed first
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(70),
        Arbitraries.bytes().array(byte[].class).ofMinSize(60).ofMaxSize(300));
  }

  @Provide
  Arbitrary<String> asciiPasswords() {
    return Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(150);
  }

  @Test
  void blockNumbersPastOneOctetAreWrittenBigEndian() {
    // INT(i) in U_1 is four octets, most significant first. mint asks for 2 blocks, so its rows
    // never see an index above 2; 257 blocks reach 0x0101 and 65,537 blocks 0x010001, where an
    // index written in the wrong order or truncated to its low octet gives other bytes.
    for (int blocks : new int[] {257, 65_537}) {
      byte[] expected = new byte[blocks * 32];
      BouncyCastlePbkdf2.INSTANCE.derive(ascii("p"), ascii("s"), 1, expected);
      for (Pbkdf2Engine engine : FAST) {
        byte[] out = new byte[blocks * 32];
        engine.derive(ascii("p"), ascii("s"), 1, out);
        assertArrayEquals(expected, out, engine.name() + ", " + blocks + " blocks");
      }
    }
  }

  @Test
  void writesOnlyItsOutputAndLeavesTheInputsAlone() {
    byte[] password = ascii("correct horse");
    byte[] salt = ascii("password-mint::v1::github::1");
    byte[] out = new byte[64];
    for (Pbkdf2Engine engine : FAST) {
      engine.derive(password, salt, 3, out);
      assertArrayEquals(ascii("correct horse"), password);
      assertArrayEquals(ascii("password-mint::v1::github::1"), salt);
    }
  }

  @Test
  void concurrentCallersGetTheirOwnAnswers() throws Exception {
    // more callers than helper threads: hand-offs are refused and callers run their own blocks
    int callers = 16;
    byte[][] results = new byte[callers][];
    Thread[] threads = new Thread[callers];
    for (int i = 0; i < callers; i++) {
      int n = i;
      threads[i] =
          new Thread(
              () -> {
                byte[] out = new byte[96];
                Pbkdf2Engine.fast().derive(new byte[] {(byte) n}, ascii("salt"), 500, out);
                results[n] = out;
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (int i = 0; i < callers; i++) {
      byte[] expected = new byte[96];
      BouncyCastlePbkdf2.INSTANCE.derive(new byte[] {(byte) i}, ascii("salt"), 500, expected);
      assertArrayEquals(expected, results[i], "caller " + i);
    }
  }

  @Test
  void leavesNoNonDaemonThreadBehind() {
    Set<Thread> before = liveNonDaemonThreads();
    byte[] out = new byte[200]; // seven blocks: as many helpers as the machine allows
    Pbkdf2Engine.fast().derive(ascii("p"), ascii("s"), 2000, out);
    Pbkdf2Engine.fast().derive(ascii("p"), ascii("s"), 2000, new byte[64]);
    Set<Thread> after = liveNonDaemonThreads();
    after.removeAll(before);
    assertTrue(after.isEmpty(), () -> "non-daemon threads appeared: " + after);
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("mint-pbkdf2-")) {
        assertTrue(thread.isDaemon(), thread.getName() + " is not a daemon");
      }
    }
  }

  private static Set<Thread> liveNonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .filter(t -> !t.getName().startsWith("ForkJoinPool")) // JUnit's parallel test workers
        .collect(Collectors.toSet());
  }

  @Test
  void rejectsBadArgumentsNamingTheField() {
    for (Pbkdf2Engine engine : FAST) {
      byte[] p = ascii("p");
      byte[] s = ascii("s");
      assertEquals("password", rejected(() -> engine.derive(null, s, 1, new byte[32])));
      assertEquals("salt", rejected(() -> engine.derive(p, null, 1, new byte[32])));
      assertEquals("out", rejected(() -> engine.derive(p, s, 1, null)));
      assertEquals("out", rejected(() -> engine.derive(p, s, 1, new byte[0])));
      assertEquals("iterations", rejected(() -> engine.derive(p, s, 0, new byte[32])));
      assertEquals("iterations", rejected(() -> engine.derive(p, s, -5, new byte[32])));
    }
  }

  private static String rejected(Runnable call) {
    return assertThrows(InvalidInputException.class, call::run).field();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
