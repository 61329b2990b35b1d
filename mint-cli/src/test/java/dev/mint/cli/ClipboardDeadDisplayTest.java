package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.output.XServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --clip} with a DISPLAY where no X server answers is refused before the phrase is read,
 * saying the display cannot be opened; {@code -q} silences the "copied" line. A real Xvfb and the
 * real xclip: the dead display is one a real Xvfb held and has given up.
 */
class ClipboardDeadDisplayTest {
  @TempDir Path runtime;

  @AfterEach
  void endHelper() throws IOException {
    XServer.endHelper(runtime);
  }

  @Test
  void aDisplayThatCannotBeOpenedIsRefusedBeforeThePhraseIsRead() throws Exception {
    Map<String, String> env;
    try (XServer x = XServer.start()) {
      env = x.env(runtime);
    }
    // the server is gone: DISPLAY now names a display nobody serves
    AtomicBoolean read = new AtomicBoolean();
    InputStream stdin =
        new InputStream() {
          @Override
          public int read() {
            read.set(true);
            return -1;
          }
        };
    CliRun run = CliRun.run(stdin, env::get, "--phrase-stdin", "--clip", "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertFalse(read.get(), "the phrase was read before the clipboard was probed"),
        () -> assertEquals("", run.out()),
        () ->
            assertEquals(
                "mint: --clip: the X display "
                    + env.get("DISPLAY")
                    + " cannot be opened (DISPLAY); the password was not shown\n",
                run.err()));
  }

  @Test
  void quietSilencesTheCopiedLine() throws Exception {
    try (XServer x = XServer.start()) {
      CliRun run =
          CliRun.run(
              (MintCliTest.MARKER + "\n").getBytes(StandardCharsets.UTF_8),
              x.env(runtime),
              "--phrase-stdin",
              "-q",
              "--clip",
              "2",
              "github.com");
      assertAll(
          () -> assertEquals(0, run.exitCode(), run.err()),
          () -> assertEquals("", run.out()),
          () -> assertEquals("", run.err()));
      assertEquals(ClipboardTest.password("github.com"), x.read());
    }
  }
}
