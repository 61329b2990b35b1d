package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.Io;
import dev.mint.vectors.VectorRow;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --phrase-fd N} in-process: the descriptors are a map the test controls, so what mint reads
 * from descriptor N, and which descriptors are open, is exact. PhraseFdIT does the same through a
 * real process and a real descriptor.
 */
class PhraseFdTest {
  private static final String PHRASE = MintCliTest.MARKER;

  /** Descriptor 3 holds {@code content}; every other one is not open. */
  private static Io.Descriptors only3(byte[] content) {
    return fd -> {
      if (fd != 3) {
        throw new NoSuchFileException("/dev/fd/" + fd);
      }
      return new ByteArrayInputStream(content);
    };
  }

  private static CliRun run(byte[] fd3, String... args) {
    return CliRun.run(InputStream.nullInputStream(), name -> null, only3(fd3), args);
  }

  @Test
  void readsThePhraseFromTheDescriptorLikeStdin() throws Exception {
    VectorRow row = CliRows.e2eRows("r3", 1).get(0);
    List<String> args = new ArrayList<>(CliRows.deriveArgs(row));
    args.set(0, "--phrase-fd=3");
    CliRun run = run(CliRows.stdin(row), args.toArray(String[]::new));
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2|--phrase-fd 3 --phrase-stdin github.com|exclude each other",
        "2|--phrase-fd 3 --phrase-env X github.com|exclude each other",
        "2|--phrase-fd 3 --confirm github.com|--confirm works only with the console prompt",
        "2|--phrase-fd -1 github.com|0 (standard input) or 3 and up",
        "2|--phrase-fd 1 github.com|0 (standard input) or 3 and up",
        "2|--phrase-fd three github.com|invalid value for option '--phrase-fd'",
        "4|--phrase-fd 4 github.com|cannot read file descriptor 4 (no such file or directory)"
      })
  void refusals(int exit, String argLine, String message) {
    CliRun run = run((PHRASE + "\n").getBytes(StandardCharsets.UTF_8), argLine.split(" "));
    assertAll(
        () -> assertEquals(exit, run.exitCode(), run.err()),
        () -> assertTrue(run.err().contains(message), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertFalse(run.err().contains(PHRASE), run.err()));
  }

  @Test
  void anEmptyDescriptorIsAnIoErrorThatNamesIt() {
    CliRun run = run(new byte[0], "--phrase-fd", "3", "github.com");
    assertEquals(4, run.exitCode());
    assertEquals(
        "mint: file descriptor 3 is empty: --phrase-fd expects the master phrase on one line\n",
        run.err());
  }

  @Test
  void invalidUtf8OnTheDescriptorIsInvalidInput() {
    CliRun run = run(new byte[] {(byte) 0xff, '\n'}, "--phrase-fd", "3", "github.com");
    assertEquals(3, run.exitCode());
    assertEquals("mint: phrase: file descriptor 3 is not valid UTF-8\n", run.err());
  }
}
