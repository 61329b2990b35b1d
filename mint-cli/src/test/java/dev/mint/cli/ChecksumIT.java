package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Control C9 (docs/THREAT_MODEL.md): every jar the build makes, the library's, the vector checker's
 * and the runnable CLI's, has a SHA-256 next to it in {@code sha256sum} format, and that checksum
 * is the jar's. Runs in mint-cli, after package, when the jars exist.
 */
class ChecksumIT {

  @ParameterizedTest
  @ValueSource(strings = {"mint.core.jar", "mint.vectors.jar", "mint.cli.jar"})
  void theJarHasASha256sumFileThatMatchesIt(String property) throws Exception {
    Path jar = Path.of(System.getProperty(property));
    assertTrue(Files.isRegularFile(jar), "the build made no jar at " + jar);
    Path checksum = jar.resolveSibling(jar.getFileName() + ".sha256");
    assertTrue(Files.isRegularFile(checksum), "no checksum published next to " + jar.getFileName());

    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    String line = Files.readString(checksum, StandardCharsets.US_ASCII).strip();
    assertEquals(
        expected + "  " + jar.getFileName(), line, "sha256sum -c format: HASH, two spaces, name");
  }
}
