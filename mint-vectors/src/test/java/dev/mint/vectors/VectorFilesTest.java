package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controls C4 and C5 (docs/THREAT_MODEL.md): a vector file is untrusted input. Whatever it holds,
 * reading it either gives rows or a {@link VectorFormatException} whose message starts with {@code
 * file:line} (or {@code file} for a file too big to read), costs bounded memory, and never repeats
 * the phrase it carries.
 */
class VectorFilesTest {
  /** Vector files can hold real inputs, so their phrases stand for real ones here. */
  static final String MARKER = "qzxmarkerphrase";

  static final String ROW =
      "{\"id\": 1, \"revision\": \"r3\", \"kind\": \"stage\", \"input\": {\"site\": \"github.com\","
          + " \"phrase\": \"my "
          + MARKER
          + " words\", \"version\": \"1\", \"length\": 16, \"upper\": true,"
          + " \"lower\": true, \"digits\": true, \"symbols\": true, \"excludeAmbiguous\": true,"
          + " \"level\": \"standard\"}, \"normalizedSite\": \"github\", \"hardenedPhraseHex\": \"00\","
          + " \"salt\": \"password-mint::v1::github::1\", \"iterations\": 210000, \"derivedHex\": \""
          + "00".repeat(64)
          + "\", \"password\": \"abcdefghijklmnop\"}";

  @TempDir Path dir;

  @Test
  void aWellFormedFileReads() throws Exception {
    Path file =
        write(
            "good.jsonl",
            (ROW + "\n\n" + ROW.replace("\"id\": 1", "\"id\": 2") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    List<VectorRow> rows = VectorFiles.read(file);
    assertEquals(2, rows.size());
    assertEquals(3, rows.get(1).line());
    assertEquals("good.jsonl #2", rows.get(1).name());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeAnyOfItIsRead() throws Exception {
    Path file = dir.resolve("huge.jsonl");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(VectorFiles.MAX_FILE_BYTES + 1); // sparse: costs no disk and no time
    }
    VectorFormatException e =
        assertThrows(VectorFormatException.class, () -> VectorFiles.read(file));
    assertTrue(e.getMessage().startsWith("huge.jsonl: file is "), e.getMessage());
  }

  @Test
  void aLineOverTheLimitIsRefusedOnItsLine() throws Exception {
    byte[] longLine =
        "x".repeat(VectorFiles.MAX_LINE_CHARS + 1).getBytes(StandardCharsets.US_ASCII);
    Path file = write("long.jsonl", concat(ROW + "\n" + ROW + "\n", longLine, "\n" + ROW));
    assertFails(file, "long.jsonl:3: line longer than");
  }

  @Test
  void aLineOfMultiByteCharactersOverTheLimitIsRefusedOnItsLine() throws Exception {
    String wide = "\"" + "é".repeat(VectorFiles.MAX_LINE_CHARS) + "\"";
    Path file = write("wide.jsonl", (ROW + "\n" + wide + "\n").getBytes(StandardCharsets.UTF_8));
    assertFails(file, "wide.jsonl:2: line longer than");
  }

  @Test
  void invalidUtf8IsToldOnItsOwnLine() throws Exception {
    // long lines first, so that a reader that decodes ahead would blame the wrong line
    String padded = ROW.replace("github.com", "github.com" + " ".repeat(9000));
    byte[] bad = {'{', '"', (byte) 0xFF, '"', '}'};
    Path file = write("bad.jsonl", concat(padded + "\n" + padded + "\n", bad, "\n" + ROW + "\n"));
    assertFails(file, "bad.jsonl:3: not valid UTF-8");
  }

  @Test
  void aMalformedRowIsToldByFileAndLine() throws Exception {
    Path file =
        write(
            "broken.jsonl",
            (ROW + "\n" + ROW.replace("\"length\": 16", "\"length\": \"16\"") + "\n")
                .getBytes(StandardCharsets.UTF_8));
    assertFails(file, "broken.jsonl:2 input: field \"length\" must be a integer");
  }

  /** Any damage to a row gives a row or the file-and-line error, never another exception. */
  @Property(tries = 1000)
  void anyDamagedLineGivesARowOrAFileAndLineError(@ForAll("damagedRows") String line) {
    try {
      VectorFiles.parse(line, "damaged.jsonl", 42);
    } catch (VectorFormatException e) {
      assertTrue(e.getMessage().startsWith("damaged.jsonl:42"), e.getMessage());
      assertFalse(e.getMessage().toLowerCase(Locale.ROOT).contains(MARKER), e.getMessage());
    }
  }

  @Example
  void deepNestingAndHugeNumbersAreFormatErrors() {
    for (String line :
        List.of(
            "[".repeat(100_000),
            "{\"id\": " + "9".repeat(100_000) + "}",
            "{\"input\": " + "[".repeat(5000) + "}")) {
      VectorFormatException e =
          assertThrows(VectorFormatException.class, () -> VectorFiles.parse(line, "deep.jsonl", 1));
      assertTrue(e.getMessage().startsWith("deep.jsonl:1: "), e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> damagedRows() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, ROW.length());
    Arbitrary<String> junk =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(5),
            Arbitraries.of(
                "\"",
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "null",
                "true",
                "-1",
                "1e999",
                "\\u0000",
                "\"" + MARKER + "\""));
    Arbitrary<String> cut = at.map(i -> ROW.substring(0, i));
    Arbitrary<String> deleted =
        Combinators.combine(at, at)
            .as((a, b) -> ROW.substring(0, Math.min(a, b)) + ROW.substring(Math.max(a, b)));
    Arbitrary<String> inserted =
        Combinators.combine(at, junk).as((a, j) -> ROW.substring(0, a) + j + ROW.substring(a));
    Arbitrary<String> retyped =
        Arbitraries.of(
                "\"id\": 1",
                "\"length\": 16",
                "\"upper\": true",
                "\"kind\": \"stage\"",
                "\"phrase\": \"my ")
            .flatMap(
                field ->
                    junk.map(
                        j ->
                            ROW.replace(
                                field,
                                field.substring(0, field.indexOf(':') + 1)
                                    + " "
                                    + j
                                    + (field.endsWith("\"my ") ? "\"my " : ""))));
    return Arbitraries.oneOf(cut, deleted, inserted, retyped);
  }

  private void assertFails(Path file, String messageStart) {
    VectorFormatException e =
        assertThrows(VectorFormatException.class, () -> VectorFiles.read(file));
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    assertFalse(e.getMessage().contains(MARKER), e.getMessage());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
