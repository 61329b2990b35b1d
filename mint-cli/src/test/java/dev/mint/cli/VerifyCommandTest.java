package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mint verify} in-process, on copies of upstream stage rows (no PBKDF2). */
class VerifyCommandTest {
  /** Escapes lone surrogates (and all non-ASCII) so rewritten rows stay valid UTF-8. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @TempDir Path dir;

  /** The first {@code count} lines of an upstream file whose row has a password. */
  private static List<String> upstreamLines(String file, int count) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(CliRows.upstreamDir().resolve(file))) {
      if (lines.size() < count && JSON.readTree(line).has("password")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void passingFilesGiveASummaryEachAndTheTotalLast() throws Exception {
    Path a = write("a.jsonl", upstreamLines("r1-stage.jsonl", 5));
    Path b = write("b.jsonl", upstreamLines("r3-stage.jsonl", 7));
    CliRun run = CliRun.run("verify", "--threads=2", a.toString(), b.toString());
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () ->
            assertEquals(
                a
                    + ": 5 passed, 0 failed\n"
                    + b
                    + ": 7 passed, 0 failed\n"
                    + "12 passed, 0 failed\n",
                run.out()),
        () -> assertEquals("", run.err(), "no progress bar when stderr is not a terminal"));
  }

  @Test
  void aFailingRowShowsFileIdAndFirstDifferingStageButNeverThePhrase() throws Exception {
    List<String> lines = upstreamLines("r2-stage.jsonl", 4);
    ObjectNode wrongPassword = (ObjectNode) JSON.readTree(lines.get(1));
    String expected = wrongPassword.get("password").textValue();
    wrongPassword.put("password", "not-the-password");
    lines.set(1, JSON.writeValueAsString(wrongPassword));
    ObjectNode otherPhrase = (ObjectNode) JSON.readTree(lines.get(3));
    ((ObjectNode) otherPhrase.get("input")).put("phrase", MintCliTest.MARKER);
    lines.set(3, JSON.writeValueAsString(otherPhrase));
    Path file = write("bad.jsonl", lines);

    CliRun run = CliRun.run("verify", file.toString());
    String[] out = run.out().split("\n");
    assertAll(
        () -> assertEquals(1, run.exitCode(), run.err()),
        () -> assertEquals(4, out.length, run.out()),
        () ->
            assertEquals(
                "FAIL "
                    + file
                    + " #"
                    + wrongPassword.get("id")
                    + " (line 2): password:"
                    + " expected \"not-the-password\", got \""
                    + expected
                    + "\"",
                out[0]),
        () ->
            assertTrue(
                out[1].startsWith(
                    "FAIL "
                        + file
                        + " #"
                        + otherPhrase.get("id")
                        + " (line 4): hardenedPhraseHex: expected the page's bytes, got bytes that differ"),
                out[1]),
        () -> assertEquals(file + ": 2 passed, 2 failed", out[2]),
        () -> assertEquals("2 passed, 2 failed", out[3]),
        () -> assertFalse(run.out().contains(MintCliTest.MARKER)),
        () -> assertFalse(run.err().contains(MintCliTest.MARKER)));
  }

  @Test
  void aMalformedFileIsAnIoErrorNamingTheLine() throws Exception {
    List<String> lines = upstreamLines("r1-stage.jsonl", 2);
    lines.add("{\"id\": 3, \"kind\": \"stage\"");
    Path file = write("broken.jsonl", lines);
    CliRun run = CliRun.run("verify", file.toString());
    assertEquals(4, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        "mint: " + file + ": malformed vector file: broken.jsonl:3: not a JSON object\n",
        run.err());
  }

  @Test
  void aMissingFileIsAnIoError() {
    Path missing = dir.resolve("missing.jsonl");
    CliRun run = CliRun.run("verify", missing.toString());
    assertEquals(4, run.exitCode());
    assertEquals("mint: " + missing + ": no such file\n", run.err());
  }

  @Test
  void aDirectoryIsAnIoError() {
    CliRun run = CliRun.run("verify", dir.toString());
    assertEquals(4, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("mint: " + dir + ": cannot read"), run.err());
  }
}
