package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C22 holds when the jar is run through a symbolic link ({@code java -jar ~/bin/mint.jar}, a link
 * to the real jar): the kernel names the JVM's descriptor of the jar by its real path, the class
 * path by the link's, and {@code --phrase-fd} of that descriptor must still be refused as one the
 * JVM opened for itself, not read as a phrase (docs/THREAT_MODEL.md, C22).
 */
class PhraseFdLinkIT {
  @TempDir Path dir;

  @Test
  void theJarsOwnDescriptorIsRefusedThroughALink() throws Exception {
    Path link = dir.resolve("mint.jar");
    Files.createSymbolicLink(link, JarProcess.jar().toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // a JVM opens lib/modules on 3 and the jar on 4 (JDK 17 and 25 here); try both and a few more
    for (int fd = 3; fd <= 6; fd++) {
      JarProcess run =
          JarProcess.exec(
              List.of(java, "-jar", link.toString(), "--phrase-fd", Integer.toString(fd), "a.com"),
              Map.of(),
              new byte[0]);
      int n = fd;
      // 3 and 4 are the JVM's own for as long as it runs, and named so; from 5 on a descriptor may
      // be one a JVM thread holds for an instant (its compiler threads read cgroup files on 5),
      // which mint may then find unreadable rather than closed: refused either way, no phrase read
      String said = fd <= 4 ? "is not open" : "file descriptor " + fd;
      assertAll(
          () -> assertEquals(4, run.exitCode(), n + ": " + run.err()),
          () -> assertEquals("", run.out()),
          () -> assertTrue(run.err().contains(said), n + ": " + run.err()));
    }
  }
}
