package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.testing.NodeJs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code CaseTables.java} is exactly what {@code
 * test-vectors/js/gen-case-tables.mjs} writes with the JavaScript engine at hand: tables edited by
 * hand, or an engine on another Unicode version, make this fail. Regenerate with the command in the
 * file's header.
 */
class CaseTablesCurrentTest {
  @Test
  void checkedInTablesAreWhatTheScriptWrites() throws Exception {
    List<String> generated = NodeJs.run("gen-case-tables.mjs", List.of());
    Path source =
        Path.of(System.getProperty("mint.core.dir", "."))
            .resolve("src/main/java/dev/mint/internal/CaseTables.java");
    List<String> checkedIn = Files.readAllLines(source, StandardCharsets.UTF_8);
    System.out.printf(
        "case tables: %s (%d lines) equals the output of gen-case-tables.mjs: %b%n",
        source.getFileName(), checkedIn.size(), checkedIn.equals(generated));
    assertEquals(
        String.join("\n", generated),
        String.join("\n", checkedIn),
        "CaseTables.java is not what gen-case-tables.mjs writes; regenerate it:"
            + " node test-vectors/js/gen-case-tables.mjs > mint-core/src/main/java/dev/mint/internal/CaseTables.java");
  }
}
