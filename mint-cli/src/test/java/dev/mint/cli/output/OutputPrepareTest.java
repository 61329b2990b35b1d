package dev.mint.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.Io;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * derive sets up the way to standard output before it reads the phrase ({@link
 * StdoutSink#prepare}): on a real file descriptor that writes nothing, and the password written
 * after it is the only output.
 */
class OutputPrepareTest {
  @TempDir Path dir;

  @Test
  void preparingWritesNothingAndThePasswordFollowsAlone() throws Exception {
    Path file = dir.resolve("stdout");
    String expected;
    try (FileOutputStream out = new FileOutputStream(file.toFile())) {
      Io io =
          Io.of(
              new ByteArrayInputStream(new byte[0]),
              out,
              new PrintWriter(new StringWriter()),
              name -> null,
              () -> null,
              false,
              false);
      StdoutSink.prepare(io);
      StdoutSink.prepare(io);
      assertEquals(0, Files.size(file));
      try (Password password =
          Mint.derive(MintRequest.builder("github.com").build(), "a test phrase".toCharArray())) {
        expected = new String(password.toCharArray()) + "\n";
        new StdoutSink(io).emit(password);
      }
    }
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
  }
}
