package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.conformance.Stages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The committed phrase-check vectors ({@code test-vectors/phrase-check/phrase-check-v1.jsonl},
 * written by the JavaScript implementation): one test per row, named by its id, comparing the
 * hardened bytes, the hex digits and the whole line.
 */
class PhraseCheckVectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path vectorFile() {
    String root = System.getProperty("mint.root", "");
    return Path.of(
        root.isBlank() ? ".." : root, "test-vectors", "phrase-check", "phrase-check-v1.jsonl");
  }

  static List<JsonNode> rows() {
    try {
      List<JsonNode> rows = new ArrayList<>();
      for (String line : Files.readAllLines(vectorFile(), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFileHasAtLeastTwentyRowsWithDistinctIds() {
    List<JsonNode> rows = rows();
    assertTrue(rows.size() >= 20, rows.size() + " rows");
    assertEquals(rows.size(), rows.stream().map(r -> r.get("id").asText()).distinct().count());
  }

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> everyRow() {
    return rows().stream()
        .map(row -> DynamicTest.dynamicTest(row.get("id").asText(), () -> check(row)));
  }

  private static void check(JsonNode row) {
    char[] phrase = row.get("phrase").asText().toCharArray();
    byte[] hardened = Stages.hardenPhrase(phrase);
    assertEquals(
        row.get("hardenedPhraseHex").asText(), HexFormat.of().formatHex(hardened), "hardened");
    PhraseCheck check = PhraseCheck.of(phrase);
    assertEquals(row.get("checkHex").asText(), check.hex(), "hex");
    assertEquals(row.get("check").asText(), check.toString(), "text");
    assertEquals(check, PhraseCheck.parse(row.get("check").asText()), "parse");
  }
}
