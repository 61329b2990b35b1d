package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.internal.BouncyCastlePbkdf2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Project Wycheproof's PBKDF2-HMACSHA256 tests ({@code test-vectors/wycheproof/}, provenance in its
 * README): each of the 60 is one named test per engine, run against every engine mint offers and
 * the BouncyCastle reference. They reach what the page's vectors do not: empty and non-UTF-8
 * passwords, passwords over 64 bytes, and outputs that are not a whole number of 32-byte blocks.
 */
class WycheproofPbkdf2Test {
  private static final HexFormat HEX = HexFormat.of();

  /** mint's engines, then the reference. An engine mint adds later belongs here too. */
  static final List<Pbkdf2Engine> ENGINES =
      List.of(Pbkdf2Engine.fast(), Pbkdf2Engine.fastSequential(), BouncyCastlePbkdf2.INSTANCE);

  record Case(
      int tcId,
      String comment,
      String result,
      byte[] password,
      byte[] salt,
      int iterations,
      byte[] dk) {}

  @TestFactory
  Stream<DynamicTest> everyTestOnEveryEngine() throws IOException {
    List<Case> cases = read();
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases) {
      for (Pbkdf2Engine engine : ENGINES) {
        String name =
            "tcId "
                + c.tcId()
                + " ["
                + engine.name()
                + "]"
                + (c.comment().isEmpty() ? "" : " " + c.comment());
        tests.add(DynamicTest.dynamicTest(name, () -> check(c, engine)));
      }
    }
    return tests.stream();
  }

  private static void check(Case c, Pbkdf2Engine engine) {
    byte[] password = c.password().clone();
    byte[] salt = c.salt().clone();
    byte[] out = new byte[c.dk().length];
    engine.derive(password, salt, c.iterations(), out);
    boolean same = HEX.formatHex(c.dk()).equals(HEX.formatHex(out));
    if (c.result().equals("invalid")) {
      assertFalse(same, "an invalid test's output must not be reproduced");
    } else {
      assertEquals(HEX.formatHex(c.dk()), HEX.formatHex(out));
    }
    assertEquals(HEX.formatHex(c.password()), HEX.formatHex(password), "password not modified");
    assertEquals(HEX.formatHex(c.salt()), HEX.formatHex(salt), "salt not modified");
  }

  static List<Case> read() throws IOException {
    JsonNode root = new ObjectMapper().readTree(file().toFile());
    assertEquals("PBKDF2-HMACSHA256", root.path("algorithm").asText());
    List<Case> cases = new ArrayList<>();
    for (JsonNode group : root.path("testGroups")) {
      assertEquals("PbkdfTest", group.path("type").asText());
      for (JsonNode t : group.path("tests")) {
        String result = t.path("result").asText();
        assertTrue(Set.of("valid", "acceptable", "invalid").contains(result), "result " + result);
        byte[] dk = HEX.parseHex(t.path("dk").asText());
        assertEquals(t.path("dkLen").asInt(), dk.length, "tcId " + t.path("tcId"));
        cases.add(
            new Case(
                t.path("tcId").asInt(),
                t.path("comment").asText(),
                result,
                HEX.parseHex(t.path("password").asText()),
                HEX.parseHex(t.path("salt").asText()),
                t.path("iterationCount").asInt(),
                dk));
      }
    }
    assertEquals(
        root.path("numberOfTests").asInt(), cases.size(), "every test in the file is read");
    assertEquals(60, cases.size());
    return cases;
  }

  private static Path file() {
    String root = System.getProperty("mint.root");
    assertNotNull(root, "-Dmint.root (set by mint-core's pom) names the repository root");
    return Path.of(root, "test-vectors", "wycheproof", "pbkdf2_hmacsha256_test.json");
  }
}
