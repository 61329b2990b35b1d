package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --qr} on a real pseudo-terminal (util-linux {@code script}) of a set width: a terminal
 * narrower than the code would wrap its lines into a picture no camera reads, so mint refuses
 * before the phrase is read, naming the width needed; a wide enough one gets the code.
 */
class QrWidthPtyIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @TempDir Path dir;

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code mint --qr github.com} on a terminal {@code columns} wide; returns exit and screen. */
  private String[] run(int columns) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    Path phrase = Files.writeString(dir.resolve("phrase"), MintCliTest.MARKER + "\n");
    String command =
        "stty cols "
            + columns
            + "; "
            + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            + " "
            + quote(TestHome.javaOption())
            + " -jar "
            + quote(JarProcess.jar().toString())
            + " --qr --quiet --phrase-fd 3 github.com 3< "
            + quote(phrase.toString());
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command, "/dev/null")
            .redirectErrorStream(true);
    JarProcess.isolate(builder.environment());
    Process process = builder.start();
    process.getOutputStream().close();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    process.getInputStream().transferTo(screen);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "mint did not end");
    return new String[] {
      Integer.toString(process.exitValue()), screen.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void aTerminalNarrowerThanTheCodeIsRefusedNamingTheWidthNeeded() throws Exception {
    String[] narrow = run(20);
    assertEquals("2", narrow[0], narrow[1]);
    assertTrue(
        narrow[1].contains(
            "mint: --qr: the QR code of a 16-character password is 33 columns wide and the"
                + " terminal 20"),
        narrow[1]);
    assertFalse(narrow[1].contains("\u2588"), "a code was drawn: " + narrow[1]);

    String[] wide = run(33);
    assertEquals("0", wide[0], wide[1]);
    assertTrue(wide[1].contains("\u2588"), wide[1]);
  }
}
