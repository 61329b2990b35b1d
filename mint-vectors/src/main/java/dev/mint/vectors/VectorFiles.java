package dev.mint.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads test-vector files: UTF-8, one JSON object a line. */
public final class VectorFiles {
  /** The largest vector file read. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  /** The longest line read, in characters. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private VectorFiles() {}

  /** The {@code *.jsonl} files directly in {@code dir}, sorted by name. */
  public static List<Path> jsonlFilesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  /**
   * Every row of {@code file}, in order; blank lines are skipped. Reads at most {@link
   * #MAX_FILE_BYTES} and at most {@link #MAX_LINE_CHARS} characters a line, so a huge or hostile
   * file costs bounded memory; every error names the file and, past the size check, the line.
   */
  public static List<VectorRow> read(Path file) throws IOException, VectorFormatException {
    String name = file.getFileName().toString();
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new VectorFormatException(
          name, "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " read");
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<VectorRow> rows = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      LimitedLines lines = new LimitedLines(in, name);
      for (byte[] bytes; (bytes = lines.next()) != null; ) {
        int lineNumber = lines.number();
        String line;
        try {
          line = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
          throw new VectorFormatException(name + ":" + lineNumber, "not valid UTF-8");
        }
        if (line.length() > MAX_LINE_CHARS) {
          throw tooLong(name, lineNumber);
        }
        if (!line.isBlank()) {
          rows.add(parse(line, name, lineNumber));
        }
      }
    }
    return rows;
  }

  private static VectorFormatException tooLong(String name, int lineNumber) {
    return new VectorFormatException(
        name + ":" + lineNumber, "line longer than " + MAX_LINE_CHARS + " characters");
  }

  /**
   * Lines as raw bytes, so that a decoding error is told on its own line (a decoding reader reads
   * ahead and would blame a later line). A line stops being read once it cannot be short enough:
   * UTF-8 needs at most 3 bytes for each UTF-16 code unit.
   */
  private static final class LimitedLines {
    private static final int MAX_LINE_BYTES = 3 * MAX_LINE_CHARS;

    private final InputStream in;
    private final String name;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int number;

    LimitedLines(InputStream in, String name) {
      this.in = in;
      this.name = name;
    }

    int number() {
      return number;
    }

    /** The next line without its line ending, or null at the end of the file. */
    byte[] next() throws IOException, VectorFormatException {
      line.reset();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (line.size() == MAX_LINE_BYTES) {
          throw tooLong(name, number + 1);
        }
        line.write(b);
      }
      if (b == -1 && line.size() == 0) {
        return null;
      }
      number++;
      byte[] bytes = line.toByteArray();
      int end = bytes.length;
      return end > 0 && bytes[end - 1] == '\r' ? java.util.Arrays.copyOf(bytes, end - 1) : bytes;
    }
  }

  /** One row from one line of JSON; {@code file} and {@code line} say where it came from. */
  public static VectorRow parse(String json, String file, int line) throws VectorFormatException {
    String where = file + ":" + line;
    JsonNode row;
    try {
      row = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new VectorFormatException(where, "not a JSON object");
    }
    if (row == null || !row.isObject()) {
      throw new VectorFormatException(where, "not a JSON object");
    }
    Fields f = new Fields(row, where);
    Fields in = new Fields(f.object("input"), where + " input");
    VectorRow.Input input =
        new VectorRow.Input(
            in.text("site"),
            in.text("phrase"),
            in.text("version"),
            in.integer("length"),
            in.bool("upper"),
            in.bool("lower"),
            in.bool("digits"),
            in.bool("symbols"),
            in.bool("excludeAmbiguous"),
            in.text("level"));
    String kind = f.text("kind");
    if (!kind.equals("stage") && !kind.equals("e2e")) {
      throw new VectorFormatException(where, "field \"kind\" must be \"stage\" or \"e2e\"");
    }
    String error = f.optionalText("error");
    boolean refused = error != null;
    return new VectorRow(
        file,
        line,
        f.integer("id"),
        f.text("revision"),
        kind,
        input,
        error,
        refused ? null : f.text("normalizedSite"),
        refused ? null : f.text("hardenedPhraseHex"),
        refused ? null : f.text("salt"),
        refused ? null : f.integer("iterations"),
        refused ? null : f.text("derivedHex"),
        refused ? null : f.text("password"));
  }

  /** Typed access to an object's fields, with errors that name the field. */
  private static final class Fields {
    private final JsonNode node;
    private final String where;

    Fields(JsonNode node, String where) {
      this.node = node;
      this.where = where;
    }

    private JsonNode get(String name, String type) throws VectorFormatException {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw new VectorFormatException(where, "field \"" + name + "\" is missing");
      }
      boolean ok =
          switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.canConvertToInt() && value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> value.isObject();
          };
      if (!ok) {
        throw new VectorFormatException(where, "field \"" + name + "\" must be a " + type);
      }
      return value;
    }

    String text(String name) throws VectorFormatException {
      return get(name, "string").textValue();
    }

    String optionalText(String name) throws VectorFormatException {
      return node.hasNonNull(name) ? text(name) : null;
    }

    int integer(String name) throws VectorFormatException {
      return get(name, "integer").intValue();
    }

    boolean bool(String name) throws VectorFormatException {
      return get(name, "boolean").booleanValue();
    }

    JsonNode object(String name) throws VectorFormatException {
      return get(name, "object");
    }
  }
}
